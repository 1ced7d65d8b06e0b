#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

TEST(DatasetReader, ReadsSplitsAndDerivesArticulationFromOnsets) {
    const std::string json =
        R"({"train": [[[60, 64], [60], [], [60.0]]], "valid": [], "test": [[[21, 108, 20]]], "x": {"a": [1, true]}})";
    std::string error;
    auto ds = DatasetReader::parse(json, "mem.json", 21, 88, &error);
    ASSERT_TRUE(ds) << error;
    ASSERT_EQ(ds->train.size(), 1u);
    EXPECT_TRUE(ds->valid.empty());
    ASSERT_EQ(ds->test.size(), 1u);
    EXPECT_EQ(ds->droppedOutOfRange, 1);  // pitch 20
    const auto& g = ds->train[0];
    ASSERT_EQ(g.steps(), 4);
    EXPECT_TRUE(g.play(0, 39) && g.articulate(0, 39));  // 60 starts
    EXPECT_TRUE(g.play(0, 43) && g.articulate(0, 43));
    EXPECT_TRUE(g.play(1, 39) && !g.articulate(1, 39));  // held
    EXPECT_FALSE(g.play(1, 43));
    EXPECT_FALSE(g.play(2, 39));
    EXPECT_TRUE(g.play(3, 39) && g.articulate(3, 39));  // struck again after a rest
    EXPECT_EQ(g.barPosition(3), 3);
    EXPECT_TRUE(ds->test[0].play(0, 0) && ds->test[0].play(0, 87));
}

TEST(DatasetReader, BadJsonNamesTheFileAndTheByte) {
    std::string error;
    EXPECT_FALSE(DatasetReader::parse(R"({"train": [[[60, ]]]})", "bad.json", 21, 88, &error));
    EXPECT_NE(error.find("bad.json: byte"), std::string::npos) << error;
    EXPECT_FALSE(DatasetReader::parse("[1, 2]", "bad.json", 21, 88, &error));
    EXPECT_FALSE(DatasetReader::parse(R"({"train": [[[300]]]})", "bad.json", 21, 88, &error));
    EXPECT_FALSE(DatasetReader::readFile("/nonexistent/x.json", 21, 88, &error));
}

TEST(Evaluator, ScoresEveryFrameOfEveryPiece) {
    auto c = ModelConfig::tiny();
    c.lowPitch = 21;
    c.numNotes = 88;
    auto m = Model::create(c, 1);
    auto ds = DatasetReader::parse(R"({"test": [[[60], [62], [64]], [[], [70, 74]]]})", "t", 21, 88);
    auto r = Evaluator::evaluate(*m, ds->test);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.frames, 5);
    // An untrained network is near chance: about 88 * log 2 nats per frame.
    EXPECT_GT(r.nllPerFrame, 30.0);
    EXPECT_LT(r.nllPerFrame, 120.0);
}

TEST(Evaluator, AnEnsembleOfOneScoresAsTheModelAndAMixtureBeatsItsMembersMean) {
    auto c = ModelConfig::tiny();
    c.lowPitch = 21;
    c.numNotes = 88;
    auto a = Model::create(c, 1), b = Model::create(c, 2);
    auto ds =
        DatasetReader::parse(R"({"test": [[[60, 64], [62], [64, 67], []], [[], [70, 74]]]})", "t", 21, 88);
    auto ra = Evaluator::evaluate(*a, ds->test), rb = Evaluator::evaluate(*b, ds->test);
    auto one = Evaluator::evaluateEnsemble({&*a}, ds->test);
    auto same = Evaluator::evaluateEnsemble({&*a, &*a}, ds->test);
    auto both = Evaluator::evaluateEnsemble({&*a, &*b}, ds->test);
    ASSERT_TRUE(ra.ok && rb.ok && one.ok && same.ok && both.ok) << both.error;
    EXPECT_DOUBLE_EQ(one.nllPerFrame, ra.nllPerFrame);
    EXPECT_NEAR(same.nllPerFrame, ra.nllPerFrame, 1e-9);  // a mixture of a model with itself is the model
    EXPECT_NEAR(same.nllPerNoteStep, ra.nllPerNoteStep, 1e-9);
    EXPECT_EQ(both.frames, 6);
    // log of a mean >= mean of logs (Jensen) at every bit, strictly where the members differ.
    EXPECT_LT(both.nllPerFrame, (ra.nllPerFrame + rb.nllPerFrame) / 2);
    EXPECT_LT(both.nllPerNoteStep, (ra.nllPerNoteStep + rb.nllPerNoteStep) / 2);
    // ...and no better than the better member could be by more than log 2 per bit.
    EXPECT_GT(both.nllPerFrame, std::min(ra.nllPerFrame, rb.nllPerFrame) - 88 * std::log(2.0));
}

TEST(Evaluator, EnsembleMembersMustCoverTheSameKeys) {
    auto c = ModelConfig::tiny();
    c.lowPitch = 21;
    c.numNotes = 88;
    auto a = Model::create(c, 1);
    c.numNotes = 60;
    auto b = Model::create(c, 2);
    auto ds = DatasetReader::parse(R"({"test": [[[60], [62]]]})", "t", 21, 88);
    auto r = Evaluator::evaluateEnsemble({&*a, &*b}, ds->test);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("member 2"), std::string::npos) << r.error;
    EXPECT_FALSE(Evaluator::evaluateEnsemble({}, ds->test).ok);
}

}  // namespace
}  // namespace biaxial
