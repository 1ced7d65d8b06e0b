#include "biaxial/audio/MidiThru.h"

namespace biaxial {

void MidiThru::setSynth(ISynth* synth) {
    std::lock_guard lock(mutex_);
    if (synth_ && synth_ != synth)
        synth_->allNotesOff();  // keys held now never get their note-off there
    synth_ = synth;
}

void MidiThru::handle(const MidiMessage& message) {
    if (!enabled_)
        return;
    std::lock_guard lock(mutex_);
    if (synth_)
        dispatch(message, *synth_, channel_);
}

void MidiThru::dispatch(const MidiMessage& message, ISynth& synth, int channelOverride) {
    const int channel = channelOverride >= 0 && channelOverride < 16 ? channelOverride : message.channel();
    if (message.isNoteOn()) {
        synth.noteOn(channel, message.data1(), message.data2());
    } else if (message.isNoteOff()) {
        synth.noteOff(channel, message.data1());
    } else if (message.isControlChange()) {
        synth.controlChange(channel, message.data1(), message.data2());
    } else if (message.isProgramChange()) {
        synth.programChange(channel, message.data1());
    }
}

}  // namespace biaxial
