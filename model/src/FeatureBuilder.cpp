#include "FeatureBuilder.h"

#include <vector>

namespace biaxial {

FeatureBuilder::FeatureBuilder(int lowPitch, int numNotes, const torch::Device& device, int stepsPerBar)
    : numNotes_(numNotes),
      stepsPerBar_(stepsPerBar > 0 && 16 % stepsPerBar == 0 ? stepsPerBar : 0),
      device_(device) {
    std::vector<float> pc(static_cast<std::size_t>(numNotes) * 12, 0.0f);
    std::vector<std::int64_t> rot(static_cast<std::size_t>(numNotes) * 12);
    for (int n = 0; n < numNotes; ++n) {
        const int own = (lowPitch + n) % 12;
        pc[static_cast<std::size_t>(n * 12 + own)] = 1.0f;
        for (int j = 0; j < 12; ++j)
            rot[static_cast<std::size_t>(n * 12 + j)] = (own + j) % 12;
    }
    position_ = torch::arange(numNotes, torch::kFloat32).unsqueeze(1).to(device);
    pitchClass_ = torch::from_blob(pc.data(), {numNotes, 12}, torch::kFloat32).clone().to(device);
    rotation_ = torch::from_blob(rot.data(), {numNotes * 12}, torch::kInt64).clone().to(device);
    bitShifts_ = torch::tensor({1, 2, 4, 8}, torch::kInt64).to(device);
}

torch::Tensor FeatureBuilder::build(const torch::Tensor& statesIn, const torch::Tensor& barPositions) const {
    auto states = statesIn.to(device_, torch::kFloat32);
    const auto B = states.size(0), T = states.size(1), N = states.size(2);
    auto opts = states.options();

    auto position = position_.expand({B, T, N, 1});
    auto pitchClass = pitchClass_.expand({B, T, N, 12});

    // Pad the note axis by 12 on each side, then a window of 25 notes per note:
    // [B, T, N+24, 2] -> unfold -> [B, T, N, 2, 25] -> [B, T, N, 25, 2] -> 50.
    auto padded = torch::constant_pad_nd(states, {0, 0, 12, 12}, 0.0);
    auto vicinity = padded.unfold(2, 25, 1).permute({0, 1, 2, 4, 3}).reshape({B, T, N, 50});

    // Notes sounding per pitch class, then rotated so that index 0 is each note's own class.
    auto counts = torch::matmul(states.select(3, 0), pitchClass_);  // [B, T, 12]
    auto context = counts.index_select(2, rotation_).view({B, T, N, 12});

    // Beat: bits 0..3 of the position in the bar, as -1/+1.
    auto bars = barPositions.to(device_, torch::kInt64).unsqueeze(-1);  // [B, T, 1]
    // Coarser frames: the frame's place in a bar of stepsPerBar frames, in sixteenths.
    if (stepsPerBar_ > 0)
        bars = bars.remainder(stepsPerBar_) * (16 / stepsPerBar_);
    auto bits = torch::floor_divide(bars, bitShifts_).remainder(2).to(torch::kFloat32) * 2.0 - 1.0;
    auto beat = bits.unsqueeze(2).expand({B, T, N, 4});

    auto zero = torch::zeros({B, T, N, 1}, opts);
    return torch::cat({position, pitchClass, vicinity, context, beat, zero}, 3);
}

}  // namespace biaxial
