// Continue through the real worker thread with a tiny model built by the test: progress,
// cancel, variations as ghost notes, accept as one undo step, regenerate, scale constraint,
// no model and a bad model file.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <functional>

#include "../RecordingDialogs.h"
#include "ContinueController.h"
#include "ContinuePanel.h"
#include "ContinueWorker.h"
#include "MlTestSupport.h"
#include "ModelCardView.h"
#include "VariationPreview.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"

using namespace biaxial;

namespace {

class ContinueTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        modelPath_ = test::writeTinyModel(dir_);
        ASSERT_FALSE(modelPath_.isEmpty());
    }

    ContinueRequest request(int bars, int variations) const {
        ContinueRequest r;
        r.song = test::randomSong(2, 3);
        r.seedEndTick = r.song.endTick();
        r.bars = bars;
        r.variations = variations;
        r.randomSeed = 11;
        r.conservativity = 0.8;
        return r;
    }

    QTemporaryDir dir_;
    QString modelPath_;
};

}  // namespace

TEST_F(ContinueTest, RunPlacesVariationsAfterTheSeed) {
    std::string error;
    auto model = Model::load(modelPath_.toStdString(), &error);
    ASSERT_TRUE(model) << error;
    ContinueRequest r = request(2, 3);
    ContinueResult result;
    QString message;
    bool cancelled = false;
    int calls = 0;
    ASSERT_TRUE(ContinueWorker::run(*model, r, &result, &message, &cancelled, nullptr, [&](int, int) {
        ++calls;
    })) << message.toStdString();
    EXPECT_GT(calls, 0);
    ASSERT_EQ(result.variations.size(), 3u);
    const std::int64_t seedEnd = r.song.endTick();  // 2 bars at 480 tpq: a step boundary
    EXPECT_EQ(result.startTick, seedEnd);
    EXPECT_EQ(result.endTick, seedEnd + 2 * 4 * 480);
    std::size_t total = 0;
    for (const auto& v : result.variations) {
        for (const Note& n : v) {
            EXPECT_GE(n.start, result.startTick);
            EXPECT_LE(n.end(), result.endTick);
            EXPECT_GE(n.pitch, 24);
            EXPECT_LE(n.pitch, 101);
            EXPECT_EQ(n.velocity, r.velocity);
        }
        total += v.size();
    }
    EXPECT_GT(total, 0u) << "random weights should play some notes";

    // The same seed gives the same music.
    ContinueResult again;
    ASSERT_TRUE(ContinueWorker::run(*model, r, &again, &message, &cancelled));
    EXPECT_EQ(again.variations, result.variations);
}

TEST_F(ContinueTest, ScaleConstraintAndFromScratch) {
    auto model = Model::load(modelPath_.toStdString());
    ASSERT_TRUE(model);
    ContinueRequest r = request(2, 2);
    r.song = SongDocument::emptySong();
    r.seedEndTick = 0;
    r.scale = Scale{0, Scale::Mode::MajorPentatonic};
    r.outOfScaleWeight = 0.0;  // Never
    ContinueResult result;
    QString message;
    bool cancelled = false;
    ASSERT_TRUE(ContinueWorker::run(*model, r, &result, &message, &cancelled)) << message.toStdString();
    EXPECT_EQ(result.startTick, 0);
    std::size_t total = 0;
    for (const auto& v : result.variations) {
        for (const Note& n : v) {
            EXPECT_TRUE(r.scale.contains(n.pitch)) << n.pitch;
        }
        total += v.size();
    }
    EXPECT_GT(total, 0u);
}

