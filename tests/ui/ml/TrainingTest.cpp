// The Training panel and controller on a tiny corpus written by the test: scan with skipped
// files and reasons, a few steps of a tiny model through the real worker thread (loss plot,
// model file, samples), pause/resume, cancel, and a panel closed while training runs.
#include <gtest/gtest.h>

#include <QCheckBox>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <functional>

#include "../RecordingDialogs.h"
#include "LossPlotWidget.h"
#include "MlTestSupport.h"
#include "TrainingController.h"
#include "TrainingPanel.h"

using namespace biaxial;

namespace {

class TrainingTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        corpus_ = dir_.filePath(QStringLiteral("corpus"));
        QDir().mkpath(corpus_ + QStringLiteral("/sub"));
        // Three pieces of 12 bars (192 steps: long enough for 128-step segments) ...
        ASSERT_TRUE(test::writeSong(test::randomSong(12, 1), corpus_ + QStringLiteral("/a.mid")));
        ASSERT_TRUE(test::writeSong(test::randomSong(12, 2), corpus_ + QStringLiteral("/b.mid")));
        ASSERT_TRUE(test::writeSong(test::randomSong(12, 3, 96), corpus_ + QStringLiteral("/sub/c.MID")));
        // ... one too short to train on, and one that is not a MIDI file at all.
        ASSERT_TRUE(test::writeSong(test::randomSong(2, 4), corpus_ + QStringLiteral("/short.mid")));
        QFile bad(corpus_ + QStringLiteral("/broken.mid"));
        ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
        bad.write("RIFF and not MIDI at all");
        bad.close();
        output_ = dir_.filePath(QStringLiteral("models/trained.pt"));
    }

    // Checkpoints (with a validation pass and a sample) every `every` batches: few, because
    // the shared 2-core machine is slow and a validation pass costs more than a tiny batch.
    void configure(TrainingPanel& panel, int steps, int every) {
        panel.setCorpusFolder(corpus_);
        panel.setOutputPath(output_);
        panel.setPreset(QStringLiteral("tiny"));
        panel.setSteps(steps);
        panel.setBatchSize(2);
        panel.setCheckpointEvery(every);
    }

    QTemporaryDir dir_;
    QString corpus_;
    QString output_;
};

}  // namespace

TEST_F(TrainingTest, ScanReportsLoadedAndSkippedFiles) {
    TrainingController controller;
    TrainingPanel panel(&controller);
    panel.setCorpusFolder(corpus_);
    QSignalSpy finished(&controller, &TrainingController::scanFinished);
    panel.scan();
    EXPECT_TRUE(controller.isRunning());
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }));
    const CorpusReport report = controller.lastScan();
    EXPECT_EQ(report.loaded, 4);
    EXPECT_EQ(report.skipped, 1);
    EXPECT_EQ(report.usable, 3);
    EXPECT_TRUE(report.ok);
    EXPECT_NEAR(report.totalBars, 3 * 12 + 2, 1.5);
    ASSERT_EQ(report.skippedFiles.size(), 1);
    EXPECT_TRUE(report.skippedFiles.front().startsWith(QStringLiteral("broken.mid: ")));
    EXPECT_TRUE(panel.scanText().contains(QStringLiteral("4 files loaded, 1 skipped")));
    EXPECT_TRUE(panel.findChild<QPlainTextEdit*>("skippedList")
                    ->toPlainText()
                    .contains(QStringLiteral("broken.mid")));
    EXPECT_FALSE(controller.isRunning());

    // An empty folder is a clear message, not a crash.
    QDir().mkpath(dir_.filePath(QStringLiteral("empty")));
    panel.setCorpusFolder(dir_.filePath(QStringLiteral("empty")));
    panel.scan();
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 2; }));
    EXPECT_FALSE(controller.lastScan().ok);
    EXPECT_FALSE(controller.lastScan().error.isEmpty());
}

TEST_F(TrainingTest, EstimateIsShownBeforeStarting) {
    TrainingController controller;
    TrainingPanel panel(&controller);
    panel.setPreset(QStringLiteral("original"));
    panel.setSteps(10000);
    panel.setBatchSize(10);
    EXPECT_NEAR(panel.currentEstimate().gflopPerBatch, 820, 40);
    EXPECT_TRUE(panel.estimateText().contains(QStringLiteral("per batch")));
    EXPECT_TRUE(panel.estimateText().contains(QStringLiteral("memory")));
}

