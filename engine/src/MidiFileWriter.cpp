#include "biaxial/engine/MidiFileWriter.h"

#include <algorithm>

#include "biaxial/engine/AtomicFile.h"

namespace biaxial {
namespace {

struct Event {
    std::int64_t tick;
    int order;  // at one tick: note-offs, then controls/programs, then note-ons
    std::vector<std::uint8_t> bytes;
};

void putVarLen(std::vector<std::uint8_t>& out, std::uint32_t v) {
    std::uint8_t buf[5];
    int n = 0;
    buf[n++] = v & 0x7F;
    while ((v >>= 7) != 0)
        buf[n++] = static_cast<std::uint8_t>((v & 0x7F) | 0x80);
    while (n > 0)
        out.push_back(buf[--n]);
}

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> s));
}

void writeChunk(std::vector<std::uint8_t>& out, std::vector<Event>& events) {
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.tick != b.tick ? a.tick < b.tick : a.order < b.order;
    });
    std::vector<std::uint8_t> body;
    std::int64_t last = 0;
    for (const auto& e : events) {
        const std::int64_t delta = std::max<std::int64_t>(0, e.tick - last);
        putVarLen(body, static_cast<std::uint32_t>(std::min<std::int64_t>(delta, 0x0FFFFFFF)));
        body.insert(body.end(), e.bytes.begin(), e.bytes.end());
        last = e.tick;
    }
    body.insert(body.end(), {0x00, 0xFF, 0x2F, 0x00});
    out.insert(out.end(), {'M', 'T', 'r', 'k'});
    put32(out, static_cast<std::uint32_t>(body.size()));
    out.insert(out.end(), body.begin(), body.end());
}

std::uint8_t clamp7(int v, int lo = 0) {
    return static_cast<std::uint8_t>(std::clamp(v, lo, 127));
}

}  // namespace

std::vector<std::uint8_t> MidiFileWriter::toBytes(const Song& input) {
    Song song = input;
    song.normalise();
    std::vector<std::uint8_t> out = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1};
    const int tracks = static_cast<int>(song.tracks.size()) + 1;
    out.push_back(static_cast<std::uint8_t>(tracks >> 8));
    out.push_back(static_cast<std::uint8_t>(tracks));
    const int division = std::clamp(song.ticksPerQuarter, 1, 0x7FFF);
    out.push_back(static_cast<std::uint8_t>(division >> 8));
    out.push_back(static_cast<std::uint8_t>(division));

    std::vector<Event> conductor;
    for (const auto& t : song.tempos) {
        const int m = std::clamp(t.microsPerQuarter, 1, 0xFFFFFF);
        conductor.push_back(
            {t.tick, 1, {0xFF, 0x51, 0x03, std::uint8_t(m >> 16), std::uint8_t(m >> 8), std::uint8_t(m)}});
    }
    for (const auto& s : song.timeSignatures) {
        int pow = 0;
        while ((1 << pow) < s.denominator && pow < 6)
            ++pow;
        conductor.push_back(
            {s.tick, 1, {0xFF, 0x58, 0x04, clamp7(s.numerator, 1), std::uint8_t(pow), 24, 8}});
    }
    writeChunk(out, conductor);

    for (const auto& track : song.tracks) {
        std::vector<Event> events;
        if (!track.name.empty()) {
            Event e{0, 0, {0xFF, 0x03}};
            const auto len = static_cast<std::uint32_t>(std::min<std::size_t>(track.name.size(), 0xFFFF));
            putVarLen(e.bytes, len);
            e.bytes.insert(e.bytes.end(), track.name.begin(), track.name.begin() + len);
            events.push_back(std::move(e));
        }
        // Locked notes (Note::locked) as one sequencer-specific meta event: the non-commercial
        // manufacturer id 0x7D, the tag "BXL", then (start tick, pitch) pairs as variable-length
        // numbers. Other programs skip it; a note another editor moved simply loses its lock.
        std::vector<std::uint8_t> locks = {0x7D, 'B', 'X', 'L'};
        for (const auto& n : track.notes)
            if (n.locked && n.length > 0 && n.start >= 0) {
                putVarLen(locks, static_cast<std::uint32_t>(std::min<std::int64_t>(n.start, 0x0FFFFFFF)));
                locks.push_back(clamp7(n.pitch));
            }
        if (locks.size() > 4) {
            Event e{0, 0, {0xFF, 0x7F}};
            putVarLen(e.bytes, static_cast<std::uint32_t>(locks.size()));
            e.bytes.insert(e.bytes.end(), locks.begin(), locks.end());
            events.push_back(std::move(e));
        }
        const int programChannel = track.notes.empty() ? 0 : std::clamp(track.notes.front().channel, 0, 15);
        events.push_back({0, 1, {std::uint8_t(0xC0 | programChannel), clamp7(track.program)}});
        for (const auto& c : track.controls) {
            events.push_back(
                {c.tick,
                 1,
                 {std::uint8_t(0xB0 | std::clamp(c.channel, 0, 15)), clamp7(c.controller), clamp7(c.value)}});
        }
        for (const auto& n : track.notes) {
            if (n.length <= 0 || n.start < 0)
                continue;
            const std::uint8_t ch = static_cast<std::uint8_t>(std::clamp(n.channel, 0, 15));
            const std::uint8_t pitch = clamp7(n.pitch);
            events.push_back({n.start, 2, {std::uint8_t(0x90 | ch), pitch, clamp7(n.velocity, 1)}});
            events.push_back({n.end(), 0, {std::uint8_t(0x80 | ch), pitch, 64}});
        }
        writeChunk(out, events);
    }
    return out;
}

std::optional<MidiError> MidiFileWriter::writeFile(const Song& song, const std::string& path) {
    const auto bytes = toBytes(song);
    std::string error;
    if (!AtomicFile::write(path, bytes, &error))
        return MidiError{MidiErrorCode::CannotWrite, path, 0, error};
    return std::nullopt;
}

}  // namespace biaxial
