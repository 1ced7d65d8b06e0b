#include "TrainingEstimate.h"

#include <cstdio>

namespace biaxial {

namespace {

// 8*H*(I+H): four gates, each an (I+H) x H matrix-vector product at 2 FLOPs per multiply-add.
double lstmFlops(int input, int hidden) {
    return 8.0 * hidden * (input + hidden);
}

// Floats kept for backward per LSTM step: four gates, cell, tanh(cell), hidden (~6H) and the input.
double lstmSavedFloats(int input, int hidden) {
    return 6.0 * hidden + input;
}

}  // namespace

double TrainingEstimate::forwardFlopsPerElement(const ModelConfig& config) {
    double flops = 0.0;
    int input = ModelConfig::kInputsPerNote;
    for (int h : config.timeSizes) {
        flops += lstmFlops(input, h);
        input = h;
    }
    input += 2;  // the note below's (play, articulate)
    for (int h : config.noteSizes) {
        flops += lstmFlops(input, h);
        input = h;
    }
    flops += 2.0 * input * 2;  // the output layer
    return flops;
}

TrainingEstimate TrainingEstimate::estimate(const ModelConfig& config, int batchSize, int segmentSteps,
                                            std::int64_t steps, const std::string& device) {
    TrainingEstimate e;
    e.device = device.rfind("cuda", 0) == 0 ? "cuda" : "cpu";
    const double elements = static_cast<double>(batchSize) * segmentSteps * config.numNotes;
    e.gflopPerBatch = 3.0 * forwardFlopsPerElement(config) * elements / 1e9;
    e.secondsPerBatch = e.gflopPerBatch / (e.device == "cuda" ? kCudaGflops : kCpuGflops);
    e.totalSeconds = e.secondsPerBatch * static_cast<double>(steps);
    e.parameterCount = config.parameterCount();

    double saved = 0.0;
    int input = ModelConfig::kInputsPerNote;
    for (int h : config.timeSizes) {
        saved += lstmSavedFloats(input, h);
        input = h;
    }
    input += 2;
    for (int h : config.noteSizes) {
        saved += lstmSavedFloats(input, h);
        input = h;
    }
    const double activations = 2.0 * 4.0 * saved * elements;
    const double inputs = 4.0 * ModelConfig::kInputsPerNote * elements;
    const double parameters = 4.0 * 4.0 * static_cast<double>(e.parameterCount);
    e.memoryBytes = activations + inputs + parameters;

    char text[512];
    std::snprintf(
        text, sizeof text,
        "Estimated from the FLOP count: %.0f GFLOP per batch at an assumed %.0f GFLOP/s on %s "
        "(measured for the original size on a 2-core CPU; smaller networks run slower than this rate). "
        "Memory: float32 activations kept for backward, x2 for autograd copies, plus weights, "
        "gradients and optimiser state. The live rate replaces this once training runs.",
        e.gflopPerBatch, e.device == "cuda" ? kCudaGflops : kCpuGflops,
        e.device == "cuda" ? "a CUDA GPU" : "CPU");
    e.assumptions = text;
    return e;
}

}  // namespace biaxial
