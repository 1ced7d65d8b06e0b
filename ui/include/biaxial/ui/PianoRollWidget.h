#pragma once

#include <QAbstractScrollArea>
#include <QPoint>
#include <QRect>
#include <array>
#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/engine/NoteExtent.h"
#include "biaxial/ui/NoteRef.h"
#include "biaxial/ui/RollGeometry.h"
#include "biaxial/ui/RollPalette.h"

namespace biaxial {

class SongDocument;
class PianoKeyboard;
class RollMouseTool;
class TimeRuler;
class VelocityLane;

// The piano roll: a keyboard at the left, a bar/beat ruler on top, a velocity lane below
// and the note canvas (the scroll area's viewport). Only the visible part is painted, and
// notes are found by binary search on their sorted starts, so songs of many thousands of
// notes stay smooth. Edits become undo commands on the document's stack. GUI thread only.
//
// Mouse: in Draw mode a click on an empty cell draws a note (drag to set its length); in
// Select mode (or with Shift) a drag on empty space draws a rubber band. Dragging a note
// moves the selection; dragging its right edge resizes; Ctrl+click toggles selection;
// right-click deletes a note; Alt disables snapping while dragging. Wheel scrolls
// (Shift: horizontally), Ctrl+wheel zooms time, Ctrl+Shift+wheel zooms pitch.
// Keys: arrows transpose / move (Shift: octave / bar), Delete removes, Ctrl+A selects all.
class PianoRollWidget : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class EditMode { Draw, Select };

    explicit PianoRollWidget(SongDocument* document, QWidget* parent = nullptr);
    ~PianoRollWidget() override;

    SongDocument* document() const { return document_; }
    const RollGeometry& geometry() const { return geometry_; }
    const RollPalette& rollPalette() const { return palette_; }

    // --- snap and edit mode ---
    // Grid division per whole note: 4 = quarters, 8, 16 (default), 32; 0 turns snapping off.
    void setSnapDivision(int division);
    int snapDivision() const { return snapDivision_; }
    // The snap step in ticks (1 when snapping is off).
    std::int64_t snapTicks() const;
    void setEditMode(EditMode mode);
    EditMode editMode() const { return editMode_; }

    // --- zoom and scrolling ---
    void setPixelsPerQuarter(double pixels);  // clamped to 4..800
    void setKeyHeight(int pixels);            // clamped to 4..40
    void zoomTime(double factor, int anchorX = -1);
    void zoomPitch(double factor);
    void scrollToTick(std::int64_t tick);
    // Zooms and scrolls so that the ticks [start, end) fill the view's width (a little margin
    // each side) and centres the rows on the notes there. Nothing happens for an empty range.
    void zoomToFit(std::int64_t start, std::int64_t end);
    void zoomToSong();
    void zoomToSelection();
    void centerOnPitch(int pitch);
    // Scrolls so that the song's notes fill the view vertically (after Open).
    void scrollToNotes();

    // --- playhead and loop ---
    void setPlayheadTick(std::int64_t tick);
    std::int64_t playheadTick() const { return playhead_; }
    // When on, the view pages along with the playhead while the transport plays.
    void setFollowPlayhead(bool follow) { followPlayhead_ = follow; }
    // Told by the main window: paging follows playback only, never a seek or a paste.
    void setPlaying(bool playing);
    // The pitches sounding under the playhead while playing (the keyboard lights them).
    const std::bitset<128>& soundingKeys() const { return soundingKeys_; }
    void setLoopRange(std::int64_t start, std::int64_t end);  // end <= start clears it
    std::int64_t loopStart() const { return loopStart_; }
    // Where the next Continue starts (a flag on the ruler, so that a stale selection cannot make
    // it start inside the seed unnoticed); -1 hides it.
    void setContinueMarker(std::int64_t tick);
    std::int64_t continueMarker() const { return continueMarker_; }
    std::int64_t loopEnd() const { return loopEnd_; }
    bool hasLoopRange() const { return loopEnd_ > loopStart_; }

    // --- overlays for Continue (ML-UI) ---
    // A read-only layer drawn translucent over the song: the variation being auditioned.
    void setGhostNotes(std::vector<Note> notes);
    void clearGhostNotes();
    const std::vector<Note>& ghostNotes() const { return ghostNotes_; }
    // Rows whose pitch class is in the mask are tinted (the key/scale chooser).
    void setScaleHighlight(const std::array<bool, 12>& pitchClasses);
    void clearScaleHighlight();

