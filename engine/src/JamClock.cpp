#include "biaxial/engine/JamClock.h"

#include <chrono>
#include <thread>

namespace biaxial {

namespace {

class SteadyJamClock : public JamClock {
public:
    double now() override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }
    void sleepUntil(double seconds) override {
        const double wait = seconds - now();
        if (wait > 0)
            std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
};

}  // namespace

JamClock& JamClock::steady() {
    static SteadyJamClock clock;
    return clock;
}

}  // namespace biaxial
