#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "biaxial/audio/IMidiOutput.h"

namespace biaxial {

// A MIDI output port that records what is sent: for tests of MidiOutputSynth, MidiThru
// and the UI's port selection. Thread-safe.
class FakeMidiOutput final : public IMidiOutput {
public:
    explicit FakeMidiOutput(std::string name = "Fake MIDI Out", bool open = true)
        : name_(std::move(name)), open_(open) {}

    bool isOpen() const override;
    std::string portName() const override;
    void send(const MidiMessage& message) override;
    std::string lastError() const override { return {}; }

    void setOpen(bool open);
    std::vector<MidiMessage> sent() const;
    void clear();

private:
    mutable std::mutex mutex_;
    std::string name_;
    bool open_;
    std::vector<MidiMessage> sent_;
};

}  // namespace biaxial
