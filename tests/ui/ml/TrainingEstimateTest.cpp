#include <gtest/gtest.h>

#include "TrainingEstimate.h"

using biaxial::ModelConfig;
using biaxial::TrainingEstimate;

TEST(TrainingEstimate, OriginalSizeMatchesTheDesignFigure) {
    // DESIGN.md §2: about 820 GFLOP per original-size batch (10 x 128 x 78), ~7.4 s on CPU.
    const auto e = TrainingEstimate::estimate(ModelConfig::original(), 10, 128, 10000, "cpu");
    EXPECT_NEAR(e.gflopPerBatch, 820.0, 40.0);
    EXPECT_NEAR(e.secondsPerBatch, 7.4, 0.6);
    EXPECT_NEAR(e.totalSeconds, e.secondsPerBatch * 10000, 1e-6);
    EXPECT_GT(e.memoryBytes, 1e9);  // gigabytes of activations at this size
    EXPECT_LT(e.memoryBytes, 2e10);
    EXPECT_EQ(e.device, "cpu");
    EXPECT_FALSE(e.assumptions.empty());
}

TEST(TrainingEstimate, SmallerAndFasterOnGpu) {
    const auto original = TrainingEstimate::estimate(ModelConfig::original(), 10, 128, 100, "cpu");
    const auto small = TrainingEstimate::estimate(ModelConfig::small(), 10, 128, 100, "cpu");
    const auto tiny = TrainingEstimate::estimate(ModelConfig::tiny(), 10, 128, 100, "cpu");
    const auto gpu = TrainingEstimate::estimate(ModelConfig::original(), 10, 128, 100, "cuda:0");
    EXPECT_LT(small.gflopPerBatch, original.gflopPerBatch);
    EXPECT_LT(tiny.gflopPerBatch, small.gflopPerBatch);
    EXPECT_LT(tiny.memoryBytes, small.memoryBytes);
    EXPECT_EQ(gpu.device, "cuda");
    EXPECT_LT(gpu.secondsPerBatch, original.secondsPerBatch);
    // Doubling the batch doubles the work.
    const auto twice = TrainingEstimate::estimate(ModelConfig::small(), 20, 128, 100, "cpu");
    EXPECT_NEAR(twice.gflopPerBatch, 2 * small.gflopPerBatch, 1e-6);
}
