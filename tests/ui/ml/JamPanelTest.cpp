// The Jam panel with the test synth: without a keyboard it says how to play; the player's keys
// (the roll's, the computer's) reach the network, which answers after a rest on its own channel;
// stopping puts the take into the song as one undo step.
#include <gtest/gtest.h>

#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "JamPanel.h"
#include "MlTestSupport.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {
namespace {

TEST(JamPanel, WithoutAKeyboardItSaysHowToPlay) {
    SongDocument doc;
    PianoRollWidget roll(&doc);
    FakeSynth synth;
    Transport transport;
    transport.setSynth(&synth);
    {
        JamPanel panel(&doc, &transport, &roll, [] { return QString(); });
        auto labels = panel.findChildren<QLabel*>();
        const bool told = std::any_of(labels.begin(), labels.end(), [](QLabel* l) {
            return l->text().contains(QStringLiteral("No MIDI keyboard")) &&
                   l->text().contains(QStringLiteral("computer keyboard"));
        });
        EXPECT_TRUE(told);
        panel.start();  // no model loaded: a sentence, no jam
        EXPECT_FALSE(panel.isJamming());
        EXPECT_TRUE(
            panel.findChild<QLabel*>(QStringLiteral("jamStatus"))->text().contains(QStringLiteral("model")));
    }
    transport.setSynth(nullptr);
}

TEST(JamPanel, ATakeIsAnsweredAndGoesIntoTheSongAsOneUndoStep) {
    QTemporaryDir dir;
    const QString model = test::writeTinyModel(dir);
    SongDocument doc;
    doc.setMicrosPerQuarter(250000);  // 240 BPM: a bar per second
    PianoRollWidget roll(&doc);
    FakeSynth synth;
    Transport transport;
    transport.setSynth(&synth);
    const std::size_t before = doc.noteCount();
    {
        JamPanel panel(&doc, &transport, &roll, [model] { return model; });
        panel.findChild<QSpinBox*>(QStringLiteral("jamAnswerBars"))->setValue(1);
        panel.start();
        ASSERT_TRUE(panel.isJamming());
        QTest::qWait(1100);  // the metronome's bar of count-in (a second at 240 BPM)
        const auto clicks = synth.calls(FakeSynth::Call::Kind::NoteOn);
        EXPECT_TRUE(std::any_of(clicks.begin(), clicks.end(), [](const auto& c) { return c.channel == 9; }));
        panel.playerKey(60, true);
        QTest::qWait(200);
        panel.playerKey(60, false);
        panel.playerKey(64, true);
        QTest::qWait(200);
        panel.playerKey(64, false);
        // The answer: note ons on the network's channel (1), within a few bars.
        const bool answered = test::waitUntil(
            [&] {
                const auto on = synth.calls(FakeSynth::Call::Kind::NoteOn);
                return std::any_of(on.begin(), on.end(), [](const auto& c) { return c.channel == 1; });
            },
            15000);
        EXPECT_TRUE(answered);
        EXPECT_GT(roll.playheadTick(), 1920);  // the roll's playhead follows the jam past its count-in
        panel.stop();
        EXPECT_FALSE(panel.isJamming());
    }
    transport.setSynth(nullptr);
    const Song song = doc.song();
    ASSERT_GE(song.tracks.size(), 2u);
    EXPECT_EQ(song.tracks[0].notes.size(), before + 2);  // the player's two notes
    EXPECT_GT(song.tracks[1].notes.size(), 0u);          // the network's, on a track of their own
    for (const Note& n : song.tracks[1].notes)
        EXPECT_EQ(n.channel, 1);
    doc.undoStack()->undo();  // one step takes the whole take back
    EXPECT_EQ(doc.noteCount(), before);
}

}  // namespace
}  // namespace biaxial
