#include <gtest/gtest.h>

#include <algorithm>

#include "biaxial/engine/GridStatistics.h"

using namespace biaxial;

namespace {

TEST(GridStatistics, CountsWorkedOutByHand) {
    StepGrid g(8, 60, 12);  // C4..B4
    // C held for steps 0-3, E struck at 0 and re-struck at 2 (two notes of 2 steps), silence 4-7 but G at 6.
    for (int t = 0; t < 4; ++t)
        g.set(t, 0, true, t == 0);
    for (int t = 0; t < 4; ++t)
        g.set(t, 4, true, t == 0 || t == 2);
    g.set(6, 7, true, true);
    const auto s = GridStatistics::of(g);
    EXPECT_EQ(s.steps, 8);
    EXPECT_EQ(s.notes, 4);
    EXPECT_DOUBLE_EQ(s.notesPerStep, 9.0 / 8.0);
    EXPECT_DOUBLE_EQ(s.silentStepShare, 3.0 / 8.0);
    EXPECT_EQ(s.longestSilence, 2);
    EXPECT_DOUBLE_EQ(s.meanNoteLength, 9.0 / 4.0);
    EXPECT_DOUBLE_EQ(s.pitchClassShare[0], 0.25);
    EXPECT_DOUBLE_EQ(s.pitchClassShare[4], 0.5);
    EXPECT_DOUBLE_EQ(s.maxSimultaneous, 2.0);
}

TEST(GridStatistics, EstimatesTheKeyOfAScale) {
    // A D-major scale, tonic weighted: D E F# G A B C# D, tonic and dominant struck more often.
    StepGrid g(64, 60, 24);
    const int degrees[] = {2, 4, 6, 7, 9, 11, 13, 14, 2, 9, 2, 9, 14, 6, 2, 9};
    int t = 0;
    for (int rep = 0; rep < 4; ++rep)
        for (int d : degrees)
            g.set(t++, d, true, true);
    const auto s = GridStatistics::of(g);
    EXPECT_EQ(s.keyTonic, 2);
    EXPECT_FALSE(s.keyMinor);
    EXPECT_EQ(s.keyName(), "D major");
    EXPECT_DOUBLE_EQ(s.shareInKey(2, false), 1.0);
}

}  // namespace

TEST(GridStatistics, KeyScalesAndKeyNames) {
    const auto cMajor = biaxial::GridStatistics::keyScale(0, false);
    EXPECT_EQ(std::count(cMajor.begin(), cMajor.end(), true), 7);
    EXPECT_TRUE(cMajor[0] && cMajor[4] && cMajor[11]);
    EXPECT_FALSE(cMajor[1] || cMajor[10]);
    const auto aMinor = biaxial::GridStatistics::keyScale(9, true);  // A B C D E F G + G#
    EXPECT_EQ(std::count(aMinor.begin(), aMinor.end(), true), 8);
    EXPECT_TRUE(aMinor[9] && aMinor[7] && aMinor[8]);
    EXPECT_FALSE(aMinor[1] || aMinor[6]);

    int tonic = -1;
    bool minor = true;
    struct Case {
        const char* text;
        int tonic;
        bool minor;
    };
    for (const Case& c :
         {Case{"C major", 0, false}, Case{"F# minor", 6, true}, Case{"Bb minor", 10, true},
          Case{"bb", 10, false}, Case{"Am", 9, true}, Case{"eb", 3, false}, Case{"B", 11, false},
          Case{"B minor", 11, true}, Case{"Cb major", 11, false}, Case{"f sharp minor", 6, true}}) {
        ASSERT_TRUE(biaxial::GridStatistics::parseKey(c.text, &tonic, &minor)) << c.text;
        EXPECT_EQ(tonic, c.tonic) << c.text;
        EXPECT_EQ(minor, c.minor) << c.text;
    }
    for (const char* bad : {"", "H", "C lydian", "seed", "c##"})
        EXPECT_FALSE(biaxial::GridStatistics::parseKey(bad, &tonic, &minor)) << bad;
}
