#include "biaxial/ui/ToolIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace biaxial {

namespace {

void paint(QPainter& p, ToolIcons::Kind kind, const QColor& ink, const QColor& accent) {
    using Kind = ToolIcons::Kind;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    QPainterPath path;
    switch (kind) {
        case Kind::Play:
            path.moveTo(9, 6);
            path.lineTo(26, 16);
            path.lineTo(9, 26);
            path.closeSubpath();
            p.fillPath(path, accent);
            break;
        case Kind::Pause:
            p.fillRect(QRectF(9, 7, 5, 18), accent);
            p.fillRect(QRectF(18, 7, 5, 18), accent);
            break;
        case Kind::Stop:
            path.addRoundedRect(QRectF(8, 8, 16, 16), 2, 2);
            p.fillPath(path, ink);
            break;
        case Kind::Rewind:
            p.fillRect(QRectF(7, 8, 3, 16), ink);
            path.moveTo(24, 8);
            path.lineTo(11, 16);
            path.lineTo(24, 24);
            path.closeSubpath();
            p.fillPath(path, ink);
            break;
        case Kind::Loop: {
            QPen pen(ink, 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawArc(QRectF(6, 8, 20, 16), 20 * 16, 150 * 16);
            p.drawArc(QRectF(6, 8, 20, 16), 200 * 16, 150 * 16);
            p.setPen(Qt::NoPen);
            QPainterPath a;
            a.moveTo(22, 5);
            a.lineTo(27, 11);
            a.lineTo(20, 12);
            a.closeSubpath();
            QPainterPath b;
            b.moveTo(10, 27);
            b.lineTo(5, 21);
            b.lineTo(12, 20);
            b.closeSubpath();
            p.fillPath(a, ink);
            p.fillPath(b, ink);
            break;
        }
        case Kind::Draw: {
            p.translate(16, 16);
            p.rotate(45);
            p.fillRect(QRectF(-3, -12, 6, 17), ink);
            path.moveTo(-3, 6);
            path.lineTo(3, 6);
            path.lineTo(0, 12);
            path.closeSubpath();
            p.fillPath(path, accent);
            break;
        }
        case Kind::Select:
            path.moveTo(9, 5);
            path.lineTo(9, 25);
            path.lineTo(14, 20);
            path.lineTo(18, 28);
            path.lineTo(21, 26);
            path.lineTo(17, 19);
            path.lineTo(24, 19);
            path.closeSubpath();
            p.fillPath(path, ink);
            break;
        case Kind::Record:
            p.setBrush(QColor(0xe0, 0x40, 0x38));
            p.drawEllipse(QRectF(8, 8, 16, 16));
            break;
        case Kind::Quantize:
            for (int i = 0; i < 4; ++i)
                p.fillRect(QRectF(5 + i * 6.5, 24, 1.5, 4), ink);
            p.fillRect(QRectF(5, 10, 11, 6), accent);
            p.fillRect(QRectF(18, 16, 8, 6), accent);
            break;
        case Kind::Lock:  // a padlock: shackle over a body
            p.setPen(QPen(ink, 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawArc(QRectF(10, 5, 12, 14), 0, 180 * 16);
            p.drawLine(QPointF(10, 12), QPointF(10, 15));
            p.drawLine(QPointF(22, 12), QPointF(22, 15));
            p.fillRect(QRectF(7, 15, 18, 12), accent);
            break;
    }
}

}  // namespace

QIcon ToolIcons::icon(Kind kind, const QPalette& palette) {
    const QColor ink = palette.color(QPalette::ButtonText);
    const QColor accent = palette.color(QPalette::Highlight);
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        for (QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
            QPixmap pm(size, size);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            p.scale(size / 32.0, size / 32.0);
            if (mode == QIcon::Disabled)
                p.setOpacity(0.35);
            paint(p, kind, ink, accent);
            p.end();
            icon.addPixmap(pm, mode);
        }
    }
    return icon;
}

}  // namespace biaxial
