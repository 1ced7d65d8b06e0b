#pragma once

namespace biaxial {

// The time source of the PlaybackScheduler, so that timing can be tested without waiting
// (FakeClock) and run for real (SteadyClock).
//
// Threads: now() and interrupt() may be called from any thread; waitUntil() is called by
// one thread at a time (the scheduler's worker).
class IClock {
public:
    virtual ~IClock() = default;

    // Seconds on a monotonic clock; only differences matter.
    virtual double now() const = 0;
    // Blocks until now() >= deadline, or returns early when interrupt() is called. An
    // interrupt() that comes while nobody waits is remembered and ends the next wait at
    // once, so a wake-up is never lost.
    virtual void waitUntil(double deadline) = 0;
    virtual void interrupt() = 0;
};

}  // namespace biaxial