// The seed's key: estimated from the seed's notes (here a D-major melody), kept strictly with
// Never, named in the result; a seed too short to tell leaves the music free.
TEST_F(ContinueTest, KeepsToTheSeedsOwnKey) {
    auto model = Model::load(modelPath_.toStdString());
    ASSERT_TRUE(model);
    ContinueRequest r = request(2, 2);
    r.song = SongDocument::emptySong();
    const int dMajor[] = {62, 66, 69, 74, 73, 71, 69, 67, 66, 64, 62, 69, 62, 66, 69, 62};
    for (int i = 0; i < 16; ++i)
        r.song.tracks[0].notes.push_back(Note{dMajor[i], i * 240, 240, 90, 0});
    r.seedEndTick = 16 * 240;
    r.scale = Scale{0, Scale::Mode::SeedKey};
    r.outOfScaleWeight = 0.0;
    r.conservativity = 0.2;  // plenty of notes to check
    ContinueResult result;
    QString message;
    bool cancelled = false;
    ASSERT_TRUE(ContinueWorker::run(*model, r, &result, &message, &cancelled)) << message.toStdString();
    EXPECT_EQ(result.seedKey, "D major");
    const Scale dMajorScale{2, Scale::Mode::Major};
    EXPECT_EQ(result.seedKeyPitchClasses, dMajorScale.pitchClassMask());
    std::size_t total = 0;
    for (const auto& v : result.variations) {
        for (const Note& n : v)
            EXPECT_TRUE(dMajorScale.contains(n.pitch)) << n.pitch;
        total += v.size();
    }
    EXPECT_GT(total, 0u);

    r.song.tracks[0].notes.resize(3);  // three notes tell no key
    r.seedEndTick = 3 * 240;
    ASSERT_TRUE(ContinueWorker::run(*model, r, &result, &message, &cancelled)) << message.toStdString();
    EXPECT_TRUE(result.seedKey.empty());
}

TEST_F(ContinueTest, ControllerReportsProgressAndFinishes) {
    ContinueController controller;
    QSignalSpy loaded(&controller, &ContinueController::modelLoaded);
    controller.loadModel(modelPath_);
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_TRUE(controller.hasModel());
    EXPECT_EQ(controller.modelInfo().config, ModelConfig::tiny());

    QSignalSpy progress(&controller, &ContinueController::progress);
    QSignalSpy finished(&controller, &ContinueController::finished);
    ASSERT_TRUE(controller.start(request(4, 2)));
    EXPECT_TRUE(controller.isRunning());
    EXPECT_FALSE(controller.start(request(4, 2)));  // one job at a time
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 20000));
    EXPECT_GT(progress.count(), 0);
    EXPECT_FALSE(controller.isRunning());
    const auto result = finished.front().front().value<ContinueResult>();
    EXPECT_EQ(result.variations.size(), 2u);
}

TEST_F(ContinueTest, CancelStopsTheJob) {
    ContinueController controller;
    QSignalSpy loaded(&controller, &ContinueController::modelLoaded);
    controller.loadModel(modelPath_);
    ASSERT_TRUE(loaded.wait(20000));

    QSignalSpy progress(&controller, &ContinueController::progress);
    QSignalSpy finished(&controller, &ContinueController::finished);
    QSignalSpy cancelled(&controller, &ContinueController::cancelled);
    ASSERT_TRUE(controller.start(request(256, 8)));  // far too long to finish before the cancel
    ASSERT_TRUE(test::waitUntil([&] { return progress.count() > 0 || finished.count() > 0; }, 20000));
    QElapsedTimer timer;
    timer.start();
    controller.cancel();
    ASSERT_TRUE(test::waitUntil([&] { return cancelled.count() + finished.count() > 0; }, 20000));
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(finished.count(), 0);
    EXPECT_LT(timer.elapsed(), 5000);
    EXPECT_FALSE(controller.isRunning());

    // The controller is usable again after a cancel.
    ASSERT_TRUE(controller.start(request(1, 1)));
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 20000));
}

