#include "biaxial/ui/RollPalette.h"

#include <algorithm>

namespace biaxial {

RollPalette RollPalette::fromPalette(const QPalette& palette) {
    RollPalette p;
    const QColor base = palette.color(QPalette::Base);
    p.dark = base.lightness() < 128;
    if (p.dark) {
        p.whiteRow = QColor(0x2b, 0x2d, 0x31);
        p.blackRow = QColor(0x23, 0x25, 0x28);
        p.scaleRow = QColor(0x33, 0x40, 0x55);  // the key: a clear blue against the grey rows
        p.stepLine = QColor(0x32, 0x34, 0x39);
        p.beatLine = QColor(0x3d, 0x40, 0x46);
        p.barLine = QColor(0x5c, 0x60, 0x68);
        p.octaveLine = QColor(0x3a, 0x3c, 0x42);
        p.note = QColor(0x4f, 0xa3, 0xf7);
        p.noteBorder = QColor(0x12, 0x2a, 0x44);
        p.selectedNote = QColor(0xff, 0xb3, 0x47);
        p.selectedBorder = QColor(0xff, 0xf0, 0xd0);
        p.ghostNote = QColor(0xb3, 0x8c, 0xff, 110);
        p.ghostBorder = QColor(0xd0, 0xb8, 0xff, 200);
        p.playhead = QColor(0xff, 0x5a, 0x4f);
        p.loopFill = QColor(0x4f, 0xa3, 0xf7, 28);
        p.rubberBand = QColor(0x9c, 0xc8, 0xff);
        p.whiteKey = QColor(0xd8, 0xd8, 0xd8);
        p.blackKey = QColor(0x1a, 0x1a, 0x1c);
        p.keyText = QColor(0x30, 0x30, 0x30);
        p.keyPressed = QColor(0x4f, 0xa3, 0xf7);
        p.rulerBackground = QColor(0x25, 0x27, 0x2b);
        p.rulerText = QColor(0xc8, 0xcc, 0xd2);
        p.laneBackground = QColor(0x26, 0x28, 0x2c);
    } else {
        p.whiteRow = QColor(0xfb, 0xfb, 0xfc);
        p.blackRow = QColor(0xee, 0xef, 0xf2);
        p.scaleRow = QColor(0xd4, 0xe5, 0xfb);  // the key: a clear blue against the near-white rows
        p.stepLine = QColor(0xee, 0xef, 0xf2);
        p.beatLine = QColor(0xdc, 0xde, 0xe3);
        p.barLine = QColor(0xa8, 0xac, 0xb4);
        p.octaveLine = QColor(0xd4, 0xd6, 0xdb);
        p.note = QColor(0x2f, 0x7d, 0xe1);
        p.noteBorder = QColor(0x15, 0x3e, 0x75);
        p.selectedNote = QColor(0xf5, 0x8f, 0x1e);
        p.selectedBorder = QColor(0x7a, 0x3a, 0x00);
        p.ghostNote = QColor(0x8a, 0x5c, 0xf0, 90);
        p.ghostBorder = QColor(0x6a, 0x3c, 0xd0, 200);
        p.playhead = QColor(0xe0, 0x30, 0x28);
        p.loopFill = QColor(0x2f, 0x7d, 0xe1, 26);
        p.rubberBand = QColor(0x2f, 0x7d, 0xe1);
        p.whiteKey = QColor(0xff, 0xff, 0xff);
        p.blackKey = QColor(0x2a, 0x2a, 0x2e);
        p.keyText = QColor(0x60, 0x60, 0x66);
        p.keyPressed = QColor(0x2f, 0x7d, 0xe1);
        p.rulerBackground = QColor(0xf1, 0xf2, 0xf4);
        p.rulerText = QColor(0x40, 0x42, 0x48);
        p.laneBackground = QColor(0xf6, 0xf7, 0xf9);
    }
    return p;
}

QColor RollPalette::noteFill(int velocity, int track, bool selected) const {
    QColor c = selected ? selectedNote : note;
    if (!selected && track > 0) {
        // Each further track gets its own hue (teal, pink, amber ...), so hands are told apart;
        // orange stays the selection's and violet the ghost notes'.
        static const int kHues[] = {150, 330, 45, 185, 100};
        c = QColor::fromHsv(kHues[(track - 1) % 5], c.saturation(), c.value());
    }
    const double v = std::clamp(velocity, 1, 127) / 127.0;
    return QColor::fromHsvF(c.hueF(), std::clamp(c.saturationF() * (0.35 + 0.65 * v), 0.0, 1.0), c.valueF(),
                            1.0);
}

}  // namespace biaxial
