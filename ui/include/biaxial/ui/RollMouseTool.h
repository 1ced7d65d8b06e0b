#pragma once

#include <QPoint>
#include <QRect>
#include <QTimer>
#include <cstdint>

#include "biaxial/engine/Note.h"
#include "biaxial/ui/NoteRef.h"

class QMouseEvent;

namespace biaxial {

class PianoRollWidget;

// The mouse on the piano roll's note canvas: draw a note (drag to set its length), move or
// resize the selection, Ctrl+click to toggle, rubber-band selection, right-click to delete,
// Alt for no snap; while a drag is outside the canvas the view scrolls towards the mouse.
// Also the hover cursor and the status line about the note under the mouse. Part of the
// PianoRollWidget (which owns it, forwards its mouse events and paints the drag preview this
// class describes), kept apart so that the widget holds the view and this the gestures.
// GUI thread.
class RollMouseTool {
public:
    explicit RollMouseTool(PianoRollWidget* roll);

    void press(QMouseEvent* event);
    void move(QMouseEvent* event);
    void release(QMouseEvent* event);
    // Ends the drag in progress: `commit` makes it an undo step, else it is dropped (Escape).
    void finish(bool commit);
    // Forgets a drag without committing it (the song was replaced).
    void reset();
    bool isDragging() const { return drag_ != Drag::None; }

    // --- what the canvas paints while a drag goes on ---
    // True while the selection is being moved or resized: draw draggedSelection() instead.
    bool showsDraggedSelection() const { return drag_ == Drag::Move || drag_ == Drag::Resize; }
    NoteRefs draggedSelection() const;
    // The note being drawn, or null.
    const Note* creatingNote() const { return drag_ == Drag::Create ? &creating_ : nullptr; }
    // The rubber band in viewport coordinates; null when none is drawn.
    QRect rubberBand() const { return drag_ == Drag::RubberBand ? rubberBand_ : QRect(); }

private:
    enum class Drag { None, Create, Move, Resize, RubberBand };

    void updateCursor(const QPoint& pos);
    void dragTo(const QPoint& pos, Qt::KeyboardModifiers modifiers);
    void autoScrollStep();
    // Applies the current drag's offset to a note (preview and commit share it).
    Note dragged(const Note& n) const;
    bool onResizeGrip(const QPoint& pos, const Note& note) const;

    PianoRollWidget* roll_;
    Drag drag_ = Drag::None;
    QPoint pressContent_;  // the press in content pixels, so that scrolling keeps it
    QPoint lastDragPos_;
    Qt::KeyboardModifiers lastDragModifiers_;
    QTimer autoScroll_;
    Note hoverNote_{-1, -1, 0, 0, 0};
    Qt::KeyboardModifiers pressModifiers_;
    NoteRef pressNote_;           // the note under the mouse at the press
    std::int64_t dragTicks_ = 0;  // time offset of a move, length change of a resize
    int dragPitch_ = 0;           // pitch offset of a move
    Note creating_;               // the note being drawn
    QRect rubberBand_;
    bool rubberAdd_ = false;  // Ctrl/Shift rubber band adds to the selection
    int lastAuditionPitch_ = -1;
};

}  // namespace biaxial
