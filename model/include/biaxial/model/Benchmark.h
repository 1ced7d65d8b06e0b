#pragma once

#include <string>

#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// `biaxial bench`: training and continuation timings against the FLOP count of the work
// (achieved GFLOP/s), the machine's SGEMM peak and the straightforward baseline.
struct BenchmarkResult {
    std::string device;
    double peakSgemmGflops = 0;
    double trainStepSecondsOriginal = 0;
    double trainGflopsOriginal = 0;
    double trainStepSecondsSmall = 0;
    double trainGflopsSmall = 0;
    // The same steps with LibTorch's own torch::nn::LSTM instead of the fused CPU layer
    // (0 = not measured: CUDA, or the original size without --baseline-original).
    double baselineTrainStepSecondsSmall = 0;
    double baselineTrainStepSecondsOriginal = 0;
    // The same steps with the LSTM products in bfloat16 (TrainingOptions::bf16; CPU only).
    double bf16TrainStepSecondsSmall = 0;
    double bf16TrainStepSecondsOriginal = 0;
    // Minor page faults per timed original-size step: near 0 when the allocator keeps freed
    // memory (app/KeepFreedMemory.h), ~10^5 when it hands it back between steps.
    double pageFaultsPerStepOriginal = 0;
    double continue16BarsSeconds = 0;
    double continue16Bars8VarSeconds = 0;
    double baselineContinue16BarsSeconds = 0;
    double bf16Continue16BarsSeconds = 0;  // GenerationOptions::bf16 (CPU only)
    double bf16Continue16Bars8VarSeconds = 0;
    // One live step (original size, 1 variation, float32): the time between successive steps of
    // a 256-step continuation, median and 99th percentile, milliseconds (the jam's budget).
    double liveStepMsP50 = 0;
    double liveStepMsP99 = 0;
    // 8 bars with a locked melody and 16 particles (sequential Monte Carlo), original size.
    double locked8Bars16ParticlesSeconds = 0;
    // Continue and Play with the studio's defaults (3 variations, 4 bars after a 4-bar seed,
    // original size, float32): from the call to the first streamed beat and to the first whole
    // bar, milliseconds (the goal: the first new bar sounds within 150 ms of the click).
    double streamFirstBeatMs = 0;
    double streamFirstBarMs = 0;
    double noteLoopShare = 0;  // share of the 16-bar continuation spent in the note loop
    double peakRssMb = 0;
    std::string error;
    std::string toJson() const;
};

struct BenchmarkOptions {
    std::string device = "auto";
    int trainRepeats = 2;  // timed training steps per size (after one warm-up)
    bool skipOriginalTraining = false;
    bool baselineOriginalTraining = false;  // also time the original size with LibTorch's LSTM
};

class Benchmark {
public:
    // Called on the calling thread; `log` gets a line per measurement.
    static BenchmarkResult run(const BenchmarkOptions& options, void (*log)(const std::string&) = nullptr);
    // Seconds of one training batch of this network on this machine (random notes, after one
    // warm-up batch), as the training loop runs it: what a run's estimate should start from.
    // -1 and `error` when the device cannot be used.
    static double timeTrainingBatch(const ModelConfig& config, int batchSize, int segmentSteps,
                                    const std::string& device, bool bf16, std::string* error = nullptr);
};

}  // namespace biaxial
