// The transport with biaxial::audio's FakeSynth: keyboard clicks audition, playback plays the
// song's notes, and WAV export renders through the worker (or leaves no file when cancelled).
#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <QAction>
#include <QUndoStack>
#include "RecordingDialogs.h"
#include "RollDriver.h"
#include "biaxial/audio/AudioSession.h"
#include "biaxial/audio/FakeMidiInput.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/audio/MidiMessage.h"
#include "biaxial/audio/SteadyClock.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/MainWindow.h"
#include "biaxial/ui/PianoKeyboard.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"
#include "biaxial/ui/WavExportJob.h"

namespace biaxial {
namespace {

using Kind = FakeSynth::Call::Kind;

TEST(Transport, KeyboardClickAuditionsThePitch) {
    SongDocument doc;
    PianoRollWidget roll(&doc);
    roll.resize(800, 500);
    roll.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&roll));
    roll.centerOnPitch(60);
    FakeSynth synth;
    Transport transport;
    transport.setSynth(&synth);
    QObject::connect(&roll, &PianoRollWidget::auditionRequested, &transport, &Transport::audition);
    QObject::connect(&roll, &PianoRollWidget::auditionStopped, &transport, &Transport::stopAudition);

    auto* keyboard = roll.findChild<PianoKeyboard*>();
    ASSERT_NE(keyboard, nullptr);
    const int y = roll.geometry().yOfPitch(64) + roll.geometry().keyHeight / 2;
    QTest::mousePress(keyboard, Qt::LeftButton, {}, QPoint(50, y));
    const auto on = synth.calls(Kind::NoteOn);
    ASSERT_FALSE(on.empty());
    EXPECT_EQ(on.back().a, 64);
    QTest::mouseRelease(keyboard, Qt::LeftButton, {}, QPoint(50, y));
    EXPECT_FALSE(synth.calls(Kind::NoteOff).empty());
    transport.setSynth(nullptr);
}

TEST(Transport, PlaysTheSongAndMovesThePlayhead) {
    FakeSynth synth;
    Transport transport;
    transport.setSynth(&synth);
    Song song = SongDocument::emptySong();
    song.tracks[0].notes.push_back(Note{60, 0, 48, 100, 0});
    song.tracks[0].notes.push_back(Note{62, 48, 48, 100, 0});
    transport.setSong(song);
    QSignalSpy playing(&transport, &Transport::playingChanged);
    QSignalSpy position(&transport, &Transport::positionChanged);
    transport.play();
    // 96 ticks at 120 BPM = 0.1 s: the song ends by itself.
    QTRY_VERIFY_WITH_TIMEOUT(playing.count() >= 2, 10000);
    ASSERT_EQ(playing.count(), 2) << "one signal per change: started, ended";
    EXPECT_TRUE(playing.at(0).at(0).toBool());
    EXPECT_FALSE(playing.at(1).at(0).toBool());
    EXPECT_FALSE(transport.isPlaying());
    EXPECT_GE(position.count(), 1);
    const auto on = synth.calls(Kind::NoteOn);
    ASSERT_EQ(on.size(), 2u);
    EXPECT_EQ(on[0].a, 60);
    EXPECT_EQ(on[1].a, 62);
    transport.setSynth(nullptr);
}

TEST(Transport, RecordsTheMidiKeyboardIntoTheRollAsOneUndoStep) {
    QTemporaryDir dir;
    MainWindow::Options options;
    options.dialogs = std::make_shared<test::RecordingDialogs>();
    options.autosaveDirectory = dir.filePath("autosave");
    options.openSynth = false;
    MainWindow window(options);
    FakeSynth synth;
    window.transport()->setSynth(&synth);
    auto input = std::make_unique<FakeMidiInput>("Test keyboard");
    FakeMidiInput* keyboard = input.get();
    window.transport()->audioSession()->useInput(std::move(input));

    QAction* record = window.action("transport.record");
    ASSERT_NE(record, nullptr);
    record->setChecked(true);
    ASSERT_TRUE(window.transport()->isRecording());
    EXPECT_TRUE(window.transport()->isPlaying()) << "recording plays the song along";
    const double t0 = SteadyClock().now();
    keyboard->inject(MidiMessage::noteOn(0, 64, 90), t0);
    keyboard->inject(MidiMessage::noteOff(0, 64), t0 + 0.25);  // half a beat at 120 BPM
    EXPECT_FALSE(synth.calls(Kind::NoteOn).empty()) << "MIDI thru plays the keyboard";
    record->setChecked(false);
    EXPECT_FALSE(window.transport()->isRecording());
    ASSERT_EQ(window.document()->noteCount(), 1u);
    const Note n = window.document()->allNotes().front().note;
    EXPECT_EQ(n.pitch, 64);
    EXPECT_EQ(n.velocity, 90);
    EXPECT_EQ(n.length % 120, 0) << "quantized to sixteenths";
    window.undoStack()->undo();
    EXPECT_EQ(window.document()->noteCount(), 0u);
    window.transport()->stop();
    window.transport()->setSynth(nullptr);
}

