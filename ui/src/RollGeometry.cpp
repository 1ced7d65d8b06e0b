#include "biaxial/ui/RollGeometry.h"

#include <algorithm>
#include <cmath>

namespace biaxial {

double RollGeometry::xOfTick(std::int64_t tick) const {
    return static_cast<double>(tick) * pixelsPerTick() - scrollX;
}

std::int64_t RollGeometry::tickAtX(double x) const {
    return static_cast<std::int64_t>(std::floor((x + scrollX) / pixelsPerTick()));
}

int RollGeometry::pitchAtY(int y) const {
    const int row = (y + scrollY) / std::max(1, keyHeight);
    return std::clamp(kPitchCount - 1 - row, 0, kPitchCount - 1);
}

std::int64_t RollGeometry::snapRound(std::int64_t tick, std::int64_t step) {
    if (step <= 1)
        return tick;
    const std::int64_t down = snapFloor(tick, step);
    return (tick - down) * 2 >= step ? down + step : down;
}

std::int64_t RollGeometry::snapFloor(std::int64_t tick, std::int64_t step) {
    if (step <= 1)
        return tick;
    std::int64_t q = tick / step;
    if (tick < 0 && q * step != tick)
        --q;  // floor for negative ticks too
    return q * step;
}

bool RollGeometry::isBlackKey(int pitch) {
    switch (((pitch % 12) + 12) % 12) {
        case 1:
        case 3:
        case 6:
        case 8:
        case 10:
            return true;
        default:
            return false;
    }
}

}  // namespace biaxial
