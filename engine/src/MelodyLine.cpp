#include "biaxial/engine/MelodyLine.h"

#include <algorithm>

namespace biaxial {

Song MelodyLine::topVoice(const Song& song) {
    std::vector<Note> all;
    for (const auto& t : song.tracks)
        all.insert(all.end(), t.notes.begin(), t.notes.end());
    // By start, highest first: the first note at each start is the top one.
    std::sort(all.begin(), all.end(), [](const Note& a, const Note& b) {
        return a.start != b.start ? a.start < b.start : a.pitch > b.pitch;
    });
    std::vector<Note> line;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i > 0 && all[i].start == all[i - 1].start)
            continue;
        const Note& n = all[i];
        // A lower note struck while the top note still sounds is an inner voice.
        if (!line.empty() && line.back().end() > n.start && line.back().pitch > n.pitch)
            continue;
        if (!line.empty() && line.back().end() > n.start)
            line.back().length = n.start - line.back().start;
        line.push_back(n);
    }
    Song out;
    out.ticksPerQuarter = song.ticksPerQuarter;
    out.tempos = song.tempos;
    out.timeSignatures = song.timeSignatures;
    Track track;
    track.name = "melody";
    track.notes = std::move(line);
    out.tracks.push_back(std::move(track));
    out.normalise();
    return out;
}

}  // namespace biaxial
