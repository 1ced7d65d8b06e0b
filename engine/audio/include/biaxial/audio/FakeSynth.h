#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "biaxial/audio/IClock.h"
#include "biaxial/audio/ISynth.h"

namespace biaxial {

// An ISynth that records every call, stamped with a clock's time when one is given: for
// tests of the scheduler, the thru and the UI's transport. Thread-safe.
class FakeSynth final : public ISynth {
public:
    struct Call {
        enum class Kind { NoteOn, NoteOff, AllNotesOff, ProgramChange, ControlChange };
        Kind kind = Kind::NoteOn;
        int channel = 0;
        int a = 0;          // pitch, program or controller
        int b = 0;          // velocity or value
        double time = 0.0;  // clock time of the call (0 without a clock)
        // "on 0 60 100 @1.5": for test failure messages.
        std::string toString() const;
        friend bool operator==(const Call&, const Call&) = default;
    };

    explicit FakeSynth(const IClock* clock = nullptr) : clock_(clock) {}

    void noteOn(int channel, int pitch, int velocity) override;
    void noteOff(int channel, int pitch) override;
    void allNotesOff() override;
    void programChange(int channel, int program) override;
    void controlChange(int channel, int controller, int value) override;

    std::vector<Call> calls() const;
    // Only the calls of one kind.
    std::vector<Call> calls(Call::Kind kind) const;
    void clear();

private:
    void record(Call call);

    const IClock* clock_;
    mutable std::mutex mutex_;
    std::vector<Call> calls_;
};

}  // namespace biaxial
