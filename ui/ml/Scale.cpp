#include "Scale.h"

namespace biaxial {

std::vector<int> Scale::intervals(Mode mode) {
    switch (mode) {
        case Mode::Chromatic: return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        case Mode::Major: return {0, 2, 4, 5, 7, 9, 11};
        case Mode::NaturalMinor: return {0, 2, 3, 5, 7, 8, 10};
        case Mode::HarmonicMinor: return {0, 2, 3, 5, 7, 8, 11};
        case Mode::MelodicMinor: return {0, 2, 3, 5, 7, 9, 11};
        case Mode::Dorian: return {0, 2, 3, 5, 7, 9, 10};
        case Mode::Phrygian: return {0, 1, 3, 5, 7, 8, 10};
        case Mode::Lydian: return {0, 2, 4, 6, 7, 9, 11};
        case Mode::Mixolydian: return {0, 2, 4, 5, 7, 9, 10};
        case Mode::Locrian: return {0, 1, 3, 5, 6, 8, 10};
        case Mode::MajorPentatonic: return {0, 2, 4, 7, 9};
        case Mode::MinorPentatonic: return {0, 3, 5, 7, 10};
        case Mode::Blues: return {0, 3, 5, 6, 7, 10};
        case Mode::WholeTone: return {0, 2, 4, 6, 8, 10};
        case Mode::SeedKey: return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    }
    return {};
}

const char* Scale::modeName(Mode mode) {
    switch (mode) {
        case Mode::Chromatic: return "Chromatic";
        case Mode::Major: return "Major";
        case Mode::NaturalMinor: return "Minor";
        case Mode::HarmonicMinor: return "Harmonic minor";
        case Mode::MelodicMinor: return "Melodic minor";
        case Mode::Dorian: return "Dorian";
        case Mode::Phrygian: return "Phrygian";
        case Mode::Lydian: return "Lydian";
        case Mode::Mixolydian: return "Mixolydian";
        case Mode::Locrian: return "Locrian";
        case Mode::MajorPentatonic: return "Major pentatonic";
        case Mode::MinorPentatonic: return "Minor pentatonic";
        case Mode::Blues: return "Blues";
        case Mode::WholeTone: return "Whole tone";
        case Mode::SeedKey: return "The seed's key";
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
        notes[static_cast<std::size_t>(i)] = mask[static_cast<std::size_t>((((lowPitch + i) % 12) + 12) % 12)] ? 1 : 0;
    }
    return notes;
}

std::string Scale::name() const {
    if (isChromatic() || isSeedKey()) {
        return modeName(mode);
    }
    return std::string(pitchClassName(root)) + " " + modeName(mode);
}

}  // namespace biaxial
