#pragma once

#include <atomic>
#include <mutex>

#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/MidiMessage.h"

namespace biaxial {

// MIDI thru: passes what a keyboard plays to a synth (FluidSynth or an output port) so the
// player hears it, optionally moved to one channel. Connect it to an input port's callback
// beside the MidiRecorder.
// Threads: handle() runs on the MIDI input thread; the setters may be called from any.
class MidiThru {
public:
    // `synth` may be null (thru off) and is not owned.
    explicit MidiThru(ISynth* synth = nullptr) : synth_(synth) {}

    void setSynth(ISynth* synth);
    void setEnabled(bool enabled) { enabled_ = enabled; }
    bool isEnabled() const { return enabled_; }
    // -1 keeps each message's channel; 0..15 sends everything there.
    void setChannel(int channel) { channel_ = channel; }

    void handle(const MidiMessage& message);

    // Sends one channel message to a synth (note on/off, controller, program); others are
    // ignored. Shared with anything that must replay MIDI bytes on an ISynth.
    static void dispatch(const MidiMessage& message, ISynth& synth, int channelOverride = -1);

private:
    std::mutex mutex_;  // guards synth_ against setSynth() while a message is handled
    ISynth* synth_;
    std::atomic<bool> enabled_{true};
    std::atomic<int> channel_{-1};
};

}  // namespace biaxial
