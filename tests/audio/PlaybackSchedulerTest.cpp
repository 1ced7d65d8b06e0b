#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

#include "AudioTestSongs.h"
#include "biaxial/audio/FakeClock.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/audio/PlaybackScheduler.h"
#include "biaxial/audio/SteadyClock.h"

using biaxial::FakeClock;
using biaxial::FakeSynth;
using biaxial::PlaybackScheduler;
using Call = FakeSynth::Call;
using Kind = Call::Kind;

namespace {

constexpr double kExact = 1e-9;  // a fake clock leaves no room for lateness

// Note on/off calls only, as (kind, pitch, time).
std::vector<Call> notes(const FakeSynth& synth) {
    std::vector<Call> out;
    for (const Call& c : synth.calls()) {
        if (c.kind == Kind::NoteOn || c.kind == Kind::NoteOff)
            out.push_back(c);
    }
    return out;
}

void expectCall(const Call& c, Kind kind, int pitch, double time) {
    EXPECT_EQ(c.kind, kind) << c.toString();
    EXPECT_EQ(c.a, pitch) << c.toString();
    EXPECT_NEAR(c.time, time, kExact) << c.toString();
}

struct Fixture : ::testing::Test {
    FakeClock clock{0.0};
    FakeSynth synth{&clock};
};

}  // namespace

TEST_F(Fixture, PlaysEveryEventInOrderAtItsExactTime) {
    PlaybackScheduler scheduler(&synth, &clock);
    std::vector<bool> states;
    std::mutex statesMutex;
    scheduler.setStateCallback([&](bool playing) {
        std::lock_guard lock(statesMutex);
        states.push_back(playing);
    });
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(5.0));

    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 6u);
    expectCall(n[0], Kind::NoteOn, 60, 0.0);
    expectCall(n[1], Kind::NoteOff, 60, 0.5);
    expectCall(n[2], Kind::NoteOn, 64, 0.5);
    expectCall(n[3], Kind::NoteOff, 64, 1.0);
    expectCall(n[4], Kind::NoteOn, 67, 1.0);
    expectCall(n[5], Kind::NoteOff, 67, 2.0);
    const auto all = synth.calls();
    EXPECT_EQ(all.front().kind, Kind::ProgramChange);  // piano set before the first note
    EXPECT_EQ(all.back().kind, Kind::AllNotesOff);     // the song's end silences the synth
    EXPECT_FALSE(scheduler.isPlaying());
    EXPECT_EQ(scheduler.positionTick(), 1920);
    std::lock_guard lock(statesMutex);
    EXPECT_EQ(states, (std::vector<bool>{true, false}));
}

TEST_F(Fixture, FollowsATempoChange) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tempos.push_back({960, 1'000'000});  // 60 BPM for G4
    song.normalise();
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(song);
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 6u);
    expectCall(n[4], Kind::NoteOn, 67, 1.0);
    expectCall(n[5], Kind::NoteOff, 67, 3.0);
}

TEST_F(Fixture, StopReleasesSoundingNotesAndSendsAllNotesOff) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.25));
    scheduler.stop();
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 2u);
    expectCall(n[0], Kind::NoteOn, 60, 0.0);
    expectCall(n[1], Kind::NoteOff, 60, 0.25);
    EXPECT_EQ(synth.calls().back().kind, Kind::AllNotesOff);
    EXPECT_FALSE(scheduler.isPlaying());
    EXPECT_EQ(scheduler.positionTick(), 240);
}

TEST_F(Fixture, PlayFromTheMiddleOfANoteStrikesItForWhatIsLeft) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.seek(240);  // in the middle of C4
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 6u);
    expectCall(n[0], Kind::NoteOn, 60, 0.0);  // C4 is held at the playhead: heard at once
    expectCall(n[1], Kind::NoteOff, 60, 0.25);
    expectCall(n[2], Kind::NoteOn, 64, 0.25);
    expectCall(n[5], Kind::NoteOff, 67, 1.75);
}

TEST_F(Fixture, SeekWhilePlayingJumpsAtOnce) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.25));
    scheduler.seek(960);
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 4u);
    expectCall(n[1], Kind::NoteOff, 60, 0.25);
    expectCall(n[2], Kind::NoteOn, 67, 0.25);
    expectCall(n[3], Kind::NoteOff, 67, 1.25);
}

