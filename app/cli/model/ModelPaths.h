#pragma once

#include <filesystem>
#include <string>

namespace biaxial::cli {

// The default model shipped in resources/: the build tree's first, then the installed one.
inline std::string defaultModelPath() {
    for (const char* dir : {BIAXIAL_RESOURCES_DIR, BIAXIAL_INSTALLED_RESOURCES_DIR}) {
        const std::string p = std::string(dir) + "/default-model.pt";
        if (std::filesystem::exists(p))
            return p;
    }
    return {};
}

}  // namespace biaxial::cli
