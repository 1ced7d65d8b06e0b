#pragma once

#include <QString>

#include "biaxial/model/ModelConfig.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

// A training run as the panel describes it, by value: the corpus folder (scanned again on
// the worker if it is not the one scanned last), the network config of the size preset, and
// the model API's options (output path, steps, device, checkpoints, samples ...).
struct TrainingRequest {
    QString corpusFolder;
    QString preset;  // "original", "small", "tiny" (for the model card)
    ModelConfig config;
    TrainingOptions options;
};

}  // namespace biaxial
