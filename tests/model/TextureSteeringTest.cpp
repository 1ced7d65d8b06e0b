// The texture steering Continue and the jam share: density through the conservativity, rhythm
// through the onset odds per bar position, carried through resampling.
#include <gtest/gtest.h>

#include <cmath>

#include "TextureSteering.h"

namespace biaxial {
namespace {

TEST(TextureSteering, DensityMovesTheConservativityTowardTheTarget) {
    TextureSteering s(2, 1.0);
    s.setTargets({true, 3.0, 0.1, {}, 0.25});
    s.heard(0, 0, 6, 2);  // too many notes: c rises (fewer notes next)
    s.heard(1, 0, 1, 1);  // too few: c falls
    EXPECT_NEAR(s.conservativity()[0], std::exp(0.1 * 1.0), 1e-12);
    EXPECT_NEAR(s.conservativity()[1], std::exp(0.1 * -2.0 / 3.0), 1e-12);
    EXPECT_FALSE(s.steersRhythm());
    EXPECT_EQ(s.onsetOdds(0, 0), 1.0);
    // Not adaptive: the conservativity stays where it started.
    TextureSteering fixed(1, 2.0);
    fixed.setTargets({false, 3.0, 0.1, {}, 0.25});
    fixed.heard(0, 0, 10, 0);
    EXPECT_EQ(fixed.conservativity()[0], 2.0);
}

TEST(TextureSteering, RhythmRaisesOnsetsWhereTheMusicStruckTooLittleAndLowersThemElsewhere) {
    TextureSteering s(1, 1.0);
    // A bar of 4 positions: two onsets on the downbeat, none between, position 3 never heard.
    s.setTargets({false, 0.0, 0.1, {2.0, 0.0, 0.0, -1.0}, 0.5});
    ASSERT_TRUE(s.steersRhythm());
    s.heard(0, 0, 1, 0);  // the downbeat missed: likelier next bar
    s.heard(0, 1, 1, 1);  // a stray onset off the beat: rarer
    s.heard(0, 3, 1, 1);  // no target there: untouched
    EXPECT_NEAR(s.onsetOdds(0, 0), std::exp(0.5 * 2.0 / 2.0), 1e-12);
    EXPECT_NEAR(s.onsetOdds(0, 1), std::exp(-0.5), 1e-12);
    EXPECT_EQ(s.onsetOdds(0, 2), 1.0);
    EXPECT_EQ(s.onsetOdds(0, 3), 1.0);
    EXPECT_EQ(s.onsetOdds(0, 9), 1.0);  // beyond the bar
    for (int bar = 0; bar < 20; ++bar)
        s.heard(0, 0, 0, 0);
    EXPECT_NEAR(s.onsetOdds(0, 0), 4.0, 1e-12);  // clamped
}

TEST(TextureSteering, ResamplingCarriesEachVariationsState) {
    TextureSteering s(3, 1.0);
    s.setTargets({true, 2.0, 0.1, {1.0, 1.0}, 0.25});
    s.heard(0, 1, 5, 0);
    s.heard(2, 1, 0, 3);
    const double c0 = s.conservativity()[0], c2 = s.conservativity()[2];
    const double r0 = s.onsetOdds(0, 1), r2 = s.onsetOdds(2, 1);
    s.reorder({2, 2, 0});
    EXPECT_EQ(s.conservativity()[0], c2);
    EXPECT_EQ(s.conservativity()[1], c2);
    EXPECT_EQ(s.conservativity()[2], c0);
    EXPECT_EQ(s.onsetOdds(0, 1), r2);
    EXPECT_EQ(s.onsetOdds(2, 1), r0);
}

}  // namespace
}  // namespace biaxial
