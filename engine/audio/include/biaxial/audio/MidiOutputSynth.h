#pragma once

#include "biaxial/audio/IMidiOutput.h"
#include "biaxial/audio/ISynth.h"

namespace biaxial {

// Plays to a MIDI output port: turns ISynth calls into MIDI messages, so that the
// PlaybackScheduler can drive an external instrument or another program's synth.
// Threads: as thread-safe as the port (IMidiOutput::send is thread-safe).
class MidiOutputSynth final : public ISynth {
public:
    // `output` is not owned and must outlive this object.
    explicit MidiOutputSynth(IMidiOutput& output) : output_(output) {}

    void noteOn(int channel, int pitch, int velocity) override;
    void noteOff(int channel, int pitch) override;
    // On each of the 16 channels: sustain pedal up (64 = 0), then all notes off (123).
    // Not every device honours 123, but the scheduler has already sent a note-off for each
    // note it started.
    void allNotesOff() override;
    void programChange(int channel, int program) override;
    void controlChange(int channel, int controller, int value) override;

private:
    IMidiOutput& output_;
};

}  // namespace biaxial
