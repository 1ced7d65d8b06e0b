#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace biaxial {

// Pauses a long job at its progress callback: the job calls waitWhilePaused() from its own
// thread (between batches); the GUI thread calls pause()/resume(). A cancel flag set while
// paused wakes the job (call wake() after setting it) so that it can stop.
class PauseGate {
public:
    // GUI thread.
    void pause() {
        std::lock_guard lock(mutex_);
        paused_ = true;
    }
    void resume() {
        {
            std::lock_guard lock(mutex_);
            paused_ = false;
        }
        changed_.notify_all();
    }
    // GUI thread, after setting the job's cancel flag.
    void wake() {
        // Taking the lock orders this after a waiter's check of the flag: no lost wake-up.
        { std::lock_guard lock(mutex_); }
        changed_.notify_all();
    }
    bool isPaused() const {
        std::lock_guard lock(mutex_);
        return paused_;
    }

    // Job thread. Blocks while paused, unless `cancel` is set. Returns true if it waited.
    bool waitWhilePaused(const std::atomic<bool>* cancel) {
        std::unique_lock lock(mutex_);
        bool waited = false;
        while (paused_ && (cancel == nullptr || !cancel->load())) {
            waited = true;
            changed_.wait(lock);
        }
        return waited;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool paused_ = false;
};

}  // namespace biaxial