    // --- editing (each is one undo step) ---
    void selectAll();
    void deleteSelection();
    void copySelection();
    void cutSelection();
    // Pastes the clipboard at the playhead (snapped), into the notes' own tracks.
    void paste();
    void transposeSelection(int semitones);
    void moveSelection(std::int64_t ticks);
    // Snaps starts and ends of the selected notes to the grid (or to sixteenths when snap is off).
    void quantizeSelection();
    // Locks the selected notes (or unlocks them when all are locked), one undo step.
    void toggleSelectionLock();
    // While a regenerated region is auditioned: the notes it would replace are drawn faint
    // (RegionEdit::replaces), so that the ghost notes can be read. An empty range shows all.
    void setReplacedRange(std::int64_t start, std::int64_t end);
    void changeSelectionVelocity(int delta);
    void setSelectionVelocity(int velocity);

    // Notes that hold a viewport point (topmost last). Public for the velocity lane and tests.
    NoteRefs notesAt(const QPoint& viewportPos) const;
    // Visible notes overlapping ticks [from, to): binary search per track.
    void forEachNoteIn(std::int64_t from, std::int64_t to,
                       const std::function<void(const NoteRef&)>& f) const;
    // The on-screen rectangle of a note, in viewport coordinates.
    QRect noteRect(const Note& note) const;

    // "C4" for 60, "F#5" for 78.
    static QString pitchName(int pitch);

    // Length of the next note drawn (ticks); follows the last drawn or resized note.
    std::int64_t drawLength() const { return drawLength_; }

signals:
    // A key or a note was pressed: play it until auditionStopped().
    void auditionRequested(int pitch, int velocity);
    void auditionStopped();
    // The user clicked the ruler: move the transport there.
    void playheadMoveRequested(std::int64_t tick);
    void loopRangeChanged(std::int64_t start, std::int64_t end);
    void zoomChanged();
    void editModeChanged(PianoRollWidget::EditMode mode);
    // A short message for the status bar ("12 notes selected").
    void statusMessage(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    friend class PianoKeyboard;
    friend class RollMouseTool;
    friend class TimeRuler;
    friend class VelocityLane;

    void onNotesChanged();
    void onSongReset();
    void updateScrollBars();
    void layoutChildren();
    void updateAll();
    std::int64_t maxNoteLength(int track) const;
    // Pushes the edit of the selection as one undo step; false when it changes nothing.
    bool pushEdit(const NoteRefs& before, const NoteRefs& after, const QString& text);
    std::int64_t contentWidthTicks() const;

    void paintGrid(QPainter& p, const QRect& area, std::int64_t t0, std::int64_t t1);
    void paintNotes(QPainter& p, std::int64_t t0, std::int64_t t1);

    SongDocument* document_;
    PianoKeyboard* keyboard_;
    TimeRuler* ruler_;
    VelocityLane* velocityLane_;
    RollGeometry geometry_;
    RollPalette palette_;

    int snapDivision_ = 16;
    EditMode editMode_ = EditMode::Draw;
    std::int64_t drawLength_ = 0;  // 0 until the song's resolution is known
    std::int64_t playhead_ = 0;
    bool followPlayhead_ = true;
    bool playing_ = false;
    std::bitset<128> soundingKeys_;
    std::int64_t loopStart_ = 0;
    std::int64_t loopEnd_ = 0;
    std::vector<Note> ghostNotes_;
    std::int64_t replacedStart_ = 0, replacedEnd_ = 0;
    std::int64_t continueMarker_ = -1;
    NoteExtent ghostExtent_;
    std::array<bool, 12> scaleMask_{};
    bool scaleOn_ = false;
    bool centreOnShow_ = true;

    // Per-track longest note, cached by document revision (for the visible-range search).
    mutable std::vector<std::int64_t> maxLengths_;
    mutable std::uint64_t maxLengthsRevision_ = ~0ull;

    // The mouse gestures on the canvas and the drag in progress.
    std::unique_ptr<RollMouseTool> mouse_;
};

}  // namespace biaxial
