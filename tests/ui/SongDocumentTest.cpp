// The document and its undo commands: every edit undoes and redoes exactly.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/ModifyNotesCommand.h"
#include "biaxial/ui/NoteClipboard.h"
#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/SetProgramCommand.h"
#include "biaxial/ui/SetTempoCommand.h"
#include "biaxial/ui/SetTimeSignatureCommand.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {
namespace {

Note note(int pitch, std::int64_t start, std::int64_t length = 120, int velocity = 100) {
    Note n;
    n.pitch = pitch;
    n.start = start;
    n.length = length;
    n.velocity = velocity;
    return n;
}

TEST(SongDocument, StartsEmptyAndUnmodified) {
    SongDocument doc;
    EXPECT_EQ(doc.noteCount(), 0u);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.ticksPerQuarter(), 480);
    EXPECT_DOUBLE_EQ(doc.bpm(), 120.0);
    EXPECT_EQ(doc.ticksPerBar(), 1920);
    EXPECT_EQ(doc.displayName(), "Untitled");
}

TEST(SongDocument, AddRemoveModifyUndoRedo) {
    SongDocument doc;
    QSignalSpy modified(&doc, &SongDocument::modifiedChanged);
    doc.undoStack()->push(new AddNotesCommand(&doc, {{0, note(60, 0)}, {0, note(64, 480)}}));
    EXPECT_EQ(doc.noteCount(), 2u);
    EXPECT_EQ(doc.selection().size(), 2u) << "added notes are selected";
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(modified.count(), 1);

    doc.undoStack()->push(new ModifyNotesCommand(&doc, {{0, note(60, 0)}}, {{0, note(62, 240)}}, "Move"));
    EXPECT_TRUE(doc.contains({0, note(62, 240)}));
    EXPECT_FALSE(doc.contains({0, note(60, 0)}));

    doc.undoStack()->push(new RemoveNotesCommand(&doc, {{0, note(64, 480)}}));
    EXPECT_EQ(doc.noteCount(), 1u);

    doc.undoStack()->undo();
    EXPECT_EQ(doc.noteCount(), 2u);
    doc.undoStack()->undo();
    EXPECT_TRUE(doc.contains({0, note(60, 0)}));
    doc.undoStack()->undo();
    EXPECT_EQ(doc.noteCount(), 0u);
    EXPECT_FALSE(doc.isModified()) << "back at the clean state";
    doc.undoStack()->redo();
    doc.undoStack()->redo();
    doc.undoStack()->redo();
    EXPECT_EQ(doc.noteCount(), 1u);
    EXPECT_TRUE(doc.contains({0, note(62, 240)}));
}

TEST(SongDocument, NotesStaySortedAndDuplicatesAreSafe) {
    SongDocument doc;
    doc.undoStack()->push(
        new AddNotesCommand(&doc, {{0, note(60, 960)}, {0, note(60, 0)}, {0, note(60, 0)}}));
    const auto& notes = doc.song().tracks[0].notes;
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_TRUE(std::is_sorted(notes.begin(), notes.end(), noteLess));
    doc.undoStack()->push(new RemoveNotesCommand(&doc, {{0, note(60, 0)}}));
    EXPECT_EQ(doc.noteCount(), 2u) << "one of the two equal notes goes";
    doc.undoStack()->undo();
    EXPECT_EQ(doc.noteCount(), 3u);
}

TEST(SongDocument, TimeSignatureChangesWithUndo) {
    SongDocument doc;
    QSignalSpy changed(&doc, &SongDocument::meterChanged);
    const std::int64_t fourFour = doc.ticksPerBar();
    doc.undoStack()->push(new SetTimeSignatureCommand(&doc, 6, 8));
    EXPECT_EQ(doc.timeSignature().numerator, 6);
    EXPECT_EQ(doc.timeSignature().denominator, 8);
    EXPECT_EQ(doc.ticksPerBar(), fourFour * 3 / 4);
    EXPECT_TRUE(doc.isModified());
    doc.undoStack()->undo();
    EXPECT_EQ(doc.timeSignature().numerator, 4);
    EXPECT_EQ(doc.ticksPerBar(), fourFour);
    EXPECT_EQ(changed.count(), 2);
}

TEST(SongDocument, InstrumentIsEveryTracksProgramWithUndo) {
    SongDocument doc;
    Song song;
    song.tracks.resize(2);
    song.tracks[0].program = 0;
    song.tracks[1].program = 40;
    song.tracks[0].notes.push_back(Note{60, 0, 480, 90, 0});
    song.tracks[1].notes.push_back(Note{64, 0, 480, 90, 1});
    doc.reset(song, QString());
    doc.undoStack()->push(new SetProgramCommand(&doc, 73));  // Flute
    EXPECT_EQ(doc.program(), 73);
    EXPECT_EQ(doc.song().tracks[1].program, 73);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.song().tracks[0].program, 0);
    EXPECT_EQ(doc.song().tracks[1].program, 40);
}

TEST(SongDocument, TempoChangesMergeIntoOneUndoStep) {
    SongDocument doc;
    doc.undoStack()->push(new SetTempoCommand(&doc, 600000));
    doc.undoStack()->push(new SetTempoCommand(&doc, 400000));
    EXPECT_EQ(doc.microsPerQuarter(), 400000);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.microsPerQuarter(), 500000);
}

TEST(SongDocument, ResetClearsHistoryAndCanMarkRecoveredWorkModified) {
    SongDocument doc;
    doc.undoStack()->push(new AddNotesCommand(&doc, {{0, note(60, 0)}}));
    Song song = SongDocument::emptySong();
    song.tracks[0].notes.push_back(note(70, 0));
    doc.reset(song, "/tmp/x.mid", true);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.displayName(), "x.mid");
    doc.markSaved();
    EXPECT_FALSE(doc.isModified());
}

TEST(SongDocument, NotesInRangeFindsSoundingNotes) {
    SongDocument doc;
    doc.undoStack()->push(
        new AddNotesCommand(&doc, {{0, note(60, 0, 1000)}, {0, note(62, 500)}, {0, note(64, 2000)}}));
    EXPECT_EQ(doc.notesInRange(900, 1000).size(), 1u);
    EXPECT_EQ(doc.notesInRange(0, 2000).size(), 2u);
    EXPECT_EQ(doc.notesInRange(0, 2001).size(), 3u);
}

TEST(NoteClipboard, RoundTripsAndRescalesResolution) {
    const NoteRefs notes{{0, note(60, 960, 240, 80)}, {1, note(67, 1440, 480, 90)}};
    const QByteArray data = NoteClipboard::encode(notes, 480);
    const NoteRefs back = NoteClipboard::decode(data, 960);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].note.start, 0);
    EXPECT_EQ(back[0].note.length, 480);
    EXPECT_EQ(back[1].note.start, 960);
    EXPECT_EQ(back[1].track, 1);
    EXPECT_EQ(back[1].note.velocity, 90);
}

TEST(NoteClipboard, RejectsForeignOrDamagedData) {
    EXPECT_TRUE(NoteClipboard::decode("hello world", 480).empty());
    EXPECT_TRUE(NoteClipboard::decode("biaxial-notes 1 0\n0 60 0 10 100 0\n", 480).empty());
    const NoteRefs some =
        NoteClipboard::decode("biaxial-notes 1 480\n0 200 0 10 100 0\n0 60 0 10 300 0\n", 480);
    ASSERT_EQ(some.size(), 1u) << "pitch 200 is dropped";
    EXPECT_EQ(some[0].note.velocity, 127) << "velocity is clamped";
}

}  // namespace
}  // namespace biaxial