TEST_F(Fixture, LoopsARegionWithoutDrift) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.setLoop({0, 960, true});  // C4 E4, one second
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(100.25));
    EXPECT_TRUE(scheduler.isPlaying());
    const auto ons = synth.calls(Kind::NoteOn);
    ASSERT_EQ(ons.size(), 201u);  // 100 loops of two notes, then C4 again at 100.0
    for (std::size_t i = 0; i < ons.size(); ++i) {
        EXPECT_EQ(ons[i].a, i % 2 == 0 ? 60 : 64);
        EXPECT_NEAR(ons[i].time, 0.5 * static_cast<double>(i), kExact);
    }
    EXPECT_TRUE(std::none_of(ons.begin(), ons.end(), [](const Call& c) { return c.a == 67; }));
    EXPECT_EQ(scheduler.positionTick(), 240);
    scheduler.stop();
}

TEST_F(Fixture, NotesHeldOverTheLoopEndAreCutThere) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.setLoop({960, 1440, true});  // the first half of G4
    scheduler.seek(960);
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(1.1));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 5u);
    expectCall(n[0], Kind::NoteOn, 67, 0.0);
    expectCall(n[1], Kind::NoteOff, 67, 0.5);
    expectCall(n[2], Kind::NoteOn, 67, 0.5);
    expectCall(n[3], Kind::NoteOff, 67, 1.0);
    expectCall(n[4], Kind::NoteOn, 67, 1.0);
}

TEST_F(Fixture, AuditionPlaysOneNoteForItsDurationWhileStopped) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.audition(72, 90, 0.4);
    ASSERT_TRUE(clock.advanceTo(2.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 2u);
    expectCall(n[0], Kind::NoteOn, 72, 0.0);
    EXPECT_EQ(n[0].b, 90);
    expectCall(n[1], Kind::NoteOff, 72, 0.4);
    EXPECT_FALSE(scheduler.isPlaying());
}

TEST_F(Fixture, ReportsThePlayheadAtItsInterval) {
    PlaybackScheduler scheduler(&synth, &clock);
    std::mutex mutex;
    std::vector<std::int64_t> ticks;
    scheduler.setPositionInterval(0.1);
    scheduler.setPositionCallback([&](std::int64_t tick, double) {
        std::lock_guard lock(mutex);
        ticks.push_back(tick);
    });
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(1.0));
    std::lock_guard lock(mutex);
    ASSERT_GE(ticks.size(), 10u);
    EXPECT_TRUE(std::is_sorted(ticks.begin(), ticks.end()));
    EXPECT_NEAR(static_cast<double>(ticks.back()), 960.0, 1.0);  // 1 s at 960 ticks/s
}

TEST_F(Fixture, RestoresThePedalWhenStartingInsideTheSong) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tracks[0].controls.push_back({0, 0, 64, 127});
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(song);
    scheduler.seek(480);
    scheduler.play();
    ASSERT_TRUE(clock.settle());
    const auto ccs = synth.calls(Kind::ControlChange);
    ASSERT_EQ(ccs.size(), 1u);
    EXPECT_EQ(ccs[0].a, 64);
    EXPECT_EQ(ccs[0].b, 127);
    scheduler.stop();
}

TEST_F(Fixture, SetSongWhilePlayingGoesOnFromTheSameTick) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.75));
    biaxial::Song edited = biaxial::test::threeNoteSong();
    edited.tracks[0].notes[2] = edited.tracks[0].notes[2].withPitch(72);  // G4 becomes C5
    scheduler.setSong(edited);
    ASSERT_TRUE(clock.advanceTo(5.0));
    // E4, in the edited song too, sounds on untouched (no cut, no second strike) to its end.
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 6u);
    expectCall(n[2], Kind::NoteOn, 64, 0.5);
    expectCall(n[3], Kind::NoteOff, 64, 1.0);
    expectCall(n[4], Kind::NoteOn, 72, 1.0);
}

TEST_F(Fixture, SetSynthSilencesTheOldOneAndMovesPlayback) {
    FakeSynth other(&clock);
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.25));
    scheduler.setSynth(&other);
    ASSERT_TRUE(clock.advanceTo(5.0));
    EXPECT_EQ(synth.calls().back().kind, Kind::AllNotesOff);
    EXPECT_EQ(synth.calls(Kind::NoteOn).size(), 1u);
    EXPECT_EQ(other.calls(Kind::NoteOn).size(), 3u);  // the rest of C4, E4 and G4
    EXPECT_EQ(other.calls().front().kind, Kind::ProgramChange);
}

