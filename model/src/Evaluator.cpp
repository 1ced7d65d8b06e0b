#include "biaxial/model/Evaluator.h"

#include <cmath>

#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "TorchRuntime.h"

namespace biaxial {

EvaluationResult Evaluator::evaluate(const Model& model, const std::vector<StepGrid>& pieces,
                                     const std::atomic<bool>* cancel,
                                     const std::function<void(int, int)>& progress) {
    return evaluateEnsemble({&model}, pieces, cancel, progress);
}

EvaluationResult Evaluator::evaluateEnsemble(const std::vector<const Model*>& models,
                                             const std::vector<StepGrid>& pieces,
                                             const std::atomic<bool>* cancel,
                                             const std::function<void(int, int)>& progress) {
    EvaluationResult result;
    if (models.empty()) {
        result.error = "no model loaded";
        return result;
    }
    for (const Model* m : models) {
        if (!m || m->isNull()) {
            result.error = "no model loaded";
            return result;
        }
    }
    const ModelConfig& first = models.front()->impl()->config;
    for (std::size_t k = 1; k < models.size(); ++k) {
        const ModelConfig& c = models[k]->impl()->config;
        if (c.lowPitch != first.lowPitch || c.numNotes != first.numNotes) {
            result.error = "ensemble member " + std::to_string(k + 1) + " covers MIDI " +
                           std::to_string(c.lowPitch) + ".." + std::to_string(c.highPitch()) +
                           ", the first covers " + std::to_string(first.lowPitch) + ".." +
                           std::to_string(first.highPitch());
            return result;
        }
    }
    try {
        TorchRuntime::configureOnce();
        torch::InferenceMode inference;
        const int N = first.numNotes;
        const auto K = static_cast<double>(models.size());
        std::vector<FeatureBuilder> features;
        features.reserve(models.size());
        for (const Model* m : models) {
            const auto& impl = *m->impl();
            features.emplace_back(impl.config.lowPitch, N, impl.device, impl.config.stepsPerBar);
        }
        double playNll = 0, fullNll = 0;
        std::int64_t frames = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result;
            }
            const StepGrid& g = pieces[i];
            if (g.lowPitch() != first.lowPitch || g.numNotes() != N) {
                result.error = "piece " + std::to_string(i) + " is not in the model's pitch range";
                return result;
            }
            const int T = g.steps();
            if (T == 0)
                continue;
            // A silent frame first, so that every frame of the piece is predicted.
            auto states = torch::zeros({1, T + 1, N, 2}, torch::kUInt8);
            std::memcpy(states.data_ptr<std::uint8_t>() + N * 2, g.cells().data(),
                        static_cast<std::size_t>(T) * N * 2);
            auto bars = torch::empty({1, T + 1}, torch::kInt64);
            auto* b = bars.data_ptr<std::int64_t>();
            for (int t = 0; t < T; ++t)
                b[t + 1] = g.barPosition(t);
            b[0] = (b[1] + 15) % 16;
            auto targetCpu = states.slice(1, 1, T + 1).to(torch::kFloat32);
            // Each member's log-likelihood of every bit, [K, 1, T, N, 2], on the CPU in
            // double so that the mixture's log-sum-exp keeps the small probabilities.
            std::vector<torch::Tensor> logLik;
            logLik.reserve(models.size());
            for (std::size_t k = 0; k < models.size(); ++k) {
                auto& impl = *models[k]->impl();
                auto dev = states.to(impl.device);
                auto in = features[k].build(dev.slice(1, 0, T), bars.slice(1, 0, T).to(impl.device));
                auto target = dev.slice(1, 1, T + 1).to(torch::kFloat32);
                auto logits = impl.net->forward(in, target, nullptr);
                logLik.push_back(
                    -torch::binary_cross_entropy_with_logits(logits, target, {}, {}, torch::Reduction::None)
                         .to(torch::kCPU, torch::kFloat64));
            }
            auto mixed =
                models.size() == 1 ? logLik.front() : torch::logsumexp(torch::stack(logLik), 0) - std::log(K);
            auto play = mixed.select(-1, 0);
            auto articulate = mixed.select(-1, 1) * targetCpu.select(-1, 0).to(torch::kFloat64);
            playNll -= play.sum().item<double>();
            fullNll -= (play.sum() + articulate.sum()).item<double>();
            frames += T;
            if (progress)
                progress(static_cast<int>(i + 1), static_cast<int>(pieces.size()));
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
        if (auto nl = what.find('\n'); nl != std::string::npos)
            what = what.substr(0, nl);
        result.error = "evaluation failed: " + what;
        return result;
    }
}

}  // namespace biaxial
