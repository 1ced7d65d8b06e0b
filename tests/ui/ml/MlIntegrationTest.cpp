// The panels inside the real main window: actions in the Generate menu, a trained model
// offered to Continue, and a quit that asks before it stops a running training.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <functional>
#include <memory>

#include "../RecordingDialogs.h"
#include "ContinueController.h"
#include "ContinuePanel.h"
#include "MlIntegration.h"
#include "MlTestSupport.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "biaxial/ui/MainWindow.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

using namespace biaxial;

TEST(MlIntegration, InstallsPanelsActionsAndAQuitGuard) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString corpus = dir.filePath(QStringLiteral("corpus"));
    QDir().mkpath(corpus);
    ASSERT_TRUE(test::writeSong(test::randomSong(12, 1), corpus + QStringLiteral("/a.mid")));
    ASSERT_TRUE(test::writeSong(test::randomSong(12, 2), corpus + QStringLiteral("/b.mid")));

    auto dialogs = std::make_shared<test::RecordingDialogs>();
    MainWindow::Options options;
    options.dialogs = dialogs;
    options.autosaveDirectory = dir.filePath(QStringLiteral("autosave"));
    options.openSynth = false;
    MainWindow window(options);
    const MlIntegration::Parts parts = MlIntegration::install(&window, /*loadDefaultModel=*/false);
    ASSERT_NE(parts.continuePanel, nullptr);
    ASSERT_NE(parts.trainingPanel, nullptr);
    EXPECT_EQ(window.action(QStringLiteral("generate.continue")), parts.continuePanel->continueAction());
    EXPECT_NE(window.action(QStringLiteral("generate.accept")), nullptr);
    window.show();

    // Train a tiny model; when it is written, Continue offers it.
    parts.trainingPanel->setCorpusFolder(corpus);
    parts.trainingPanel->setOutputPath(dir.filePath(QStringLiteral("trained.pt")));
    parts.trainingPanel->setPreset(QStringLiteral("tiny"));
    parts.trainingPanel->setSteps(4);
    parts.trainingPanel->setBatchSize(2);
    parts.trainingPanel->setCheckpointEvery(4);
    QSignalSpy ready(parts.trainingController, &TrainingController::modelReady);
    parts.trainingPanel->start();
    ASSERT_TRUE(test::waitUntil([&] { return ready.count() == 1; }));
    auto* models = parts.continuePanel->findChild<QComboBox*>("modelCombo");
    EXPECT_GE(models->findData(QFileInfo(dir.filePath(QStringLiteral("trained.pt"))).absoluteFilePath()), 0);

    // A long run: closing asks; "no" keeps the window and the run, "yes" stops it.
    QSignalSpy progress(parts.trainingController, &TrainingController::progress);
    parts.trainingPanel->setSteps(100000);
    parts.trainingPanel->setCheckpointEvery(100000);
    parts.trainingPanel->setOutputPath(dir.filePath(QStringLiteral("long.pt")));
    parts.trainingPanel->start();
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0; }));
    dialogs->yesNoAnswer = false;
    EXPECT_FALSE(window.close());
    EXPECT_EQ(dialogs->yesNoQuestions, 1);
    EXPECT_TRUE(parts.trainingController->isRunning());
    dialogs->yesNoAnswer = true;
    dialogs->saveAnswer = IUserDialogs::SaveChoice::Discard;
    EXPECT_TRUE(window.close());
    EXPECT_FALSE(parts.trainingController->isRunning());
}

// Continue and Play: playback starts at the continue point with the first beat of the first
// variation, before the job ends, and plays on with that variation once it is shown.
TEST(MlIntegration, ContinueAndPlayStartsPlaybackAtTheContinuePoint) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto dialogs = std::make_shared<test::RecordingDialogs>();
    MainWindow::Options options;
    options.dialogs = dialogs;
    options.autosaveDirectory = dir.filePath(QStringLiteral("autosave"));
    options.openSynth = false;
    MainWindow window(options);
    const MlIntegration::Parts parts = MlIntegration::install(&window, /*loadDefaultModel=*/false);
    window.document()->reset(test::randomSong(2, 7), QString());
    QSignalSpy loaded(parts.continuePanel->controller(), &ContinueController::modelLoaded);
    parts.continuePanel->addModelFile(test::writeTinyModel(dir), true);
    ASSERT_TRUE(test::waitUntil([&] { return loaded.count() == 1; }));

    const std::int64_t end = window.document()->song().endTick();
    QSignalSpy streamed(parts.continuePanel, &ContinuePanel::streamRequested);
    QSignalSpy finished(parts.continuePanel->controller(), &ContinueController::finished);
    QAction* play = parts.continuePanel->continueAndPlayAction();
    ASSERT_NE(play, nullptr);
    play->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }));
    ASSERT_GE(streamed.count(), 2);  // beat by beat, then the variation shown
    // The first part came before the job ended and started playback at the continue point.
    EXPECT_GE(streamed.first().at(0).value<std::int64_t>(), end - 480 * 4);
    EXPECT_TRUE(window.transport()->isPlaying());
    EXPECT_GE(window.transport()->position(), streamed.first().at(0).value<std::int64_t>());
    EXPECT_FALSE(parts.continuePanel->isStreaming());
    window.transport()->stop();
}
