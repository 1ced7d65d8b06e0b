#pragma once
// Internal to biaxial_audio (RtMidiOutput, RtMidiInput).
#if BIAXIAL_HAVE_RTMIDI

#include <RtMidi.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "biaxial/audio/MidiPortList.h"

namespace biaxial::rtmidiapi {

inline constexpr const char* kClientName = "Biaxial Studio";

// ALSA on Linux when compiled in: RtMidi's default would also try JACK, which prints
// connection errors when no JACK server runs.
inline RtMidi::Api preferred() {
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    return std::find(apis.begin(), apis.end(), RtMidi::LINUX_ALSA) != apis.end() ? RtMidi::LINUX_ALSA
                                                                                 : RtMidi::UNSPECIFIED;
}

// Why a port list is empty, for the UI: RtMidi's own words after ours.
inline std::string unavailable(const std::string& what) {
    return (preferred() == RtMidi::LINUX_ALSA ? "no ALSA sequencer (MIDI ports unavailable): "
                                              : "MIDI ports unavailable: ") +
           what;
}

// "" when the ALSA sequencer can be opened, else why not. Checked before RtMidi is asked
// because RtMidi and alsa-lib print their failure to stderr before RtMidi throws, which on
// every machine without a sequencer (CI, containers) would clutter the terminal.
inline std::string sequencerMissing() {
    if (preferred() != RtMidi::LINUX_ALSA)
        return {};
    if (::access("/dev/snd/seq", R_OK | W_OK) == 0)
        return {};
    return unavailable(std::string("/dev/snd/seq: ") + std::strerror(errno));
}

// The ports of one direction (Port: RtMidiIn or RtMidiOut), or why there are none: one
// listing for both, so that inputs and outputs explain a missing sequencer alike.
template <class Port>
MidiPortList listPorts() {
    MidiPortList list;
    list.message = sequencerMissing();
    if (!list.message.empty())
        return list;
    try {
        Port port(preferred(), kClientName);
        const unsigned count = port.getPortCount();
        for (unsigned i = 0; i < count; ++i)
            list.names.push_back(port.getPortName(i));
    } catch (const RtMidiError& e) {
        list.names.clear();
        list.message = unavailable(e.getMessage());
    }
    return list;
}

// The index in `list` of the first port whose name contains `name`, or -1.
inline int findPort(const MidiPortList& list, const std::string& name) {
    for (std::size_t i = 0; i < list.names.size(); ++i) {
        if (list.names[i].find(name) != std::string::npos)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace biaxial::rtmidiapi

#endif