TEST(WavExportJob, RendersOrLeavesNoFileWhenCancelled) {
    if (!WavExportJob::available())
        GTEST_SKIP() << WavExportJob::unavailableReason().toStdString();
    QTemporaryDir dir;
    Song song = SongDocument::emptySong();
    for (int i = 0; i < 8; ++i)
        song.tracks[0].notes.push_back(Note{60 + i, i * 240, 240, 100, 0});
    const QString path = dir.filePath("out.wav");
    {
        WavExportJob job(song, path);
        QSignalSpy finished(&job, &WavExportJob::finished);
        job.start(nullptr);
        ASSERT_TRUE(finished.wait(30000));
        if (!finished.first().at(0).toBool()) {
            const QString error = finished.first().at(1).toString();
            GTEST_SKIP() << "no SoundFont here: " << error.toStdString();
        }
        EXPECT_TRUE(QFile::exists(path));
        EXPECT_GT(QFile(path).size(), 44);
    }
    {
        // With its progress dialog, as the studio runs it: closing the dialog at the end is not
        // a cancel (it was: "WAV export cancelled" after every export).
        QWidget window;
        const QString withDialog = dir.filePath("dialog.wav");
        WavExportJob job(song, withDialog);
        QSignalSpy finished(&job, &WavExportJob::finished);
        job.start(&window);
        ASSERT_TRUE(finished.wait(30000));
        EXPECT_TRUE(finished.first().at(0).toBool()) << finished.first().at(1).toString().toStdString();
        EXPECT_TRUE(QFile::exists(withDialog));
    }
    const QString cancelled = dir.filePath("cancelled.wav");
    WavExportJob job(song, cancelled);
    QSignalSpy finished(&job, &WavExportJob::finished);
    job.cancel();  // before the first block: the render stops at once
    job.start(nullptr);
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_FALSE(finished.first().at(0).toBool());
    EXPECT_TRUE(finished.first().at(1).toString().isEmpty()) << "a cancel is not an error";
    EXPECT_FALSE(QFile::exists(cancelled));
}

// The metronome clicks every beat of the song, accented on the bar, on General MIDI's drum
// channel; the document's song is not touched.
TEST(Transport, TheMetronomeClicksEveryBeat) {
    FakeSynth synth;
    Transport transport;
    transport.setSynth(&synth);
    Song song = SongDocument::emptySong();
    song.tempos[0].microsPerQuarter = 125000;  // 480 BPM: a bar in half a second
    song.tracks[0].notes.push_back(Note{60, 0, 1920, 100, 0});
    transport.setMetronome(true);
    transport.setSong(song);
    QSignalSpy playing(&transport, &Transport::playingChanged);
    transport.play();
    QTRY_VERIFY_WITH_TIMEOUT(playing.count() >= 2, 10000);
    std::vector<FakeSynth::Call> clicks;
    for (const auto& c : synth.calls(Kind::NoteOn))
        if (c.channel == 9)
            clicks.push_back(c);
    ASSERT_EQ(clicks.size(), 4u);
    EXPECT_EQ(clicks[0].a, 76);  // the bar's accent
    EXPECT_EQ(clicks[1].a, 77);
    EXPECT_GT(clicks[0].b, clicks[1].b);
    transport.setSynth(nullptr);
}

}  // namespace
}  // namespace biaxial
