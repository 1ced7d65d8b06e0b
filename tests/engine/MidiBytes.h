#pragma once
// Builds Standard MIDI File bytes by hand, so tests say exactly which bytes they feed the reader.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace biaxial::test {

using Bytes = std::vector<std::uint8_t>;

inline void append(Bytes& out, std::initializer_list<int> bytes) {
    for (int b : bytes)
        out.push_back(static_cast<std::uint8_t>(b));
}

inline Bytes header(int format, int tracks, int division) {
    Bytes b = {'M', 'T', 'h', 'd', 0, 0, 0, 6};
    append(b, {0, format, tracks >> 8, tracks & 0xFF, (division >> 8) & 0xFF, division & 0xFF});
    return b;
}

// An MTrk chunk around `body` (the length is computed unless given).
inline Bytes track(const Bytes& body, long declaredLength = -1) {
    Bytes b = {'M', 'T', 'r', 'k'};
    const unsigned long len = declaredLength < 0 ? body.size() : static_cast<unsigned long>(declaredLength);
    append(b, {int((len >> 24) & 0xFF), int((len >> 16) & 0xFF), int((len >> 8) & 0xFF), int(len & 0xFF)});
    b.insert(b.end(), body.begin(), body.end());
    return b;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

inline Bytes endOfTrack() {
    return {0x00, 0xFF, 0x2F, 0x00};
}

}  // namespace biaxial::test
