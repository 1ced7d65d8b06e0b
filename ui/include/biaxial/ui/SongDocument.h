#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <cstdint>
#include <set>

#include "biaxial/engine/Song.h"
#include "biaxial/ui/NoteRef.h"

namespace biaxial {

// The open song as a value, its file path, its modified flag, its undo stack and the
// selection. Every edit goes through an undo command (AddNotesCommand, RemoveNotesCommand,
// ModifyNotesCommand, SetTempoCommand ...) pushed on undoStack(); the commands call the
// low-level mutators below. Owned by the MainWindow; lives on the GUI thread, and every
// method must be called there. Workers get copies of song() by value.
class SongDocument : public QObject {
    Q_OBJECT
public:
    explicit SongDocument(QObject* parent = nullptr);

    // An empty 4/4 song at 120 BPM, 480 ticks per quarter, one piano track.
    static Song emptySong();

    const Song& song() const { return song_; }
    QUndoStack* undoStack() { return &undo_; }
    const QUndoStack* undoStack() const { return &undo_; }

    QString filePath() const { return path_; }
    void setFilePath(const QString& path);
    // The file name, or "Untitled".
    QString displayName() const;
    // Edited since the last reset()/markSaved(), or reset() with modified = true (a recovery).
    bool isModified() const;
    // After a successful save: the undo stack's current state becomes the clean state.
    void markSaved();

    // Replaces the whole song (New, Open, Recover): clears the undo history and selection.
    void reset(Song song, const QString& path, bool modified = false);

    // --- queries ---
    int ticksPerQuarter() const { return song_.ticksPerQuarter; }
    // Tempo at tick 0 in BPM, and in microseconds per quarter.
    double bpm() const;
    int microsPerQuarter() const;
    // The first time signature (the editor shows one meter for the whole song).
    TimeSignature timeSignature() const;
    std::int64_t ticksPerBar() const;
    std::int64_t ticksPerBeat() const;
    // The track that receives new notes: the first track with notes, else track 0.
    int editTrack() const;
    NoteRefs allNotes() const;
    std::size_t noteCount() const { return song_.noteCount(); }
    // Notes sounding in ticks [from, to), in every track.
    NoteRefs notesInRange(std::int64_t from, std::int64_t to) const;
    // Whether the track holds this exact note.
    bool contains(const NoteRef& ref) const;
    // Grows on every change; views use it to invalidate their caches.
    std::uint64_t revision() const { return revision_; }

    // --- selection ---
    const std::set<NoteRef>& selection() const { return selection_; }
    NoteRefs selectedNotes() const;
    bool isSelected(const NoteRef& ref) const { return selection_.count(ref) != 0; }
    bool hasSelection() const { return !selection_.empty(); }
    void setSelection(const NoteRefs& refs);
    void addToSelection(const NoteRefs& refs);
    void removeFromSelection(const NoteRefs& refs);
    void clearSelection();
    void selectAll();

    // --- low-level mutators: for undo commands only, so that every edit is undoable ---
    void insertNotes(const NoteRefs& refs);
    // Removes one equal note per entry; entries not found are ignored.
    void eraseNotes(const NoteRefs& refs);
    void setMicrosPerQuarter(int micros);
    // The song's meter from its start (the first time signature; later changes stay).
    void setTimeSignature(int numerator, int denominator);
    // The song's instrument: the General MIDI program of every track (heard, and saved in the file).
    int program() const;
    // Undo of setProgram(): each track's program as it was (missing entries left alone).
    void restoreTrackPrograms(const std::vector<int>& programs);
    void setProgram(int program);

signals:
    // Notes were added, removed or changed.
    void notesChanged();
    void tempoChanged();
    void meterChanged();
    void programChanged();
    // reset() replaced the whole song.
    void songReset();
    void selectionChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void touch();
    void emitModifiedIfChanged();

    Song song_;
    QString path_;
    QUndoStack undo_;
    std::set<NoteRef> selection_;
    bool forcedModified_ = false;
    bool lastModified_ = false;
    std::uint64_t revision_ = 0;
};

}  // namespace biaxial
