#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "biaxial/engine/CompactGrid.h"
#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/model/DataParallelConfig.h"
#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// One training piece: a grid in the model's pitch range and a name for messages. Kept compact
// (the sounding cells only): training expands the segments it draws.
struct TrainingPiece {
    TrainingPiece() = default;
    TrainingPiece(std::string name, CompactGrid grid) : name(std::move(name)), grid(std::move(grid)) {}
    TrainingPiece(std::string name, const StepGrid& grid) : name(std::move(name)), grid(grid) {}
    std::string name;
    CompactGrid grid;
};

enum class OptimizerKind { Adadelta, Adam };

struct TrainingOptions {
    std::string outputPath;  // the model file written at the end and at every checkpoint
    // The full training state (weights, optimiser, step, random state) lives beside it in
    // outputPath + ".ckpt"; `resume` continues from there exactly.
    bool resume = false;
    std::string initFrom;  // optional: start from this model file's weights (fine-tuning)

    std::int64_t steps = 10000;  // total batches (a target: resuming continues up to it)
    // A wall-clock budget ("train for an hour"): when this many seconds have passed since the
    // run started, it writes a checkpoint and ends as done after the current batch (resume goes
    // on toward `steps`). 0 = none.
    double timeLimitSeconds = 0.0;
    int batchSize = 10;      // segments per batch (the original: 10)
    int segmentSteps = 128;  // steps per segment (the original: 128)
    int segmentAlign = 16;   // segments start on multiples of this (the original: 16)
    // Augmentation: each training segment is moved by a random number of semitones in
    // [-transpose, transpose] (uniform over the shifts that keep all its notes on the grid).
    // The network is nearly transposition-invariant by design (tied weights along the notes);
    // only the pitch and pitch-class inputs see the key, so moved copies are new evidence for
    // everything else. Validation segments are never moved. 0 = off (the original).
    int transpose = 0;
    // Every piece (training and validation) starts with a silent frame, as `biaxial eval`
    // scores it: segments that begin at a piece's start then teach the network to open a
    // piece from silence (the chord a piece starts on), which segments cut from the middle
    // never do. On JSB the first frame of a chorale costs ~19 nats against ~5.4 for the
    // rest. Stored in the model card; a resumed run must keep it. false = the original.
    bool leadIn = false;

    OptimizerKind optimizer = OptimizerKind::Adadelta;  // the original: Adadelta (rho 0.95, eps 1e-6)
    double learningRate = 0.0;  // 0 = the optimiser's default (Adadelta 1.0, Adam 1e-3)
    // The original clips each parameter's gradient to this L2 norm (theano_lstm, 5.0); 0 = off.
    double gradClip = 5.0;

    double validationFraction = 0.1;  // share of pieces held out (by piece), 0 = none
    // When not empty: exactly these pieces are the validation set (a dataset's own split, or
    // another model's held-out pieces, found by their trailing path components) instead of a
    // random share.
    std::vector<std::string> validationNames;
    int validationEvery = 100;    // batches between validation NLLs
    int validationSegments = 40;  // segments in a validation pass (fixed, same each time)
    // Validate on the held-out pieces whole, as `biaxial eval` scores a benchmark (every frame
    // from the start, the first from silence): validLoss is then the full NLL per note-step
    // of whole pieces and validLossPerStep the benchmark's play NLL per frame, so --keep-best
    // chooses by the figure reported. Slower per pass than segments on long pieces.
    bool validateWholePieces = false;
    int checkpointEvery = 500;  // batches between checkpoints (the original: 500)
    // Early stopping without stopping: outputPath holds the weights of the best validation
    // NLL so far (written at every checkpoint and at the end), the .ckpt the latest state
    // (so that --resume continues the run; the best is tracked again from there).
    bool keepBest = false;
    // Weight averaging: alongside the trained weights keep an exponential moving average
    // of them (decay d per batch, warmed up as min(d, (1 + b) / (10 + b)) at batch b, so
    // that early weights fade fast). Validation, --keep-best and the model file use the
    // average; training goes on from the raw weights (the .ckpt holds both). A noisy run
    // (heavy dropout, a high Adam rate) lands nearer the bottom of the valley on the
    // average than at any one batch. 0 = off (the original).
    double weightAverage = 0.0;
    int sampleEvery = 500;     // batches between sample MIDI files, 0 = never
    std::string sampleFolder;  // where samples go (empty = beside outputPath)
    int sampleSteps = 128;     // length of a sample
    int logEvery = 100;        // batches between progress reports with a loss

