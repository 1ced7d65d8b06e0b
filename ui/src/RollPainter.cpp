#include "biaxial/ui/RollPainter.h"

#include <QPainter>
#include <cmath>

namespace biaxial {

void RollPainter::rows(const QRect& area, const std::array<bool, 12>* scale) {
    const int top = geometry_.pitchAtY(area.top());
    const int bottom = geometry_.pitchAtY(area.bottom());
    for (int pitch = top; pitch >= bottom; --pitch) {
        const QRect row(area.left(), geometry_.yOfPitch(pitch), area.width(), geometry_.keyHeight);
        QColor c = RollGeometry::isBlackKey(pitch) ? palette_.blackRow : palette_.whiteRow;
        if (scale != nullptr && (*scale)[static_cast<std::size_t>(pitch % 12)])
            c = palette_.scaleRow;
        p_.fillRect(row, c);
        if (pitch % 12 == 0 || pitch % 12 == 5) {  // B|C and E|F boundaries
            p_.setPen(palette_.octaveLine);
            p_.drawLine(row.left(), row.bottom(), row.right(), row.bottom());
        }
    }
}

void RollPainter::columns(const QRect& area, std::int64_t t0, std::int64_t t1, std::int64_t step,
                          std::int64_t beat, std::int64_t bar) {
    while (step * geometry_.pixelsPerTick() < 6)
        step *= 2;
    for (std::int64_t t = RollGeometry::snapFloor(t0, step); t <= t1; t += step) {
        const int x = static_cast<int>(std::floor(geometry_.xOfTick(t)));
        if (t % bar == 0)
            p_.setPen(palette_.barLine);
        else if (t % beat == 0)
            p_.setPen(palette_.beatLine);
        else
            p_.setPen(palette_.stepLine);
        p_.drawLine(x, area.top(), x, area.bottom());
    }
}

void RollPainter::note(const QRect& r, int velocity, int track, bool selected, bool locked) {
    const QRect box = r.adjusted(0, 1, -1, -1);
    p_.fillRect(box, palette_.noteFill(velocity, track, selected));
    if (locked) {
        // Thick border and a solid bar at the start: readable at any zoom, in both themes.
        p_.setPen(QPen(selected ? palette_.selectedBorder : palette_.noteBorder, 2));
        p_.drawRect(box.adjusted(1, 1, -1, -1));
        p_.fillRect(QRect(box.left(), box.top(), std::min(4, box.width()), box.height()),
                    selected ? palette_.selectedBorder : palette_.noteBorder);
        return;
    }
    p_.setPen(selected ? palette_.selectedBorder : palette_.noteBorder);
    p_.drawRect(box);
}

void RollPainter::replacedNote(const QRect& r) {
    const QRect box = r.adjusted(0, 1, -1, -1);
    p_.setPen(QPen(palette_.noteBorder, 1, Qt::DotLine));
    p_.drawRect(box);
}

void RollPainter::ghostNote(const QRect& r) {
    const QRect box = r.adjusted(0, 1, -1, -1);
    p_.fillRect(box, palette_.ghostNote);
    p_.setPen(QPen(palette_.ghostBorder, 1, Qt::DashLine));
    p_.drawRect(box);
}

}  // namespace biaxial
