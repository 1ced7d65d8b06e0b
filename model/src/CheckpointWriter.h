#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "ModelArchive.h"
#include "ModelImpl.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

// What the model file says about the run that wrote it, at a checkpoint.
struct RunFigures {
    std::int64_t step = 0;
    std::string optimizer;
    std::string device;
    std::string validation;  // how validation is done (empty: none)
    double trainLoss = -1;   // per note-step, < 0 = none yet
    double validLoss = -1;
};

// Writes a checkpoint: the training state to MODEL.pt.ckpt and the model file (with its model
// card: the run's options and figures, the held-out pieces) to MODEL.pt, each to a temporary
// file renamed into place. The model file holds the weight average when there is one, or the
// best weights so far with --keep-best (described as of their batch).
class CheckpointWriter {
public:
    explicit CheckpointWriter(const TrainingOptions& options) : options_(options) {}

    // `modelWeights`: what MODEL.pt should hold instead of the network's own weights (the
    // average or the best), in the parameters' order; empty = the network's. `bestStep` and
    // `bestValid` describe kept-best weights (bestStep < 0: not kept-best).
    bool write(Model::Impl& impl, TrainingState& state, const RunFigures& figures,
               std::vector<torch::Tensor> modelWeights, std::int64_t bestStep, double bestValid,
               std::string* error) const;

    // The model-card entries of a run, written into impl's metadata.
    void describe(Model::Impl& impl, const TrainingState& state, const RunFigures& figures) const;

private:
    const TrainingOptions& options_;
};

}  // namespace biaxial