TEST_F(ContinueTest, PanelShowsGhostsAndAcceptIsOneUndoStep) {
    SongDocument document;
    document.reset(test::randomSong(2, 5), QString());
    PianoRollWidget roll(&document);
    ContinuePanel panel(&document, &roll, nullptr, /*loadDefaultModel=*/false);
    QSignalSpy loaded(panel.controller(), &ContinueController::modelLoaded);
    panel.addModelFile(modelPath_, true);
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_TRUE(panel.findChild<ModelCardView*>()->text().contains(QStringLiteral("tiny test model")));

    panel.findChild<QSpinBox*>("barsSpin")->setValue(2);
    panel.findChild<QSpinBox*>("variationsSpin")->setValue(3);
    auto* continueButton = panel.findChild<QPushButton*>("continueButton");
    ASSERT_TRUE(continueButton->isEnabled());
    QSignalSpy finished(panel.controller(), &ContinueController::finished);
    continueButton->click();
    EXPECT_TRUE(panel.findChild<QPushButton*>("cancelButton")->isEnabled());
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 20000));

    VariationPreview* preview = panel.preview();
    ASSERT_TRUE(preview->isActive());
    EXPECT_EQ(preview->count(), 3);
    EXPECT_EQ(roll.ghostNotes(), preview->currentNotes());
    EXPECT_TRUE(panel.findChild<QLabel*>("variationLabel")->text().contains(QStringLiteral("1 of 3")));
    preview->next();
    EXPECT_EQ(preview->index(), 1);
    EXPECT_EQ(roll.ghostNotes(), preview->currentNotes());
    preview->previous();
    preview->previous();  // wraps around
    EXPECT_EQ(preview->index(), 2);

    // Pick a variation that plays.
    for (int i = 0; i < preview->count() && preview->currentNotes().empty(); ++i) {
        preview->next();
    }
    const std::vector<Note> chosen = preview->currentNotes();
    ASSERT_FALSE(chosen.empty());
    const std::size_t before = document.noteCount();
    const int undoBefore = document.undoStack()->count();
    panel.findChild<QPushButton*>("acceptButton")->click();
    EXPECT_FALSE(preview->isActive());
    EXPECT_TRUE(roll.ghostNotes().empty());
    EXPECT_EQ(document.noteCount(), before + chosen.size());
    EXPECT_EQ(document.undoStack()->count(), undoBefore + 1);
    for (const Note& n : chosen) {
        EXPECT_TRUE(document.contains(NoteRef{document.editTrack(), n}));
    }
    document.undoStack()->undo();
    EXPECT_EQ(document.noteCount(), before);
    document.undoStack()->redo();
    EXPECT_EQ(document.noteCount(), before + chosen.size());
}

