#pragma once

#include <torch/torch.h>

#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// A segment of a grid: piece index and first step.
struct Segment {
    int piece = 0;
    int start = 0;
};

// Copies segments of grids into batch tensors (CPU): states [B, L, N, 2] uint8 and bar
// positions [B, L] int64. One memcpy per segment: the grid's layout is the tensor's.
inline std::pair<torch::Tensor, torch::Tensor> buildBatch(const std::vector<const StepGrid*>& grids,
                                                          const std::vector<Segment>& segments, int length) {
    const auto B = static_cast<std::int64_t>(segments.size());
    const std::int64_t N = grids.empty() ? 0 : grids[0]->numNotes();
    auto states = torch::empty({B, length, N, 2}, torch::kUInt8);
    auto bars = torch::empty({B, length}, torch::kInt64);
    auto* s = states.data_ptr<std::uint8_t>();
    auto* b = bars.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < B; ++i) {
        const StepGrid& g = *grids[static_cast<std::size_t>(segments[i].piece)];
        const std::size_t offset = static_cast<std::size_t>(segments[i].start) * static_cast<std::size_t>(N) * 2;
        std::memcpy(s + i * length * N * 2, g.cells().data() + offset, static_cast<std::size_t>(length * N * 2));
        for (int t = 0; t < length; ++t) b[i * length + t] = g.barPosition(segments[i].start + t);
    }
    return {states, bars};
}

}  // namespace biaxial
