// Locked notes in the file, what a regenerated region replaces, and a melody's top voice.
#include <gtest/gtest.h>

#include "biaxial/engine/MelodyLine.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/RegionEdit.h"

namespace biaxial {
namespace {

Song twoTracks() {
    Song song;
    Track a, b;
    a.notes = {Note{60, 0, 480, 90, 0}, Note{64, 480, 480, 90, 0, true}, Note{67, 960, 960, 90, 0}};
    b.notes = {Note{48, 0, 1920, 70, 1, true}, Note{52, 960, 480, 70, 1}};
    song.tracks = {a, b};
    song.normalise();
    return song;
}

TEST(LockedNotes, SurviveAMidiRoundTrip) {
    const Song song = twoTracks();
    const auto bytes = MidiFileWriter::toBytes(song);
    const auto back = MidiFileReader::readBytes(bytes, "locks.mid");
    ASSERT_TRUE(back) << back.error().message();
    ASSERT_EQ(back.value().tracks.size(), 2u);
    EXPECT_EQ(back.value().tracks[0].notes, song.tracks[0].notes);
    EXPECT_EQ(back.value().tracks[1].notes, song.tracks[1].notes);
    // Without locks no extra event is written: a plain song's file is as before.
    Song plain = song;
    for (auto& t : plain.tracks)
        for (auto& n : t.notes)
            n.locked = false;
    EXPECT_LT(MidiFileWriter::toBytes(plain).size(), bytes.size());
}

TEST(LockedNotes, ARegionKeepsLockedNotesAndEverythingOutsideIt) {
    const Song song = twoTracks();
    const Song out = RegionEdit::apply(song, 480, 1440, {Note{65, 480, 240, 80, 0}}, 5, "new");
    ASSERT_EQ(out.tracks.size(), 3u);
    // Track 0: 60 (before), 64 (locked) stay; 67 starts inside and goes.
    EXPECT_EQ(out.tracks[0].notes.size(), 2u);
    EXPECT_TRUE(out.tracks[0].notes[1].locked);
    // Track 1: the locked 48 stays, 52 goes.
    ASSERT_EQ(out.tracks[1].notes.size(), 1u);
    EXPECT_EQ(out.tracks[1].notes[0].pitch, 48);
    EXPECT_EQ(out.tracks[2].name, "new");
    EXPECT_EQ(out.tracks[2].notes.size(), 1u);
    EXPECT_FALSE(RegionEdit::replaces(Note{60, 1440, 10, 90, 0}, 480, 1440));
}

TEST(MelodyLine, TheTopVoiceAtEveryOnset) {
    const Song melody = MelodyLine::topVoice(twoTracks());
    ASSERT_EQ(melody.tracks.size(), 1u);
    const auto& n = melody.tracks[0].notes;
    ASSERT_EQ(n.size(), 3u);  // 60 over 48, 64, 67 over 52
    EXPECT_EQ(n[0].pitch, 60);
    EXPECT_EQ(n[1].pitch, 64);
    EXPECT_EQ(n[2].pitch, 67);
    EXPECT_EQ(n[2].length, 960);
}

}  // namespace
}  // namespace biaxial
