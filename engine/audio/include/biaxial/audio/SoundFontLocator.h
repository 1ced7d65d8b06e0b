#pragma once

#include <string>
#include <vector>

namespace biaxial {

// Finds the General MIDI SoundFont to play with when the user has not chosen one.
// Thread-safe: no shared state.
class SoundFontLocator {
public:
    // Where to look, in order: $BIAXIAL_SOUNDFONT, then Debian's paths
    // (/usr/share/sounds/sf2/default-GM.sf2 and FluidR3_GM.sf2 from fluid-soundfont-gm,
    // then TimGM6mb.sf2 and /usr/share/soundfonts/default.sf2).
    static std::vector<std::string> candidates();
    // The first candidate that is a SoundFont, or "" with `error` naming what was tried
    // and the package to install.
    static std::string defaultSoundFont(std::string* error = nullptr);
    // "" when `path` is a readable SoundFont 2 file (RIFF "sfbk"), else why it is not:
    // "song.mid: not a SoundFont (no RIFF sfbk header)".
    static std::string check(const std::string& path);
};

}  // namespace biaxial