TEST_F(ContinueTest, RegenerateReplacesTheSelectedRangeInOneStep) {
    SongDocument document;
    document.reset(test::randomSong(4, 9), QString());
    PianoRollWidget roll(&document);
    ContinuePanel panel(&document, &roll, nullptr, false);
    QSignalSpy loaded(panel.controller(), &ContinueController::modelLoaded);
    panel.addModelFile(modelPath_, true);
    ASSERT_TRUE(loaded.wait(20000));

    // Select bar 3 (ticks 3840..5760).
    const std::int64_t bar = document.ticksPerBar();
    NoteRefs inBar3;
    for (const NoteRef& ref : document.allNotes()) {
        if (ref.note.start >= 2 * bar && ref.note.start < 3 * bar) {
            inBar3.push_back(ref);
        }
    }
    ASSERT_FALSE(inBar3.empty());
    // Lock the bar's first note (the roll's K): Regenerate keeps it.
    document.setSelection({inBar3.front()});
    roll.toggleSelectionLock();
    inBar3.clear();
    for (const NoteRef& ref : document.allNotes())
        if (ref.note.start >= 2 * bar && ref.note.start < 3 * bar)
            inBar3.push_back(ref);
    const auto lockedRef =
        std::find_if(inBar3.begin(), inBar3.end(), [](const NoteRef& r) { return r.note.locked; });
    ASSERT_NE(lockedRef, inBar3.end());
    const NoteRef locked = *lockedRef;
    document.setSelection(inBar3);
    EXPECT_GE(roll.continueMarker(), 0);
    std::int64_t from = 0;
    std::int64_t to = 0;
    ASSERT_TRUE(panel.regenerateRange(&from, &to));
    EXPECT_EQ(from, 2 * bar);
    auto* regenerate = panel.findChild<QPushButton*>("regenerateButton");
    ASSERT_TRUE(regenerate->isEnabled());
    const Song original = document.song();
    QSignalSpy finished(panel.controller(), &ContinueController::finished);
    regenerate->click();
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 20000));
    ASSERT_TRUE(panel.preview()->isActive());
    const ContinueResult result = panel.preview()->result();
    EXPECT_EQ(result.mode, ContinueRequest::Mode::Regenerate);
    EXPECT_EQ(result.startTick, from);
    EXPECT_EQ(result.endTick, to);

    const int undoBefore = document.undoStack()->count();
    ASSERT_TRUE(panel.preview()->accept());
    EXPECT_EQ(document.undoStack()->count(), undoBefore + 1);
    EXPECT_TRUE(document.contains(locked)) << "the locked note was replaced";
    int replaced = 0;  // the unlocked notes starting in the range (it ends where the selection's notes end)
    for (const Note& n : original.tracks[0].notes)
        replaced += !n.locked && n.start >= from && n.start < to;
    EXPECT_EQ(panel.preview()->removedCount(), replaced);
    EXPECT_TRUE(panel.statusText().startsWith(QStringLiteral("Replaced")))
        << panel.statusText().toStdString();
    for (const NoteRef& ref : inBar3) {
        if (ref.note.locked)
            continue;
        // The old material of the range is gone unless the network happened to play the same note.
        if (!document.contains(ref)) {
            continue;
        }
        bool regenerated = false;
        for (const auto& v : result.variations) {
            regenerated = regenerated || std::find(v.begin(), v.end(), ref.note) != v.end();
        }
        EXPECT_TRUE(regenerated);
    }
    for (const NoteRef& ref : document.allNotes()) {
        if (ref.note.start < from) {
            EXPECT_TRUE(std::find(original.tracks[0].notes.begin(), original.tracks[0].notes.end(),
                                  ref.note) != original.tracks[0].notes.end());
        }
    }
    document.undoStack()->undo();
    EXPECT_EQ(document.song(), original);
}

TEST(ContinuePanelWithoutModel, ExplainsHowToGetOne) {
    SongDocument document;
    ContinuePanel panel(&document, nullptr, nullptr, false);
    EXPECT_FALSE(panel.findChild<QPushButton*>("continueButton")->isEnabled());
    EXPECT_FALSE(panel.continueAction()->isEnabled());
    EXPECT_TRUE(panel.findChild<ModelCardView*>()->text().contains(QStringLiteral("biaxial train")));
    panel.startContinue();  // harmless, says why
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("biaxial train")));
}

