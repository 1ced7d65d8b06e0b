// CompactGrid: the corpus's in-memory form gives back exactly the dense grid, any slice of it,
// shifted segments, and refuses stored parts that do not make a grid.
#include <gtest/gtest.h>

#include <random>

#include "biaxial/engine/CompactGrid.h"

namespace biaxial {
namespace {

// 300 steps (several index blocks) of random notes, struck and held, with a pickup bar of
// 4 steps in 4/4, 3/4 from step 98 and a position sequence that does not count up at 250.
StepGrid varied(int notes = 78) {
    std::mt19937 rng(7);
    StepGrid g(300, 24, notes);
    for (int t = 0; t < 300; ++t) {
        if (t < 98)
            g.setBarPosition(t, (t + 12) % 16);
        else if (t < 250)
            g.setBarPosition(t, (t - 98) % 12);
        else
            g.setBarPosition(t, t % 2 == 0 ? 3 : 7);
        for (int n = 0; n < notes; ++n)
            if (rng() % 9 == 0)
                g.set(t, n, true, rng() % 3 != 0);
    }
    for (int n = 0; n < notes; ++n)
        g.set(40, n, true, n % 2 == 0);  // a step with every note sounding
    return g;
}

TEST(CompactGrid, GivesBackTheDenseGridAndEverySliceOfIt) {
    const StepGrid g = varied();
    const CompactGrid c(g);
    EXPECT_EQ(c.steps(), 300);
    EXPECT_EQ(c.lowPitch(), 24);
    EXPECT_EQ(c.numNotes(), 78);
    EXPECT_EQ(c.expand(), g);
    EXPECT_EQ(c.playCount(), g.playCount());
    for (auto [from, to] : {std::pair{0, 1}, {63, 65}, {64, 128}, {98, 226}, {299, 300}, {17, 17}})
        EXPECT_EQ(c.slice(from, to), g.slice(from, to)) << from << ".." << to;
    for (int t = 0; t < 300; ++t)
        EXPECT_EQ(c.barPosition(t), g.barPosition(t)) << t;
    // The counting runs: the pickup and 4/4 in one, 3/4 in one, then a run per irregular step.
    EXPECT_EQ(c.barRuns()[0], (CompactGrid::BarRun{0, 12, 16}));
    EXPECT_EQ(c.barRuns()[1], (CompactGrid::BarRun{98, 0, 12}));
    EXPECT_EQ(c.barRuns().size(), 2u + 50u);
}

TEST(CompactGrid, ShiftedSegmentsMatchTheDenseGridMoved) {
    const StepGrid g = varied();
    const CompactGrid c(g);
    const int N = g.numNotes(), L = 70;
    for (int shift : {0, 3, -5, 77, -77}) {
        std::vector<std::uint8_t> out(static_cast<std::size_t>(L * N * 2), 0xAA);
        c.expandInto(60, L, shift, out.data());
        for (int t = 0; t < L; ++t)
            for (int n = 0; n < N; ++n) {
                const int from = n - shift;
                const bool inside = from >= 0 && from < N;
                const std::size_t i = (static_cast<std::size_t>(t) * N + n) * 2;
                ASSERT_EQ(out[i], inside && g.play(60 + t, from) ? 1 : 0) << shift << " " << t << " " << n;
                ASSERT_EQ(out[i + 1], inside && g.articulate(60 + t, from) ? 1 : 0);
            }
    }
    int lowest = 0, highest = 0;
    ASSERT_TRUE(c.noteRange(41, 60, &lowest, &highest));
    int lo = N, hi = -1;
    for (int t = 41; t < 60; ++t)
        for (int n = 0; n < N; ++n)
            if (g.play(t, n)) {
                lo = std::min(lo, n);
                hi = std::max(hi, n);
            }
    EXPECT_EQ(lowest, lo);
    EXPECT_EQ(highest, hi);
    EXPECT_FALSE(CompactGrid(StepGrid(8, 24, 78)).noteRange(0, 8, &lowest, &highest));
}

TEST(CompactGrid, IsAFractionOfTheDenseGrid) {
    // A texture of four voices, a strike every other step: what piano music looks like.
    StepGrid g(1024, 24, 78);
    for (int t = 0; t < 1024; ++t) {
        g.setBarPosition(t, t % 16);
        for (int v = 0; v < 4; ++v)
            g.set(t, 10 + 12 * v + (t / 8) % 5, true, t % 2 == 0);
    }
    const CompactGrid c(g);
    const std::size_t dense = g.cells().size() + g.barPositions().size() * 4;
    EXPECT_LT(c.memoryBytes() * 20, dense) << c.memoryBytes() << " against " << dense;
    EXPECT_EQ(c.expand(), g);
}

TEST(CompactGrid, StoredPartsAreCheckedBeforeTheyAreTrusted) {
    const CompactGrid c(varied());
    std::string why;
    auto same = CompactGrid::fromParts(c.steps(), c.lowPitch(), c.numNotes(), c.counts(), c.cells(),
                                       c.barRuns(), &why);
    ASSERT_TRUE(same) << why;
    EXPECT_EQ(*same, c);

    std::vector<std::uint8_t> counts(c.counts().begin(), c.counts().end());
    counts[5] += 1;
    EXPECT_FALSE(CompactGrid::fromParts(300, 24, 78, counts, c.cells(), c.barRuns(), &why));
    EXPECT_FALSE(why.empty());
    std::vector<std::uint8_t> cells(c.cells().begin(), c.cells().end());
    std::swap(cells[0], cells[1]);  // notes of a step out of order
    EXPECT_FALSE(CompactGrid::fromParts(300, 24, 78, c.counts(), cells, c.barRuns(), &why));
    EXPECT_FALSE(
        CompactGrid::fromParts(300, 24, 10, c.counts(), c.cells(), c.barRuns(), &why));  // notes off the grid
    auto runs = c.barRuns();
    runs[0].step = 1;
    EXPECT_FALSE(CompactGrid::fromParts(300, 24, 78, c.counts(), c.cells(), runs, &why));
    runs = c.barRuns();
    runs[1].step = runs[2].step;
    EXPECT_FALSE(CompactGrid::fromParts(300, 24, 78, c.counts(), c.cells(), runs, &why));
    EXPECT_FALSE(CompactGrid::fromParts(299, 24, 78, c.counts(), c.cells(), c.barRuns(), &why));
}

}  // namespace
}  // namespace biaxial
