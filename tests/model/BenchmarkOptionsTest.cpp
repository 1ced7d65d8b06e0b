// The options the bl2012 benchmarks need: the beat for coarser frames (ModelConfig::stepsPerBar)
// and keeping the best-validation weights (TrainingOptions::keepBest).
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include "BatchBuilder.h"
#include "FeatureBuilder.h"
#include "ModelArchive.h"
#include "ModelImpl.h"
#include "TestPieces.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {
namespace {

namespace fs = std::filesystem;

// The four beat inputs (features 75..78) of note 0 for each bar position given.
std::vector<std::vector<float>> beatBits(const std::vector<int>& positions, int stepsPerBar) {
    const int T = static_cast<int>(positions.size());
    auto bars = torch::tensor(std::vector<std::int64_t>(positions.begin(), positions.end())).view({1, T});
    FeatureBuilder fb(24, 4, torch::kCPU, stepsPerBar);
    auto f = fb.build(torch::zeros({1, T, 4, 2}), bars);
    std::vector<std::vector<float>> out;
    for (int t = 0; t < T; ++t) {
        std::vector<float> b;
        for (int i = 75; i < 79; ++i)
            b.push_back(f[0][t][0][i].item<float>());
        out.push_back(b);
    }
    return out;
}

TEST(BeatOption, DefaultKeepsTheOriginalBits) {
    auto bits = beatBits({0, 1, 5, 15}, 0);
    EXPECT_EQ(bits[0], (std::vector<float>{-1, -1, -1, -1}));
    EXPECT_EQ(bits[1], (std::vector<float>{1, -1, -1, -1}));
    EXPECT_EQ(bits[2], (std::vector<float>{1, -1, 1, -1}));
    EXPECT_EQ(bits[3], (std::vector<float>{1, 1, 1, 1}));
}

TEST(BeatOption, QuarterNoteFramesReadTheBitsOfTheirSixteenth) {
    // Frames of a quarter note, 4 per bar; the reader counts positions mod 16 (frame 5 =
    // beat 2 of bar 2), which must read like sixteenth step 4.
    auto quarter = beatBits({0, 1, 2, 3, 4, 5, 15}, 4);
    auto sixteenth = beatBits({0, 4, 8, 12, 0, 4, 12}, 0);
    EXPECT_EQ(quarter, sixteenth);
    // Eighth-note frames: 8 per bar, frame 3 = sixteenth 6.
    EXPECT_EQ(beatBits({3, 11}, 8), beatBits({6, 6}, 0));
}

TEST(BeatOption, ConfigValidatesDescribesAndRoundTrips) {
    ModelConfig c = ModelConfig::tiny();
    c.stepsPerBar = 3;
    EXPECT_TRUE(c.validate().has_value());
    c.stepsPerBar = 4;
    EXPECT_FALSE(c.validate().has_value());
    EXPECT_NE(c.describe().find("4 steps per bar"), std::string::npos);
    std::string why;
    auto back = ModelArchive::decodeConfig(ModelArchive::encodeConfig(c), &why);
    ASSERT_TRUE(back) << why;
    EXPECT_EQ(back->stepsPerBar, 4);
    // A config written before the option existed (and one of the default) reads as 0.
    auto plain = ModelConfig::tiny();
    EXPECT_EQ(ModelArchive::encodeConfig(plain).find("stepsPerBar"), std::string::npos);
    auto old = ModelArchive::decodeConfig(
        "lowPitch=24\nnumNotes=78\ntimeSizes=24,24\nnoteSizes=12,8\ndropout=0.5\n", &why);
    ASSERT_TRUE(old) << why;
    EXPECT_EQ(old->stepsPerBar, 0);
}

TEST(LayerSizes, ParseAsWrittenOnACommandLineAndValidateTheRange) {
    EXPECT_EQ(ModelConfig::parseLayerSizes("128,64"), (std::vector<int>{128, 64}));
    EXPECT_EQ(ModelConfig::parseLayerSizes("300"), (std::vector<int>{300}));
    for (const char* bad : {"", ",", "128,", ",64", "12 8", "-4", "+4", "9x", "1234567", "64;32"})
        EXPECT_FALSE(ModelConfig::parseLayerSizes(bad)) << '"' << bad << '"';
    // Parsing takes 0; the config says why it cannot be used.
    ModelConfig c = ModelConfig::tiny();
    c.noteSizes = *ModelConfig::parseLayerSizes("0,8");
    ASSERT_TRUE(c.validate());
    EXPECT_NE(c.validate()->find("note layer size 0"), std::string::npos) << *c.validate();
}

class KeepBestTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("biaxial-keepbest-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(KeepBestTest, ModelFileHoldsTheBestValidationWeightsAndSavesTheOption) {
    auto pieces = test::arpeggioPieces(4, 48);
    TrainingOptions o;
    o.outputPath = (dir_ / "m.pt").string();
    o.steps = 6;
    o.batchSize = 2;
    o.segmentSteps = 16;
    o.segmentAlign = 4;
    o.validationFraction = 0.25;
    o.validationEvery = 1;
    o.validationSegments = 2;
    o.checkpointEvery = 3;
    o.sampleEvery = 0;
    o.device = "cpu";
    o.seed = 3;
    o.keepBest = true;
    // A large step so that the validation NLL moves (and rises at some point).
    o.optimizer = OptimizerKind::Adam;
    o.learningRate = 0.5;
    ModelConfig c = ModelConfig::tiny();
    c.stepsPerBar = 4;
    std::vector<double> valid;
    auto r =
        Trainer::run(c, pieces, o, nullptr, [&](const TrainingProgress& p) { valid.push_back(p.validLoss); });
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(valid.size(), 6u);
    const auto best = std::min_element(valid.begin(), valid.end());
    const std::int64_t bestStep = best - valid.begin() + 1;

    std::string why;
    auto m = Model::load(o.outputPath, &why);
    ASSERT_TRUE(m) << why;
    EXPECT_EQ(m->config().stepsPerBar, 4);
    EXPECT_EQ(m->trainingSteps(), bestStep);
    EXPECT_NEAR(std::stod(m->metadata().at("valid_nll_per_note_step")), *best, 1e-5 * *best);
    // The checkpoint keeps the latest state for --resume.
    auto ckpt = Model::load(Trainer::checkpointPathFor(o.outputPath), &why);
    ASSERT_TRUE(ckpt) << why;
    EXPECT_EQ(ckpt->trainingSteps(), 6);
    if (bestStep != 6) {
        bool same = true;
        auto pa = m->impl()->net->named_parameters();
        for (const auto& p : ckpt->impl()->net->named_parameters())
            if (!torch::equal(pa[p.key()], p.value()))
                same = false;
        EXPECT_FALSE(same);
    }
}

}  // namespace
}  // namespace biaxial
