#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace biaxial {

// Why a MIDI file could not be read. Fatal: the load is aborted and nothing changes.
enum class MidiErrorCode {
    CannotOpen,
    NotMidi,         // no MThd chunk at the start
    BadHeader,       // MThd of the wrong length or contents
    SmpteDivision,   // time division in SMPTE frames: not supported
    TruncatedChunk,  // a chunk claims more bytes than the file holds
    BadVarLen,       // a variable-length number longer than 4 bytes or cut off
    BadEvent,        // a status byte where none may be, or an event cut off
    TooLarge,        // beyond the reader's limits (file size, events)
    CannotWrite,
};

const char* toString(MidiErrorCode code);

struct MidiError {
    MidiErrorCode code = MidiErrorCode::NotMidi;
    std::string file;          // path or a name given by the caller
    std::uint64_t offset = 0;  // byte offset in the file where the problem was found
    std::string what;          // a sentence for the user

    // "file.mid: byte 123: truncated chunk: MTrk claims 500 bytes, 20 remain"
    std::string message() const;
};

// A value or an error, plus warnings about what was repaired on the way.
template <typename T>
class Result {
public:
    Result(T value, std::vector<std::string> warnings = {})
        : data_(std::move(value)), warnings_(std::move(warnings)) {}
    Result(MidiError error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(data_); }
    T& value() & { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    const MidiError& error() const { return std::get<MidiError>(data_); }
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    std::variant<T, MidiError> data_;
    std::vector<std::string> warnings_;
};

}  // namespace biaxial
