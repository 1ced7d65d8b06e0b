#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ContinueRequest.h"
#include "biaxial/engine/Note.h"

namespace biaxial {

// The variations of one Continue job, by value, already in the document's ticks: each is
// a list of notes placed from startTick on, ready to be shown as ghost notes and added by
// one undo command. Crosses from the worker thread to the GUI thread by a queued signal.
struct ContinueResult {
    ContinueRequest::Mode mode = ContinueRequest::Mode::Continue;
    std::vector<std::vector<Note>> variations;
    std::int64_t startTick = 0;  // where the new material begins (the seed's end)
    std::int64_t endTick = 0;    // where it ends (startTick + the generated steps)
    int track = 0;
    double seconds = 0.0;          // the model's generation time
    double noteLoopSeconds = 0.0;  // of which the sequential note-axis loop
    // The key the music was kept to when the request asked for the seed's key ("A minor"),
    // with its pitch classes; empty when no key was kept (or the seed was too short to tell).
    std::string seedKey;
    std::array<bool, 12> seedKeyPitchClasses{};
};

}  // namespace biaxial
