// Live jamming with a fake clock, synth and keyboard: a phrase is answered in the rest after
// it, nothing played is lost, a slow network never holds up the player, and stopping in the
// middle leaves a consistent take.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "biaxial/audio/FakeClock.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/model/JamSession.h"

namespace biaxial {
namespace {

constexpr std::int64_t kBar = 1920;  // 4/4 at 480 ticks per quarter; 2 s at 120 BPM
constexpr double kStart = 1.0;       // clock time of the session's start

Model tinyModel() {
    return *Model::create(ModelConfig::tiny(), 3);
}

JamSessionOptions options() {
    JamSessionOptions o;
    o.timing.normalise();  // 120 BPM, 4/4, 480 per quarter
    return o;
}

// The player's four quarter notes in bar 0 (C D E F), each held for 0.45 s.
void playPhrase(FakeClock& clock, JamSession& jam) {
    for (int i = 0; i < 4; ++i) {
        const double on = kStart + 0.5 * i;
        ASSERT_TRUE(clock.advanceTo(on));
        jam.handle(MidiMessage::noteOn(0, 60 + 2 * i, 90), on);
        ASSERT_TRUE(clock.advanceTo(on + 0.45));
        jam.handle(MidiMessage::noteOff(0, 60 + 2 * i), on + 0.45);
    }
}

// Every note on of the synth is ended by a note off of the same key.
void expectBalanced(const FakeSynth& synth) {
    std::map<int, int> open;
    for (const auto& c : synth.calls()) {
        if (c.kind == FakeSynth::Call::Kind::NoteOn)
            ++open[c.a];
        if (c.kind == FakeSynth::Call::Kind::NoteOff)
            --open[c.a];
    }
    for (const auto& [pitch, n] : open)
        EXPECT_EQ(n, 0) << "pitch " << pitch;
}

TEST(JamSession, APhraseIsAnsweredInTheRestAfterIt) {
    FakeClock clock(0.0);
    FakeSynth synth(&clock);
    const Model model = tinyModel();
    JamSession jam(model, clock, synth, options());
    std::string why;
    ASSERT_TRUE(jam.start(kStart, &why)) << why;
    playPhrase(clock, jam);
    ASSERT_TRUE(clock.advanceTo(kStart + 5 * 2.0));  // five bars
    const JamTake take = jam.stop();
    // Nothing played is lost: the four notes, on the step grid.
    ASSERT_EQ(take.player.size(), 4u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(take.player[static_cast<std::size_t>(i)].start, 480 * i);
        EXPECT_EQ(take.player[static_cast<std::size_t>(i)].pitch, 60 + 2 * i);
    }
    EXPECT_EQ(take.answers, 1);
    EXPECT_EQ(take.lateSteps, 0);
    ASSERT_FALSE(take.network.empty());
    for (const Note& n : take.network) {
        EXPECT_GE(n.start, 2 * kBar);  // a bar of rest after the phrase's bar
        EXPECT_LE(n.end(), 4 * kBar);  // two bars of answer
        EXPECT_EQ(n.channel, 1);
    }
    // Heard at their time: every note on of the network falls in the answer's bars.
    for (const auto& c : synth.calls(FakeSynth::Call::Kind::NoteOn)) {
        EXPECT_GE(c.time, kStart + 4.0 - 1e-9);
        EXPECT_LT(c.time, kStart + 8.0);
    }
    expectBalanced(synth);
}

TEST(JamSession, StoppingInTheMiddleOfAnAnswerLeavesAConsistentTake) {
    FakeClock clock(0.0);
    FakeSynth synth(&clock);
    const Model model = tinyModel();
    JamSession jam(model, clock, synth, options());
    std::string why;
    ASSERT_TRUE(jam.start(kStart, &why)) << why;
    playPhrase(clock, jam);
    ASSERT_TRUE(clock.advanceTo(kStart + 5.0));  // half-way through the answer's first bar
    EXPECT_TRUE(jam.answering());
    const JamTake take = jam.stop();
    EXPECT_FALSE(jam.running());
    EXPECT_EQ(take.player.size(), 4u);
    ASSERT_FALSE(take.network.empty());
    for (const Note& n : take.network) {
        EXPECT_GT(n.length, 0);
        EXPECT_LE(n.end(), 2 * kBar + kBar / 2 + 120);  // nothing past the stop
    }
    expectBalanced(synth);  // no note left hanging
}

// A clock on which every reading costs 0.3 s: the network is far slower than the music.
class SlowNetworkClock final : public IClock {
public:
    double now() const override {
        std::lock_guard lock(mutex_);
        time_ += 0.3;
        return time_;
    }
    void waitUntil(double deadline) override {
        std::lock_guard lock(mutex_);
        time_ = std::max(time_, deadline);
    }
    void interrupt() override {}

private:
    mutable std::mutex mutex_;
    mutable double time_ = 0.0;
};

TEST(JamSession, ASlowNetworkNeverHoldsUpThePlayer) {
    SlowNetworkClock clock;
    FakeSynth synth;
    const Model model = tinyModel();
    JamSession jam(model, clock, synth, options());
    std::string why;
    ASSERT_TRUE(jam.start(0.0, &why)) << why;
    // A short phrase; the network hears it at its next step, whenever that comes.
    jam.handle(MidiMessage::noteOn(0, 60, 90), 0.0);
    jam.handle(MidiMessage::noteOff(0, 60), 0.1);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (jam.lateSteps() < 8 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const JamTake take = jam.stop();
    EXPECT_GE(take.lateSteps, 8);
    EXPECT_EQ(take.lateSteps, take.networkSteps);  // every step it was to play came too late
    EXPECT_TRUE(take.network.empty());             // and was dropped, not played late
    EXPECT_TRUE(synth.calls(FakeSynth::Call::Kind::NoteOn).empty());
}

// The metronome counts in a bar, then clicks through the take, accented on the bar; the take's
// first step is the one after the count-in.
TEST(JamSession, TheMetronomeCountsInABarAndKeepsClicking) {
    FakeClock clock(0.0);
    FakeSynth synth(&clock);
    const Model model = tinyModel();
    JamSessionOptions o = options();
    o.metronome = true;
    JamSession jam(model, clock, synth, o);
    std::string why;
    ASSERT_TRUE(jam.start(kStart, &why)) << why;
    ASSERT_TRUE(clock.advanceTo(kStart + 1.0));
    EXPECT_EQ(jam.tickNow(), 0);                 // counting in: the playhead waits at the take's start
    ASSERT_TRUE(clock.advanceTo(kStart + 2.0));  // the count-in bar has passed
    jam.handle(MidiMessage::noteOn(0, 60, 90), kStart + 2.0);
    ASSERT_TRUE(clock.advanceTo(kStart + 2.4));
    jam.handle(MidiMessage::noteOff(0, 60), kStart + 2.4);
    ASSERT_TRUE(clock.advanceTo(kStart + 3.9));
    EXPECT_EQ(jam.tickNow(), 1824);  // 1.9 s into the take at 120 BPM
    const JamTake take = jam.stop();
    std::vector<FakeSynth::Call> clicks;
    for (const auto& c : synth.calls(FakeSynth::Call::Kind::NoteOn))
        if (c.channel == 9)
            clicks.push_back(c);
    ASSERT_GE(clicks.size(), 8u);  // 4 beats of count-in, 4 of the take's first bar
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_NEAR(clicks[i].time, kStart + 0.5 * static_cast<double>(i), 1e-9);
        EXPECT_EQ(clicks[i].a, i % 4 == 0 ? 76 : 77);
    }
    ASSERT_EQ(take.player.size(), 1u);
    EXPECT_EQ(take.player[0].start, 0);  // played on the take's first beat
    expectBalanced(synth);
}

}  // namespace
}  // namespace biaxial
