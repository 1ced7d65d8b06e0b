#include "biaxial/audio/FakeMidiOutput.h"

namespace biaxial {

bool FakeMidiOutput::isOpen() const {
    std::lock_guard lock(mutex_);
    return open_;
}

std::string FakeMidiOutput::portName() const {
    std::lock_guard lock(mutex_);
    return open_ ? name_ : std::string();
}

void FakeMidiOutput::send(const MidiMessage& message) {
    std::lock_guard lock(mutex_);
    if (open_ && message.size > 0)
        sent_.push_back(message);
}

void FakeMidiOutput::setOpen(bool open) {
    std::lock_guard lock(mutex_);
    open_ = open;
}

std::vector<MidiMessage> FakeMidiOutput::sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
}

void FakeMidiOutput::clear() {
    std::lock_guard lock(mutex_);
    sent_.clear();
}

}  // namespace biaxial