TEST_F(TrainingTest, TrainsATinyModelAndOffersIt) {
    TrainingController controller;
    TrainingPanel panel(&controller);
    configure(panel, 4, 4);
    QSignalSpy progress(&controller, &TrainingController::progress);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    QSignalSpy ready(&controller, &TrainingController::modelReady);
    panel.findChild<QPushButton*>("startButton")->click();
    EXPECT_TRUE(controller.isTraining());
    EXPECT_FALSE(panel.findChild<QPushButton*>("startButton")->isEnabled());
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }));
    const auto result = finished.front().front().value<TrainingResult>();
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.batches, 4);
    EXPECT_GT(progress.count(), 0);
    EXPECT_TRUE(QFileInfo::exists(output_));
    ASSERT_EQ(ready.count(), 1);
    EXPECT_EQ(ready.front().front().toString(), output_);
    EXPECT_FALSE(panel.lossPlot()->trainingPoints().isEmpty());
    EXPECT_TRUE(panel.findChild<QPushButton*>("useModelButton")->isEnabled());
    EXPECT_FALSE(panel.findChild<QLabel*>("deviceLabel")->text().isEmpty());
    EXPECT_FALSE(controller.isRunning());

    // The model card of the trained file names its corpus and size.
    const auto info = Model::readInfo(output_.toStdString());
    ASSERT_TRUE(info);
    EXPECT_EQ(info->config, ModelConfig::tiny());
    EXPECT_EQ(info->metadata.at("corpus"), "corpus");
    EXPECT_EQ(info->metadata.at("size"), "tiny");
    // Mixed precision follows the machine: on where the CPU has AVX-512 BF16, and the model card says so.
    auto* bf16 = panel.findChild<QCheckBox*>("bf16Check");
    ASSERT_NE(bf16, nullptr);
    EXPECT_EQ(bf16->isChecked(), Model::cpuBf16Fast());
    EXPECT_EQ(info->metadata.at("precision"),
              Model::cpuBf16Fast() ? "bf16 products, float32 weights" : "float32");
}

TEST_F(TrainingTest, PauseResumeAndCancel) {
    TrainingController controller;
    TrainingPanel panel(&controller);
    configure(panel, 100000, 100000);
    QSignalSpy progress(&controller, &TrainingController::progress);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    panel.start();
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0; }));

    controller.pause();
    EXPECT_TRUE(controller.isPaused());
    EXPECT_TRUE(controller.isRunning());
    // The batch under way still reports (the job pauses at its report); then nothing moves.
    const int atPause = progress.count();
    test::waitUntil([&] { return progress.count() > atPause; }, 5000);
    test::waitUntil([] { return false; }, 200);
    const int whilePaused = progress.count();
    EXPECT_LE(whilePaused, atPause + 1);
    test::waitUntil([] { return false; }, 1000);
    EXPECT_EQ(progress.count(), whilePaused);
    controller.resume();
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > whilePaused; }));

    QElapsedTimer timer;
    timer.start();
    panel.findChild<QPushButton*>("cancelTrainingButton")->click();
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 30000));
    EXPECT_LT(timer.elapsed(), 10000);
    const auto result = finished.front().front().value<TrainingResult>();
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(controller.isRunning());
    EXPECT_TRUE(panel.findChild<QPushButton*>("startButton")->isEnabled());
}

TEST_F(TrainingTest, CancelWhilePausedAndStopAndWait) {
    TrainingController controller;
    TrainingPanel panel(&controller);
    configure(panel, 100000, 100000);
    QSignalSpy progress(&controller, &TrainingController::progress);
    panel.start();
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0; }));
    controller.pause();
    test::waitUntil([] { return false; }, 200);
    QElapsedTimer timer;
    timer.start();
    EXPECT_TRUE(controller.stopAndWait(20000));
    EXPECT_LT(timer.elapsed(), 10000);
    EXPECT_FALSE(controller.isRunning());
}

TEST_F(TrainingTest, TrainingSurvivesClosingThePanel) {
    TrainingController controller;
    auto* panel = new TrainingPanel(&controller);
    configure(*panel, 6, 6);
    QSignalSpy progress(&controller, &TrainingController::progress);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    panel->start();
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0; }));
    delete panel;
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.front().front().value<TrainingResult>().ok);

    // A new panel shows the run's history.
    TrainingPanel reopened(&controller);
    EXPECT_EQ(reopened.lossPlot()->trainingPoints().size(), controller.trainingLoss().size());
    EXPECT_FALSE(reopened.lossPlot()->trainingPoints().isEmpty());
}

TEST_F(TrainingTest, DestroyingTheControllerStopsARunningJob) {
    QElapsedTimer timer;
    {
        TrainingController controller;
        TrainingPanel panel(&controller);
        configure(panel, 100000, 100000);
        QSignalSpy progress(&controller, &TrainingController::progress);
        panel.start();
        ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0; }));
        timer.start();
    }
    EXPECT_LT(timer.elapsed(), 10000);
}

TEST_F(TrainingTest, FolderAndModelFileAreChosenThroughTheDialogs) {
    TrainingController controller;
    test::RecordingDialogs dialogs;
    TrainingPanel panel(&controller, nullptr, nullptr, &dialogs);
    panel.findChild<QPushButton*>("chooseFolderButton")->click();  // cancelled: no scan
    EXPECT_EQ(dialogs.chooserTitles, QStringList{QStringLiteral("MIDI folder")});
    EXPECT_FALSE(controller.isRunning());

    dialogs.nextSaveName = dir_.filePath(QStringLiteral("chosen"));
    panel.findChild<QPushButton*>("outputButton")->click();
    EXPECT_EQ(dialogs.chooserTitles.last(), QStringLiteral("Model file"));
    EXPECT_EQ(panel.findChild<QLineEdit*>("outputEdit")->text(), dir_.filePath(QStringLiteral("chosen.pt")));

    QSignalSpy finished(&controller, &TrainingController::scanFinished);
    dialogs.nextDirectory = corpus_;
    panel.chooseFolder();
    EXPECT_EQ(panel.findChild<QLineEdit*>("folderEdit")->text(), corpus_);
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }));
    EXPECT_TRUE(panel.scanText().contains(QStringLiteral("4 files loaded")));
}
