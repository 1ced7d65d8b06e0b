#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/engine/StepGrid.h"
#include "biaxial/model/ContinueRequest.h"

namespace biaxial {

// The variations of one Continue job, by value, already in the song's ticks: each is a list of
// notes placed from startTick on (sorted with noteLess), ready to be shown as ghost notes and
// added by one undo command, or written after the seed. Crosses from the worker thread to the
// GUI thread by a queued signal.
struct ContinueResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;  // why not, when !ok and !cancelled

    ContinueRequest::Mode mode = ContinueRequest::Mode::Continue;
    std::vector<std::vector<Note>> variations;
    // Per variation (in the order above): the model's log-likelihood per new step, nats.
    std::vector<double> likelihoodPerStep;
    // Per variation: the model's log-likelihood (nats) of the locked cells given the sampled rest:
    // the locked notes in the range, the silence above an accompanied melody, and Regenerate's
    // look-ahead bars. 0 when nothing was locked. lockedCells counts them (per variation).
    std::vector<double> lockedLogLikelihood;
    std::int64_t lockedCells = 0;
    int lookAheadSteps = 0;  // Regenerate: steps after the region that were scored
    // What the model heard and played, in its pitch range: the seed as it went in (padded to
    // seedSteps) and each variation's new steps (in the order above), for measuring them.
    StepGrid seedGrid;
    std::vector<StepGrid> newGrids;      // including the locked notes in the range
    std::int64_t startTick = 0;          // where the new material begins (the seed's end, on a step)
    std::int64_t endTick = 0;            // where it ends (startTick + the generated steps)
    int seedSteps = 0;                   // the seed's length in steps
    int newSteps = 0;                    // steps generated
    std::int64_t droppedOutOfRange = 0;  // the song's notes outside the model's pitch range
    int track = 0;
    double seconds = 0.0;          // the model's generation time
    double noteLoopSeconds = 0.0;  // of which the sequential note-axis loop
    // The key the music was kept to when the request asked for the seed's key ("A minor"),
    // with its pitch classes and the key estimate's correlation; empty when no key was kept.
    std::string seedKey;
    std::array<bool, 12> seedKeyPitchClasses{};
    double seedKeyCorrelation = 0.0;
    // The request asked for the seed's key but the seed has too few notes to tell one.
    bool seedKeyUnknown = false;
};

}  // namespace biaxial
