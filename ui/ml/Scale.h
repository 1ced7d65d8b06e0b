#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace biaxial {

// A key and scale as the Continue panel offers them: a root pitch class and a mode. A value:
// it crosses threads with the continue request and is compared to detect changes.
// Chromatic means "no constraint" (every pitch class allowed).
struct Scale {
    enum class Mode {
        Chromatic,
        Major,
        NaturalMinor,
        HarmonicMinor,
        MelodicMinor,
        Dorian,
        Phrygian,
        Lydian,
        Mixolydian,
        Locrian,
        MajorPentatonic,
        MinorPentatonic,
        Blues,
        WholeTone,
        // The key of the music being continued, estimated when Continue runs (the root is
        // ignored). Last so that saved settings keep their meaning.
        SeedKey,
    };
    static constexpr int kModeCount = 15;

    int root = 0;  // pitch class 0..11, 0 = C
    Mode mode = Mode::Chromatic;

    // Pitch classes relative to the root that belong to the mode.
    static std::vector<int> intervals(Mode mode);
    static const char* modeName(Mode mode);
    static const char* pitchClassName(int pitchClass);

    bool isChromatic() const { return mode == Mode::Chromatic; }
    bool isSeedKey() const { return mode == Mode::SeedKey; }
    // Twelve flags, index = absolute pitch class (0 = C). The seed's key is unknown here:
    // every pitch class (ContinueWorker resolves it from the seed).
    std::array<bool, 12> pitchClassMask() const;
    bool contains(int midiPitch) const;
    // One flag per note of a pitch range [lowPitch, lowPitch + numNotes): the mask the model's
    // continuation takes to forbid notes outside the scale.
    std::vector<std::uint8_t> noteMask(int lowPitch, int numNotes) const;
    // "D Dorian", "Chromatic".
    std::string name() const;

    friend bool operator==(const Scale&, const Scale&) = default;
};

}  // namespace biaxial
