#include "biaxial/audio/FakeMidiInput.h"

namespace biaxial {

void FakeMidiInput::setCallback(Callback callback) {
    std::lock_guard lock(mutex_);
    callback_ = std::move(callback);
}

void FakeMidiInput::inject(const MidiMessage& message, double seconds) {
    std::lock_guard lock(mutex_);
    if (callback_)
        callback_(message, seconds);
}

}  // namespace biaxial
