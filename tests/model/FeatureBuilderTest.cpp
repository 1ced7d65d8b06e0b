#include <gtest/gtest.h>

#include "BatchBuilder.h"
#include "FeatureBuilder.h"

namespace biaxial {
namespace {

TEST(FeatureBuilder, ShapeIsEightyPerNote) {
    FeatureBuilder fb(24, 78, torch::kCPU);
    auto f = fb.build(torch::zeros({3, 5, 78, 2}), torch::zeros({3, 5}, torch::kInt64));
    EXPECT_EQ(f.sizes(), (std::vector<std::int64_t>{3, 5, 78, 80}));
}

TEST(FeatureBuilder, MatchesValuesWorkedOutByHand) {
    // 30 notes from MIDI 24 (a C). Note 5 (F, plays and is struck), note 7 (G, held),
    // note 17 (pitch 41, also an F, struck); bar position 5 = binary 0101.
    StepGrid g(1, 24, 30);
    g.setBarPosition(0, 5);
    g.set(0, 5, true, true);
    g.set(0, 7, true, false);
    g.set(0, 17, true, true);
    const CompactGrid compact(g);
    auto [states, bars] = buildBatch({&compact}, {{0, 0}}, 1);
    FeatureBuilder fb(24, 30, torch::kCPU);
    auto f = fb.build(states, bars)[0][0];  // [30, 80]
    auto at = [&](int note, int i) { return f[note][i].item<float>(); };

    // Note 5: position, pitch class.
    EXPECT_EQ(at(5, 0), 5.0f);
    for (int pc = 0; pc < 12; ++pc)
        EXPECT_EQ(at(5, 1 + pc), pc == 5 ? 1.0f : 0.0f) << pc;
    // Vicinity: offset -12 is outside the range (0), offset 0 itself, +2 held, +12 struck.
    const int v = 13;
    EXPECT_EQ(at(5, v + 0), 0.0f);
    EXPECT_EQ(at(5, v + 2 * 12), 1.0f);
    EXPECT_EQ(at(5, v + 2 * 12 + 1), 1.0f);
    EXPECT_EQ(at(5, v + 2 * 14), 1.0f);
    EXPECT_EQ(at(5, v + 2 * 14 + 1), 0.0f);
    EXPECT_EQ(at(5, v + 2 * 24), 1.0f);
    EXPECT_EQ(at(5, v + 2 * 24 + 1), 1.0f);
    float vicinitySum = 0;
    for (int i = 0; i < 50; ++i)
        vicinitySum += at(5, v + i);
    EXPECT_EQ(vicinitySum, 5.0f);
    // Context: two Fs and one G sound; rotated to F (index 0) and G = F + 2.
    const int c = 63;
    EXPECT_EQ(at(5, c + 0), 2.0f);
    EXPECT_EQ(at(5, c + 2), 1.0f);
    EXPECT_EQ(at(5, c + 1), 0.0f);
    // For note 7 (G) the Fs are at G + 10.
    EXPECT_EQ(at(7, c + 0), 1.0f);
    EXPECT_EQ(at(7, c + 10), 2.0f);
    // Beat: bits 0..3 of 5 -> 1, 0, 1, 0 -> +1, -1, +1, -1; then the constant 0.
    EXPECT_EQ(at(5, 75), 1.0f);
    EXPECT_EQ(at(5, 76), -1.0f);
    EXPECT_EQ(at(5, 77), 1.0f);
    EXPECT_EQ(at(5, 78), -1.0f);
    EXPECT_EQ(at(5, 79), 0.0f);
    // Note 0 sees note 5 at offset +5, nothing below the range.
    EXPECT_EQ(at(0, v + 2 * 17), 1.0f);
    EXPECT_EQ(at(0, 0), 0.0f);
    EXPECT_EQ(at(0, 1 + 0), 1.0f);  // MIDI 24 is a C
    // The top note (29, pitch 53 = F) sees note 17 at offset -12.
    EXPECT_EQ(at(29, v + 0), 1.0f);
}

TEST(FeatureBuilder, BeatFollowsTheBarPositionNotTheStepIndex) {
    StepGrid g(3, 24, 78);
    g.setBarPosition(0, 11);  // 3/4: positions 11, 0, 1
    g.setBarPosition(1, 0);
    g.setBarPosition(2, 1);
    const CompactGrid compact(g);
    auto [states, bars] = buildBatch({&compact}, {{0, 0}}, 3);
    auto f = FeatureBuilder(24, 78, torch::kCPU).build(states, bars);
    EXPECT_EQ(f[0][1][0].slice(0, 75, 79).sum().item<float>(), -4.0f);
    EXPECT_EQ(f[0][0][0][75].item<float>(), 1.0f);  // 11 = 1011
    EXPECT_EQ(f[0][0][0][77].item<float>(), -1.0f);
    EXPECT_EQ(f[0][0][0][78].item<float>(), 1.0f);
}

}  // namespace
}  // namespace biaxial
