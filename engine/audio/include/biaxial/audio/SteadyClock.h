#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "biaxial/audio/IClock.h"

namespace biaxial {

// The real clock: std::chrono::steady_clock, in seconds since its epoch, so that every
// SteadyClock and the MIDI input timestamps (RtMidiInput) share one timeline.
class SteadyClock final : public IClock {
public:
    double now() const override;
    void waitUntil(double deadline) override;
    void interrupt() override;

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool interrupted_ = false;
};

}  // namespace biaxial
