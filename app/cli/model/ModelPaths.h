#pragma once

#include <filesystem>
#include <string>

namespace biaxial::cli {

// The default model shipped in resources/: the build tree's first, then beside the program
// as installed (<prefix>/bin/biaxial -> <prefix>/share/biaxial-studio: a package installs
// under /usr whatever prefix the build was configured with), then the configured prefix's.
inline std::string defaultModelPath() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::string besideExe =
        ec ? std::string()
           : (exe.parent_path() / ".." / "share" / "biaxial-studio").lexically_normal().string();
    for (const std::string& dir :
         {std::string(BIAXIAL_RESOURCES_DIR), besideExe, std::string(BIAXIAL_INSTALLED_RESOURCES_DIR)}) {
        if (dir.empty())
            continue;
        const std::string p = dir + "/default-model.pt";
        if (std::filesystem::exists(p))
            return p;
    }
    return {};
}

}  // namespace biaxial::cli
