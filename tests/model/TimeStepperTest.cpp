// The generation time-axis fast path (TimeStepper) against FeatureBuilder + LibTorch's LSTM.
#include <gtest/gtest.h>

#include <random>

#include "BiaxialNetwork.h"
#include "FeatureBuilder.h"
#include "NoteSampler.h"
#include "biaxial/model/ModelConfig.h"

namespace biaxial {
namespace {

// Random non-zero weights and states; K variations of random notes (articulate only where
// played) at several bar positions, stepped through both paths.
void compareStepper(const ModelConfig& config, int K, double tolerance, bool bf16 = false) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    BiaxialNetwork net(config);
    for (auto& p : net->parameters())
        p.uniform_(-0.3, 0.3);
    const int N = config.numNotes;
    LstmStates states;
    for (int h : config.timeSizes)
        states.push_back({torch::randn({1, K * N, h}) * 0.5, torch::randn({1, K * N, h}) * 0.5});
    TimeStepper stepper(*net, states, config.lowPitch, N, config.stepsPerBar, bf16);
    LstmStates reference = states;
    FeatureBuilder features(config.lowPitch, N, torch::kCPU, config.stepsPerBar);
    std::mt19937 rng(7);
    auto notes = torch::zeros({K, 1, N, 2}, torch::kUInt8);
    for (int bar : {0, 5, 15, 16, 23}) {
        auto* d = notes.data_ptr<std::uint8_t>();
        for (int i = 0; i < K * N; ++i) {
            d[2 * i] = rng() % 5 == 0;
            d[2 * i + 1] = d[2 * i] && rng() % 2 == 0;
        }
        auto fast = stepper.stepFromNotes(d, bar).clone();
        auto in = features.build(notes, torch::full({K, 1}, bar, torch::kInt64));
        auto slow = net->timeAxis(in.view({1, K * N, ModelConfig::kInputsPerNote}), &reference, nullptr)[0];
        EXPECT_TRUE(torch::allclose(fast, slow, 0, tolerance))
            << "bar " << bar << ": max difference " << (fast - slow).abs().max().item<double>();
    }
}

TEST(TimeStepper, StepFromNotesMatchesFeaturesAndLstmTiny) {
    compareStepper(ModelConfig::tiny(), 3, 1e-5);
}

TEST(TimeStepper, StepFromNotesMatchesFeaturesAndLstmOriginalSize) {
    compareStepper(ModelConfig::original(), 2, 1e-4);
}

// bfloat16 operands: h in (-1, 1) off by ~1e-2 at most after five steps at the original size.
TEST(TimeStepper, Bf16ProductsStayCloseToFloat32) {
    compareStepper(ModelConfig::original(), 2, 3e-2, true);
}

TEST(TimeStepper, CoarserFramesUseTheSameBeatMappingAsFeatures) {
    auto c = ModelConfig::tiny();
    c.stepsPerBar = 4;
    compareStepper(c, 2, 1e-5);
}

TEST(TimeStepper, OneTimeLayer) {
    auto c = ModelConfig::tiny();
    c.timeSizes = {16};
    compareStepper(c, 1, 1e-5);
}

}  // namespace
}  // namespace biaxial
