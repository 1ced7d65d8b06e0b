// The fused CPU LSTM (one autograd node per layer) against LibTorch's torch::nn::LSTM: the
// network's logits, loss and every parameter's gradient, with dropout masks and learned
// initial states, within float tolerance.
#include <gtest/gtest.h>

#include "BiaxialNetwork.h"
#include "biaxial/model/ModelConfig.h"

namespace biaxial {
namespace {

struct Pass {
    torch::Tensor logits, loss;
    std::vector<torch::Tensor> grads;
};

Pass runNetwork(BiaxialNetwork& net, bool fused, const torch::Tensor& in, const torch::Tensor& target) {
    setFusedLstmEnabled(fused);
    for (auto& p : net->parameters())
        p.mutable_grad() = torch::Tensor();
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(9);
    Pass r;
    r.logits = net->forward(in, target, &gen);
    r.loss = biaxialLoss(r.logits, target);
    r.loss.backward();
    for (auto& p : net->parameters())
        r.grads.push_back(p.grad().clone());
    setFusedLstmEnabled(true);
    return r;
}

TEST(FusedLstm, NetworkForwardAndGradientsMatchLibTorchLstm) {
    torch::manual_seed(3);
    auto config = ModelConfig::tiny();
    BiaxialNetwork net(config);
    {
        torch::NoGradGuard g;
        for (auto& p : net->parameters())
            p.uniform_(-0.4, 0.4);  // learned initial states non-zero too
    }
    const int B = 2, T = 9, N = config.numNotes;
    auto in = torch::rand({B, T, N, ModelConfig::kInputsPerNote});
    auto target = (torch::rand({B, T, N, 2}) < 0.3).to(torch::kFloat32);
    auto ref = runNetwork(net, false, in, target);
    auto fused = runNetwork(net, true, in, target);
    EXPECT_TRUE(torch::allclose(fused.logits, ref.logits, 1e-4, 1e-5))
        << (fused.logits - ref.logits).abs().max().item<double>();
    EXPECT_NEAR(fused.loss.item<double>(), ref.loss.item<double>(), 1e-4 * std::abs(ref.loss.item<double>()));
    auto names = net->named_parameters().keys();
    for (std::size_t i = 0; i < ref.grads.size(); ++i) {
        const double scale = ref.grads[i].abs().max().item<double>() + 1e-6;
        EXPECT_LT((fused.grads[i] - ref.grads[i]).abs().max().item<double>(), 1e-4 * scale) << names[i];
    }
}

TEST(FusedLstm, FinalStatesAndInferenceMatch) {
    torch::manual_seed(4);
    torch::nn::LSTM lstm(torch::nn::LSTMOptions(7, 5));
    auto x = torch::randn({6, 3, 7});
    auto h0 = torch::randn({1, 3, 5}), c0 = torch::randn({1, 3, 5});
    torch::NoGradGuard g;
    auto [out, hT, cT] = runLstmLayer(lstm, x, h0, c0);
    auto [refOut, refHc] = lstm->forward(x, std::make_tuple(h0, c0));
    EXPECT_TRUE(torch::allclose(out, refOut, 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(hT, std::get<0>(refHc), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(cT, std::get<1>(refHc), 1e-5, 1e-6));
}

TEST(FusedLstm, GradientOfFinalStatesFlowsBack) {
    torch::manual_seed(5);
    torch::nn::LSTM lstm(torch::nn::LSTMOptions(4, 3));
    auto x = torch::randn({5, 2, 4}, torch::requires_grad());
    auto h0 = torch::randn({1, 2, 3}, torch::requires_grad()),
         c0 = torch::randn({1, 2, 3}, torch::requires_grad());
    auto grads = [&](bool fused) {
        setFusedLstmEnabled(fused);
        x.mutable_grad() = torch::Tensor();
        h0.mutable_grad() = torch::Tensor();
        c0.mutable_grad() = torch::Tensor();
        auto [out, hT, cT] = runLstmLayer(lstm, x, h0, c0);
        (out.sum() + 2 * hT.sum() + 3 * cT.square().sum()).backward();
        setFusedLstmEnabled(true);
        return std::vector<torch::Tensor>{x.grad().clone(), h0.grad().clone(), c0.grad().clone()};
    };
    auto ref = grads(false), fused = grads(true);
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(torch::allclose(fused[i], ref[i], 1e-4, 1e-5)) << i;
}

// Mixed precision: the products' operands lose 16 bits of mantissa (relative error ~2^-9 each),
// so logits and gradients agree with float32 to about a percent, not to float rounding: close
// enough for training (checked on a real corpus in the README), and never silently different.
TEST(FusedLstm, Bf16ProductsStayCloseToFloat32) {
    torch::manual_seed(6);
    auto config = ModelConfig::tiny();
    BiaxialNetwork net(config);
    {
        torch::NoGradGuard g;
        for (auto& p : net->parameters())
            p.uniform_(-0.4, 0.4);
    }
    const int B = 2, T = 9, N = config.numNotes;
    auto in = torch::rand({B, T, N, ModelConfig::kInputsPerNote});
    auto target = (torch::rand({B, T, N, 2}) < 0.3).to(torch::kFloat32);
    auto ref = runNetwork(net, true, in, target);
    setLstmBf16(true);
    auto half = runNetwork(net, true, in, target);
    setLstmBf16(false);
    EXPECT_FALSE(torch::equal(half.logits, ref.logits)) << "the bf16 path must actually run";
    EXPECT_FALSE(torch::equal(half.grads[0], ref.grads[0])) << "and the backward pass too (same thread)";
    const double logitScale = ref.logits.abs().max().item<double>();
    EXPECT_LT((half.logits - ref.logits).abs().max().item<double>(), 0.02 * logitScale);
    EXPECT_NEAR(half.loss.item<double>(), ref.loss.item<double>(), 0.01 * std::abs(ref.loss.item<double>()));
    auto names = net->named_parameters().keys();
    for (std::size_t i = 0; i < ref.grads.size(); ++i) {
        const double scale = ref.grads[i].abs().max().item<double>() + 1e-6;
        EXPECT_LT((half.grads[i] - ref.grads[i]).abs().max().item<double>(), 0.05 * scale) << names[i];
        // The direction of each gradient is what the optimiser follows.
        const double cosine =
            (half.grads[i] * ref.grads[i]).sum().item<double>() /
            (half.grads[i].norm().item<double>() * ref.grads[i].norm().item<double>() + 1e-12);
        EXPECT_GT(cosine, 0.999) << names[i];
    }
}

}  // namespace
}  // namespace biaxial
