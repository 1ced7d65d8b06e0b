#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "BatchBuilder.h"
#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "TestPieces.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

namespace fs = std::filesystem;

class ModelFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("biaxial-model-file-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    void writeBytes(const std::string& p, const std::string& bytes) {
        std::ofstream(p, std::ios::binary) << bytes;
    }
    std::string readBytes(const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    fs::path dir_;
};

torch::Tensor outputsOf(const Model& m) {
    auto piece = test::arpeggio(20);
    const CompactGrid compact(piece);
    auto [states, bars] = buildBatch({&compact}, {{0, 0}}, 20);
    FeatureBuilder fb(24, 78, torch::kCPU);
    torch::NoGradGuard g;
    return m.impl()->net->forward(fb.build(states.slice(1, 0, 19), bars.slice(1, 0, 19)),
                                  states.slice(1, 1, 20).to(torch::kFloat32));
}

TEST_F(ModelFile, SaveAndLoadGiveIdenticalOutputs) {
    auto m = Model::create(ModelConfig::tiny(), 7);
    ASSERT_TRUE(m);
    m->setMetadata("corpus", "piano-midi.de (CC BY-SA 3.0 DE)\nline two\twith tab");
    std::string error;
    ASSERT_TRUE(m->save(path("m.pt"), &error)) << error;
    auto loaded = Model::load(path("m.pt"), &error);
    ASSERT_TRUE(loaded) << error;
    EXPECT_EQ(loaded->config(), ModelConfig::tiny());
    EXPECT_EQ(loaded->metadata().at("corpus"), "piano-midi.de (CC BY-SA 3.0 DE)\nline two\twith tab");
    EXPECT_TRUE(torch::equal(outputsOf(*m), outputsOf(*loaded)));
    auto info = Model::readInfo(path("m.pt"), &error);
    ASSERT_TRUE(info) << error;
    EXPECT_EQ(info->formatVersion, Model::kFormatVersion);
    EXPECT_FALSE(info->hasTrainingState);
    EXPECT_EQ(info->parameterCount, ModelConfig::tiny().parameterCount());
    // No temporary files left beside it.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(ModelFile, SameSeedSameWeightsAndCloneIsIndependent) {
    auto a = Model::create(ModelConfig::tiny(), 3), b = Model::create(ModelConfig::tiny(), 3);
    EXPECT_TRUE(torch::equal(outputsOf(*a), outputsOf(*b)));
    auto c = a->clone();
    {
        torch::NoGradGuard g;
        for (auto& p : c.impl()->net->parameters())
            p.add_(1.0);
    }
    EXPECT_TRUE(torch::equal(outputsOf(*a), outputsOf(*b)));
}

TEST_F(ModelFile, BadFilesGiveClearErrorsNotCrashes) {
    auto m = Model::create(ModelConfig::tiny(), 1);
    ASSERT_TRUE(m->save(path("good.pt")));
    const std::string good = readBytes(path("good.pt"));
    std::string error;

    EXPECT_FALSE(Model::load(path("missing.pt"), &error));
    EXPECT_NE(error.find("cannot open"), std::string::npos) << error;

    writeBytes(path("empty.pt"), "");
    EXPECT_FALSE(Model::load(path("empty.pt"), &error));
    EXPECT_NE(error.find("empty"), std::string::npos) << error;

    writeBytes(path("text.pt"), "this is not a model at all");
    EXPECT_FALSE(Model::load(path("text.pt"), &error));
    EXPECT_NE(error.find("not a Biaxial model"), std::string::npos) << error;

    for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{100}}) {
        writeBytes(path("cut.pt"), good.substr(0, cut));
        EXPECT_FALSE(Model::load(path("cut.pt"), &error)) << cut;
        EXPECT_NE(error.find("cut.pt"), std::string::npos) << error;
    }

    std::string flipped = good;
    for (std::size_t i = flipped.size() / 3; i < flipped.size() / 3 + 64; ++i)
        flipped[i] = static_cast<char>(~flipped[i]);
    writeBytes(path("flipped.pt"), flipped);
    (void)Model::load(path("flipped.pt"), &error);  // may load (weights damaged) but must not crash

    // A LibTorch archive that is not a Biaxial model.
    {
        torch::serialize::OutputArchive a;
        a.write("something", torch::ones({2}));
        a.save_to(path("other.pt"));
    }
    EXPECT_FALSE(Model::load(path("other.pt"), &error));
    EXPECT_NE(error.find("format"), std::string::npos) << error;

    // A newer format version.
    {
        torch::serialize::OutputArchive a;
        a.write("format", c10::IValue(std::string("biaxial-lstm")));
        a.write("version", c10::IValue(static_cast<std::int64_t>(99)));
        a.save_to(path("future.pt"));
    }
    EXPECT_FALSE(Model::load(path("future.pt"), &error));
    EXPECT_NE(error.find("version 99"), std::string::npos) << error;
}

TEST_F(ModelFile, InvalidConfigIsRefused) {
    auto c = ModelConfig::tiny();
    c.numNotes = 200;
    std::string error;
    EXPECT_FALSE(Model::create(c, 1, &error));
    EXPECT_NE(error.find("pitch range"), std::string::npos) << error;
}

}  // namespace
}  // namespace biaxial

#include "ModelArchive.h"

namespace biaxial {
namespace {

TEST(ModelArchiveConfig, RoundTripsAndOlderFilesMeanZeroInitialStates) {
    auto c = ModelConfig::small();
    std::string error;
    auto back = ModelArchive::decodeConfig(ModelArchive::encodeConfig(c), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(*back, c);
    EXPECT_TRUE(back->learnedInitialState);
    auto old = ModelArchive::decodeConfig(
        "lowPitch=24\nnumNotes=78\ntimeSizes=300,300\nnoteSizes=100,50\ndropout=0.5\n", &error);
    ASSERT_TRUE(old) << error;
    EXPECT_FALSE(old->learnedInitialState);
    EXPECT_FALSE(ModelArchive::decodeConfig("lowPitch=24\nnumNotes=x\n", &error));
    EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace biaxial
