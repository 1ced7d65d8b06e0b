#include "biaxial/ui/PianoKeyboard.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include "biaxial/ui/PianoRollWidget.h"

namespace biaxial {

PianoKeyboard::PianoKeyboard(PianoRollWidget* roll) : QWidget(roll), roll_(roll) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click a key to hear it"));
}

void PianoKeyboard::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const RollGeometry& g = roll_->geometry();
    const RollPalette& pal = roll_->rollPalette();
    p.fillRect(rect(), pal.whiteKey);
    const int blackWidth = width() * 3 / 5;
    QFont font = p.font();
    font.setPointSizeF(std::max(6.0, std::min(8.5, g.keyHeight * 0.6)));
    p.setFont(font);
    const int top = g.pitchAtY(0);
    const int bottom = g.pitchAtY(height());
    for (int pitch = top; pitch >= bottom; --pitch) {
        const int y = g.yOfPitch(pitch);
        const bool black = RollGeometry::isBlackKey(pitch);
        const bool lit = pitch == pressed_ || roll_->soundingKeys().test(pitch);
        if (lit)
            p.fillRect(QRect(0, y, black ? blackWidth : width(), g.keyHeight), pal.keyPressed);
        if (black) {
            if (!lit)
                p.fillRect(QRect(0, y, blackWidth, g.keyHeight), pal.blackKey);
            // The white keys meet in the middle of a black key, beside it.
            p.setPen(QColor(0, 0, 0, 60));
            p.drawLine(blackWidth, y + g.keyHeight / 2, width(), y + g.keyHeight / 2);
        }
        const int pc = pitch % 12;
        if (pc == 0 || pc == 5) {  // B|C and E|F: the white keys' own boundary
            p.setPen(QColor(0, 0, 0, 90));
            p.drawLine(0, y + g.keyHeight - 1, width(), y + g.keyHeight - 1);
        }
        if (pc == 0 && g.keyHeight >= 8) {
            p.setPen(pal.keyText);
            p.drawText(QRect(blackWidth, y, width() - blackWidth - 4, g.keyHeight),
                       Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("C%1").arg(pitch / 12 - 1));
        }
    }
    p.setPen(QColor(0, 0, 0, 110));
    p.drawLine(width() - 1, 0, width() - 1, height());
}

void PianoKeyboard::press(int pitch) {
    if (pitch == pressed_)
        return;
    if (pressed_ >= 0)
        emit roll_->auditionStopped();
    pressed_ = pitch;
    if (pitch >= 0)
        emit roll_->auditionRequested(pitch, 100);
    update();
}

void PianoKeyboard::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        press(roll_->geometry().pitchAtY(static_cast<int>(event->position().y())));
}

void PianoKeyboard::mouseMoveEvent(QMouseEvent* event) {
    // Glissando: sliding over the keys plays each one.
    if (event->buttons() & Qt::LeftButton)
        press(roll_->geometry().pitchAtY(static_cast<int>(event->position().y())));
}

void PianoKeyboard::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        press(-1);
}

void PianoKeyboard::wheelEvent(QWheelEvent* event) {
    QApplication::sendEvent(roll_->viewport(), event);
}

}  // namespace biaxial
