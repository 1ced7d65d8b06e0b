#include "biaxial/ui/VelocityLane.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <set>

#include "biaxial/ui/ModifyNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

namespace {
constexpr int kPad = 6;  // pixels above the tallest stem
}

VelocityLane::VelocityLane(PianoRollWidget* roll) : QWidget(roll), roll_(roll) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Drag a stem to change the velocity of its notes (or of the selection)"));
}

int VelocityLane::inset() const {
    return roll_->viewport()->geometry().left() - geometry().left();
}

int VelocityLane::velocityAtY(double y) const {
    const double h = height() - kPad;
    return std::clamp(static_cast<int>(std::lround((height() - y) / h * 127.0)), 1, 127);
}

NoteRefs VelocityLane::notesNear(double x) const {
    const RollGeometry& g = roll_->geometry();
    const double vx = x - inset();
    const std::int64_t slack = static_cast<std::int64_t>(std::ceil(5 / g.pixelsPerTick()));
    const std::int64_t tick = g.tickAtX(vx);
    NoteRefs near;
    double best = 1e9;
    roll_->forEachNoteIn(tick - slack, tick + slack + 1, [&](const NoteRef& r) {
        const double d = std::abs(g.xOfTick(r.note.start) - vx);
        if (d > 5)
            return;
        if (d < best - 0.5) {
            best = d;
            near.clear();
        }
        if (d <= best + 0.5)
            near.push_back(r);
    });
    return near;
}

void VelocityLane::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const RollGeometry& g = roll_->geometry();
    const RollPalette& pal = roll_->rollPalette();
    const SongDocument* doc = roll_->document();
    p.fillRect(rect(), pal.laneBackground);
    const int left = inset();
    p.setPen(pal.rulerText);
    QFont font = p.font();
    font.setPointSizeF(8);
    p.setFont(font);
    p.drawText(QRect(0, 0, left - 4, height()), Qt::AlignRight | Qt::AlignVCenter, tr("Velocity"));
    p.setPen(pal.barLine);
    p.drawLine(0, 0, width(), 0);

    p.setClipRect(QRect(left, 1, width() - left, height() - 1));
    p.setPen(pal.beatLine);
    const int mid = height() - (height() - kPad) / 2;
    p.drawLine(left, mid, width(), mid);

    const std::set<NoteRef> editing(editing_.begin(), editing_.end());
    const std::int64_t t0 = g.tickAtX(0);
    const std::int64_t t1 = g.tickAtX(width() - left) + 1;
    const double h = height() - kPad;
    roll_->forEachNoteIn(t0, t1, [&](const NoteRef& r) {
        if (r.note.start < t0)
            return;  // a stem only where the note starts
        const bool selected = doc->isSelected(r);
        const int velocity = (velocity_ >= 0 && editing.count(r)) ? velocity_ : r.note.velocity;
        const int x = left + static_cast<int>(std::floor(g.xOfTick(r.note.start)));
        const int stem = static_cast<int>(std::lround(velocity / 127.0 * h));
        const QColor c = pal.noteFill(velocity, r.track, selected);
        p.fillRect(QRect(x, height() - stem, 2, stem), c);
        p.fillRect(QRect(x - 2, height() - stem - 2, 6, 4), c);
        // The value beside the stem of a selected or dragged note (the number a musician types
        // with Edit > Notes > Set Velocity), where it does not collide with the next beat.
        if ((selected || editing.count(r)) && g.pixelsPerTick() * doc->ticksPerBeat() / 4 >= 18) {
            p.setPen(pal.rulerText);
            p.drawText(QRect(x + 4, std::max(1, height() - stem - 14), 28, 12),
                       Qt::AlignLeft | Qt::AlignVCenter, QString::number(velocity));
        }
    });
}

void VelocityLane::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || event->position().x() < inset())
        return;
    NoteRefs near = notesNear(event->position().x());
    if (near.empty())
        return;
    SongDocument* doc = roll_->document();
    const bool anySelected =
        std::any_of(near.begin(), near.end(), [&](const NoteRef& r) { return doc->isSelected(r); });
    editing_ = anySelected ? doc->selectedNotes() : near;
    velocity_ = velocityAtY(event->position().y());
    update();
}

void VelocityLane::mouseMoveEvent(QMouseEvent* event) {
    if (editing_.empty()) {
        setCursor(notesNear(event->position().x()).empty() ? Qt::ArrowCursor : Qt::SizeVerCursor);
        return;
    }
    velocity_ = velocityAtY(event->position().y());
    update();
}

void VelocityLane::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || editing_.empty())
        return;
    NoteRefs after = editing_;
    for (NoteRef& r : after)
        r.note = r.note.withVelocity(velocity_);
    SongDocument* doc = roll_->document();
    if (after != editing_)
        doc->undoStack()->push(new ModifyNotesCommand(doc, editing_, after, tr("Change velocity")));
    editing_.clear();
    velocity_ = -1;
    update();
}

}  // namespace biaxial
