#include "biaxial/audio/SteadyClock.h"

#include <cmath>

namespace biaxial {

double SteadyClock::now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void SteadyClock::waitUntil(double deadline) {
    std::unique_lock lock(mutex_);
    // A day away counts as never: a far deadline would overflow the nanosecond time_point.
    if (std::isnan(deadline) || deadline > now() + 86400.0) {
        wake_.wait(lock, [this] { return interrupted_; });
    } else {
        const auto until = std::chrono::steady_clock::time_point() +
                           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                               std::chrono::duration<double>(deadline));
        wake_.wait_until(lock, until, [this] { return interrupted_; });
    }
    interrupted_ = false;
}

void SteadyClock::interrupt() {
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

}  // namespace biaxial
