#pragma once

#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "BatchBuilder.h"
#include "CheckpointWriter.h"
#include "DataParallelGroup.h"
#include "FeatureBuilder.h"
#include "ModelArchive.h"
#include "ModelImpl.h"
#include "Optimizer.h"
#include "SampleWriter.h"
#include "TrainValidSplit.h"
#include "WeightAverage.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

// One training run (Trainer::run), in named parts: the model (new, resumed or fine-tuned), the
// train/validation split, the optimiser and random state (restored exactly on resume), the
// weight average, the validation pass, the best weights (--keep-best), the checkpoint and
// model-card writer and the sample writer; run() is the batch loop over them.
// Lives on the training thread for the length of one run.
class TrainingRun {
public:
    TrainingRun(const ModelConfig& config, const std::vector<TrainingPiece>& pieces,
                const TrainingOptions& options, const std::atomic<bool>* cancel,
                const Trainer::Progress& progress);
    TrainingResult run();

private:
    using Clock = std::chrono::steady_clock;

    std::string checkOptions() const;
    std::string loadModel();     // impl_, state_, resumed_
    std::string choosePieces();  // usable_, split_, result_'s piece names
    void initOutputBiasFromData();
    std::string restoreTrainingState();  // optimiser, random state, step
    std::string joinGroup();             // group_, this rank's dropout seed
    std::string agreeOnData();           // every rank scanned the same corpus and split
    std::vector<Segment> myShare(const std::vector<Segment>& batch) const;
    bool leader() const { return !group_ || group_->rank() == 0; }
    std::string rankSlot() const;  // where this rank's dropout state lives in a checkpoint
    void prepareValidation();
    std::vector<Segment> drawBatch();
    torch::Tensor lossOf(const std::vector<const CompactGrid*>& from, const std::vector<Segment>& segments,
                         torch::Generator* dropout);
    double validate(double* perStep);  // NLL per note-step (and per step) of the held-out pieces
    void rememberIfBest();
    bool writeCheckpoint(std::string* error);
    TrainingResult fail(const std::string& why);

    const ModelConfig& configIn_;
    const std::vector<TrainingPiece>& pieces_;
    const TrainingOptions& options_;
    const std::atomic<bool>* cancel_;
    const Trainer::Progress& progress_;

    TrainingResult result_;
    Clock::time_point started_;
    torch::Device device_{torch::kCPU};
    std::shared_ptr<Model::Impl> impl_;
    TrainingState state_;
    bool resumed_ = false;
    std::vector<TrainingPiece> ledIn_;  // the pieces with their silent frame (leadIn)
    std::vector<const TrainingPiece*> usable_;
    TrainValidSplit split_;

    std::mt19937_64 segmentRng_;
    torch::Generator dropoutRng_;
    std::optional<Optimizer> optimizer_;
    torch::OrderedDict<std::string, torch::Tensor> params_;
    std::int64_t step_ = 0;
    std::int64_t validatedAt_ = -1;  // the batch of the last validation pass
    std::optional<WeightAverage> average_;
    std::optional<FeatureBuilder> features_;

    std::vector<Segment> validSegments_;     // a fixed validation set: the same segments every time
    std::vector<StepGrid> validWhole_;       // or the held-out pieces whole (validateWholePieces)
    std::vector<torch::Tensor> bestParams_;  // keepBest: the weights at the best validation NLL
    double bestValid_ = -1;
    std::int64_t bestStep_ = 0;

    std::unique_ptr<DataParallelGroup> group_;  // null: one process
    std::string startNote_;                     // said with the first progress report

    CheckpointWriter checkpoints_;
    SampleWriter samples_;
};

}  // namespace biaxial
