#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// Musical statistics of grids, used to compare generated music with a corpus (the model card)
// and to check that a continuation stays in the key of its seed.
struct GridStatistics {
    std::int64_t steps = 0;
    std::int64_t notes = 0;                    // note onsets (articulations, or a play after silence)
    double notesPerStep = 0.0;                 // mean number of sounding notes per step
    double silentStepShare = 0.0;              // share of steps where nothing sounds
    int longestSilence = 0;                    // steps
    double meanNoteLength = 0.0;               // steps
    double maxSimultaneous = 0.0;              // most notes sounding at once
    std::array<double, 12> pitchClassShare{};  // share of onsets per pitch class (C = 0)
    int keyTonic = 0;                          // estimated key (Krumhansl-Schmuckler), tonic pitch class
    bool keyMinor = false;
    double keyCorrelation = 0.0;  // correlation of the pitch-class profile with that key

    static GridStatistics of(const StepGrid& grid);
    static GridStatistics of(const std::vector<StepGrid>& grids);
    // Share of onsets whose pitch class belongs to the major/minor scale of a key.
    double shareInKey(int tonic, bool minor) const;
    // The pitch classes of a key (index 0 = C): the major scale, or the natural minor scale
    // plus the raised leading tone (the harmonic minor's), as this music uses minor keys.
    static std::array<bool, 12> keyScale(int tonic, bool minor);
    // Eight onsets are about two bars of a melody: fewer cannot tell a key.
    static constexpr std::int64_t kNotesToTellAKey = 8;
    bool tellsAKey() const { return notes >= kNotesToTellAKey; }
    std::array<bool, 12> keyScale() const { return keyScale(keyTonic, keyMinor); }
    // "C major", "F# minor", "Bb minor" (also "c", "Am", "f#m": case and the minor suffix
    // are forgiving); false for anything else.
    static bool parseKey(const std::string& text, int* tonic, bool* minor);
    std::string keyName() const;  // e.g. "D minor"
    std::string toText() const;   // several lines for a model card or a terminal
};

}  // namespace biaxial
