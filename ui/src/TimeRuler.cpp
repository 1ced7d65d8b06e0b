#include "biaxial/ui/TimeRuler.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

TimeRuler::TimeRuler(PianoRollWidget* roll) : QWidget(roll), roll_(roll) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Click to move the playhead; drag to set the loop; right-click to clear the loop"));
}

int TimeRuler::inset() const {
    return roll_->viewport()->geometry().left() - geometry().left();
}

std::int64_t TimeRuler::tickAt(double x) const {
    return roll_->geometry().tickAtX(x - inset());
}

void TimeRuler::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const RollGeometry& g = roll_->geometry();
    const RollPalette& pal = roll_->rollPalette();
    const SongDocument* doc = roll_->document();
    p.fillRect(rect(), pal.rulerBackground);
    const int left = inset();

    // The corner above the keyboard shows the meter and tempo.
    p.setPen(pal.rulerText);
    const TimeSignature sig = doc->timeSignature();
    p.drawText(QRect(0, 0, left, height()), Qt::AlignCenter,
               QStringLiteral("%1/%2").arg(sig.numerator).arg(sig.denominator));

    p.setClipRect(QRect(left, 0, width() - left, height()));
    const std::int64_t bar = doc->ticksPerBar();
    const std::int64_t beat = doc->ticksPerBeat();
    const std::int64_t t0 = std::max<std::int64_t>(0, g.tickAtX(0));
    const std::int64_t t1 = g.tickAtX(width() - left) + 1;

    if (roll_->hasLoopRange()) {
        const double x0 = left + g.xOfTick(roll_->loopStart());
        const double x1 = left + g.xOfTick(roll_->loopEnd());
        QColor fill = pal.note;
        fill.setAlpha(90);
        p.fillRect(QRectF(x0, 0, x1 - x0, height() / 2.0), fill);
    }

    // Label every bar, or every 2nd, 4th ... bar when zoomed out, so labels never collide.
    int labelEvery = 1;
    while (bar * labelEvery * g.pixelsPerTick() < 36)
        labelEvery *= 2;
    const bool drawBeats = beat * g.pixelsPerTick() >= 8;
    QFont font = p.font();
    font.setPointSizeF(8);
    p.setFont(font);
    for (std::int64_t t = RollGeometry::snapFloor(t0, beat); t <= t1; t += beat) {
        const int x = left + static_cast<int>(std::floor(g.xOfTick(t)));
        if (t % bar == 0) {
            const std::int64_t index = t / bar;
            p.setPen(pal.rulerText);
            if (index % labelEvery == 0) {
                p.drawLine(x, height() / 3, x, height());
                p.drawText(QRect(x + 3, 0, 60, height() - 2), Qt::AlignLeft | Qt::AlignVCenter,
                           QString::number(index + 1));
            } else {
                p.drawLine(x, height() * 2 / 3, x, height());
            }
        } else if (drawBeats) {
            p.setPen(pal.barLine);
            p.drawLine(x, height() * 3 / 4, x, height());
        }
    }

    // Where Continue starts: a flag with a "C" on the upper half of the ruler.
    if (roll_->continueMarker() >= 0) {
        const double cx = left + g.xOfTick(roll_->continueMarker());
        p.setPen(QPen(pal.playhead, 2));
        p.drawLine(QPointF(cx, 0), QPointF(cx, height()));
        const QRectF flag(cx, 0, 12, height() / 2.0);
        p.fillRect(flag, pal.playhead);
        p.setPen(pal.rulerBackground);
        p.drawText(flag, Qt::AlignCenter, QStringLiteral("C"));
    }

    // The playhead: a small triangle pointing down at the canvas.
    const double px = left + g.xOfTick(roll_->playheadTick());
    QPainterPath marker;
    marker.moveTo(px - 6, height() - 10);
    marker.lineTo(px + 6, height() - 10);
    marker.lineTo(px, height());
    marker.closeSubpath();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillPath(marker, pal.playhead);
    p.setClipping(false);
    p.setPen(pal.barLine);
    p.drawLine(0, height() - 1, width(), height() - 1);
}

void TimeRuler::mousePressEvent(QMouseEvent* event) {
    if (event->position().x() < inset())
        return;
    if (event->button() == Qt::RightButton) {
        roll_->setLoopRange(0, 0);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    pressed_ = true;
    dragging_ = false;
    pressX_ = event->position().x();
}

void TimeRuler::mouseMoveEvent(QMouseEvent* event) {
    if (!pressed_)
        return;
    if (std::abs(event->position().x() - pressX_) >= 4)
        dragging_ = true;
    if (!dragging_)
        return;
    const std::int64_t snap = roll_->snapTicks() > 1 ? roll_->snapTicks() : roll_->document()->ticksPerBeat();
    std::int64_t a = RollGeometry::snapRound(std::max<std::int64_t>(0, tickAt(pressX_)), snap);
    std::int64_t b = RollGeometry::snapRound(std::max<std::int64_t>(0, tickAt(event->position().x())), snap);
    if (a > b)
        std::swap(a, b);
    roll_->setLoopRange(a, b);
}

void TimeRuler::mouseReleaseEvent(QMouseEvent* event) {
    if (!pressed_ || event->button() != Qt::LeftButton)
        return;
    pressed_ = false;
    if (!dragging_) {
        const std::int64_t tick = std::max<std::int64_t>(0, tickAt(event->position().x()));
        emit roll_->playheadMoveRequested(RollGeometry::snapRound(tick, roll_->snapTicks()));
    }
    dragging_ = false;
}

}  // namespace biaxial
