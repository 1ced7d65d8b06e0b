#pragma once

#include <cstdint>
#include <utility>

#include "biaxial/engine/Song.h"

namespace biaxial {

// Bars cut out of a song: a seed for Continue from a long piece (`biaxial excerpt`), and the
// seeds and the composer's own next bars of the musicality evaluation.
class SongExcerpt {
public:
    // The ticks [start, end) of `bars` bars from bar `fromBar` (counted from 1), each bar as long
    // as the meter in force at its start makes it.
    static std::pair<std::int64_t, std::int64_t> barRange(const Song& song, int fromBar, int bars);
    // The notes that start in [start, end), cut at `end` and moved to start at 0; controllers in
    // the range likewise; the tempo and meter in force at `start` move to tick 0 and later
    // changes inside the range shift with the music.
    static Song cut(const Song& song, std::int64_t start, std::int64_t end);
    static Song bars(const Song& song, int fromBar, int bars) {
        const auto [start, end] = barRange(song, fromBar, bars);
        return cut(song, start, end);
    }
};

}  // namespace biaxial
