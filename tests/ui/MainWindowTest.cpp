// The main window with injected dialogs: open/save round trip, a bad file, the
// unsaved-changes prompt, shortcuts, autosave and recovery after a crash.
#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

#include "RecordingDialogs.h"
#include "RollDriver.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/AppStyle.h"
#include "biaxial/ui/Autosaver.h"
#include "biaxial/ui/MainWindow.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/RecentFiles.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {
namespace {

Song twoNoteSong() {
    Song song = SongDocument::emptySong();
    song.tracks[0].notes.push_back(Note{60, 0, 480, 90, 0});
    song.tracks[0].notes.push_back(Note{67, 480, 240, 70, 0});
    song.tempos[0].microsPerQuarter = 600000;
    song.normalise();
    return song;
}

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        dialogs = std::make_shared<test::RecordingDialogs>();
        window = makeWindow();
    }
    std::unique_ptr<MainWindow> makeWindow() {
        MainWindow::Options options;
        options.dialogs = dialogs;
        options.autosaveDirectory = dir.filePath("autosave");
        options.openSynth = false;
        auto w = std::make_unique<MainWindow>(options);
        w->resize(1000, 700);
        return w;
    }
    QString path(const char* name) const { return dir.filePath(name); }
    void writeSong(const QString& file, const Song& song) {
        ASSERT_FALSE(MidiFileWriter::writeFile(song, file.toStdString()).has_value());
    }

    QTemporaryDir dir;
    std::shared_ptr<test::RecordingDialogs> dialogs;
    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowTest, OpenSaveRoundTrip) {
    writeSong(path("in.mid"), twoNoteSong());
    ASSERT_TRUE(window->openFile(path("in.mid")));
    EXPECT_EQ(window->document()->noteCount(), 2u);
    EXPECT_NEAR(window->document()->bpm(), 100.0, 1e-9);
    EXPECT_FALSE(window->document()->isModified());
    EXPECT_TRUE(window->windowTitle().startsWith("in.mid"));
    auto* tempo = window->findChild<QDoubleSpinBox*>("tempoBox");
    ASSERT_NE(tempo, nullptr);
    EXPECT_NEAR(tempo->value(), 100.0, 0.05);

    // Edit, save under a new name, read it back with the engine.
    window->pianoRoll()->selectAll();
    window->pianoRoll()->transposeSelection(2);
    EXPECT_TRUE(window->document()->isModified());
    dialogs->nextSaveName = path("out");  // no suffix: .mid is added
    ASSERT_TRUE(window->saveAs());
    EXPECT_FALSE(window->document()->isModified());
    EXPECT_EQ(window->document()->filePath(), path("out.mid"));
    Result<Song> back = MidiFileReader::readFile(path("out.mid").toStdString());
    ASSERT_TRUE(back.ok()) << back.error().message();
    EXPECT_EQ(back.value().noteCount(), 2u);
    NoteRefs notes = window->document()->allNotes();
    bool found = false;
    for (const Track& t : back.value().tracks)
        for (const Note& n : t.notes)
            found |= n.pitch == 62 && n.start == 0 && n.length == 480 && n.velocity == 90;
    EXPECT_TRUE(found);
    EXPECT_TRUE(dialogs->errors.isEmpty());
}

