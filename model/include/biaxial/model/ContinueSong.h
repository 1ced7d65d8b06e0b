#pragma once

#include <atomic>
#include <functional>

#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/ContinueResult.h"
#include "biaxial/model/Model.h"

namespace biaxial {

// Called on the calling thread after each generated step.
using ContinueProgress = std::function<void(int done, int total)>;

// The one path from a song to new notes, for the studio's Continue and Regenerate and for
// `biaxial continue`: the song to the model's grid, the seed cut at request.seedEndTick (rounded
// up to a step, padded with silence when the notes end earlier), the key resolved (the seed's own
// when asked), the variations generated (Generator::generate), and each turned back into notes
// in the song's ticks from the seed's end on. The meter of the new bars is the one in effect at
// the seed's end.
//
// A long job for a worker thread: `cancel` is checked every step; a cancelled job returns
// cancelled=true and no notes. Failures (no model, an empty range) return ok=false and a sentence.
ContinueResult continueSong(const Model& model, const ContinueRequest& request,
                            const std::atomic<bool>* cancel = nullptr, const ContinueProgress& progress = {});

}  // namespace biaxial
