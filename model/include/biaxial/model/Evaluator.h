#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"
#include "biaxial/model/Model.h"

namespace biaxial {

struct EvaluationResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    double nllPerFrame = 0.0;     // play term only, summed over notes, mean over frames
    double nllPerNoteStep = 0.0;  // full masked NLL (play + articulate) per note-step
    std::int64_t frames = 0;
};

// Negative log-likelihood of pieces under a model, each frame predicted from the frames
// before it (the first from a silent frame), as the Boulanger-Lewandowski benchmarks define
// it: the Bernoulli log-likelihood of every key's play bit. Dropout off. Worker thread.
class Evaluator {
public:
    static EvaluationResult evaluate(const Model& model, const std::vector<StepGrid>& pieces,
                                     const std::atomic<bool>* cancel = nullptr,
                                     const std::function<void(int done, int total)>& progress = {});

    // The same score for an ensemble: at every conditional of the network (each note's
    // play bit given the frames before and the lower notes of its frame, then its
    // articulation) the members' probabilities are averaged, an equal-weight mixture.
    // The product of mixed conditionals is itself a normalised distribution over pieces,
    // so the figure is a likelihood like any single model's. One member scores exactly as
    // evaluate(). Members must cover the same keys; each runs on its own device.
    static EvaluationResult evaluateEnsemble(const std::vector<const Model*>& models,
                                             const std::vector<StepGrid>& pieces,
                                             const std::atomic<bool>* cancel = nullptr,
                                             const std::function<void(int done, int total)>& progress = {});
};

}  // namespace biaxial
