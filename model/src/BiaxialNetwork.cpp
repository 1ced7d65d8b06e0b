#include "BiaxialNetwork.h"

#include <string>

namespace biaxial {

BiaxialNetworkImpl::BiaxialNetworkImpl(const ModelConfig& config) : config_(config) {
    std::int64_t in = ModelConfig::kInputsPerNote;
    for (std::size_t i = 0; i < config.timeSizes.size(); ++i) {
        timeLayers_.push_back(register_module("time" + std::to_string(i),
                                              torch::nn::LSTM(torch::nn::LSTMOptions(in, config.timeSizes[i]))));
        in = config.timeSizes[i];
    }
    in += 2;
    for (std::size_t i = 0; i < config.noteSizes.size(); ++i) {
        noteLayers_.push_back(register_module("note" + std::to_string(i),
                                              torch::nn::LSTM(torch::nn::LSTMOptions(in, config.noteSizes[i]))));
        in = config.noteSizes[i];
    }
    output_ = register_module("output", torch::nn::Linear(in, 2));
    if (config.learnedInitialState) {
        // theano_lstm initialises them to zeros and trains them with the weights.
        for (std::size_t i = 0; i < config.timeSizes.size(); ++i) {
            timeInitial_.push_back(register_parameter("time" + std::to_string(i) + "_h0", torch::zeros({config.timeSizes[i]})));
            timeInitial_.push_back(register_parameter("time" + std::to_string(i) + "_c0", torch::zeros({config.timeSizes[i]})));
        }
        for (std::size_t i = 0; i < config.noteSizes.size(); ++i) {
            noteInitial_.push_back(register_parameter("note" + std::to_string(i) + "_h0", torch::zeros({config.noteSizes[i]})));
            noteInitial_.push_back(register_parameter("note" + std::to_string(i) + "_c0", torch::zeros({config.noteSizes[i]})));
        }
    }
}

std::pair<torch::Tensor, torch::Tensor> BiaxialNetworkImpl::initialState(bool timeAxis, std::size_t layer,
                                                                         std::int64_t sequences,
                                                                         const torch::Device& device) {
    const auto& learned = timeAxis ? timeInitial_ : noteInitial_;
    if (learned.empty()) {
        const std::int64_t H = timeAxis ? config_.timeSizes[layer] : config_.noteSizes[layer];
        auto z = torch::zeros({1, sequences, H}, torch::TensorOptions().device(device));
        return {z, z};
    }
    auto h = learned[2 * layer], c = learned[2 * layer + 1];
    return {h.view({1, 1, -1}).expand({1, sequences, h.size(0)}).contiguous(),
            c.view({1, 1, -1}).expand({1, sequences, c.size(0)}).contiguous()};
}

DropoutMasks BiaxialNetworkImpl::drawMasks(std::int64_t timeSequences, std::int64_t noteSequences,
                                           torch::Generator& generator, const torch::Device& device) const {
    DropoutMasks masks;
    const double keep = 1.0 - config_.dropout;
    auto draw = [&](std::int64_t sequences, std::int64_t hidden) {
        auto m = torch::empty({1, sequences, hidden}, torch::kFloat32).bernoulli_(keep, generator);
        return m.to(device);
    };
    for (std::size_t l = 1; l < config_.timeSizes.size(); ++l)
        masks.time.push_back(draw(timeSequences, config_.timeSizes[l - 1]));
    for (std::size_t l = 1; l <= config_.noteSizes.size(); ++l)
        masks.note.push_back(draw(noteSequences, config_.noteSizes[l - 1]));
    return masks;
}

torch::Tensor BiaxialNetworkImpl::timeAxis(const torch::Tensor& x, LstmStates* states, const DropoutMasks* masks) {
    torch::Tensor h = x;
    const double scale = inferenceScale();
    for (std::size_t l = 0; l < timeLayers_.size(); ++l) {
        if (l > 0) {
            if (masks) h = h * masks->time[l - 1];
            else if (scale != 1.0) h = h * scale;
        }
        const bool resume = states && states->size() == timeLayers_.size();
        auto init = resume ? (*states)[l] : initialState(true, l, h.size(1), h.device());
        auto [out, hc] = timeLayers_[l]->forward(h, std::make_tuple(init.first, init.second));
        if (resume) (*states)[l] = {std::get<0>(hc), std::get<1>(hc)};
        else if (states) states->push_back({std::get<0>(hc), std::get<1>(hc)});
        h = out;
    }
    return h;
}

torch::Tensor BiaxialNetworkImpl::noteAxis(const torch::Tensor& x, const DropoutMasks* masks) {
    torch::Tensor h = x;
    const double scale = inferenceScale();
    for (std::size_t l = 0; l < noteLayers_.size(); ++l) {
        if (l > 0) {
            if (masks) h = h * masks->note[l - 1];
            else if (scale != 1.0) h = h * scale;
        }
        auto init = initialState(false, l, h.size(1), h.device());
        h = std::get<0>(noteLayers_[l]->forward(h, std::make_tuple(init.first, init.second)));
    }
    if (masks) h = h * masks->note.back();
    else if (scale != 1.0) h = h * scale;
    return output_->forward(h);
}

torch::Tensor BiaxialNetworkImpl::forward(const torch::Tensor& features, const torch::Tensor& targets,
                                          torch::Generator* generator) {
    const auto B = features.size(0), T = features.size(1), N = features.size(2);
    std::optional<DropoutMasks> masks;
    if (generator) masks = drawMasks(B * N, B * T, *generator, features.device());
    const DropoutMasks* m = masks ? &*masks : nullptr;

    // [B, T, N, F] -> [T, B*N, F]: one time sequence per (piece, note).
    auto timeIn = features.permute({1, 0, 2, 3}).reshape({T, B * N, features.size(3)});
    auto timeOut = timeAxis(timeIn, nullptr, m);
    const auto H = timeOut.size(2);
    // [T, B, N, H] -> [N, B, T, H] -> [N, B*T, H]: one note sequence per (piece, step).
    auto noteTime = timeOut.view({T, B, N, H}).permute({2, 1, 0, 3}).reshape({N, B * T, H});
    // The note below's chosen (play, articulate): zeros for the lowest note.
    auto chosen = targets.permute({2, 0, 1, 3}).reshape({N, B * T, 2});
    auto below = torch::cat({torch::zeros({1, B * T, 2}, chosen.options()), chosen.slice(0, 0, N - 1)}, 0);
    auto logits = noteAxis(torch::cat({noteTime, below}, 2), m);  // [N, B*T, 2]
    return logits.view({N, B, T, 2}).permute({1, 2, 0, 3});
}

torch::Tensor biaxialLoss(const torch::Tensor& logits, const torch::Tensor& targets) {
    // log P = y log p + (1 - y) log(1 - p), in the stable log-sigmoid form.
    auto nll = torch::binary_cross_entropy_with_logits(logits, targets, {}, {}, torch::Reduction::None);
    auto play = nll.select(-1, 0);
    auto articulate = nll.select(-1, 1) * targets.select(-1, 0);
    return play.sum() + articulate.sum();
}

}  // namespace biaxial
