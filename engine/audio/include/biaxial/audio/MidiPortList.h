#pragma once

#include <string>
#include <vector>

namespace biaxial {

// The MIDI ports of one direction, or why there are none: the UI shows `message` when
// `names` is empty ("no ALSA sequencer: ..." on machines without one, such as CI).
struct MidiPortList {
    std::vector<std::string> names;
    std::string message;  // "" when the backend works (even with zero ports)
};

}  // namespace biaxial
