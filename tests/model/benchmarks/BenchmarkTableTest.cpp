// The README's benchmark table, checked against the model files it names: every row's test
// NLL is what `biaxial eval` gives for resources/benchmarks/ on ../shared/data/bl2012 (slow;
// skipped where ../shared is absent). A retrained model that lands elsewhere fails here until
// the table says what it does.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

struct Row {
    const char* dataset;              // file in ../shared/data/bl2012
    std::vector<std::string> models;  // in resources/benchmarks; several = an ensemble
    double testNll;                   // nats/frame, as the table prints it (2 decimals)
};

class BenchmarkTable : public ::testing::TestWithParam<Row> {};

TEST_P(BenchmarkTable, TheModelFilesScoreWhatTheTableSays) {
    const Row& row = GetParam();
    const std::string data = std::string(BIAXIAL_SHARED_DATA_DIR) + "/bl2012/" + row.dataset;
    if (!std::filesystem::exists(data))
        GTEST_SKIP() << data << " is absent";
    std::vector<Model> models;
    models.reserve(row.models.size());
    for (const auto& name : row.models) {
        std::string why;
        auto m = Model::load(std::string(BIAXIAL_RESOURCES_DIR) + "/benchmarks/" + name, &why);
        ASSERT_TRUE(m) << why;
        ASSERT_TRUE(m->setDevice("cpu", &why)) << why;
        models.push_back(std::move(*m));
    }
    std::vector<const Model*> members;
    for (const auto& m : models)
        members.push_back(&m);
    std::string why;
    auto ds = DatasetReader::readFile(data, 21, 88, &why);
    ASSERT_TRUE(ds) << why;
    const auto r = Evaluator::evaluateEnsemble(members, ds->test);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NEAR(r.nllPerFrame, row.testNll, 0.005) << row.dataset << ": " << r.nllPerFrame;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, BenchmarkTable,
    ::testing::Values(Row{"jsb_chorales.json", {"jsb_chorales-small.pt"}, 4.96},
                      Row{"jsb_chorales.json",
                          {"jsb_chorales-small.pt", "jsb_chorales-ensemble/seed1-new.pt",
                           "jsb_chorales-ensemble/seed1.pt", "jsb_chorales-ensemble/seed3.pt",
                           "jsb_chorales-ensemble/seed4.pt", "jsb_chorales-ensemble/seed5.pt"},
                          4.85},
                      Row{"nottingham.json", {"nottingham-small.pt"}, 1.75},
                      Row{"musedata.json", {"musedata-small.pt"}, 4.98},
                      Row{"piano_midi_de.json", {"piano_midi_de-small.pt"}, 5.13}),
    [](const ::testing::TestParamInfo<Row>& info) {
        std::string name = info.param.dataset;
        name = name.substr(0, name.find('.'));
        if (info.param.models.size() > 1)
            name += "_ensemble";
        return name;
    });

}  // namespace
}  // namespace biaxial
