#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/CompactGrid.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

// Writes a sample MIDI file at a checkpoint, like the original: seeded with the first step of
// a random training segment (chosen by the run's seed and the batch), then sampleSteps
// generated steps, to <folder>/sample-<batch>.mid (folder: options.sampleFolder, else beside
// the model file).
class SampleWriter {
public:
    explicit SampleWriter(const TrainingOptions& options) : options_(options) {}

    struct Written {
        std::string path;  // empty when it failed
        std::string error;
    };
    Written write(const Model& model, const std::vector<const CompactGrid*>& train, std::int64_t batch,
                  const std::atomic<bool>* cancel) const;

private:
    const TrainingOptions& options_;
};

}  // namespace biaxial
