#include <gtest/gtest.h>

#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

TEST(DatasetReader, ReadsSplitsAndDerivesArticulationFromOnsets) {
    const std::string json = R"({"train": [[[60, 64], [60], [], [60.0]]], "valid": [], "test": [[[21, 108, 20]]], "x": {"a": [1, true]}})";
    std::string error;
    auto ds = DatasetReader::parse(json, "mem.json", 21, 88, &error);
    ASSERT_TRUE(ds) << error;
    ASSERT_EQ(ds->train.size(), 1u);
    EXPECT_TRUE(ds->valid.empty());
    ASSERT_EQ(ds->test.size(), 1u);
    EXPECT_EQ(ds->droppedOutOfRange, 1);  // pitch 20
    const auto& g = ds->train[0];
    ASSERT_EQ(g.steps(), 4);
    EXPECT_TRUE(g.play(0, 39) && g.articulate(0, 39));   // 60 starts
    EXPECT_TRUE(g.play(0, 43) && g.articulate(0, 43));
    EXPECT_TRUE(g.play(1, 39) && !g.articulate(1, 39));  // held
    EXPECT_FALSE(g.play(1, 43));
    EXPECT_FALSE(g.play(2, 39));
    EXPECT_TRUE(g.play(3, 39) && g.articulate(3, 39));   // struck again after a rest
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

}  // namespace
}  // namespace biaxial
