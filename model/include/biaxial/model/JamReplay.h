#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "biaxial/engine/JamClock.h"
#include "biaxial/engine/JamPolicy.h"
#include "biaxial/engine/Song.h"
#include "biaxial/model/JamEngine.h"
#include "biaxial/model/Model.h"

namespace biaxial {

struct JamReplayOptions {
    JamPolicy::Options policy;  // mode, rest and answer bars (stepsPerBar: from the song)
    JamStyle style;             // the key, texture and register are then followed from the player
    double holdLimit = 1.5;     // no network note held longer than this times the player's longest
    std::uint64_t randomSeed = 1;
    bool bf16 = false;
    // Real time: step t is sampled no earlier than `marginSeconds` before it sounds, and a step
    // not ready when it should sound is dropped (the network is silent there) and counted late.
    // Without it the replay runs as fast as it can (same music when nothing is late).
    bool realTime = false;
    double marginSeconds = 0.040;
    JamClock* clock = nullptr;  // null: the steady clock
    int channel = 1;            // the network's part: its own track and MIDI channel
    int program = 0;
};

struct JamReplayResult {
    bool ok = false;
    bool cancelled = false;  // stopped early: the song still holds everything played up to then
    std::string error;
    Song song;  // the player's tracks unchanged, then the network's track
    int steps = 0;
    int networkSteps = 0;  // steps the network played in (answer or along)
    int networkNotes = 0;
    int answers = 0;
    int lateSteps = 0;  // real time: steps dropped because the network was not ready
    double stepMsP50 = 0, stepMsP99 = 0, stepMsWorst = 0;  // sampling a step (and hearing the last)
    std::string key;  // the player's key the last answer followed ("" unknown)
};

// `biaxial jam --replay`: plays a recorded part as the player would have played it, step by
// step, and lets the network answer or play along through JamEngine and JamPolicy, exactly as
// live play would feed them (the network hears the player's step only with the step after).
class JamReplay {
public:
    static JamReplayResult run(const Model& model, const Song& player, const JamReplayOptions& options,
                               const std::atomic<bool>* cancel = nullptr);
};

}  // namespace biaxial
