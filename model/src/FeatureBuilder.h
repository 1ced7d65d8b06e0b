#pragma once

#include <torch/torch.h>

namespace biaxial {

// The original's 80 inputs per note (DESIGN.md §1), for a whole batch at once with tensor
// operations: position (1), pitch class one-hot (12), (play, articulate) of the notes at
// offsets -12..+12 (50, zeros outside the range), notes sounding per pitch class rotated to
// this note's pitch class (12), beat bits 0..3 of the bar position as -1/+1 (4), a zero (1).
class FeatureBuilder {
public:
    // stepsPerBar: ModelConfig::stepsPerBar (0 = the bar position's own bits, the original).
    FeatureBuilder(int lowPitch, int numNotes, const torch::Device& device, int stepsPerBar = 0);

    // states: [B, T, N, 2] (0/1, any dtype); barPositions: [B, T] integers.
    // Returns [B, T, N, 80] float32 on the builder's device.
    torch::Tensor build(const torch::Tensor& states, const torch::Tensor& barPositions) const;

private:
    int numNotes_;
    int stepsPerBar_ = 0;
    torch::Device device_;
    torch::Tensor position_;    // [N, 1]
    torch::Tensor pitchClass_;  // [N, 12] one-hot
    torch::Tensor rotation_;    // [N * 12] index into the 12 counts: (pc(n) + j) % 12
    torch::Tensor bitShifts_;   // [4]: 1, 2, 4, 8
};

}  // namespace biaxial
