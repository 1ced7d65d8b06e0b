#pragma once

#include <random>

#include "biaxial/engine/StepGrid.h"
#include "biaxial/model/Trainer.h"

namespace biaxial::test {

// A small repetitive piece (an arpeggio over a bass note) that a tiny network can learn.
inline StepGrid arpeggio(int steps, int lowPitch = 24, int numNotes = 78, int shift = 0) {
    StepGrid g(steps, lowPitch, numNotes);
    const int pattern[4] = {36, 40, 43, 48};
    for (int t = 0; t < steps; ++t) {
        g.setBarPosition(t, t % 16);
        const int p = pattern[(t / 2) % 4] + shift - lowPitch;
        if (p >= 0 && p < numNotes)
            g.set(t, p, true, t % 2 == 0);
        const int bass = 30 + shift - lowPitch;
        if (bass >= 0 && bass < numNotes)
            g.set(t, bass, true, t % 16 == 0);
    }
    return g;
}

inline std::vector<TrainingPiece> arpeggioPieces(int count, int steps) {
    std::vector<TrainingPiece> v;
    for (int i = 0; i < count; ++i)
        v.push_back({"piece" + std::to_string(i), arpeggio(steps, 24, 78, i % 5)});
    return v;
}

}  // namespace biaxial::test