TEST_F(MainWindowTest, BadFileShowsAnErrorAndLeavesTheDocumentUnchanged) {
    writeSong(path("good.mid"), twoNoteSong());
    ASSERT_TRUE(window->openFile(path("good.mid")));
    window->pianoRoll()->selectAll();
    window->pianoRoll()->transposeSelection(1);
    const Song before = window->document()->song();

    QFile bad(path("bad.mid"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("MThd\x00\x00\x00\x06\x00\x01\x00\x02\x01\xe0MTrk\x00\x00\x10\x00\x00\x90", 26);
    bad.close();
    dialogs->saveAnswer = IUserDialogs::SaveChoice::Discard;
    EXPECT_FALSE(window->openFile(path("bad.mid")));
    ASSERT_EQ(dialogs->errors.size(), 1);
    EXPECT_TRUE(dialogs->errors[0].contains("bad.mid")) << dialogs->errors[0].toStdString();
    EXPECT_EQ(window->document()->song(), before);
    EXPECT_EQ(window->document()->filePath(), path("good.mid"));
    EXPECT_TRUE(window->document()->isModified());
    EXPECT_EQ(window->undoStack()->count(), 1) << "history kept";
    EXPECT_EQ(dialogs->saveQuestions, 0)
        << "a file that cannot be read asks nothing about the song that stays";
    ASSERT_TRUE(window->openFile(path("good.mid")));
    EXPECT_EQ(dialogs->saveQuestions, 1);
    EXPECT_EQ(dialogs->lastSaveQuestion, QStringLiteral("opening good.mid"));
    ASSERT_TRUE(window->openFile(path("good.mid")));  // unmodified now: no question
    EXPECT_EQ(dialogs->saveQuestions, 1);

    EXPECT_FALSE(window->loadFile(path("missing.mid")));
    EXPECT_EQ(dialogs->errors.size(), 2);
}

TEST_F(MainWindowTest, RepairableFileOpensWithItsWarningsShown) {
    // A note-off with no note-on, and a track without its end-of-track event.
    const unsigned char bytes[] = {'M',  'T',  'h',  'd',  0,    0,    0,    6,    0,    0,    0,    1,
                                   0x01, 0xE0, 'M',  'T',  'r',  'k',  0,    0,    0,    13,   0x00, 0x80,
                                   0x3C, 0x40, 0x00, 0x90, 0x3C, 0x64, 0x83, 0x60, 0x80, 0x3C, 0x40};
    QFile file(path("repairs.mid"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(reinterpret_cast<const char*>(bytes), sizeof bytes);
    file.close();
    ASSERT_TRUE(window->openFile(path("repairs.mid"))) << dialogs->errors.join("; ").toStdString();
    EXPECT_EQ(window->document()->noteCount(), 1u);
    EXPECT_FALSE(dialogs->warnings.isEmpty());
    EXPECT_TRUE(dialogs->errors.isEmpty());
    EXPECT_EQ(RecentFiles().files().value(0), QFileInfo(path("repairs.mid")).absoluteFilePath());
}

TEST_F(MainWindowTest, ThemeSwitchRepaintsTheRoll) {
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    AppStyle::apply(*qApp, "dark");
    QCoreApplication::processEvents();
    EXPECT_TRUE(window->pianoRoll()->rollPalette().dark);
    EXPECT_FALSE(window->grab().isNull());
    AppStyle::apply(*qApp, "light");
    QCoreApplication::processEvents();
    EXPECT_FALSE(window->pianoRoll()->rollPalette().dark);
}

TEST_F(MainWindowTest, PreferencesAreAppliedAndStored) {
    PreferencesDialog::Values values;
    values.theme = "dark";
    values.autosaveSeconds = 12;
    window->applyPreferences(values);
    EXPECT_EQ(window->autosaver()->intervalSeconds(), 12);
    EXPECT_EQ(QSettings().value("autosave/intervalSeconds").toInt(), 12);
    EXPECT_EQ(QSettings().value("theme").toString(), "dark");
    values.theme = "light";
    window->applyPreferences(values);
    QSettings().remove("theme");
    QSettings().remove("autosave/intervalSeconds");
}

TEST_F(MainWindowTest, UnsavedChangesPrompt) {
    window->document()->undoStack()->push(
        new AddNotesCommand(window->document(), {{0, Note{60, 0, 120, 100, 0}}}));
    dialogs->saveAnswer = IUserDialogs::SaveChoice::Cancel;
    window->newDocument();
    EXPECT_EQ(dialogs->saveQuestions, 1);
    EXPECT_EQ(window->document()->noteCount(), 1u) << "Cancel keeps the song";

    dialogs->saveAnswer = IUserDialogs::SaveChoice::Save;
    dialogs->nextSaveName = path("kept.mid");
    window->newDocument();
    EXPECT_EQ(window->document()->noteCount(), 0u);
    EXPECT_TRUE(QFile::exists(path("kept.mid")));

    window->document()->undoStack()->push(
        new AddNotesCommand(window->document(), {{0, Note{60, 0, 120, 100, 0}}}));
    dialogs->saveAnswer = IUserDialogs::SaveChoice::Cancel;
    EXPECT_FALSE(window->close()) << "Cancel keeps the window open";
    dialogs->saveAnswer = IUserDialogs::SaveChoice::Discard;
    bool guardAsked = false;
    window->addCloseGuard([&] {
        guardAsked = true;
        return false;
    });
    EXPECT_FALSE(window->close()) << "a close guard (a running training) can refuse";
    EXPECT_TRUE(guardAsked);
}

TEST_F(MainWindowTest, ShortcutsDrawUndoRedo) {
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    PianoRollWidget* roll = window->pianoRoll();
    roll->setFocus();
    test::RollDriver driver(roll);
    roll->centerOnPitch(60);
    driver.click(driver.at(0, 60));
    driver.click(driver.at(480, 62));
    EXPECT_EQ(window->document()->noteCount(), 2u);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(window->document()->noteCount(), 1u);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window->document()->noteCount(), 2u);
    QTest::keyClick(window.get(), Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(window->document()->selection().size(), 2u);
    QTest::keyClick(window.get(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(window.get(), Qt::Key_Delete);
    EXPECT_EQ(window->document()->noteCount(), 0u);
    QTest::keyClick(window.get(), Qt::Key_V, Qt::ControlModifier);
    EXPECT_EQ(window->document()->noteCount(), 2u);

    // Space toggles playback; the playhead moves on its own. A loop keeps the two short notes
    // playing however slowly a loaded machine runs this test.
    window->transport()->seek(0);
    window->transport()->setLoop(0, 1920, true);
    QSignalSpy playing(window->transport(), &Transport::playingChanged);
    QTest::keyClick(window.get(), Qt::Key_Space);
    ASSERT_EQ(playing.count(), 1);
    EXPECT_TRUE(playing.at(0).at(0).toBool());
    EXPECT_TRUE(window->transport()->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(roll->playheadTick() > 0, 5000);
    QTest::keyClick(window.get(), Qt::Key_Space);
    EXPECT_FALSE(window->transport()->isPlaying());
}

TEST_F(MainWindowTest, TempoBoxIsUndoable) {
    auto* tempo = window->findChild<QDoubleSpinBox*>("tempoBox");
    ASSERT_NE(tempo, nullptr);
    tempo->setValue(90.0);
    EXPECT_NEAR(window->document()->bpm(), 90.0, 0.01);
    window->undoStack()->undo();
    EXPECT_NEAR(window->document()->bpm(), 120.0, 0.01);
    EXPECT_NEAR(tempo->value(), 120.0, 0.01);
}

TEST_F(MainWindowTest, AutosaveIsRecoveredAfterACrash) {
    writeSong(path("song.mid"), twoNoteSong());
    ASSERT_TRUE(window->openFile(path("song.mid")));
    window->pianoRoll()->selectAll();
    window->pianoRoll()->transposeSelection(5);
    ASSERT_TRUE(window->autosaver()->saveNow());
    ASSERT_TRUE(QFile::exists(window->autosaver()->autosavePath()));
    // Another studio running at the same time must not offer this session's file.
    EXPECT_TRUE(Autosaver::findRecoverable(dir.filePath("autosave")).isEmpty());

    // The crash: the session file stays and its lock is free.
    const Song edited = window->document()->song();
    window->autosaver()->abandon();
    window.reset();

    window = makeWindow();
    dialogs->yesNoAnswer = true;
    ASSERT_TRUE(window->offerRecovery());
    EXPECT_EQ(dialogs->yesNoQuestions, 1);
    EXPECT_EQ(window->document()->noteCount(), 2u);
    EXPECT_TRUE(window->document()->isModified()) << "recovered work is unsaved work";
    EXPECT_EQ(window->document()->filePath(), path("song.mid"));
    NoteRefs notes = window->document()->allNotes();
    EXPECT_EQ(notes[0].note.pitch, 65);
    EXPECT_EQ(notes[1].note.pitch, 72);
    // Offered once only.
    EXPECT_FALSE(makeWindow()->offerRecovery());
}

TEST_F(MainWindowTest, DecliningRecoveryRemovesTheAutosave) {
    window->document()->undoStack()->push(
        new AddNotesCommand(window->document(), {{0, Note{60, 0, 120, 100, 0}}}));
    ASSERT_TRUE(window->autosaver()->saveNow());
    window->autosaver()->abandon();
    window.reset();
    window = makeWindow();
    dialogs->yesNoAnswer = false;
    EXPECT_FALSE(window->offerRecovery());
    EXPECT_EQ(dialogs->yesNoQuestions, 1);
    EXPECT_TRUE(Autosaver::findRecoverable(dir.filePath("autosave")).isEmpty());
}

TEST_F(MainWindowTest, CleanExitLeavesNoAutosave) {
    window->document()->undoStack()->push(
        new AddNotesCommand(window->document(), {{0, Note{60, 0, 120, 100, 0}}}));
    ASSERT_TRUE(window->autosaver()->saveNow());
    const QString file = window->autosaver()->autosavePath();
    EXPECT_TRUE(QFile::exists(file));
    dialogs->nextSaveName = path("saved.mid");
    ASSERT_TRUE(window->save());
    EXPECT_FALSE(QFile::exists(file)) << "saving removes the autosave";
    window.reset();
    EXPECT_TRUE(Autosaver::findRecoverable(dir.filePath("autosave")).isEmpty());
}

TEST_F(MainWindowTest, PanelsAndGenerateActionsCanBeAdded) {
    auto* dock = new QDockWidget("Test panel");
    dock->setObjectName("testPanel");
    window->addPanel(dock);
    auto* action = new QAction("Continue", window.get());
    action->setObjectName("generate.continue");
    window->addGenerateAction(action);
    EXPECT_EQ(window->action("generate.continue"), action);
    EXPECT_TRUE(window->generateMenu()->actions().contains(action));
    EXPECT_NE(window->action("file.open"), nullptr);
    EXPECT_NE(window->action("transport.play"), nullptr);
}

TEST_F(MainWindowTest, HelpAndAboutGoThroughTheDialogs) {
    window->action("help.about")->trigger();
    ASSERT_EQ(dialogs->abouts.size(), 1);
    EXPECT_TRUE(dialogs->abouts.front().contains("Biaxial Studio"));
    window->action("help.shortcuts")->trigger();
    ASSERT_EQ(dialogs->helps.size(), 1);
    EXPECT_TRUE(dialogs->helps.front().startsWith("Keyboard and Mouse: <table"));
    EXPECT_TRUE(dialogs->helps.front().contains("Rubber-band selection"));
}

TEST_F(MainWindowTest, FileActionsAskThroughTheDialogs) {
    writeSong(path("chosen.mid"), twoNoteSong());
    dialogs->nextOpenName = path("chosen.mid");
    window->action("file.open")->trigger();
    EXPECT_EQ(window->document()->noteCount(), 2u);
    EXPECT_EQ(dialogs->chooserTitles.last(), "Open MIDI file");
    dialogs->nextSaveName = path("exported.mid");
    window->action("file.exportMidi")->trigger();
    EXPECT_TRUE(QFile::exists(path("exported.mid")));
    EXPECT_TRUE(dialogs->saveSuggestions.last().endsWith("/chosen.mid")) << "the song's name, as Export WAV";
    EXPECT_FALSE(window->document()->isModified()) << "an export is not a save";
    dialogs->nextOpenName.clear();
    window->action("transport.soundFont")->trigger();  // cancelled
    EXPECT_EQ(dialogs->chooserTitles.last(), "Choose a SoundFont");
    EXPECT_TRUE(dialogs->errors.isEmpty());
}

TEST_F(MainWindowTest, PreferencesBrowseAsksThroughTheDialogs) {
    PreferencesDialog dialog(PreferencesDialog::Values{}, dialogs.get(), window.get());
    dialogs->nextOpenName = "/somewhere/piano.sf2";
    auto* browse = dialog.findChild<QPushButton*>("soundFontBrowse");
    ASSERT_NE(browse, nullptr);
    browse->click();
    EXPECT_EQ(dialogs->chooserTitles.last(), "Choose a SoundFont");
    EXPECT_EQ(dialog.values().soundFont, "/somewhere/piano.sf2");
}

namespace biaxial {
namespace {

TEST_F(MainWindowTest, VelocityIsTypedForTheSelection) {
    SongDocument* doc = window->document();
    NoteRefs refs;
    for (int i = 0; i < 3; ++i)
        refs.push_back({0, Note{60 + i, i * 480, 480, 40 + 20 * i, 0}});
    doc->undoStack()->push(new AddNotesCommand(doc, refs));
    doc->setSelection(doc->allNotes());
    dialogs->integerAnswer = 110;
    window->action("edit.setVelocity")->trigger();
    EXPECT_EQ(dialogs->lastIntegerAsked, 60);  // the median to start from
    for (const NoteRef& r : doc->allNotes())
        EXPECT_EQ(r.note.velocity, 110);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->allNotes()[0].note.velocity, 40);
    dialogs->integerAnswer.reset();  // cancelled: nothing changes
    window->action("edit.setVelocity")->trigger();
    EXPECT_EQ(doc->allNotes()[0].note.velocity, 40);
}

}  // namespace
}  // namespace biaxial

// At 1024x768 the toolbars do not fit one row: the Generate toolbar takes a row of its own
// (every button reachable, none behind ">>"); at 1400 wide it rejoins the first row.
TEST_F(MainWindowTest, GenerateToolBarWrapsOnANarrowWindow) {
    for (const char* name : {"Continue", "Regenerate", "Accept", "Discard"}) {
        auto* a = new QAction(QString::fromLatin1(name), window.get());
        window->addGenerateAction(a);
    }
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QToolBar* generate = window->generateToolBar();
    QToolBar* file = window->findChild<QToolBar*>(QStringLiteral("fileToolBar"));
    ASSERT_NE(file, nullptr);
    window->resize(1024, 768);
    QTRY_VERIFY_WITH_TIMEOUT(generate->geometry().top() > file->geometry().top(), 5000);
    window->resize(1400, 800);
    QTRY_VERIFY_WITH_TIMEOUT(generate->geometry().top() == file->geometry().top(), 5000);
}

}  // namespace
}  // namespace biaxial
