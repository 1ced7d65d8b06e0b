// Scales and keys: the one table the studio and `biaxial continue` read.
#include <gtest/gtest.h>

#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/Scale.h"

using biaxial::Scale;

TEST(Scale, ChromaticAllowsEverything) {
    Scale s;
    EXPECT_TRUE(s.isChromatic());
    for (int p = 0; p < 128; ++p) {
        EXPECT_TRUE(s.contains(p));
    }
    EXPECT_EQ(s.name(), "Chromatic");
}

TEST(Scale, DMajorMask) {
    Scale s{2, Scale::Mode::Major};
    // D E F# G A B C#
    const auto mask = s.pitchClassMask();
    const bool expected[12] = {false, true, true, false, true, false, true, true, false, true, false, true};
    for (int i = 0; i < 12; ++i) {
        EXPECT_EQ(mask[static_cast<std::size_t>(i)], expected[i]) << i;
    }
    EXPECT_EQ(s.name(), "D Major");
    EXPECT_TRUE(s.contains(62));
    EXPECT_FALSE(s.contains(63));
}

TEST(Scale, NoteMaskFollowsTheRange) {
    Scale s{0, Scale::Mode::MajorPentatonic};
    const auto notes = s.noteMask(24, 78);  // MIDI 24 = C
    ASSERT_EQ(notes.size(), 78u);
    EXPECT_EQ(notes[0], 1);   // C
    EXPECT_EQ(notes[1], 0);   // C#
    EXPECT_EQ(notes[2], 1);   // D
    EXPECT_EQ(notes[4], 1);   // E
    EXPECT_EQ(notes[5], 0);   // F
    EXPECT_EQ(notes[12], 1);  // C again
}

TEST(Scale, ParsesTheCommandLinesKeysAndScales) {
    EXPECT_EQ(Scale::parse("seed"), (Scale{0, Scale::Mode::SeedKey}));
    EXPECT_EQ(Scale::parse("none"), (Scale{0, Scale::Mode::Chromatic}));
    EXPECT_EQ(Scale::parse("D"), (Scale{2, Scale::Mode::Major}));
    // A minor key in one word keeps its leading tone, as the seed-key estimate does.
    const auto fSharpMinor = Scale::parse("F# minor");
    ASSERT_TRUE(fSharpMinor);
    EXPECT_EQ(*fSharpMinor, (Scale{6, Scale::Mode::MinorKey}));
    EXPECT_EQ(fSharpMinor->pitchClassMask(), biaxial::GridStatistics::keyScale(6, true));
    EXPECT_EQ(Scale::parse("Bb", "dorian"), (Scale{10, Scale::Mode::Dorian}));
    EXPECT_EQ(Scale::parse("", "minor"), (Scale{0, Scale::Mode::NaturalMinor}));
    EXPECT_EQ(Scale::parse("E", "chromatic"), (Scale{0, Scale::Mode::Chromatic}));
    EXPECT_FALSE(Scale::parse("H"));
    EXPECT_FALSE(Scale::parse("D", "bebop"));
    EXPECT_FALSE(Scale::parse("D minor", "dorian")) << "a mode given twice";
    EXPECT_FALSE(Scale::parse("seed", "major"));
}

TEST(Scale, KeysOfTheEstimate) {
    EXPECT_EQ(Scale::ofKey(2, false).pitchClassMask(), biaxial::GridStatistics::keyScale(2, false));
    EXPECT_EQ(Scale::ofKey(9, true).pitchClassMask(), biaxial::GridStatistics::keyScale(9, true));
    EXPECT_EQ(Scale::ofKey(-3, true).root, 9);
}
