#include "biaxial/audio/MidiOutputSynth.h"

namespace biaxial {

void MidiOutputSynth::noteOn(int channel, int pitch, int velocity) {
    output_.send(MidiMessage::noteOn(channel, pitch, velocity));
}

void MidiOutputSynth::noteOff(int channel, int pitch) {
    output_.send(MidiMessage::noteOff(channel, pitch));
}

void MidiOutputSynth::allNotesOff() {
    for (int channel = 0; channel < 16; ++channel) {
        output_.send(MidiMessage::controlChange(channel, 64, 0));
        output_.send(MidiMessage::allNotesOff(channel));
    }
}

void MidiOutputSynth::programChange(int channel, int program) {
    output_.send(MidiMessage::programChange(channel, program));
}

void MidiOutputSynth::controlChange(int channel, int controller, int value) {
    output_.send(MidiMessage::controlChange(channel, controller, value));
}

}  // namespace biaxial
