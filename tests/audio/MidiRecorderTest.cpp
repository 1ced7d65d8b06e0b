#include <gtest/gtest.h>

#include "AudioTestSongs.h"
#include "biaxial/audio/FakeMidiInput.h"
#include "biaxial/audio/MidiRecorder.h"

using biaxial::MidiMessage;
using biaxial::MidiRecorder;
using biaxial::Note;

// 120 BPM, 480 ticks per quarter: a sixteenth is 120 ticks = 0.125 s.
TEST(MidiRecorder, QuantizesNotesToTheSixteenthGrid) {
    biaxial::FakeMidiInput keyboard;
    MidiRecorder recorder(biaxial::test::threeNoteSong(), 0, 100.0);
    keyboard.setCallback([&](const MidiMessage& m, double t) { recorder.handle(m, t); });
    keyboard.inject(MidiMessage::noteOn(0, 60, 90), 100.13);  // tick 124.8 -> 120
    keyboard.inject(MidiMessage::noteOn(0, 64, 70), 100.20);  // tick 192 -> 240
    keyboard.inject(MidiMessage::noteOff(0, 60), 100.51);     // tick 489.6 -> 480
    ASSERT_EQ(recorder.notes().size(), 1u);                   // E4 still held
    const auto notes = recorder.finish(101.0);                // E4 ends at tick 960
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0], (Note{60, 120, 360, 90, 0}));
    EXPECT_EQ(notes[1], (Note{64, 240, 720, 70, 0}));
    EXPECT_TRUE(recorder.finish(102.0).empty());
}

TEST(MidiRecorder, AShortTapIsOneStepAndARestrikeEndsTheHeldNote) {
    MidiRecorder recorder(biaxial::test::threeNoteSong(), 0, 0.0);
    recorder.handle(MidiMessage::noteOn(0, 60, 100), 0.50);
    recorder.handle(MidiMessage::noteOff(0, 60), 0.52);  // 20 ms
    recorder.handle(MidiMessage::noteOn(0, 62, 100), 1.00);
    recorder.handle(MidiMessage::noteOn(0, 62, 100), 1.25);  // no note-off came in between
    recorder.handle(MidiMessage::noteOff(0, 62), 1.50);
    recorder.handle(MidiMessage::noteOff(0, 70), 1.60);  // never started: ignored
    const auto notes = recorder.finish(2.0);
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(notes[0], (Note{60, 480, 120, 100, 0}));
    EXPECT_EQ(notes[1], (Note{62, 960, 240, 100, 0}));
    EXPECT_EQ(notes[2], (Note{62, 1200, 240, 100, 0}));
}

TEST(MidiRecorder, FollowsTheStartTickAndTheTempoMap) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tempos.push_back({1920, 1'000'000});  // 60 BPM from bar 2: a sixteenth is 0.25 s
    song.normalise();
    MidiRecorder recorder(song, 1920, 10.0);
    recorder.handle(MidiMessage::noteOn(0, 60, 100), 10.26);  // one sixteenth in
    recorder.handle(MidiMessage::noteOff(0, 60), 10.74);      // three sixteenths in
    const auto notes = recorder.finish(11.0);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].start, 1920 + 120);
    EXPECT_EQ(notes[0].length, 240);
}

TEST(MidiRecorder, QuantizesExactlyWhenTheResolutionIsNotAMultipleOfFour) {
    biaxial::Song song;
    song.ticksPerQuarter = 90;  // a sixteenth is 22.5 ticks
    song.normalise();
    MidiRecorder recorder(song, 0, 0.0);
    EXPECT_EQ(recorder.quantize(50), 45);
    EXPECT_EQ(recorder.quantize(60), 68);  // step 3 = 67.5, rounded
    EXPECT_EQ(recorder.quantize(0), 0);
}

TEST(MidiRecorder, CanForceAChannel) {
    MidiRecorder::Options options;
    options.channel = 3;
    MidiRecorder recorder(biaxial::test::threeNoteSong(), 0, 0.0, options);
    recorder.handle(MidiMessage::noteOn(9, 40, 100), 0.0);
    const auto notes = recorder.finish(0.5);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].channel, 3);
}

TEST(MidiRecorder, IgnoresTheKeyboardUntilStartedAndAfterFinish) {
    MidiRecorder recorder;
    EXPECT_FALSE(recorder.isRecording());
    recorder.handle(MidiMessage::noteOn(0, 60, 100), 0.0);
    recorder.start(biaxial::test::threeNoteSong(), 0, 1.0);
    EXPECT_TRUE(recorder.isRecording());
    recorder.handle(MidiMessage::noteOff(0, 60), 1.1);  // its note-on came before the start
    recorder.handle(MidiMessage::noteOn(0, 62, 100), 1.5);
    EXPECT_EQ(recorder.finish(2.0).size(), 1u);
    EXPECT_FALSE(recorder.isRecording());
    recorder.handle(MidiMessage::noteOn(0, 64, 100), 2.5);
    EXPECT_TRUE(recorder.finish(3.0).empty());
}
