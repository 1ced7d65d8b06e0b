#pragma once

#include <QPoint>
#include <QTest>

#include "biaxial/ui/PianoRollWidget.h"

namespace biaxial::test {

// Drives a PianoRollWidget with real QTest mouse events at musical positions.
class RollDriver {
public:
    explicit RollDriver(PianoRollWidget* roll) : roll_(roll) {}

    // The viewport point inside the cell of `pitch` at `tick` (+ `dx` pixels).
    QPoint at(std::int64_t tick, int pitch, int dx = 2) const {
        const RollGeometry& g = roll_->geometry();
        return QPoint(static_cast<int>(g.xOfTick(tick)) + dx, g.yOfPitch(pitch) + g.keyHeight / 2);
    }
    void click(QPoint p, Qt::KeyboardModifiers mods = {}, Qt::MouseButton button = Qt::LeftButton) {
        QTest::mouseClick(roll_->viewport(), button, mods, p);
    }
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = {}) {
        QWidget* vp = roll_->viewport();
        QTest::mousePress(vp, Qt::LeftButton, mods, from);
        // Several steps, as a hand would move.
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(vp, from + (to - from) * i / 4);
        QTest::mouseRelease(vp, Qt::LeftButton, mods, to);
    }

private:
    PianoRollWidget* roll_;
};

}  // namespace biaxial::test
