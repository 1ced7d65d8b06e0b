// MIDI files in and out of the roll: notes dragged out become a file (their first bar as the
// file's first bar, the song's tempo kept); a file dropped on the roll is imported at the beat
// under the drop, one undo step.
#include <gtest/gtest.h>

#include <QMimeData>
#include <QTemporaryDir>
#include <QUrl>

#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/ui/MidiDragOut.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/RollDropImport.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {
namespace {

TEST(DragDrop, NotesDraggedOutBecomeAFileFromTheirFirstBar) {
    Song timing = SongDocument::emptySong();
    timing.tempos[0].microsPerQuarter = 400000;  // 150 BPM
    const std::vector<Note> notes{{60, 1920 * 3 + 480, 240, 90, 0, false}, {64, 1920 * 4, 480, 80, 0, false}};
    QString error;
    std::unique_ptr<QMimeData> data(
        MidiDragOut::mimeData(timing, notes, QStringLiteral("tune (selection)"), &error));
    ASSERT_NE(data, nullptr) << error.toStdString();
    ASSERT_EQ(data->urls().size(), 1);
    const QString path = data->urls().front().toLocalFile();
    EXPECT_TRUE(path.endsWith(QStringLiteral("tune _selection_.mid"))) << path.toStdString();
    auto read = MidiFileReader::readFile(path.toStdString());
    ASSERT_TRUE(read) << read.error().message();
    const Song& song = read.value();
    ASSERT_EQ(song.noteCount(), 2u);
    EXPECT_EQ(song.tracks.back().notes[0].start, 480);  // bar 4 became bar 1
    EXPECT_EQ(song.tracks.back().notes[1].start, 1920);
    EXPECT_EQ(song.tempos.front().microsPerQuarter, 400000);
}

TEST(DragDrop, AFileDroppedOnTheRollIsImportedAtTheBeatUnderTheDrop) {
    QTemporaryDir dir;
    Song file = SongDocument::emptySong();
    file.ticksPerQuarter = 96;  // another resolution: scaled to the document's
    file.tracks[0].notes = {{67, 0, 96, 100, 0, false}, {69, 96, 96, 100, 0, false}};
    const QString path = dir.filePath(QStringLiteral("riff.mid"));
    ASSERT_FALSE(MidiFileWriter::writeFile(file, path.toStdString()).has_value());
    SongDocument doc;
    PianoRollWidget roll(&doc);
    RollDropImport import(&roll);
    EXPECT_EQ(import.importAt(path, 1920 + 700), QString());  // inside bar 2's second beat
    const auto& notes = doc.song().tracks[0].notes;
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].start, 1920 + 480);
    EXPECT_EQ(notes[1].start, 1920 + 960);
    EXPECT_EQ(notes[1].length, 480);
    EXPECT_EQ(doc.selection().size(), 2u);
    doc.undoStack()->undo();  // one step
    EXPECT_EQ(doc.noteCount(), 0u);
    EXPECT_FALSE(import.importAt(dir.filePath(QStringLiteral("missing.mid")), 0).isEmpty());
}

}  // namespace
}  // namespace biaxial
