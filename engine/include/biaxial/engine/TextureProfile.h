#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// What a listener hears of a passage's texture, read off its step grid: how often notes start,
// how many sound at once, how long they last, where in the bar they start, how high they lie;
// and the five distributions that Yang and Lerch (2018, "On the evaluation of generative models
// in music") compare between generated and real music, as normalised histograms. The musicality
// evaluation compares a continuation's profile with its seed's and with the composer's own
// next bars'.
struct TextureProfile {
    int steps = 0;
    std::int64_t onsets = 0;  // notes struck (an articulation, or a note sounding after silence)
    double onsetsPerStep = 0.0;
    double soundingPerStep = 0.0;   // mean notes sounding per step
    int longestNote = 0;            // steps
    double eighthOnsetShare = 0.0;  // share of onsets on eighth-note positions (even bar positions)
    double meanPitch = 0.0;         // mean MIDI pitch of the onsets: the register
    double voices = 0.0;            // mean notes sounding over the steps where any sound
    int maxVoices = 0;

    static constexpr int kPositionBins = 16;   // bar position of an onset (longer bars: the last bin)
    static constexpr int kIntervalBins = 25;   // top-voice melodic interval, -12..+12 semitones (clamped)
    static constexpr int kLengthBins = 32;     // note length, 1..32 steps (longer: the last bin)
    static constexpr int kIoiBins = 32;        // steps between successive onset steps, 1..32
    static constexpr int kPolyphonyBins = 11;  // notes sounding per step, 0..10 (more: the last bin)
    std::vector<double> onsetPositions;
    // Mean onsets per step at each bar position (index = position, up to the longest bar seen;
    // a position no step had is -1): the rhythm Continue follows (GenerationOptions::onsetTarget).
    std::vector<double> onsetRateByPosition;
    std::array<double, 12> pitchClasses{};  // of the onsets, C = 0
    std::vector<double> intervals;          // between successive onset steps' highest notes
    std::vector<double> noteLengths;
    std::vector<double> interOnsetIntervals;
    std::vector<double> polyphony;

    static TextureProfile of(const StepGrid& grid);
    // Several passages measured together (the variations of one seed): counts and distributions
    // pooled, but no note, interval or inter-onset gap runs from one passage into the next.
    static TextureProfile of(const std::vector<StepGrid>& grids);
    // Share of the onsets whose pitch class belongs to `scale` (index 0 = C).
    double shareInScale(const std::array<bool, 12>& scale) const;
    // The overlapping area of two normalised histograms: the sum of the bin-wise minima, 1 for
    // the same distribution, 0 for disjoint ones (Yang and Lerch's OA on discrete features).
    static double overlap(const std::vector<double>& a, const std::vector<double>& b);
    static double overlap(const std::array<double, 12>& a, const std::array<double, 12>& b);
};

}  // namespace biaxial
