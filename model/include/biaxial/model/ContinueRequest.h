#pragma once

#include <cstdint>

#include "biaxial/engine/Scale.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// Everything a Continue job needs, by value: the song, where the seed ends, what to generate
// and how to sample it. Built by the studio's Continue panel (GUI thread) or by `biaxial
// continue`, consumed by continueSong() on a worker thread (it never reads the live document).
//
// The member defaults ARE the studio's Continue defaults, the one place they are written: the
// panel starts its controls from a default-constructed request and `biaxial continue` without
// sampling options samples exactly as the studio does. They were chosen by measurement
// (resources/default-model.md): the seed's key with rare out-of-key notes keeps ~97% of the new
// notes in key (the network alone ~70%); the adaptive conservativity avoids long silences.
struct ContinueRequest {
    enum class Mode {
        Continue,    // add new material after seedEndTick
        Regenerate,  // replace [seedEndTick, replaceEndTick) with material continued from before it
                     // that leads into what follows (lookAheadBars)
        Accompany,   // add voices under every note of the song (the melody, all kept) for its whole length
    };
    Mode mode = Mode::Continue;

    Song song;                        // a copy of the document's song (or the seed file)
    std::int64_t seedEndTick = 0;     // the seed is the song before this tick (0 = from scratch);
                                      // rounded up to a whole step, padded with silence past the notes
    std::int64_t replaceEndTick = 0;  // Regenerate: end of the replaced range
    int bars = 4;                     // Continue: bars to add, in the meter at seedEndTick
    int steps = 0;                    // Continue: steps to add instead of bars when > 0
    // Regenerate: up to this many bars of the song after the region are not changed but scored:
    // each variation is conditioned on them (locked, below), so that the region leads into them.
    int lookAheadBars = 2;
    // Locked notes (Note::locked, Accompany: every note of the song) inside the generated range
    // are kept and the rest is sampled conditioned on them by sequential Monte Carlo with this
    // many particles per variation (GenerationOptions::particles); 1 = plain forcing. Costs
    // about `particles` variations, only where something is locked.
    int particles = 16;

    double conservativity = 1.0;  // play ~ P^c; the adaptive mode's starting value
    bool adaptiveConservativity = true;
    double temperature = 1.0;
    double playFloor = 0.0;  // GenerationOptions::playFloor
    int variations = 3;
    std::uint64_t randomSeed = 1;  // variation k uses randomSeed + k: variation 1 is the same for any count
    Scale scale{0, Scale::Mode::SeedKey};  // Chromatic = no constraint; SeedKey = estimated from the seed
    // How much of its chance to sound a note outside the scale keeps: 0 never plays it, 1 ignores
    // the scale (GenerationOptions::outOfScaleWeight).
    double outOfScaleWeight = 0.2;
    // Texture from the seed. followSeedDensity: the adaptive conservativity steers the notes
    // sounding per step toward the seed's (GenerationOptions::densityTarget) instead of the
    // original's rule, which only reacts to fewer than 2 notes. holdLimit > 0: no note sounds
    // unstruck for longer than holdLimit times the seed's longest note.
    // Both on by default (biaxial evaluate on the 34 held-out pieces and the four seeds of other
    // character, model card): the longest new note fell from 3.8x the seed's to 1.5x, notes
    // sounding per step stay at 1.00x the seed's and onsets at 0.98x (0.86x without).
    bool followSeedDensity = true;
    double densityGain = 0.1;
    // followSeedRhythm: the odds of an onset at each bar position are steered toward the seed's
    // onsets per step there (GenerationOptions::onsetTarget), so that a waltz keeps striking on
    // its beats and a broken-chord figure keeps its pulse. Needs a seed of at least a bar.
    // On by default, gain 0.25 (biaxial evaluate, default model, 38 seeds, random seeds 1 and 2):
    // onset positions' overlap with the seed's 0.78/0.77 -> 0.85/0.84, eighth-position share
    // gap 0.11 -> 0.07/0.08; against the composers' next bars inter-onset intervals 0.72/0.71 ->
    // 0.76/0.73, note lengths 0.71 -> 0.74/0.72; onsets 1.00x/1.03x -> 0.99x/1.00x the seed's.
    // Gains 0.5 and 1 place onsets a little better still but thicken the texture (voices 1.14x,
    // 1.20x the seed's against 1.07x).
    bool followSeedRhythm = true;
    double rhythmGain = 0.25;
    double holdLimit = 1.5;
    // Variations ordered best first by the model's likelihood per step of what they play. Off:
    // biaxial evaluate found the likeliest of 4 sparser than the seed (onsets 0.77x against
    // 0.91x for the first of 1) with worse note-length and inter-onset overlaps (0.60/0.58 vs
    // 0.61/0.58 for one, 0.62/0.62 vs 0.70/0.68 for the best 3 of 9 against 3).
    bool rankVariations = false;
    // Continue and Play (studio): the first variation is handed out as it is sampled, to be heard
    // while the rest is written (continueSong's `stream`; ignored where something is locked).
    bool stream = false;
    int minPitch = 0;  // new notes stay inside [minPitch, maxPitch] (MIDI)
    int maxPitch = 127;
    bool bf16 = false;  // the CPU's bfloat16 products (GenerationOptions::bf16)

    int track = 0;    // where accepted notes go
    int channel = 0;  // the new notes' channel and velocity
    int velocity = 90;
};

}  // namespace biaxial
