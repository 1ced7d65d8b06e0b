#pragma once

#include "biaxial/engine/Song.h"

namespace biaxial {

// The top voice of a passage (the "skyline"): at every onset the highest note struck there,
// cut where the next top note starts. A melody to accompany, taken from real music to measure
// Accompany against what its composer wrote under it.
class MelodyLine {
public:
    // One track with the top voice of every track together; tempo and meter kept.
    static Song topVoice(const Song& song);
};

}  // namespace biaxial
