#pragma once

#include <QColor>
#include <QPalette>

namespace biaxial {

// The piano roll's colours, derived from the application palette so that the roll follows
// the system's dark or light theme.
struct RollPalette {
    bool dark = false;
    QColor whiteRow, blackRow, scaleRow;
    QColor stepLine, beatLine, barLine, octaveLine;
    QColor note, noteBorder, selectedNote, selectedBorder;
    QColor ghostNote, ghostBorder;
    QColor playhead, loopFill, rubberBand;
    QColor whiteKey, blackKey, keyText, keyPressed;
    QColor rulerBackground, rulerText, laneBackground;

    static RollPalette fromPalette(const QPalette& palette);
    // The fill of a note of this velocity (1..127) in this track: louder notes are more saturated.
    QColor noteFill(int velocity, int track, bool selected) const;
};

}  // namespace biaxial
