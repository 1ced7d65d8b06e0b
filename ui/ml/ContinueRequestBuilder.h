#pragma once

#include <cstdint>

#include "biaxial/engine/NoteExtent.h"
#include "biaxial/model/ContinueRequest.h"

namespace biaxial {

// Turns what the document offers (the song, the selection's extent, the loop region, the
// edit track) and the Continue panel's choices into a ContinueRequest: where the seed ends,
// which range Regenerate replaces, and the channel and velocity that make the new notes look
// like their neighbours. No widgets, so that these rules are tested without a panel; the
// panel reads its controls into `choices` and asks here. A view of `song`, which must
// outlive the builder.
class ContinueRequestBuilder {
public:
    // Where Continue starts: the end of the selection, the loop region or the song (Auto:
    // the first of these there is).
    enum class From { Auto, SongEnd, SelectionEnd, LoopEnd };

    // loopEnd <= loopStart: no loop region.
    ContinueRequestBuilder(const Song& song, const NoteExtent& selection, std::int64_t loopStart,
                           std::int64_t loopEnd, int editTrack);

    // Where Continue starts for `from`, rounded up to a whole step.
    std::int64_t seedEndTick(From from) const;
    // The range Regenerate replaces, on whole steps: the selection's, else the loop region.
    // False when there is neither.
    bool regenerateRange(std::int64_t* start, std::int64_t* end) const;
    // `choices` holds the sampling the user chose (bars, conservativity, temperature,
    // variations, seed, scale ...); the song, the range, the track, channel and velocity are
    // filled in here.
    ContinueRequest build(ContinueRequest::Mode mode, From from, const ContinueRequest& choices) const;

    // The median velocity of the song's notes; `fallback` when it has none.
    static int medianVelocity(const Song& song, int fallback);
    // The channel of the first note of `track`; 0 when it has none.
    static int channelOf(const Song& song, int track);

private:
    bool hasLoop() const { return loopEnd_ > loopStart_; }

    const Song& song_;
    NoteExtent selection_;
    std::int64_t loopStart_;
    std::int64_t loopEnd_;
    int editTrack_;
};

}  // namespace biaxial
