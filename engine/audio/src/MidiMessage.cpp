#include "biaxial/audio/MidiMessage.h"

#include <algorithm>
#include <cstdio>

namespace biaxial {
namespace {

std::uint8_t statusByte(int status, int channel) {
    return static_cast<std::uint8_t>(status | (std::clamp(channel, 0, 15)));
}
std::uint8_t data7(int value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0, 127));
}

MidiMessage make3(int status, int channel, int a, int b) {
    MidiMessage m;
    m.bytes = {statusByte(status, channel), data7(a), data7(b)};
    m.size = 3;
    return m;
}

}  // namespace

MidiMessage MidiMessage::noteOn(int channel, int pitch, int velocity) {
    // Velocity 0 would mean note-off: a note-on is at least 1.
    return make3(0x90, channel, pitch, std::max(1, velocity));
}

MidiMessage MidiMessage::noteOff(int channel, int pitch) {
    return make3(0x80, channel, pitch, 0);
}

MidiMessage MidiMessage::controlChange(int channel, int controller, int value) {
    return make3(0xB0, channel, controller, value);
}

MidiMessage MidiMessage::programChange(int channel, int program) {
    MidiMessage m;
    m.bytes = {statusByte(0xC0, channel), data7(program), 0};
    m.size = 2;
    return m;
}

MidiMessage MidiMessage::allNotesOff(int channel) {
    return controlChange(channel, 123, 0);
}

MidiMessage MidiMessage::fromBytes(std::span<const std::uint8_t> data) {
    if (data.empty() || data[0] < 0x80 || data[0] >= 0xF0)
        return {};
    const int status = data[0] & 0xF0;
    const std::size_t need = (status == 0xC0 || status == 0xD0) ? 2 : 3;
    if (data.size() < need)
        return {};
    for (std::size_t i = 1; i < need; ++i) {
        if (data[i] >= 0x80)
            return {};
    }
    MidiMessage m;
    for (std::size_t i = 0; i < need; ++i)
        m.bytes[i] = data[i];
    m.size = static_cast<int>(need);
    return m;
}

std::string MidiMessage::toHex() const {
    std::string out;
    char buffer[4];
    for (int i = 0; i < size; ++i) {
        std::snprintf(buffer, sizeof buffer, "%02x", bytes[i]);
        if (!out.empty())
            out += ' ';
        out += buffer;
    }
    return out;
}

}  // namespace biaxial
