#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "biaxial/engine/MidiError.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// A small, strict Standard MIDI File reader (formats 0, 1 and 2).
// Fatal problems return a MidiError with the byte offset; repairable ones (an orphan
// note-off, a missing end-of-track, a note still on at the end) are repaired and reported
// as warnings. It never throws, never asserts on input and bounds every allocation by the
// input's size. Thread-safe: no shared state.
class MidiFileReader {
public:
    // Files larger than this are refused (TooLarge) before anything is allocated.
    static constexpr std::uint64_t kMaxFileBytes = 64ull << 20;

    static Result<Song> readFile(const std::string& path);
    // `name` is used in error messages in place of a path.
    static Result<Song> readBytes(std::span<const std::uint8_t> bytes, const std::string& name);
};

}  // namespace biaxial
