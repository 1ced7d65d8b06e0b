#include "biaxial/audio/FakeClock.h"

#include <algorithm>
#include <chrono>

namespace biaxial {
namespace {

std::chrono::steady_clock::time_point realDeadline(double seconds) {
    return std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                  std::chrono::duration<double>(seconds));
}

}  // namespace

double FakeClock::now() const {
    std::lock_guard lock(mutex_);
    return now_;
}

void FakeClock::waitUntil(double deadline) {
    std::unique_lock lock(mutex_);
    if (!interrupted_ && now_ < deadline) {
        sleeping_ = true;
        deadline_ = deadline;
        changed_.notify_all();  // tells advanceTo()/settle() that the worker is idle
        changed_.wait(lock, [&] { return interrupted_ || now_ >= deadline; });
        sleeping_ = false;
    }
    interrupted_ = false;
    ++wakeups_;
    changed_.notify_all();
}

void FakeClock::interrupt() {
    std::lock_guard lock(mutex_);
    interrupted_ = true;
    changed_.notify_all();
}

bool FakeClock::waitForSleeperLocked(std::unique_lock<std::mutex>& lock, double realTimeoutSeconds) {
    // A sleeper with an interrupt pending has not yet seen the latest command: not idle.
    return changed_.wait_until(lock, realDeadline(realTimeoutSeconds),
                               [&] { return sleeping_ && !interrupted_; });
}

bool FakeClock::settle(double realTimeoutSeconds) {
    std::unique_lock lock(mutex_);
    return waitForSleeperLocked(lock, realTimeoutSeconds);
}

bool FakeClock::advanceTo(double time, double realTimeoutSeconds) {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!waitForSleeperLocked(lock, realTimeoutSeconds)) {
            now_ = std::max(now_, time);
            return false;
        }
        if (deadline_ > time) {
            now_ = std::max(now_, time);
            return true;
        }
        // Stop at the sleeper's own deadline so it runs at exactly the time it asked for.
        now_ = std::max(now_, deadline_);
        const auto seen = wakeups_;
        changed_.notify_all();
        if (!changed_.wait_until(lock, realDeadline(realTimeoutSeconds), [&] { return wakeups_ != seen; })) {
            return false;
        }
    }
}

}  // namespace biaxial
