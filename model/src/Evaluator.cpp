#include "biaxial/model/Evaluator.h"

#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "TorchRuntime.h"

namespace biaxial {

EvaluationResult Evaluator::evaluate(const Model& model, const std::vector<StepGrid>& pieces,
                                     const std::atomic<bool>* cancel,
                                     const std::function<void(int, int)>& progress) {
    EvaluationResult result;
    if (model.isNull()) {
        result.error = "no model loaded";
        return result;
    }
    try {
        TorchRuntime::configureOnce();
        torch::InferenceMode inference;
        auto& impl = *model.impl();
        const ModelConfig& config = impl.config;
        const int N = config.numNotes;
        FeatureBuilder features(config.lowPitch, N, impl.device, config.stepsPerBar);
        double playNll = 0, fullNll = 0;
        std::int64_t frames = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result;
            }
            const StepGrid& g = pieces[i];
            if (g.lowPitch() != config.lowPitch || g.numNotes() != N) {
                result.error = "piece " + std::to_string(i) + " is not in the model's pitch range";
                return result;
            }
            const int T = g.steps();
            if (T == 0) continue;
            // A silent frame first, so that every frame of the piece is predicted.
            auto states = torch::zeros({1, T + 1, N, 2}, torch::kUInt8);
            std::memcpy(states.data_ptr<std::uint8_t>() + N * 2, g.cells().data(), static_cast<std::size_t>(T) * N * 2);
            auto bars = torch::empty({1, T + 1}, torch::kInt64);
            auto* b = bars.data_ptr<std::int64_t>();
            for (int t = 0; t < T; ++t) b[t + 1] = g.barPosition(t);
            b[0] = (b[1] + 15) % 16;
            auto dev = states.to(impl.device);
            auto in = features.build(dev.slice(1, 0, T), bars.slice(1, 0, T));
            auto target = dev.slice(1, 1, T + 1).to(torch::kFloat32);
            auto logits = impl.net->forward(in, target, nullptr);
            playNll += torch::binary_cross_entropy_with_logits(logits.select(-1, 0), target.select(-1, 0), {}, {},
                                                               torch::Reduction::Sum)
                           .item<double>();
            fullNll += biaxialLoss(logits, target).item<double>();
            frames += T;
            if (progress) progress(static_cast<int>(i + 1), static_cast<int>(pieces.size()));
        }
        if (frames == 0) {
            result.error = "no frames to evaluate";
            return result;
        }
        result.ok = true;
        result.frames = frames;
        result.nllPerFrame = playNll / static_cast<double>(frames);
        result.nllPerNoteStep = fullNll / (static_cast<double>(frames) * N);
        return result;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos) what = what.substr(0, nl);
        result.error = "evaluation failed: " + what;
        return result;
    }
}

}  // namespace biaxial
