// The same code paths on CUDA (label `gpu`): skipped where LibTorch has no CUDA or no GPU is
// present, so the suite still passes on a CPU-only machine.
#include <gtest/gtest.h>

#include <filesystem>

#include "../TestPieces.h"
#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Generator.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {
namespace {

#define REQUIRE_CUDA()           \
    if (!Model::cudaAvailable()) \
    GTEST_SKIP() << "no CUDA device"

TEST(Gpu, TrainsOnCuda) {
    REQUIRE_CUDA();
    auto dir = std::filesystem::temp_directory_path() / "biaxial-gpu-test";
    std::filesystem::create_directories(dir);
    TrainingOptions o;
    o.outputPath = (dir / "m.pt").string();
    o.steps = 3;
    o.batchSize = 2;
    o.segmentSteps = 32;
    o.sampleEvery = 0;
    o.device = "cuda";
    auto r = Trainer::run(ModelConfig::tiny(), test::arpeggioPieces(4, 48), o);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.device.rfind("cuda", 0), 0u) << r.device;
    std::filesystem::remove_all(dir);
}

TEST(Gpu, CudaAndCpuAgreeOnLikelihoodAndGenerate) {
    REQUIRE_CUDA();
    auto c = ModelConfig::tiny();
    c.lowPitch = 21;
    c.numNotes = 88;
    auto cpu = *Model::create(c, 4);
    auto gpu = cpu.clone();
    ASSERT_TRUE(gpu.setDevice("cuda"));
    auto ds = DatasetReader::parse(R"({"test": [[[60], [62, 65], [64], [], [67, 71]]]})", "t", 21, 88);
    auto a = Evaluator::evaluate(cpu, ds->test), b = Evaluator::evaluate(gpu, ds->test);
    ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
    EXPECT_NEAR(a.nllPerFrame, b.nllPerFrame, 1e-3);
    GenerationOptions g;
    g.steps = 16;
    g.variations = 2;
    auto r1 = Generator::generate(gpu, ds->test[0], g), r2 = Generator::generate(gpu, ds->test[0], g);
    ASSERT_TRUE(r1.ok) << r1.error;
    EXPECT_EQ(r1.variations[0], r2.variations[0]);
}

TEST(Gpu, ContinuationOnCudaMatchesTheAllGpuNoteLoopAndTheCpu) {
    // On CUDA the seed runs through the time axis on the GPU and the step loop continues on the
    // CPU; the straightforward path keeps every note's tensors on the GPU. Same weights, same
    // seeds: the same notes (tiny model, 16 steps; float32 sums differ only in the last bits).
    REQUIRE_CUDA();
    auto cpu = *Model::create(ModelConfig::tiny(), 5);
    auto gpu = cpu.clone();
    ASSERT_TRUE(gpu.setDevice("cuda"));
    auto seed = test::arpeggio(8);
    GenerationOptions g;
    g.steps = 16;
    g.variations = 2;
    auto hybrid = Generator::generate(gpu, seed, g), onCpu = Generator::generate(cpu, seed, g);
    g.baselineNoteLoop = true;
    auto allGpu = Generator::generate(gpu, seed, g);
    ASSERT_TRUE(hybrid.ok && onCpu.ok && allGpu.ok) << hybrid.error << onCpu.error << allGpu.error;
    for (int k = 0; k < 2; ++k) {
        EXPECT_EQ(hybrid.variations[static_cast<std::size_t>(k)],
                  allGpu.variations[static_cast<std::size_t>(k)])
            << k;
        EXPECT_EQ(hybrid.variations[static_cast<std::size_t>(k)],
                  onCpu.variations[static_cast<std::size_t>(k)])
            << k;
    }
}

}  // namespace
}  // namespace biaxial
