#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace biaxial {

// One short MIDI channel message (note on/off, control change, program change, ...), as
// the bytes that go on the wire. A value: cheap to copy across threads. System exclusive
// messages are not represented (the studio neither sends nor needs them).
struct MidiMessage {
    std::array<std::uint8_t, 3> bytes{};
    int size = 0;  // 1..3; 0 for an empty message

    static MidiMessage noteOn(int channel, int pitch, int velocity);
    static MidiMessage noteOff(int channel, int pitch);
    static MidiMessage controlChange(int channel, int controller, int value);
    static MidiMessage programChange(int channel, int program);
    // Controller 123, the standard "all notes off" (plus 64 = 0 is sent by allNotesOff()).
    static MidiMessage allNotesOff(int channel);
    // Parses wire bytes; returns an empty message (size 0) for anything that is not a
    // complete channel message.
    static MidiMessage fromBytes(std::span<const std::uint8_t> data);

    int status() const { return size > 0 ? (bytes[0] & 0xF0) : 0; }
    int channel() const { return size > 0 ? (bytes[0] & 0x0F) : 0; }
    int data1() const { return size > 1 ? bytes[1] : 0; }
    int data2() const { return size > 2 ? bytes[2] : 0; }
    // A note on with velocity 0 counts as a note off, as the MIDI standard says.
    bool isNoteOn() const { return status() == 0x90 && data2() > 0; }
    bool isNoteOff() const { return status() == 0x80 || (status() == 0x90 && data2() == 0); }
    bool isControlChange() const { return status() == 0xB0; }
    bool isProgramChange() const { return status() == 0xC0; }
    std::span<const std::uint8_t> data() const { return {bytes.data(), static_cast<std::size_t>(size)}; }
    // "90 3c 64": for test failures and logs.
    std::string toHex() const;

    friend bool operator==(const MidiMessage&, const MidiMessage&) = default;
};

}  // namespace biaxial