TEST_F(Fixture, AnEmptySongEndsAtOnceAndANullSynthIsFine) {
    PlaybackScheduler scheduler(nullptr, &clock);
    scheduler.setSong(biaxial::Song{});
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(1.0));
    EXPECT_FALSE(scheduler.isPlaying());
    scheduler.audition(60);
    ASSERT_TRUE(clock.advanceTo(2.0));
}

// The real clock: how late does the worker thread send events? On an idle machine the
// lateness is well under a millisecond; the bounds are loose because CI machines are
// shared (on this busy 2-core machine: mean 0.8 ms, worst 19 ms).
TEST(PlaybackSchedulerRealTime, SendsEventsWithinMillisecondsOfTheirTime) {
    biaxial::SteadyClock clock;
    FakeSynth synth(&clock);
    biaxial::Song song;
    song.ticksPerQuarter = 480;
    biaxial::Track track;
    for (int i = 0; i < 40; ++i)
        track.notes.push_back({60 + i % 12, i * 24, 12, 100, 0});  // every 25 ms
    song.tracks.push_back(track);
    song.normalise();
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(song);
    const double start = clock.now();
    scheduler.play();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (scheduler.isPlaying() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto ons = synth.calls(Kind::NoteOn);
    ASSERT_EQ(ons.size(), 40u);
    double worst = 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < ons.size(); ++i) {
        const double late = ons[i].time - (start + 0.025 * static_cast<double>(i));
        EXPECT_GE(late, -1e-6) << "note " << i << " came early";
        worst = std::max(worst, late);
        sum += late;
    }
    std::printf("[ timing ] mean lateness %.3f ms, worst %.3f ms over %zu notes\n", 1000.0 * sum / ons.size(),
                1000.0 * worst, ons.size());
    EXPECT_LT(sum / static_cast<double>(ons.size()), 0.010);
    EXPECT_LT(worst, 0.100);
}

TEST_F(Fixture, PlayAtTheEndStartsAgain) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(3.0));
    ASSERT_FALSE(scheduler.isPlaying());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(3.1));
    const auto ons = synth.calls(Kind::NoteOn);
    ASSERT_EQ(ons.size(), 4u);
    expectCall(ons[3], Kind::NoteOn, 60, 3.0);
    scheduler.stop();
}

// Recording runs the transport on past the song's end (an empty song has no end at all);
// closing it past the end ends playback there, and the position kept moving meanwhile.
TEST_F(Fixture, OpenEndedPlaybackRunsPastTheEndUntilClosed) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::Song{});
    scheduler.setOpenEnded(true);
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(1.0));
    EXPECT_TRUE(scheduler.isPlaying());
    EXPECT_EQ(scheduler.positionTick(), 960) << "one second at 120 BPM, 480 ticks a beat";

    scheduler.setSong(biaxial::test::threeNoteSong());  // ends at 1920, 2 s in
    ASSERT_TRUE(clock.advanceTo(3.0));
    EXPECT_TRUE(scheduler.isPlaying()) << "still open-ended past the new end";
    scheduler.setOpenEnded(false);
    ASSERT_TRUE(clock.advanceTo(3.1));
    EXPECT_FALSE(scheduler.isPlaying());
}

// A song that grows while it plays (a streamed Continue): the note sounding now is in the new
// song too, so it goes on without a cut or a second strike; the new notes play at their time.
TEST_F(Fixture, ASongThatGrowsWhilePlayingKeepsItsSoundingNotes) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tracks[0].notes.resize(1);  // C4 [0, 480): 0..0.5 s
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(song);
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.25));
    song.tracks[0].notes.push_back({64, 480, 480, 100, 0, false});  // E4 follows
    scheduler.setSong(song);
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_EQ(n.size(), 4u);
    expectCall(n[0], Kind::NoteOn, 60, 0.0);
    expectCall(n[1], Kind::NoteOff, 60, 0.5);
    expectCall(n[2], Kind::NoteOn, 64, 0.5);
    expectCall(n[3], Kind::NoteOff, 64, 1.0);
}

// A sounding note that the new song no longer has is released at once.
TEST_F(Fixture, ANoteTheNewSongDropsIsReleasedAtOnce) {
    PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(0.25));
    biaxial::Song other = biaxial::test::threeNoteSong();
    other.tracks[0].notes.erase(other.tracks[0].notes.begin());  // no C4
    scheduler.setSong(other);
    ASSERT_TRUE(clock.advanceTo(5.0));
    const auto n = notes(synth);
    ASSERT_GE(n.size(), 2u);
    expectCall(n[0], Kind::NoteOn, 60, 0.0);
    expectCall(n[1], Kind::NoteOff, 60, 0.25);
}
