// The jam's rules on a replayed part, with a fake clock: answers come in the rest after a
// phrase, the player's notes are never changed or held up by the network, a late step is dropped
// and counted, and stopping in the middle leaves a consistent song.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>

#include "biaxial/engine/JamClock.h"
#include "biaxial/model/JamReplay.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

constexpr std::int64_t kBar = 1920;  // ticks of a 4/4 bar at 480 per quarter (2 s at 120 BPM)

// Time moves only when the replay sleeps, and by `costPerRead` at every reading (a network that
// takes that long per sample: the replay reads the clock before and after each one).
class FakeClock : public JamClock {
public:
    double now() override {
        time += costPerRead;
        if (onTime)
            onTime(time);
        return time;
    }
    void sleepUntil(double seconds) override {
        time = std::max(time, seconds);
        if (onTime)
            onTime(time);
    }
    double time = 100.0;
    double costPerRead = 0.0;
    std::function<void(double)> onTime;
};

// A phrase of four quarter notes in bar 0, then silence.
Song phrase() {
    Song s;
    Track t;
    t.name = "player";
    for (int i = 0; i < 4; ++i)
        t.notes.push_back({60 + 2 * i, i * 480, 480, 90, 0, false});
    s.tracks.push_back(t);
    s.normalise();
    return s;
}

Model tinyModel() {
    return *Model::create(ModelConfig::tiny(), 3);
}

TEST(JamReplay, APhraseIsAnsweredInTheRestAfterIt) {
    JamReplayOptions o;  // answer, a bar of rest, two bars of answer
    const auto r = JamReplay::run(tinyModel(), phrase(), o);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.answers, 1);
    ASSERT_EQ(r.song.tracks.size(), 2u);
    EXPECT_EQ(r.song.tracks[0], phrase().tracks[0]);  // nothing the player played is changed
    EXPECT_GT(r.networkNotes, 0);
    EXPECT_EQ(r.networkSteps, 32);
    for (const Note& n : r.song.tracks[1].notes) {
        EXPECT_GE(n.start, 2 * kBar);  // after the bar of rest
        EXPECT_LE(n.end(), 4 * kBar);  // and for two bars
        EXPECT_EQ(n.channel, 1);
    }
}

TEST(JamReplay, AlongPlaysWithThePlayerBelowTheirNotes) {
    JamReplayOptions o;
    o.policy.mode = JamPolicy::Mode::Along;
    const auto r = JamReplay::run(tinyModel(), phrase(), o);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.song.tracks[0], phrase().tracks[0]);
    EXPECT_GT(r.networkNotes, 0);
    for (const Note& n : r.song.tracks[1].notes) {
        EXPECT_LT(n.start, kBar);  // the player's part is one bar long
        EXPECT_LT(n.pitch, 60);    // under the player's lowest note
    }
}

TEST(JamReplay, RealTimeWithoutLateStepsIsTheFastReplaysMusic) {
    JamReplayOptions o;
    o.randomSeed = 7;
    const auto fast = JamReplay::run(tinyModel(), phrase(), o);
    FakeClock clock;
    clock.costPerRead = 0.001;  // 2 ms per step against 125 ms per sixteenth at 120 BPM
    o.realTime = true;
    o.clock = &clock;
    const auto live = JamReplay::run(tinyModel(), phrase(), o);
    ASSERT_TRUE(fast.ok && live.ok) << fast.error << live.error;
    EXPECT_EQ(live.lateSteps, 0);
    EXPECT_EQ(live.song, fast.song);
    EXPECT_NEAR(live.stepMsP50, 1.0, 1e-6);
}

// A network slower than the music: every step it was to play comes too late and is dropped;
// the replay still runs to the end at the music's pace and the player's notes are all there.
TEST(JamReplay, ASlowNetworkNeverHoldsUpThePlayer) {
    JamReplayOptions o;
    FakeClock clock;
    clock.costPerRead = 0.2;
    o.realTime = true;
    o.clock = &clock;
    const double start = clock.time;
    const auto r = JamReplay::run(tinyModel(), phrase(), o);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.lateSteps, r.networkSteps);
    EXPECT_GT(r.lateSteps, 0);
    EXPECT_EQ(r.networkNotes, 0);
    EXPECT_EQ(r.song.tracks[0], phrase().tracks[0]);
    EXPECT_EQ(r.steps, 16 * 6);  // played to the end: the phrase's bar and room for its answer
    EXPECT_GT(clock.time - start, r.steps * 0.125);  // at the music's pace, not faster
}

TEST(JamReplay, StoppingInTheMiddleLeavesAConsistentSong) {
    JamReplayOptions o;
    FakeClock clock;
    std::atomic<bool> stop{false};
    const double stopAt = clock.time + 5.0;  // 2.5 bars in: in the middle of the answer
    clock.onTime = [&](double t) {
        if (t >= stopAt)
            stop = true;
    };
    o.realTime = true;
    o.clock = &clock;
    const auto r = JamReplay::run(tinyModel(), phrase(), o, &stop);
    EXPECT_TRUE(r.cancelled);
    ASSERT_EQ(r.song.tracks.size(), 2u);
    EXPECT_EQ(r.song.tracks[0], phrase().tracks[0]);
    EXPECT_GT(r.song.tracks[1].notes.size(), 0u);
    for (const Note& n : r.song.tracks[1].notes) {
        EXPECT_GT(n.length, 0);
        EXPECT_LE(n.end(), 2 * kBar + kBar / 2 + 480);  // nothing sounds past the stop
    }
}

}  // namespace
}  // namespace biaxial
