#pragma once

#include <mutex>
#include <string>

#include "biaxial/audio/IMidiInput.h"

namespace biaxial {

// A MIDI input port driven by a test: inject() calls the callback on the caller's thread,
// standing in for a keyboard. Thread-safe.
class FakeMidiInput final : public IMidiInput {
public:
    explicit FakeMidiInput(std::string name = "Fake MIDI In") : name_(std::move(name)) {}

    bool isOpen() const override { return true; }
    std::string portName() const override { return name_; }
    void setCallback(Callback callback) override;

    // Delivers a message as if it came from the port at time `seconds`.
    void inject(const MidiMessage& message, double seconds);

private:
    std::string name_;
    std::mutex mutex_;  // held while the callback runs, so setCallback() waits for it
    Callback callback_;
};

}  // namespace biaxial