TEST_F(ContinueTest, BadModelFileIsReportedAndKeepsTheOldModel) {
    SongDocument document;
    ContinuePanel panel(&document, nullptr, nullptr, false);
    QSignalSpy loaded(panel.controller(), &ContinueController::modelLoaded);
    QSignalSpy failed(panel.controller(), &ContinueController::modelLoadFailed);
    panel.addModelFile(modelPath_, true);
    ASSERT_TRUE(loaded.wait(20000));

    const QString bad = dir_.filePath(QStringLiteral("broken.pt"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("this is not a model");
    file.close();
    panel.addModelFile(bad, true);
    ASSERT_TRUE(failed.wait(20000));
    EXPECT_TRUE(panel.controller()->hasModel());
    EXPECT_EQ(panel.controller()->modelPath(), QFileInfo(modelPath_).absoluteFilePath());
    EXPECT_TRUE(panel.findChild<ModelCardView*>()->text().contains(QStringLiteral("broken.pt")));
    EXPECT_TRUE(panel.findChild<QPushButton*>("continueButton")->isEnabled());
}

TEST_F(ContinueTest, OpenModelAsksThroughTheDialogs) {
    SongDocument document;
    test::RecordingDialogs dialogs;
    ContinuePanel panel(&document, nullptr, nullptr, false, &dialogs);
    auto* open = panel.findChild<QPushButton*>("openModel");
    ASSERT_NE(open, nullptr);
    open->click();  // cancelled: nothing changes
    EXPECT_EQ(dialogs.chooserTitles, QStringList{QStringLiteral("Open model")});
    auto* models = panel.findChild<QComboBox*>("modelCombo");
    ASSERT_NE(models, nullptr);
    EXPECT_EQ(models->count(), 0);

    QSignalSpy loaded(panel.controller(), &ContinueController::modelLoaded);
    dialogs.nextOpenName = modelPath_;
    open->click();
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_EQ(panel.controller()->modelPath(), QFileInfo(modelPath_).absoluteFilePath());
    EXPECT_EQ(models->currentData().toString(), QFileInfo(modelPath_).absoluteFilePath());
}

// The panel starts from the request's defaults (the one place they are written) and its
// "Follow the seed's texture" box switches the density target and the hold limit together.
TEST_F(ContinueTest, PanelStartsFromTheDefaultsAndFollowsTheSeedOnlyWhenAsked) {
    QSettings().remove(QStringLiteral("continue"));
    SongDocument document;
    document.reset(test::randomSong(2, 5), QString());
    ContinuePanel panel(&document, nullptr, nullptr, /*loadDefaultModel=*/false);
    const ContinueRequest defaults;
    const ContinueRequest on = panel.buildRequest(ContinueRequest::Mode::Continue);
    EXPECT_EQ(on.scale, defaults.scale);
    EXPECT_EQ(on.outOfScaleWeight, defaults.outOfScaleWeight);
    EXPECT_EQ(on.adaptiveConservativity, defaults.adaptiveConservativity);
    EXPECT_EQ(on.followSeedDensity, defaults.followSeedDensity);
    EXPECT_EQ(on.holdLimit, defaults.holdLimit);
    auto* follow = panel.findChild<QCheckBox*>("followSeedCheck");
    ASSERT_NE(follow, nullptr);
    EXPECT_TRUE(follow->isChecked());
    follow->setChecked(false);
    const ContinueRequest off = panel.buildRequest(ContinueRequest::Mode::Continue);
    EXPECT_FALSE(off.followSeedDensity);
    EXPECT_EQ(off.holdLimit, 0.0);
}

// Discard drops the ghost notes and the finished job's "Flip through them ... Discard" text.
TEST_F(ContinueTest, DiscardSaysSo) {
    SongDocument document;
    document.reset(test::randomSong(2, 5), QString());
    PianoRollWidget roll(&document);
    ContinuePanel panel(&document, &roll, nullptr, /*loadDefaultModel=*/false);
    QSignalSpy loaded(panel.controller(), &ContinueController::modelLoaded);
    panel.addModelFile(modelPath_, true);
    ASSERT_TRUE(loaded.wait(20000));
    panel.findChild<QSpinBox*>("barsSpin")->setValue(1);
    QSignalSpy finished(panel.controller(), &ContinueController::finished);
    panel.findChild<QPushButton*>("continueButton")->click();
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 20000));
    auto* status = panel.findChild<QLabel*>("continueStatus");
    EXPECT_TRUE(status->text().contains("Discard"));
    panel.findChild<QPushButton*>("discardButton")->click();
    EXPECT_FALSE(panel.preview()->isActive());
    EXPECT_TRUE(roll.ghostNotes().empty());
    EXPECT_EQ(status->text(), "Variations discarded.");
}

// Auditioning without a sound device says so once, in the panel, instead of a silent playhead.
TEST_F(ContinueTest, SilentAuditionIsExplainedOnce) {
    SongDocument document;
    ContinuePanel panel(&document, nullptr, nullptr, /*loadDefaultModel=*/false);
    auto* status = panel.findChild<QLabel*>("continueStatus");
    panel.noteSilentAudition("Sound unavailable: no audio device");
    EXPECT_TRUE(status->text().contains("nothing sounds here (Sound unavailable: no audio device)"))
        << status->text().toStdString();
    panel.startContinue();  // no model: the panel says how to get one
    panel.noteSilentAudition("Sound unavailable: no audio device");
    EXPECT_FALSE(status->text().contains("nothing sounds")) << "once only";
}
