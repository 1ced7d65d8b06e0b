// The texture profile the musicality evaluation compares: onsets, lengths, positions, voices
// and the Yang-Lerch distributions, on grids small enough to count by hand.
#include <gtest/gtest.h>

#include "biaxial/engine/TextureProfile.h"

using namespace biaxial;

TEST(TextureProfile, CountsWhatAListenerHears) {
    // 8 steps, pitch 60 + n. A held C (steps 0-3), re-struck E (0-1, struck again at 2, to 3),
    // and a G on the off-beat sixteenth at step 5.
    StepGrid g(8, 60, 12);
    for (int t = 0; t < 4; ++t)
        g.set(t, 0, true, t == 0);
    for (int t = 0; t < 4; ++t)
        g.set(t, 4, true, t == 0 || t == 2);
    g.set(5, 7, true, true);
    const TextureProfile p = TextureProfile::of(g);
    EXPECT_EQ(p.onsets, 4);  // C, E, E again, G
    EXPECT_DOUBLE_EQ(p.onsetsPerStep, 0.5);
    EXPECT_DOUBLE_EQ(p.soundingPerStep, 9.0 / 8.0);
    EXPECT_EQ(p.longestNote, 4);
    EXPECT_DOUBLE_EQ(p.eighthOnsetShare, 0.75);  // steps 0, 0, 2 are eighth positions, 5 is not
    EXPECT_DOUBLE_EQ(p.meanPitch, (60 + 64 + 64 + 67) / 4.0);
    EXPECT_EQ(p.maxVoices, 2);
    EXPECT_DOUBLE_EQ(p.voices, 9.0 / 5.0);     // 5 steps sound
    EXPECT_DOUBLE_EQ(p.noteLengths[3], 0.25);  // the C: 4 steps
    EXPECT_DOUBLE_EQ(p.noteLengths[1], 0.5);   // the two E's: 2 steps each
    EXPECT_DOUBLE_EQ(p.noteLengths[0], 0.25);  // the G
    // Onset steps 0, 2, 5: IOIs 2 and 3; top voice E -> E -> G: intervals 0 and +3.
    EXPECT_DOUBLE_EQ(p.interOnsetIntervals[1], 0.5);
    EXPECT_DOUBLE_EQ(p.interOnsetIntervals[2], 0.5);
    EXPECT_DOUBLE_EQ(p.intervals[12], 0.5);
    EXPECT_DOUBLE_EQ(p.intervals[15], 0.5);
    EXPECT_DOUBLE_EQ(p.polyphony[0], 3.0 / 8.0);
    EXPECT_DOUBLE_EQ(p.polyphony[2], 4.0 / 8.0);
    EXPECT_DOUBLE_EQ(p.pitchClasses[4], 0.5);
    std::array<bool, 12> cMajorTriad{};
    cMajorTriad[0] = cMajorTriad[4] = true;
    EXPECT_DOUBLE_EQ(p.shareInScale(cMajorTriad), 0.75);
}

TEST(TextureProfile, OverlapIsOneForTheSameDistributionAndZeroForDisjoint) {
    EXPECT_DOUBLE_EQ(
        TextureProfile::overlap(std::vector<double>{0.5, 0.5, 0}, std::vector<double>{0.5, 0.5, 0}), 1.0);
    EXPECT_DOUBLE_EQ(TextureProfile::overlap(std::vector<double>{1, 0}, std::vector<double>{0, 1}), 0.0);
    EXPECT_DOUBLE_EQ(
        TextureProfile::overlap(std::vector<double>{0.75, 0.25}, std::vector<double>{0.25, 0.75}), 0.5);
}

TEST(TextureProfile, AnEmptyPassageIsAllZeros) {
    const TextureProfile p = TextureProfile::of(StepGrid(0, 24, 78));
    EXPECT_EQ(p.onsets, 0);
    EXPECT_EQ(p.longestNote, 0);
    EXPECT_DOUBLE_EQ(p.onsetsPerStep, 0.0);
    EXPECT_DOUBLE_EQ(TextureProfile::overlap(p.noteLengths, p.noteLengths), 0.0);
}

// Passages measured together do not join: a note held at the end of one and one sounding at the
// start of the next are two notes, and no gap or interval runs between them.
TEST(TextureProfile, PassagesPooledWithoutJoining) {
    StepGrid a(4, 60, 12), b(4, 60, 12);
    for (int t = 0; t < 4; ++t) {
        a.set(t, 0, true, t == 0);
        b.set(t, 0, true, false);  // sounds from its first step on, unstruck
    }
    const TextureProfile p = TextureProfile::of(std::vector<StepGrid>{a, b});
    EXPECT_EQ(p.steps, 8);
    EXPECT_EQ(p.onsets, 2);
    EXPECT_EQ(p.longestNote, 4) << "not 8: the passages do not join";
    EXPECT_DOUBLE_EQ(p.noteLengths[3], 1.0);
    for (double v : p.interOnsetIntervals)
        EXPECT_DOUBLE_EQ(v, 0.0);
    for (double v : p.intervals)
        EXPECT_DOUBLE_EQ(v, 0.0);
}

TEST(TextureProfile, OnsetRateByBarPositionIsTheRhythmOfTheBar) {
    // Two bars of 3/4 (12 steps each): oom-pah-pah, a two-note bass on the downbeat and a chord
    // note on beats 2 and 3; the bass is held through beat 2 (no onset there).
    StepGrid g(24, 40, 30);
    for (int t = 0; t < 24; ++t) {
        g.setBarPosition(t, t % 12);
        const int beat = t % 12;
        if (beat < 8) {
            g.set(t, 0, true, beat == 0);
            g.set(t, 7, true, beat == 0);
        }
        if (beat == 4 || beat == 8)
            g.set(t, 16, true, true);
    }
    const TextureProfile p = TextureProfile::of(g);
    ASSERT_EQ(p.onsetRateByPosition.size(), 12u);
    EXPECT_DOUBLE_EQ(p.onsetRateByPosition[0], 2.0);
    EXPECT_DOUBLE_EQ(p.onsetRateByPosition[4], 1.0);
    EXPECT_DOUBLE_EQ(p.onsetRateByPosition[8], 1.0);
    EXPECT_DOUBLE_EQ(p.onsetRateByPosition[2], 0.0);
    // A passage that never reaches a position says so (-1) rather than "no onsets there".
    const TextureProfile half = TextureProfile::of(g.slice(0, 6));
    ASSERT_EQ(half.onsetRateByPosition.size(), 6u);
    EXPECT_DOUBLE_EQ(half.onsetRateByPosition[0], 2.0);
    StepGrid late(4, 40, 30);
    for (int t = 0; t < 4; ++t)
        late.setBarPosition(t, 8 + t);
    EXPECT_DOUBLE_EQ(TextureProfile::of(late).onsetRateByPosition[3], -1.0);
}
