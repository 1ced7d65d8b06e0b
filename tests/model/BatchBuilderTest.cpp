#include <gtest/gtest.h>

#include "BatchBuilder.h"
#include "TestPieces.h"

namespace biaxial {
namespace {

// The cell (step, note, bit) of segment i of a [B, L, N, 2] batch.
int cell(const torch::Tensor& states, int i, int step, int note, int bit) {
    return states.index({i, step, note, bit}).item<int>();
}

TEST(BatchBuilderTest, ShiftRangeKeepsEveryNoteOnTheGrid) {
    StepGrid g(8, 21, 88);
    g.set(2, 10, true, true);   // lowest note of the segment
    g.set(5, 80, true, false);  // highest
    g.set(7, 0, true, true);    // outside the segment [0, 7)
    auto [low, high] = shiftRange(CompactGrid(g), 0, 7);
    EXPECT_EQ(low, -10);
    EXPECT_EQ(high, 7);  // 80 + 7 = 87, the top key
    StepGrid silent(8, 21, 88);
    auto [sl, sh] = shiftRange(CompactGrid(silent), 0, 8);
    EXPECT_EQ(sl, -87);
    EXPECT_EQ(sh, 87);
}

TEST(BatchBuilderTest, ShiftedSegmentsMoveEveryCellAndNothingElse) {
    const int N = 78;
    StepGrid g = test::arpeggio(40, 24, N);
    const CompactGrid compact(g);
    std::vector<const CompactGrid*> grids{&compact};
    for (int shift : {0, 5, -3}) {
        std::vector<Segment> segs{{0, 8, shift}};
        auto [states, bars] = buildBatch(grids, segs, 16);
        ASSERT_EQ(states.sizes(), (std::vector<std::int64_t>{1, 16, N, 2}));
        int moved = 0;
        for (int t = 0; t < 16; ++t) {
            EXPECT_EQ(bars[0][t].item<std::int64_t>(), g.barPosition(8 + t));
            for (int n = 0; n < N; ++n) {
                const int from = n - shift;
                const bool inside = from >= 0 && from < N;
                EXPECT_EQ(cell(states, 0, t, n, 0), inside && g.play(8 + t, from) ? 1 : 0)
                    << shift << " " << t << " " << n;
                EXPECT_EQ(cell(states, 0, t, n, 1), inside && g.articulate(8 + t, from) ? 1 : 0);
                moved += cell(states, 0, t, n, 0);
            }
        }
        // The arpeggio lies inside the grid for these shifts: no note is lost.
        int original = 0;
        for (int t = 0; t < 16; ++t)
            for (int n = 0; n < N; ++n)
                original += g.play(8 + t, n) ? 1 : 0;
        EXPECT_EQ(moved, original) << shift;
    }
}

TEST(BatchBuilderTest, LeadInPutsASilentFrameBeforeThePieceOneStepEarlierInTheBar) {
    StepGrid g = test::arpeggio(20, 24, 78);
    for (int t = 0; t < 20; ++t)
        g.setBarPosition(t, t % 4);  // quarter-note frames, 4 per bar
    const StepGrid led = withLeadIn(g);
    ASSERT_EQ(led.steps(), 21);
    EXPECT_EQ(led.lowPitch(), g.lowPitch());
    EXPECT_EQ(led.numNotes(), g.numNotes());
    EXPECT_EQ(led.playCount(), g.playCount());
    for (int n = 0; n < 78; ++n)
        EXPECT_FALSE(led.play(0, n) || led.articulate(0, n));
    EXPECT_EQ(led.barPosition(0), 15);  // (0 + 15) % 16, as biaxial eval places it
    for (int t = 0; t < 20; ++t) {
        EXPECT_EQ(led.barPosition(t + 1), g.barPosition(t));
        for (int n = 0; n < 78; ++n) {
            EXPECT_EQ(led.play(t + 1, n), g.play(t, n));
            EXPECT_EQ(led.articulate(t + 1, n), g.articulate(t, n));
        }
    }
    // Training keeps its pieces compact: the same lead-in.
    EXPECT_EQ(withLeadIn(CompactGrid(g)).expand(), led);
}

}  // namespace
}  // namespace biaxial
