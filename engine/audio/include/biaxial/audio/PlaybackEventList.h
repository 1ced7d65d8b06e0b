#pragma once

#include <cstdint>
#include <vector>

#include "biaxial/audio/PlaybackEvent.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// A song flattened into time-ordered playback events (note on/off, controllers, programs),
// with seconds computed once from the tempo map, so that the scheduler and the renderer
// never walk the tempo map in their loops. A value; thread-safe to read.
class PlaybackEventList {
public:
    PlaybackEventList() = default;
    explicit PlaybackEventList(const Song& song);

    const std::vector<PlaybackEvent>& events() const { return events_; }
    bool empty() const { return events_.empty(); }
    // The end of the last note, in ticks and seconds (0 for an empty song).
    std::int64_t endTick() const { return endTick_; }
    double endSeconds() const { return endSeconds_; }

    double secondsAt(std::int64_t tick) const { return timing_.secondsAt(tick); }
    std::int64_t tickAt(double seconds) const { return timing_.tickAt(seconds); }
    int ticksPerQuarter() const { return timing_.ticksPerQuarter; }
    // The song's tempo and time-signature maps, without notes.
    const Song& timing() const { return timing_; }

    // Index of the first event at or after `seconds`.
    std::size_t indexAt(double seconds) const;
    // The events that put a synth in the state the song has at `tick` when playback starts
    // there: each track's program, then the last value of every controller before `tick`
    // (the sustain pedal above all), then a strike of every note that began before `tick` and
    // is still held there (its own note-off ends it), as a musician hears a held chord when
    // playback starts inside it.
    std::vector<PlaybackEvent> stateAt(std::int64_t tick) const;

private:
    Song timing_;
    std::vector<PlaybackEvent> events_;
    std::vector<PlaybackEvent> programs_;  // one per (track channel), at tick 0
    std::int64_t endTick_ = 0;
    double endSeconds_ = 0.0;
};

}  // namespace biaxial
