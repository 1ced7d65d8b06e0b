#include "biaxial/engine/Scale.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "biaxial/engine/GridStatistics.h"

namespace biaxial {

std::vector<int> Scale::intervals(Mode mode) {
    switch (mode) {
        case Mode::Chromatic:
            return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        case Mode::Major:
            return {0, 2, 4, 5, 7, 9, 11};
        case Mode::NaturalMinor:
            return {0, 2, 3, 5, 7, 8, 10};
        case Mode::HarmonicMinor:
            return {0, 2, 3, 5, 7, 8, 11};
        case Mode::MelodicMinor:
            return {0, 2, 3, 5, 7, 9, 11};
        case Mode::Dorian:
            return {0, 2, 3, 5, 7, 9, 10};
        case Mode::Phrygian:
            return {0, 1, 3, 5, 7, 8, 10};
        case Mode::Lydian:
            return {0, 2, 4, 6, 7, 9, 11};
        case Mode::Mixolydian:
            return {0, 2, 4, 5, 7, 9, 10};
        case Mode::Locrian:
            return {0, 1, 3, 5, 6, 8, 10};
        case Mode::MajorPentatonic:
            return {0, 2, 4, 7, 9};
        case Mode::MinorPentatonic:
            return {0, 3, 5, 7, 10};
        case Mode::Blues:
            return {0, 3, 5, 6, 7, 10};
        case Mode::WholeTone:
            return {0, 2, 4, 6, 8, 10};
        case Mode::SeedKey:
            return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        case Mode::MinorKey:
            return {0, 2, 3, 5, 7, 8, 10, 11};
    }
    return {};
}

const char* Scale::modeName(Mode mode) {
    switch (mode) {
        case Mode::Chromatic:
            return "Chromatic";
        case Mode::Major:
            return "Major";
        case Mode::NaturalMinor:
            return "Minor";
        case Mode::HarmonicMinor:
            return "Harmonic minor";
        case Mode::MelodicMinor:
            return "Melodic minor";
        case Mode::Dorian:
            return "Dorian";
        case Mode::Phrygian:
            return "Phrygian";
        case Mode::Lydian:
            return "Lydian";
        case Mode::Mixolydian:
            return "Mixolydian";
        case Mode::Locrian:
            return "Locrian";
        case Mode::MajorPentatonic:
            return "Major pentatonic";
        case Mode::MinorPentatonic:
            return "Minor pentatonic";
        case Mode::Blues:
            return "Blues";
        case Mode::WholeTone:
            return "Whole tone";
        case Mode::SeedKey:
            return "The seed's key";
        case Mode::MinorKey:
            return "Minor with leading tone";
    }
    return "";
}

const char* Scale::pitchClassName(int pitchClass) {
    static const char* const kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return kNames[((pitchClass % 12) + 12) % 12];
}

std::array<bool, 12> Scale::pitchClassMask() const {
    std::array<bool, 12> mask{};
    for (int interval : intervals(mode)) {
        mask[static_cast<std::size_t>((((root + interval) % 12) + 12) % 12)] = true;
    }
    return mask;
}

bool Scale::contains(int midiPitch) const {
    return pitchClassMask()[static_cast<std::size_t>(((midiPitch % 12) + 12) % 12)];
}

std::vector<std::uint8_t> Scale::noteMask(int lowPitch, int numNotes) const {
    const auto mask = pitchClassMask();
    std::vector<std::uint8_t> notes(static_cast<std::size_t>(numNotes > 0 ? numNotes : 0));
    for (int i = 0; i < numNotes; ++i) {
        notes[static_cast<std::size_t>(i)] =
            mask[static_cast<std::size_t>((((lowPitch + i) % 12) + 12) % 12)] ? 1 : 0;
    }
    return notes;
}

std::string Scale::name() const {
    if (isChromatic() || isSeedKey()) {
        return modeName(mode);
    }
    return std::string(pitchClassName(root)) + " " + modeName(mode);
}

namespace {

// Command-line scale names, in the order the usage lists them.
const std::pair<const char*, Scale::Mode> kScaleNames[] = {
    {"major", Scale::Mode::Major},
    {"minor", Scale::Mode::NaturalMinor},
    {"harmonic-minor", Scale::Mode::HarmonicMinor},
    {"melodic-minor", Scale::Mode::MelodicMinor},
    {"dorian", Scale::Mode::Dorian},
    {"phrygian", Scale::Mode::Phrygian},
    {"lydian", Scale::Mode::Lydian},
    {"mixolydian", Scale::Mode::Mixolydian},
    {"locrian", Scale::Mode::Locrian},
    {"pentatonic", Scale::Mode::MajorPentatonic},
    {"minor-pentatonic", Scale::Mode::MinorPentatonic},
    {"blues", Scale::Mode::Blues},
    {"whole-tone", Scale::Mode::WholeTone},
    {"chromatic", Scale::Mode::Chromatic},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

Scale Scale::ofKey(int tonic, bool minor) {
    return Scale{((tonic % 12) + 12) % 12, minor ? Mode::MinorKey : Mode::Major};
}

std::optional<Scale> Scale::parse(const std::string& key, const std::string& scale) {
    const std::string k = lower(key);
    if (scale.empty()) {
        if (k == "none" || k == "chromatic")
            return Scale{0, Mode::Chromatic};
        if (k == "seed")
            return Scale{0, Mode::SeedKey};
        int tonic = 0;
        bool minor = false;
        if (!GridStatistics::parseKey(key, &tonic, &minor))
            return std::nullopt;
        return ofKey(tonic, minor);
    }
    // A root alone (no "minor"): parseKey reads it as a major key's tonic.
    int tonic = 0;
    bool minor = false;
    if (key.empty()) {
        tonic = 0;
    } else if (!GridStatistics::parseKey(key, &tonic, &minor) || minor) {
        return std::nullopt;
    }
    const std::string s = lower(scale);
    for (const auto& [name, mode] : kScaleNames) {
        if (s == name)
            return Scale{mode == Mode::Chromatic ? 0 : tonic, mode};
    }
    return std::nullopt;
}

const char* Scale::scaleNamesForUsage() {
    return "major, minor, harmonic-minor, melodic-minor, dorian, phrygian, lydian, mixolydian, locrian, "
           "pentatonic, "
           "minor-pentatonic, blues, whole-tone, chromatic";
}

}  // namespace biaxial
