#include "biaxial/engine/SongExcerpt.h"

#include <algorithm>
#include <type_traits>
#include <vector>

#include "biaxial/engine/GridConverter.h"

namespace biaxial {

namespace {

// The entry of a tick-sorted map in force at `start` moves to tick 0; later ones inside the
// range shift with the music.
template <typename Entry>
std::vector<Entry> shiftMap(const std::vector<Entry>& map, std::int64_t start, std::int64_t end) {
    std::vector<Entry> shifted;
    if (map.empty())
        return shifted;
    Entry current = map.front();
    for (const auto& e : map)
        if (e.tick <= start)
            current = e;
    current.tick = 0;
    shifted.push_back(current);
    for (auto e : map)
        if (e.tick > start && e.tick < end) {
            e.tick -= start;
            shifted.push_back(e);
        }
    return shifted;
}

}  // namespace

std::pair<std::int64_t, std::int64_t> SongExcerpt::barRange(const Song& song, int fromBar, int bars) {
    const int tpq = song.ticksPerQuarter > 0 ? song.ticksPerQuarter : 480;
    auto barTicksAt = [&](std::int64_t t) {
        const TimeSignature sig = GridConverter::timeSignatureAt(song, t);
        return std::max<std::int64_t>(
            1, static_cast<std::int64_t>(tpq) * 4 * sig.numerator / std::max(1, sig.denominator));
    };
    std::int64_t tick = 0;
    for (int bar = 1; bar < fromBar; ++bar)
        tick += barTicksAt(tick);
    const std::int64_t start = tick;
    for (int i = 0; i < bars; ++i)
        tick += barTicksAt(tick);
    return {start, tick};
}

Song SongExcerpt::cut(const Song& song, std::int64_t start, std::int64_t end) {
    Song out = song;
    for (auto& track : out.tracks) {
        std::vector<Note> kept;
        for (auto n : track.notes) {
            if (n.start < start || n.start >= end)
                continue;
            n.length = std::min(n.end(), end) - n.start;
            n.start -= start;
            kept.push_back(n);
        }
        track.notes = std::move(kept);
        std::vector<ControlChange> controls;
        for (auto c : track.controls)
            if (c.tick >= start && c.tick < end) {
                c.tick -= start;
                controls.push_back(c);
            }
        track.controls = std::move(controls);
    }
    out.tempos = shiftMap(song.tempos, start, end);
    out.timeSignatures = shiftMap(song.timeSignatures, start, end);
    out.normalise();
    return out;
}

}  // namespace biaxial
