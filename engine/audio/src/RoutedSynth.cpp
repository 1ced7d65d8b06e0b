#include "biaxial/audio/RoutedSynth.h"

namespace biaxial {

void RoutedSynth::setTarget(ISynth* target) {
    std::lock_guard lock(mutex_);
    if (target_ && target_ != target)
        target_->allNotesOff();
    target_ = target;
}

void RoutedSynth::noteOn(int channel, int pitch, int velocity) {
    std::lock_guard lock(mutex_);
    if (target_)
        target_->noteOn(channel, pitch, velocity);
}

void RoutedSynth::noteOff(int channel, int pitch) {
    std::lock_guard lock(mutex_);
    if (target_)
        target_->noteOff(channel, pitch);
}

void RoutedSynth::allNotesOff() {
    std::lock_guard lock(mutex_);
    if (target_)
        target_->allNotesOff();
}

void RoutedSynth::programChange(int channel, int program) {
    std::lock_guard lock(mutex_);
    if (target_)
        target_->programChange(channel, program);
}

void RoutedSynth::controlChange(int channel, int controller, int value) {
    std::lock_guard lock(mutex_);
    if (target_)
        target_->controlChange(channel, controller, value);
}

}  // namespace biaxial
