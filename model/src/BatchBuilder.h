#pragma once

#include <torch/torch.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>
#include <utility>
#include <vector>

#include "biaxial/engine/CompactGrid.h"
#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// A segment of a grid: piece index, first step and a transposition in semitones (training
// augmentation: positive moves every note up; notes are never pushed off the grid).
struct Segment {
    int piece = 0;
    int start = 0;
    int shift = 0;
};

// A random segment of `length` steps from one of `from`: the piece uniformly, the start
// uniformly among the multiples of `align` (the last one included: the original's randrange
// excluded it and crashed on pieces of exactly 128 steps). Every piece must be long enough.
inline Segment drawSegment(std::mt19937_64& rng, const std::vector<const CompactGrid*>& from, int length,
                           int align) {
    Segment s;
    s.piece = static_cast<int>(std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng));
    const int last = (from[static_cast<std::size_t>(s.piece)]->steps() - length) / align;
    s.start = std::uniform_int_distribution<int>(0, last)(rng) * align;
    return s;
}

// The transpositions [low, high] (low <= 0 <= high) that keep every sounding note of
// grid[start, start + length) on the grid. A silent segment may move anywhere in [-N+1, N-1].
inline std::pair<int, int> shiftRange(const CompactGrid& grid, int start, int length) {
    const int N = grid.numNotes();
    int lowest = 0, highest = 0;
    if (!grid.noteRange(start, start + length, &lowest, &highest))
        return {-(N - 1), N - 1};
    return {-lowest, N - 1 - highest};
}

// The grid with a silent frame before its first, placed one step before it in the bar: the
// frame `biaxial eval` predicts a piece's opening from, so that training sees openings too.
inline StepGrid withLeadIn(const StepGrid& grid) {
    StepGrid out(1, grid.lowPitch(), grid.numNotes());
    if (grid.steps() > 0)
        out.setBarPosition(0, (grid.barPosition(0) + 15) % 16);
    out.append(grid);
    return out;
}

inline CompactGrid withLeadIn(const CompactGrid& grid) {
    return CompactGrid(withLeadIn(grid.expand()));
}

// Expands segments of grids into batch tensors (CPU): states [B, L, N, 2] uint8 and bar
// positions [B, L] int64. Only the drawn steps are expanded, into the tensor's own memory.
inline std::pair<torch::Tensor, torch::Tensor> buildBatch(const std::vector<const CompactGrid*>& grids,
                                                          const std::vector<Segment>& segments, int length) {
    const auto B = static_cast<std::int64_t>(segments.size());
    const std::int64_t N = grids.empty() ? 0 : grids[0]->numNotes();
    auto states = torch::empty({B, length, N, 2}, torch::kUInt8);
    auto bars = torch::empty({B, length}, torch::kInt64);
    auto* s = states.data_ptr<std::uint8_t>();
    auto* b = bars.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < B; ++i) {
        const CompactGrid& g = *grids[static_cast<std::size_t>(segments[i].piece)];
        g.expandInto(segments[i].start, length, segments[i].shift, s + i * length * N * 2);
        for (int t = 0; t < length; ++t)
            b[i * length + t] = g.barPosition(segments[i].start + t);
    }
    return {states, bars};
}

}  // namespace biaxial
