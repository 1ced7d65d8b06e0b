#pragma once

#include <QRect>
#include <array>
#include <cstdint>

#include "biaxial/ui/RollGeometry.h"
#include "biaxial/ui/RollPalette.h"

class QPainter;

namespace biaxial {

// How the piano roll draws its background and its notes, apart from the widget: key rows (the
// scale's tinted), the grid's columns (snap steps when not too dense, beats, bars), note boxes
// and the dashed ghost notes of a variation under audition. GUI thread.
class RollPainter {
public:
    RollPainter(QPainter& painter, const RollGeometry& geometry, const RollPalette& palette)
        : p_(painter), geometry_(geometry), palette_(palette) {}

    // Rows of the pitches inside `area`; `scale` (may be null) tints its pitch classes' rows.
    void rows(const QRect& area, const std::array<bool, 12>* scale);
    // Columns for the ticks [t0, t1]: every `step` ticks (doubled until 6 pixels apart), beats
    // and bars drawn stronger.
    void columns(const QRect& area, std::int64_t t0, std::int64_t t1, std::int64_t step, std::int64_t beat,
                 std::int64_t bar);
    // A locked note (kept by generation) has a thick border and a bar at its start.
    void note(const QRect& r, int velocity, int track, bool selected, bool locked = false);
    void ghostNote(const QRect& r);
    // A note that the variation under audition would replace: faint, so the ghosts read.
    void replacedNote(const QRect& r);

private:
    QPainter& p_;
    const RollGeometry& geometry_;
    const RollPalette& palette_;
};

}  // namespace biaxial
