#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace biaxial::cli {

// OUT.mid for one variation; OUT-1.mid, OUT-2.mid ... for several.
inline std::filesystem::path numberedPath(const std::filesystem::path& path, std::size_t k,
                                          std::size_t count) {
    if (count <= 1)
        return path;
    return path.parent_path() /
           (path.stem().string() + "-" + std::to_string(k + 1) + path.extension().string());
}

}  // namespace biaxial::cli
