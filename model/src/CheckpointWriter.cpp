#include "CheckpointWriter.h"

#include <sstream>

#include "WeightAverage.h"

namespace biaxial {

namespace {

std::string formatDouble(double v) {
    std::ostringstream out;
    out.precision(6);
    out << v;
    return out.str();
}

}  // namespace

void CheckpointWriter::describe(Model::Impl& impl, const TrainingState& state,
                                const RunFigures& figures) const {
    auto& card = impl.metadata;
    if (options_.weightAverage > 0)
        card["weight_average"] = "exponential, decay " + formatDouble(options_.weightAverage);
    card["training_steps"] = std::to_string(figures.step);
    card["optimizer"] = figures.optimizer;
    card["batch_size"] = std::to_string(options_.batchSize);
    card["segment_steps"] = std::to_string(options_.segmentSteps);
    if (!figures.validation.empty())
        card["validation"] = figures.validation;
    if (options_.transpose > 0)
        card["transpose_augmentation"] = "+-" + std::to_string(options_.transpose) + " semitones";
    card["device"] = figures.device;
    card["precision"] = options_.bf16 ? "bf16 products, float32 weights" : "float32";
    if (figures.validLoss >= 0)
        card["valid_nll_per_note_step"] = formatDouble(figures.validLoss);
    if (figures.trainLoss >= 0)
        card["train_nll_per_note_step"] = formatDouble(figures.trainLoss);
    card["validation_pieces"] = Trainer::heldOutEntry(state.validationPieces);
}

bool CheckpointWriter::write(Model::Impl& impl, TrainingState& state, const RunFigures& figures,
                             std::vector<torch::Tensor> modelWeights, std::int64_t bestStep, double bestValid,
                             std::string* error) const {
    impl.trainingSteps = figures.step;
    describe(impl, state, figures);
    const std::string ckptPath = Trainer::checkpointPathFor(options_.outputPath);
    if (!ModelArchive::write(impl, &state, ckptPath, error))
        return false;
    if (modelWeights.empty())
        return ModelArchive::write(impl, nullptr, options_.outputPath, error);

    const auto params = impl.net->named_parameters();
    const auto metadata = impl.metadata;
    if (bestStep >= 0) {
        // The best weights, described as of their batch.
        impl.trainingSteps = bestStep;
        impl.metadata["training_steps"] = std::to_string(bestStep);
        impl.metadata["valid_nll_per_note_step"] = formatDouble(bestValid);
        impl.metadata["kept_best_of_steps"] = std::to_string(figures.step);
    }
    swapWeights(params, modelWeights);
    const bool ok = ModelArchive::write(impl, nullptr, options_.outputPath, error);
    swapWeights(params, modelWeights);
    impl.metadata = metadata;
    impl.trainingSteps = figures.step;
    return ok;
}

}  // namespace biaxial
