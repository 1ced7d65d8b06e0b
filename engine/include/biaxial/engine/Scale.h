#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace biaxial {

// A key and scale, as the Continue panel and `biaxial continue --key/--scale` offer them: a root
// pitch class and a mode. A value: it crosses threads with the continue request and is compared
// to detect changes. Chromatic means "no constraint" (every pitch class allowed). The one table
// of scales in the project (the model's continue pipeline and the studio both read it).
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
        // A minor key as this music uses it (and as the seed-key estimate keeps it): the natural
        // minor plus the raised leading tone, GridStatistics::keyScale's minor.
        MinorKey,
    };
    static constexpr int kModeCount = 16;

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

    // The key and scale of a command line: `key` is a pitch-class name (C, C#, Db, ... B), or a
    // whole key ("F# minor", "Eb", "am": GridStatistics::parseKey; minor means MinorKey) when
    // `scale` is empty; `scale` is major, minor, harmonic-minor, melodic-minor, dorian, phrygian,
    // lydian, mixolydian, locrian, pentatonic (major), minor-pentatonic, blues, whole-tone or
    // chromatic. "none" (or chromatic) is no constraint, "seed" the seed's key. Empty optional
    // for anything else.
    static std::optional<Scale> parse(const std::string& key, const std::string& scale = {});
    // The names `parse` takes for `scale`, for a usage text.
    static const char* scaleNamesForUsage();
    // The key a GridStatistics estimate names (major, or MinorKey).
    static Scale ofKey(int tonic, bool minor);

    friend bool operator==(const Scale&, const Scale&) = default;
};

}  // namespace biaxial
