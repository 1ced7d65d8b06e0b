#include "biaxial/engine/MidiError.h"

namespace biaxial {

const char* toString(MidiErrorCode code) {
    switch (code) {
        case MidiErrorCode::CannotOpen:
            return "cannot open file";
        case MidiErrorCode::NotMidi:
            return "not a MIDI file";
        case MidiErrorCode::BadHeader:
            return "bad header";
        case MidiErrorCode::SmpteDivision:
            return "SMPTE time division not supported";
        case MidiErrorCode::TruncatedChunk:
            return "truncated chunk";
        case MidiErrorCode::BadVarLen:
            return "bad variable-length number";
        case MidiErrorCode::BadEvent:
            return "bad event";
        case MidiErrorCode::TooLarge:
            return "too large";
        case MidiErrorCode::CannotWrite:
            return "cannot write file";
    }
    return "unknown error";
}

std::string MidiError::message() const {
    std::string m = file.empty() ? std::string("<memory>") : file;
    m += ": byte " + std::to_string(offset) + ": " + toString(code);
    if (!what.empty())
        m += ": " + what;
    return m;
}

}  // namespace biaxial
