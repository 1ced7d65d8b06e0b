#pragma once

#include <string>

namespace biaxial {

// The General MIDI level 1 instrument names (program 0 = Acoustic Grand Piano).
class GeneralMidi {
public:
    static constexpr int kPrograms = 128;
    static std::string programName(int program);  // "" outside 0..127
};

}  // namespace biaxial
