#pragma once

namespace biaxial {

// Something that makes sound from MIDI-like commands: FluidSynthSynth, a MIDI port
// (MidiOutputSynth), or FakeSynth in tests. Channels 0..15, pitches and values 0..127
// (implementations clamp).
//
// Threads: implementations must be thread-safe. The PlaybackScheduler calls them from its
// worker thread, MidiThru from the MIDI input thread, and the UI may call allNotesOff()
// from the GUI thread.
class ISynth {
public:
    virtual ~ISynth() = default;

    virtual void noteOn(int channel, int pitch, int velocity) = 0;
    virtual void noteOff(int channel, int pitch) = 0;
    // Silences every channel (note-offs and sustain pedal up): called on stop, on loop and
    // on seek so that no note hangs.
    virtual void allNotesOff() = 0;
    virtual void programChange(int channel, int program) = 0;
    virtual void controlChange(int channel, int controller, int value) = 0;
};

}  // namespace biaxial
