#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "BatchBuilder.h"
#include "BiaxialNetwork.h"
#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "NoteSampler.h"
#include "TestPieces.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/ModelConfig.h"

namespace biaxial {
namespace {

TEST(Network, LogitsHaveOneOddsPairPerNoteAndStep) {
    torch::manual_seed(1);
    BiaxialNetwork net(ModelConfig::tiny());
    auto logits = net->forward(torch::zeros({2, 7, 78, 80}), torch::zeros({2, 7, 78, 2}));
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{2, 7, 78, 2}));
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(3);
    EXPECT_EQ(net->forward(torch::zeros({2, 7, 78, 80}), torch::zeros({2, 7, 78, 2}), &gen).sizes(),
              logits.sizes());
}

TEST(Network, ParameterCountMatchesTheConfig) {
    for (auto c : {ModelConfig::tiny(), ModelConfig::small(), ModelConfig::original()}) {
        BiaxialNetwork net(c);
        std::int64_t n = 0;
        for (auto& p : net->parameters())
            n += p.numel();
        EXPECT_EQ(n, c.parameterCount());
    }
}

TEST(Network, LossMasksArticulationWhereTheNoteIsSilent) {
    auto logits = torch::zeros({1, 1, 2, 2});
    auto targets = torch::tensor({0.f, 1.f, 1.f, 1.f}).view({1, 1, 2, 2});
    // note 0: silent -> only the play term (log 2); note 1: both terms.
    EXPECT_NEAR(biaxialLoss(logits, targets).item<double>(), 3 * std::log(2.0), 1e-5);
}

TEST(Network, LossFallsWhenOverfittingATinyCorpus) {
    auto config = ModelConfig::tiny();
    config.dropout = 0.0;
    auto model = Model::create(config, 2);  // the original's initialisation
    BiaxialNetwork net = model->impl()->net;
    auto piece = test::arpeggio(33);
    const CompactGrid compact(piece);
    auto [states, bars] = buildBatch({&compact}, {{0, 0}}, 33);
    FeatureBuilder fb(24, 78, torch::kCPU);
    auto in = fb.build(states.slice(1, 0, 32), bars.slice(1, 0, 32));
    auto target = states.slice(1, 1, 33).to(torch::kFloat32);
    torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-2));
    double first = 0, last = 0;
    for (int i = 0; i < 60; ++i) {
        opt.zero_grad();
        auto loss = biaxialLoss(net->forward(in, target), target);
        loss.backward();
        opt.step();
        (i == 0 ? first : last) = loss.item<double>();
    }
    EXPECT_LT(last, first * 0.3) << first << " -> " << last;
}

TEST(NoteSampler, FastTanhMatchesStdTanh) {
    double worst = 0;
    for (float x = -12.0f; x <= 12.0f; x += 0.001f)
        worst = std::max(worst, static_cast<double>(std::fabs(NoteSampler::fastTanh(x) - std::tanh(x))));
    EXPECT_LT(worst, 2e-6);
}

}  // namespace
}  // namespace biaxial
