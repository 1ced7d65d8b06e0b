#include "biaxial/audio/SoundFontLocator.h"

#include <cstdlib>
#include <cstring>
#include <fstream>

namespace biaxial {

std::vector<std::string> SoundFontLocator::candidates() {
    std::vector<std::string> paths;
    if (const char* env = std::getenv("BIAXIAL_SOUNDFONT"); env && *env)
        paths.emplace_back(env);
    for (const char* path : {"/usr/share/sounds/sf2/default-GM.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2",
                             "/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/soundfonts/default.sf2",
                             "/usr/share/soundfonts/FluidR3_GM.sf2"}) {
        paths.emplace_back(path);
    }
    return paths;
}

std::string SoundFontLocator::defaultSoundFont(std::string* error) {
    std::string tried;
    for (const std::string& path : candidates()) {
        if (check(path).empty())
            return path;
        tried += (tried.empty() ? "" : ", ") + path;
    }
    if (error) {
        *error = "no General MIDI SoundFont found (tried " + tried +
                 "); install the Debian package fluid-soundfont-gm or choose an .sf2 file";
    }
    return {};
}

std::string SoundFontLocator::check(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return path + ": cannot open the SoundFont";
    char header[12] = {};
    in.read(header, sizeof header);
    if (in.gcount() != sizeof header || std::memcmp(header, "RIFF", 4) != 0 ||
        std::memcmp(header + 8, "sfbk", 4) != 0) {
        return path + ": not a SoundFont (no RIFF sfbk header)";
    }
    return {};
}

}  // namespace biaxial
