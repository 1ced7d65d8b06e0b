#include "ContinueRequestBuilder.h"

#include <algorithm>
#include <vector>

#include "biaxial/engine/GridConverter.h"

namespace biaxial {

ContinueRequestBuilder::ContinueRequestBuilder(const Song& song, const NoteExtent& selection,
                                               std::int64_t loopStart, std::int64_t loopEnd, int editTrack)
    : song_(song), selection_(selection), loopStart_(loopStart), loopEnd_(loopEnd), editTrack_(editTrack) {}

std::int64_t ContinueRequestBuilder::seedEndTick(From from) const {
    const std::int64_t songEnd = song_.endTick();
    const bool selected = !selection_.empty();
    std::int64_t tick = songEnd;
    switch (from) {
        case From::Auto:
            tick = selected ? selection_.end : hasLoop() ? loopEnd_ : songEnd;
            break;
        case From::SongEnd:
            tick = songEnd;
            break;
        case From::SelectionEnd:
            tick = selected ? selection_.end : songEnd;
            break;
        case From::LoopEnd:
            tick = hasLoop() ? loopEnd_ : songEnd;
            break;
    }
    return GridConverter::ceilTickToStep(tick, song_.ticksPerQuarter);
}

bool ContinueRequestBuilder::regenerateRange(std::int64_t* start, std::int64_t* end) const {
    std::int64_t from = -1;
    std::int64_t to = -1;
    if (!selection_.empty()) {
        from = selection_.start;
        to = selection_.end;
    } else if (hasLoop()) {
        from = loopStart_;
        to = loopEnd_;
    }
    if (from < 0 || to <= from) {
        return false;
    }
    *start = GridConverter::floorTickToStep(from, song_.ticksPerQuarter);
    *end = GridConverter::ceilTickToStep(to, song_.ticksPerQuarter);
    return *end > *start;
}

ContinueRequest ContinueRequestBuilder::build(ContinueRequest::Mode mode, From from,
                                              const ContinueRequest& choices) const {
    ContinueRequest r = choices;
    r.mode = mode;
    r.song = song_;
    if (mode == ContinueRequest::Mode::Regenerate) {
        std::int64_t start = 0;
        std::int64_t end = 0;
        regenerateRange(&start, &end);
        r.seedEndTick = start;
        r.replaceEndTick = end;
    } else {
        r.seedEndTick = seedEndTick(from);
    }
    r.track = editTrack_;
    // New notes look like their neighbours: the channel of the edit track and the median
    // velocity of the song.
    r.channel = channelOf(song_, r.track);
    r.velocity = medianVelocity(song_, choices.velocity);
    return r;
}

int ContinueRequestBuilder::medianVelocity(const Song& song, int fallback) {
    std::vector<int> velocities;
    for (const Track& track : song.tracks) {
        for (const Note& n : track.notes) {
            velocities.push_back(n.velocity);
        }
    }
    if (velocities.empty()) {
        return fallback;
    }
    std::nth_element(velocities.begin(), velocities.begin() + velocities.size() / 2, velocities.end());
    return velocities[velocities.size() / 2];
}

int ContinueRequestBuilder::channelOf(const Song& song, int track) {
    if (track < 0 || track >= static_cast<int>(song.tracks.size()) || song.tracks[track].notes.empty()) {
        return 0;
    }
    return song.tracks[track].notes.front().channel;
}

}  // namespace biaxial
