#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/MidiError.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// Writes a song as a format 1 Standard MIDI File: a conductor track (tempo, time
// signatures) then one track per song track. Velocities are clamped to 1..127, pitches and
// channels to their ranges. Files are written to a temporary name and renamed, so an
// existing file is never left half-written.
class MidiFileWriter {
public:
    static std::vector<std::uint8_t> toBytes(const Song& song);
    // Returns an empty optional on success.
    static std::optional<MidiError> writeFile(const Song& song, const std::string& path);
};

}  // namespace biaxial
