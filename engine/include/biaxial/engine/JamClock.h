#pragma once

namespace biaxial {

// Time for live play, in seconds from an arbitrary origin: the real steady clock, or a fake
// one in tests (a slow network or a late step without waiting for real time).
class JamClock {
public:
    virtual ~JamClock() = default;
    virtual double now() = 0;
    virtual void sleepUntil(double seconds) = 0;
    // The process's steady clock (std::chrono::steady_clock; sleeps for real).
    static JamClock& steady();
};

}  // namespace biaxial
