// TrainingPlan without a panel: the checkpoint cadence, the bf16 rule, the default model
// file and the model card's entries.
#include <gtest/gtest.h>

#include <QFileInfo>

#include "TrainingPlan.h"

using namespace biaxial;

namespace {

TEST(TrainingPlan, CheckpointsAboutTenTimesAtMostEvery500Batches) {
    EXPECT_EQ(TrainingPlan::checkpointEvery(5), 1);
    EXPECT_EQ(TrainingPlan::checkpointEvery(2000), 200);
    EXPECT_EQ(TrainingPlan::checkpointEvery(100000), 500);
    EXPECT_EQ(TrainingPlan::logEvery(2000), 1);
    EXPECT_EQ(TrainingPlan::logEvery(100000), 5);
    EXPECT_EQ(TrainingPlan::logEvery(100000000), 100);
}

TEST(TrainingPlan, Bf16OnlyOffCuda) {
    EXPECT_TRUE(TrainingPlan::useBf16(true, QStringLiteral("cpu"), true));
    EXPECT_TRUE(TrainingPlan::useBf16(true, QStringLiteral("auto"), false));
    EXPECT_FALSE(TrainingPlan::useBf16(true, QStringLiteral("auto"), true)) << "auto picks CUDA";
    EXPECT_FALSE(TrainingPlan::useBf16(true, QStringLiteral("cuda"), true));
    EXPECT_FALSE(TrainingPlan::useBf16(false, QStringLiteral("cpu"), false));
    EXPECT_EQ(TrainingPlan::resolvedDevice(QStringLiteral("auto"), true), "cuda");
    EXPECT_EQ(TrainingPlan::resolvedDevice(QStringLiteral("auto"), false), "cpu");
    EXPECT_EQ(TrainingPlan::resolvedDevice(QStringLiteral("cpu"), true), "cpu");
}

TEST(TrainingPlan, DefaultModelFileIsNamedAfterCorpusAndSize) {
    const QString path =
        TrainingPlan::defaultOutputPath(QStringLiteral("/data/bach"), QStringLiteral("tiny"));
    EXPECT_EQ(QFileInfo(path).fileName(), QStringLiteral("bach-tiny.pt"));
    EXPECT_EQ(QFileInfo(QFileInfo(path).absolutePath()).fileName(), QStringLiteral("models"));
    EXPECT_EQ(QFileInfo(TrainingPlan::defaultOutputPath(QString(), QStringLiteral("small"))).fileName(),
              QStringLiteral("model-small.pt"));
    TrainingPlan::Choices chosen;
    chosen.outputPath = QStringLiteral("/tmp/mine.pt");
    EXPECT_EQ(TrainingPlan::outputPath(chosen), QStringLiteral("/tmp/mine.pt"));
}

TEST(TrainingPlan, RequestCarriesTheChoicesAndTheModelCard) {
    TrainingPlan::Choices c;
    c.corpusFolder = QStringLiteral("/data/bach");
    c.preset = QStringLiteral("tiny");
    c.outputPath = QStringLiteral("/out/bach.pt");
    c.device = QStringLiteral("cpu");
    c.resume = true;
    c.bf16 = true;
    c.steps = 3000;
    c.batchSize = 4;
    CorpusReport scan;
    scan.folder = c.corpusFolder;
    scan.ok = true;
    scan.loaded = 12;
    scan.totalBars = 345.6;
    const QDateTime created(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
    const TrainingRequest r = TrainingPlan::request(c, &scan, false, created);
    EXPECT_EQ(r.corpusFolder, c.corpusFolder);
    EXPECT_EQ(r.preset, QStringLiteral("tiny"));
    EXPECT_EQ(r.config.timeSizes, ModelConfig::tiny().timeSizes);
    const TrainingOptions& o = r.options;
    EXPECT_EQ(o.outputPath, "/out/bach.pt");
    EXPECT_TRUE(o.resume);
    EXPECT_TRUE(o.bf16);
    EXPECT_EQ(o.steps, 3000);
    EXPECT_EQ(o.batchSize, 4);
    EXPECT_EQ(o.device, "cpu");
    EXPECT_EQ(o.checkpointEvery, 300);
    EXPECT_EQ(o.sampleEvery, 300);
    EXPECT_EQ(o.validationEvery, 300);
    EXPECT_EQ(o.logEvery, 1);
    EXPECT_EQ(o.sampleFolder, "/out/bach-samples");
    EXPECT_EQ(o.metadata.at("name"), "bach (tiny)");
    EXPECT_EQ(o.metadata.at("corpus"), "bach");
    EXPECT_EQ(o.metadata.at("size"), "tiny");
    EXPECT_EQ(o.metadata.at("created"), "2024-05-06T07:08:09Z");
    EXPECT_EQ(o.metadata.at("trained_with"), "Biaxial Studio");
    EXPECT_EQ(o.metadata.at("corpus_files"), "12");
    EXPECT_EQ(o.metadata.at("corpus_bars"), "345");

    c.checkpointEvery = 7;
    EXPECT_EQ(TrainingPlan::request(c, &scan, false, created).options.checkpointEvery, 7)
        << "a chosen cadence";
    scan.folder = QStringLiteral("/data/other");
    EXPECT_EQ(TrainingPlan::request(c, &scan, false, created).options.metadata.count("corpus_files"), 0u)
        << "the scan of another folder says nothing about this corpus";
    EXPECT_EQ(TrainingPlan::request(c, nullptr, false, created).options.metadata.count("corpus_files"), 0u);
    EXPECT_EQ(TrainingPlan::config(QStringLiteral("no such size")).timeSizes, ModelConfig::small().timeSizes);
}

}  // namespace
