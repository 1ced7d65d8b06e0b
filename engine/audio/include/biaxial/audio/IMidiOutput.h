#pragma once

#include <string>

#include "biaxial/audio/MidiMessage.h"

namespace biaxial {

// A MIDI output port (RtMidiOutput, FakeMidiOutput). Turn it into an ISynth with
// MidiOutputSynth to play a song to an external instrument.
//
// Threads: send() is thread-safe (the scheduler's worker thread and the MIDI thru on the
// input thread may both send).
class IMidiOutput {
public:
    virtual ~IMidiOutput() = default;

    virtual bool isOpen() const = 0;
    // The name of the open port ("" when closed).
    virtual std::string portName() const = 0;
    // Sends one message now. Ignored when the port is closed; a failing port reports
    // through lastError() rather than throwing.
    virtual void send(const MidiMessage& message) = 0;
    virtual std::string lastError() const = 0;
};

}  // namespace biaxial