    // A new model's output biases start at the log-odds of the training notes' play and
    // articulate frequencies instead of 0. Without it the network first spends its steps
    // lowering every note's odds together and saturates (a long plateau at the marginal
    // entropy, observed on JSB and piano-midi.de); false = the original's zero biases.
    bool initOutputBiasFromData = true;
    std::uint64_t seed = 1;       // weights, segment choice, dropout: all reproducible
    std::string device = "auto";  // "auto", "cpu", "cuda"
    // Mixed precision on the CPU: the LSTM layers' matrix products in bfloat16 with float32
    // accumulation (AVX-512 BF16 through oneDNN); weights and optimiser stay float32.
    bool bf16 = false;
    std::map<std::string, std::string> metadata;  // written into the model file (model card)
    // Data-parallel training over processes (c10d, Gloo): every rank draws the same batch and
    // trains on its share of the segments (batchSize / worldSize each); the gradients are
    // summed over the ranks, so the step is the one-process step of the whole batch (dropout
    // masks aside: each rank draws its own). Rank 0 alone writes checkpoints and samples.
    DataParallelConfig parallel;
};

// Reported by the job, from the training thread (the caller's thread of Trainer::run).
struct TrainingProgress {
    std::int64_t batch = 0;  // batches done
    std::int64_t totalBatches = 0;
    double trainLoss = 0.0;          // NLL per note-step, mean since the last report
    double validLoss = -1.0;         // NLL per note-step on the validation set (-1 = none yet)
    bool validated = false;          // validLoss was measured at this batch (else carried over)
    double validLossPerStep = -1.0;  // the same per time step (summed over notes)
    double stepsPerSecond = 0.0;     // batches per second
    double etaSeconds = 0.0;
    bool checkpointWritten = false;
    // Progress is reported after every batch; a log point (every logEvery batches, at
    // validations, checkpoints and samples) is where a log line is due.
    bool isLogPoint = false;
    std::string message;     // a line for a log ("checkpoint written", "sample ...")
    std::string samplePath;  // the sample MIDI file written at this batch (empty: none)
};

struct TrainingResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;  // why it failed (when !ok && !cancelled)
    std::int64_t batches = 0;
    double trainLoss = 0.0;  // last reported, per note-step
    double validLoss = -1.0;
    std::vector<std::string> trainingPieces;  // names
    std::vector<std::string> validationPieces;
    double seconds = 0.0;
    std::string device;
    bool stoppedAtTimeLimit = false;  // ended by timeLimitSeconds before `steps`
};

// The training job (DESIGN.md §1): batches of random segments, masked NLL, checkpoints,
// samples, validation. A plain function for a worker thread; `cancel` is checked between
// batches (a cancelled job stops within one batch and writes nothing new: the files on disk
// are those of the last checkpoint). `progress` is called on the calling thread.
class Trainer {
public:
    using Progress = std::function<void(const TrainingProgress&)>;

    // `config` is used for a new model; with resume or initFrom the file's config wins.
    static TrainingResult run(const ModelConfig& config, const std::vector<TrainingPiece>& pieces,
                              const TrainingOptions& options, const std::atomic<bool>* cancel = nullptr,
                              const Progress& progress = {});

    // How many pieces are long enough for one segment (a piece of exactly segmentSteps
    // steps is usable): for summaries before starting.
    static int usablePieces(const std::vector<TrainingPiece>& pieces, int segmentSteps);
    // The one way from a scanned corpus to training pieces: its loaded entries, named by their
    // path relative to the corpus folder (so that a model card names "Bach/bach_846.mid", not
    // the training machine's absolute path); moves the grids.
    static std::vector<TrainingPiece> piecesFromCorpus(Corpus&& corpus, const std::string& folder);
    static std::string checkpointPathFor(const std::string& outputPath) { return outputPath + ".ckpt"; }
    // The model card's list of held-out pieces (its "validation_pieces" entry, names joined by
    // "; "), written by training and read by `train --hold-out-like` and `biaxial evaluate`.
    static std::string heldOutEntry(const std::vector<std::string>& names);
    static std::vector<std::string> heldOutPieces(const std::map<std::string, std::string>& card);
};

}  // namespace biaxial
