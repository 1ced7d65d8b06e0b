#include "biaxial/ui/RollMouseTool.h"

#include <QFileInfo>

#include "biaxial/ui/MidiDragOut.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <algorithm>

#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/ModifyNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/SelectionEdits.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/VelocityLane.h"

namespace biaxial {

namespace {
constexpr int kResizeGrip = 6;     // pixels at a note's right edge that resize it
constexpr int kDragThreshold = 3;  // pixels before a press becomes a rubber band
}  // namespace

RollMouseTool::RollMouseTool(PianoRollWidget* roll) : roll_(roll) {
    autoScroll_.setInterval(30);
    QObject::connect(&autoScroll_, &QTimer::timeout, roll_, [this] { autoScrollStep(); });
}

bool RollMouseTool::onResizeGrip(const QPoint& pos, const Note& note) const {
    const QRect r = roll_->noteRect(note);
    return pos.x() >= r.right() - kResizeGrip && r.width() >= 2 * kResizeGrip;
}

void RollMouseTool::updateCursor(const QPoint& pos) {
    const NoteRefs hits = roll_->notesAt(pos);
    Qt::CursorShape shape =
        roll_->editMode() == PianoRollWidget::EditMode::Draw ? Qt::CrossCursor : Qt::ArrowCursor;
    if (!hits.empty()) {
        const Note& n = hits.back().note;
        if (!(n == hoverNote_)) {
            hoverNote_ = n;
            const SongDocument* document = roll_->document();
            const std::int64_t bar = document->ticksPerBar();
            const std::int64_t beat = document->ticksPerBeat();
            emit roll_->statusMessage(PianoRollWidget::tr("%1  velocity %2  bar %3.%4  length %5 beats")
                                          .arg(PianoRollWidget::pitchName(n.pitch))
                                          .arg(n.velocity)
                                          .arg(n.start / bar + 1)
                                          .arg((n.start % bar) / beat + 1)
                                          .arg(static_cast<double>(n.length) / beat, 0, 'g', 3));
        }
        shape = onResizeGrip(pos, hits.back().note) ? Qt::SizeHorCursor : Qt::SizeAllCursor;
    }
    roll_->viewport()->setCursor(shape);
}

void RollMouseTool::press(QMouseEvent* event) {
    roll_->setFocus(Qt::MouseFocusReason);
    SongDocument* document = roll_->document();
    const RollGeometry& geometry = roll_->geometry();
    const QPoint pos = event->position().toPoint();
    const NoteRefs hits = roll_->notesAt(pos);
    const Qt::KeyboardModifiers mods = event->modifiers();

    if (event->button() == Qt::RightButton) {
        if (!hits.empty())
            document->undoStack()->push(new RemoveNotesCommand(document, {hits.back()}));
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;

    pressContent_ = pos + QPoint(geometry.scrollX, geometry.scrollY);
    pressModifiers_ = mods;
    dragTicks_ = 0;
    dragPitch_ = 0;
    if (!hits.empty()) {
        const NoteRef hit = hits.back();
        if ((mods & Qt::ControlModifier) && (mods & Qt::AltModifier)) {
            // Out of the window as a MIDI file: the selection from a selected note, else the song.
            std::vector<Note> notes;
            if (document->isSelected(hit))
                notes = notesOf(NoteRefs(document->selection().begin(), document->selection().end()));
            else
                for (const Track& t : document->song().tracks)
                    notes.insert(notes.end(), t.notes.begin(), t.notes.end());
            const QString name = QFileInfo(document->displayName()).completeBaseName() +
                                 (document->isSelected(hit) ? QStringLiteral(" (selection)") : QString());
            drag_ = Drag::None;
            MidiDragOut::start(roll_, document->song(), notes, name);
            return;
        }
        if (mods & Qt::ControlModifier) {
            if (document->isSelected(hit))
                document->removeFromSelection({hit});
            else
                document->addToSelection({hit});
            drag_ = Drag::None;
            return;
        }
        if (!document->isSelected(hit)) {
            if (mods & Qt::ShiftModifier)
                document->addToSelection({hit});
            else
                document->setSelection({hit});
        }
        pressNote_ = hit;
        drag_ = onResizeGrip(pos, hit.note) ? Drag::Resize : Drag::Move;
        lastAuditionPitch_ = hit.note.pitch;
        emit roll_->auditionRequested(hit.note.pitch, hit.note.velocity);
        return;
    }

    if (roll_->editMode() == PianoRollWidget::EditMode::Select ||
        (mods & (Qt::ShiftModifier | Qt::ControlModifier))) {
        drag_ = Drag::RubberBand;
        rubberAdd_ = (mods & (Qt::ShiftModifier | Qt::ControlModifier)) != 0;
        rubberBand_ = QRect();
        if (!rubberAdd_)
            document->clearSelection();
        return;
    }

    drag_ = Drag::Create;
    document->clearSelection();
    const std::int64_t snap = (mods & Qt::AltModifier) ? 1 : roll_->snapTicks();
    creating_ = Note{};
    creating_.pitch = geometry.pitchAtY(pos.y());
    creating_.start = std::max<std::int64_t>(0, RollGeometry::snapFloor(geometry.tickAtX(pos.x()), snap));
    creating_.length = std::max<std::int64_t>(snap, roll_->drawLength_);
    creating_.velocity = 100;
    lastAuditionPitch_ = creating_.pitch;
    emit roll_->auditionRequested(creating_.pitch, creating_.velocity);
    roll_->viewport()->update();
}

void RollMouseTool::move(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::None || !(event->buttons() & Qt::LeftButton)) {
        if (drag_ == Drag::None)
            updateCursor(pos);
        return;
    }
    dragTo(pos, event->modifiers());
    // Outside the canvas the view scrolls towards the mouse while the drag goes on.
    lastDragPos_ = pos;
    lastDragModifiers_ = event->modifiers();
    if (!roll_->viewport()->rect().contains(pos)) {
        if (!autoScroll_.isActive())
            autoScroll_.start();
    } else {
        autoScroll_.stop();
    }
}

void RollMouseTool::release(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        finish(true);
}

void RollMouseTool::autoScrollStep() {
    if (drag_ == Drag::None) {
        autoScroll_.stop();
        return;
    }
    const QRect r = roll_->viewport()->rect();
    const QPoint p = lastDragPos_;
    const int dx = p.x() < r.left() ? p.x() - r.left() : p.x() > r.right() ? p.x() - r.right() : 0;
    const int dy = p.y() < r.top() ? p.y() - r.top() : p.y() > r.bottom() ? p.y() - r.bottom() : 0;
    QScrollBar* h = roll_->horizontalScrollBar();
    QScrollBar* v = roll_->verticalScrollBar();
    h->setValue(h->value() + std::clamp(dx, -40, 40));
    v->setValue(v->value() + std::clamp(dy, -40, 40));
    dragTo(p, lastDragModifiers_);
}

void RollMouseTool::dragTo(const QPoint& pos, Qt::KeyboardModifiers modifiers) {
    const RollGeometry& geometry = roll_->geometry();
    const QPoint pressPos = pressContent_ - QPoint(geometry.scrollX, geometry.scrollY);
    const bool noSnap = modifiers & Qt::AltModifier;
    const std::int64_t snap = noSnap ? 1 : roll_->snapTicks();
    const std::int64_t rawDelta = geometry.tickAtX(pos.x()) - geometry.tickAtX(pressPos.x());
    // What moves or resizes: the selection, which holds the pressed note.
    NoteExtent moving;
    if (drag_ == Drag::Move || drag_ == Drag::Resize) {
        moving = extentOf(roll_->document()->selection());
        moving.add(pressNote_.note);
    }

    switch (drag_) {
        case Drag::Create: {
            const std::int64_t end = RollGeometry::snapRound(geometry.tickAtX(pos.x()), snap);
            creating_.length = std::max<std::int64_t>(snap, end - creating_.start);
            if (pos.x() - pressPos.x() < kDragThreshold)
                creating_.length = std::max<std::int64_t>(snap, roll_->drawLength_);
            break;
        }
        case Drag::Move: {
            const std::int64_t newStart = RollGeometry::snapRound(pressNote_.note.start + rawDelta, snap);
            const std::int64_t ticks = SelectionEdits::clampMove(moving, newStart - pressNote_.note.start);
            const int pitch = SelectionEdits::clampTranspose(
                moving, geometry.pitchAtY(pos.y()) - geometry.pitchAtY(pressPos.y()));
            if (pitch != dragPitch_) {
                const int audition = pressNote_.note.pitch + pitch;
                if (audition != lastAuditionPitch_) {
                    emit roll_->auditionStopped();
                    emit roll_->auditionRequested(audition, pressNote_.note.velocity);
                    lastAuditionPitch_ = audition;
                }
            }
            dragTicks_ = ticks;
            dragPitch_ = pitch;
            break;
        }
        case Drag::Resize: {
            const std::int64_t newEnd = RollGeometry::snapRound(pressNote_.note.end() + rawDelta, snap);
            dragTicks_ = SelectionEdits::clampResize(moving, newEnd - pressNote_.note.end(), snap);
            break;
        }
        case Drag::RubberBand:
            if ((pos - pressPos).manhattanLength() >= kDragThreshold)
                rubberBand_ = QRect(pressPos, pos).normalized();
            break;
        case Drag::None:
            break;
    }
    roll_->viewport()->update();
    roll_->velocityLane_->update();
}

Note RollMouseTool::dragged(const Note& n) const {
    switch (drag_) {
        case Drag::Move:
            return n.withStart(n.start + dragTicks_).withPitch(n.pitch + dragPitch_);
        case Drag::Resize:
            return n.withLength(n.length + dragTicks_);
        default:
            return n;
    }
}

NoteRefs RollMouseTool::draggedSelection() const {
    NoteRefs refs = roll_->document()->selectedNotes();
    for (NoteRef& r : refs)
        r.note = dragged(r.note);
    return refs;
}

void RollMouseTool::reset() {
    drag_ = Drag::None;
}

void RollMouseTool::finish(bool commit) {
    autoScroll_.stop();
    SongDocument* document = roll_->document();
    const Drag drag = drag_;
    drag_ = Drag::None;
    if (commit) {
        switch (drag) {
            case Drag::Create:
                roll_->drawLength_ = creating_.length;
                document->undoStack()->push(new AddNotesCommand(
                    document, {NoteRef{document->editTrack(), creating_}}, PianoRollWidget::tr("Draw note")));
                break;
            case Drag::Move:
            case Drag::Resize:
                if (drag == Drag::Move && dragTicks_ == 0 && dragPitch_ == 0 &&
                    pressModifiers_ == Qt::NoModifier && document->selection().size() > 1) {
                    // A plain click (no drag) on a note of a larger selection selects just it.
                    document->setSelection({pressNote_});
                } else if (dragTicks_ != 0 || dragPitch_ != 0) {
                    drag_ = drag;  // dragged() reads the drag kind
                    NoteRefs after = draggedSelection();
                    drag_ = Drag::None;
                    if (drag == Drag::Resize)
                        roll_->drawLength_ = pressNote_.note.length + dragTicks_;
                    document->undoStack()->push(
                        new ModifyNotesCommand(document, document->selectedNotes(), after,
                                               drag == Drag::Resize ? PianoRollWidget::tr("Resize notes")
                                                                    : PianoRollWidget::tr("Move notes")));
                }
                break;
            case Drag::RubberBand:
                if (!rubberBand_.isNull()) {
                    const RollGeometry& geometry = roll_->geometry();
                    const std::int64_t from = geometry.tickAtX(rubberBand_.left());
                    const std::int64_t to = geometry.tickAtX(rubberBand_.right()) + 1;
                    const int hiPitch = geometry.pitchAtY(rubberBand_.top());
                    const int loPitch = geometry.pitchAtY(rubberBand_.bottom());
                    NoteRefs inside;
                    roll_->forEachNoteIn(from, to, [&](const NoteRef& r) {
                        if (r.note.pitch >= loPitch && r.note.pitch <= hiPitch)
                            inside.push_back(r);
                    });
                    if (rubberAdd_)
                        document->addToSelection(inside);
                    else
                        document->setSelection(inside);
                }
                break;
            case Drag::None:
                break;
        }
    }
    dragTicks_ = 0;
    dragPitch_ = 0;
    rubberBand_ = QRect();
    if (lastAuditionPitch_ >= 0)
        emit roll_->auditionStopped();
    lastAuditionPitch_ = -1;
    roll_->updateAll();
}

}  // namespace biaxial
