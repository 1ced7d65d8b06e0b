#pragma once

#include "biaxial/engine/Song.h"

namespace biaxial::test {

// 480 ticks per quarter at 120 BPM: one quarter = 0.5 s, one tick = 1/960 s.
// C4 [0, 480), E4 [480, 960), G4 [960, 1920): three notes, 2 s in all.
Song threeNoteSong();
// A note, a silence, a note: C4 [0, 480) and G4 [2880, 3360) (0..0.5 s and 3..3.5 s).
Song noteGapNoteSong();

}  // namespace biaxial::test
