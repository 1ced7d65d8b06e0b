#pragma once

#include <cstdint>
#include <string>

#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// What a training run will cost before it starts, from the network's FLOP count (DESIGN.md
// §2). Assumptions, stated in `assumptions` for the panel to show:
// - FLOPs: each LSTM step is 8*H*(I+H) multiply-adds' worth of FLOPs (4 gates, 2 per MAC);
//   the time axis runs for every (segment, step, note), the note axis too; backward is 2x
//   forward. The original size gives ~820 GFLOP per batch of 10 x 128 steps x 78 notes.
// - Speed: 110 GFLOP/s on CPU (7.4 s per original-size batch measured on the 2-core
//   machine with OpenBLAS and tcmalloc); small networks run below that rate, so their time
//   is an underestimate. 4000 GFLOP/s effective on a CUDA GPU (a guess: small LSTM matmuls
//   use a fraction of a GPU's peak). The live steps/s replaces the estimate once training runs.
// - Memory: float32 activations kept for backward (about 6 floats per hidden unit plus the
//   input per LSTM step, times 2 for autograd's extra copies), plus weights, gradients and
//   two optimiser buffers per parameter.
// A value; any thread.
struct TrainingEstimate {
    double gflopPerBatch = 0.0;
    double secondsPerBatch = 0.0;
    double totalSeconds = 0.0;
    double memoryBytes = 0.0;
    std::int64_t parameterCount = 0;
    std::string device;       // "cpu" or "cuda"
    std::string assumptions;  // one paragraph

    static constexpr double kCpuGflops = 110.0;
    static constexpr double kCudaGflops = 4000.0;

    static TrainingEstimate estimate(const ModelConfig& config, int batchSize, int segmentSteps,
                                     std::int64_t steps, const std::string& device);
    // Forward FLOPs for one (segment, step, note) element of a batch.
    static double forwardFlopsPerElement(const ModelConfig& config);
};

}  // namespace biaxial
