#pragma once

#include <functional>
#include <string>

#include "biaxial/audio/MidiMessage.h"

namespace biaxial {

// A MIDI input port (RtMidiInput, FakeMidiInput).
//
// Threads: the callback runs on the backend's input thread (RtMidi's ALSA thread; the
// caller's thread for FakeMidiInput::inject()), never on the GUI thread. Keep it short and
// hand data to the GUI thread by value (a queued signal). setCallback() may be called from
// any thread; after it returns the old callback is never called again.
class IMidiInput {
public:
    // `seconds`: when the message arrived, on the SteadyClock timeline (steady_clock seconds
    // since its epoch), so a MidiRecorder can line it up with the playhead.
    using Callback = std::function<void(const MidiMessage& message, double seconds)>;

    virtual ~IMidiInput() = default;

    virtual bool isOpen() const = 0;
    virtual std::string portName() const = 0;
    virtual void setCallback(Callback callback) = 0;
};

}  // namespace biaxial
