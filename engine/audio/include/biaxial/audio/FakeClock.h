#pragma once

#include <condition_variable>
#include <mutex>

#include "biaxial/audio/IClock.h"

namespace biaxial {

// A clock that only moves when a test says so. advanceTo() steps time to each deadline the
// waiting thread asked for, in order, and waits until that thread has done its work and
// sleeps again; so a test sees exactly what a scheduler does at each instant, with no
// sleeping and no flakiness.
//
// Threads: the test thread calls advanceTo()/settle(); the scheduler's worker waits.
class FakeClock final : public IClock {
public:
    explicit FakeClock(double start = 0.0) : now_(start) {}

    double now() const override;
    void waitUntil(double deadline) override;
    void interrupt() override;

    // Moves time forward to `time`, stopping at every deadline on the way so that the
    // waiting thread runs at that exact time. Returns false if the waiting thread did not
    // come back to wait within `realTimeoutSeconds` (a hung or finished worker).
    bool advanceTo(double time, double realTimeoutSeconds = 5.0);
    bool advanceBy(double seconds, double realTimeoutSeconds = 5.0) {
        return advanceTo(now() + seconds, realTimeoutSeconds);
    }
    // Waits until the worker has handled every interrupt and sleeps again (a command such
    // as play() or stop() has been processed). Time does not move.
    bool settle(double realTimeoutSeconds = 5.0);

private:
    bool waitForSleeperLocked(std::unique_lock<std::mutex>& lock, double realTimeoutSeconds);

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    double now_;
    bool sleeping_ = false;           // a thread is inside waitUntil()
    double deadline_ = 0.0;           // its deadline
    bool interrupted_ = false;        // an interrupt that the waiting thread has not seen yet
    unsigned long long wakeups_ = 0;  // counts the times the waiting thread returned
};

}  // namespace biaxial
