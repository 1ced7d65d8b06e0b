#include "biaxial/engine/RegionEdit.h"

#include <algorithm>

namespace biaxial {

Song RegionEdit::apply(const Song& song, std::int64_t start, std::int64_t end, const std::vector<Note>& added,
                       int track, const char* trackName) {
    Song out = song;
    for (auto& t : out.tracks)
        std::erase_if(t.notes, [&](const Note& n) { return replaces(n, start, end); });
    if (track < 0 || track >= static_cast<int>(out.tracks.size())) {
        Track fresh;
        fresh.name = trackName;
        out.tracks.push_back(std::move(fresh));
        track = static_cast<int>(out.tracks.size()) - 1;
    }
    auto& notes = out.tracks[static_cast<std::size_t>(track)].notes;
    notes.insert(notes.end(), added.begin(), added.end());
    out.normalise();
    return out;
}

}  // namespace biaxial
