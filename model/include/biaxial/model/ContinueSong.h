#pragma once

#include <atomic>
#include <functional>

#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/ContinueResult.h"
#include "biaxial/model/Model.h"

namespace biaxial {

// Called on the calling thread after each generated step.
using ContinueProgress = std::function<void(int done, int total)>;
// Continue and Play: the first variation's new notes so far (in the song's ticks, notes still
// sounding end at the last step sampled), after every beat of new steps and at the end.
using ContinueStream = std::function<void(const std::vector<Note>& firstVariationSoFar)>;

// The one path from a song to new notes, for the studio's Continue and Regenerate and for
// `biaxial continue`: the song to the model's grid, the seed cut at request.seedEndTick (rounded
// up to a step, padded with silence when the notes end earlier), the key resolved (the seed's own
// when asked), the variations generated (Generator::generate), and each turned back into notes
// in the song's ticks from the seed's end on. The meter of the new bars is the one in effect at
// the seed's end.
//
// A long job for a worker thread: `cancel` is checked every step; a cancelled job returns
// cancelled=true and no notes. Failures (no model, an empty range) return ok=false and a sentence.
//
// `stream` (optional): the first variation as it is sampled, so that it can be heard while the
// rest is written. Only where nothing is locked and the variations are not reordered (else the
// first variation is not known until the end): then it is never called.
ContinueResult continueSong(const Model& model, const ContinueRequest& request,
                            const std::atomic<bool>* cancel = nullptr, const ContinueProgress& progress = {},
                            const ContinueStream& stream = {});

}  // namespace biaxial
