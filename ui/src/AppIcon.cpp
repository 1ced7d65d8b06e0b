#include "biaxial/ui/AppIcon.h"

#include <QPainter>
#include <QPainterPath>

namespace biaxial {

QPixmap AppIcon::pixmap(int size) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 64.0, size / 64.0);
    // A rounded dark tile, three keys at the left and a rising phrase of notes.
    QPainterPath tile;
    tile.addRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
    p.fillPath(tile, QColor(0x23, 0x25, 0x28));
    p.setClipPath(tile);
    p.fillRect(QRectF(2, 2, 14, 60), QColor(0xe8, 0xe8, 0xe8));
    for (double y : {10.0, 24.0, 44.0})
        p.fillRect(QRectF(2, y, 9, 7), QColor(0x23, 0x25, 0x28));
    const QColor blue(0x4f, 0xa3, 0xf7), orange(0xff, 0xb3, 0x47), violet(0xb3, 0x8c, 0xff);
    auto note = [&](double x, double y, double w, const QColor& c) {
        QPainterPath n;
        n.addRoundedRect(QRectF(x, y, w, 7), 2, 2);
        p.fillPath(n, c);
    };
    note(20, 44, 12, blue);
    note(30, 34, 10, blue);
    note(38, 24, 12, orange);
    note(46, 14, 12, violet);
    note(22, 24, 8, blue);
    return pm;
}

QIcon AppIcon::icon() {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(pixmap(size));
    return icon;
}

}  // namespace biaxial
