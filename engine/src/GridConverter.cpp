#include "biaxial/engine/GridConverter.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace biaxial {
namespace {

// ceil(a / b) for b > 0 and any sign of a.
std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

// The first step whose middle lies at or after `tick`. A step k spans ticks
// [k*tpq/4, (k+1)*tpq/4); its middle is (2k+1)*tpq/8. Sampling at the middle is the original's
// rule (it reads the state half a step in), and in integers: 8*tick <= (2k+1)*tpq.
std::int64_t firstStepFrom(std::int64_t tick, int tpq) {
    return ceilDiv(8 * tick - tpq, 2LL * tpq);
}

struct Interval {
    std::int64_t from, to;
};

// Pedal-down intervals (CC64 >= 64) per channel.
std::map<int, std::vector<Interval>> sustainIntervals(const Track& track) {
    std::map<int, std::vector<Interval>> out;
    std::map<int, std::int64_t> downSince;
    for (const auto& c : track.controls) {
        if (c.controller != 64)
            continue;
        const bool down = c.value >= 64;
        auto it = downSince.find(c.channel);
        if (down && it == downSince.end()) {
            downSince[c.channel] = c.tick;
        } else if (!down && it != downSince.end()) {
            out[c.channel].push_back({it->second, c.tick});
            downSince.erase(it);
        }
    }
    for (auto& [ch, since] : downSince)
        out[ch].push_back({since, INT64_MAX});
    return out;
}

}  // namespace

int GridConverter::stepsPerBar(const TimeSignature& sig) {
    const int den = sig.denominator > 0 ? sig.denominator : 4;
    const int steps = static_cast<int>(std::lround(16.0 * sig.numerator / den));
    return std::max(1, steps);
}

std::int64_t GridConverter::stepOfTick(std::int64_t tick, int ticksPerQuarter) {
    const std::int64_t tpq = ticksPerQuarter > 0 ? ticksPerQuarter : 480;
    const std::int64_t num = 4 * tick;
    return num >= 0 ? num / tpq : -ceilDiv(-num, tpq);
}

std::int64_t GridConverter::tickOfStep(std::int64_t step, int ticksPerQuarter) {
    const std::int64_t tpq = ticksPerQuarter > 0 ? ticksPerQuarter : 480;
    return (step * tpq + 2) / 4;  // nearest tick; exact when tpq is divisible by 4
}

std::int64_t GridConverter::stepAtOrAfter(std::int64_t tick, int ticksPerQuarter) {
    return tick <= 0 ? 0 : stepOfTick(tick - 1, ticksPerQuarter) + 1;
}

std::int64_t GridConverter::floorTickToStep(std::int64_t tick, int ticksPerQuarter) {
    return tickOfStep(stepOfTick(std::max<std::int64_t>(0, tick), ticksPerQuarter), ticksPerQuarter);
}

std::int64_t GridConverter::ceilTickToStep(std::int64_t tick, int ticksPerQuarter) {
    return tickOfStep(stepAtOrAfter(tick, ticksPerQuarter), ticksPerQuarter);
}

TimeSignature GridConverter::timeSignatureAt(const Song& song, std::int64_t tick) {
    TimeSignature in;
    std::int64_t best = -1;
    for (const TimeSignature& sig : song.timeSignatures) {
        if (sig.tick <= tick && sig.tick >= best) {
            in = sig;
            best = sig.tick;
        }
    }
    return in;
}

GridResult GridConverter::toGrid(const Song& input, const GridOptions& options) {
    Song song = input;
    song.normalise();
    const int tpq = song.ticksPerQuarter;
    GridResult result;

    // The original stops at the first meter other than 2/4 or 4/4.
    std::int64_t stopTick = INT64_MAX;
    if (options.originalMeterRule) {
        for (const auto& s : song.timeSignatures) {
            const bool accepted = s.denominator == 4 && (s.numerator == 2 || s.numerator == 4);
            if (!accepted) {
                stopTick = s.tick;
                result.truncatedAtMeter = true;
                break;
            }
        }
    }

    struct Span {
        int note;
        std::int64_t from, to;  // steps [from, to)
    };
    std::vector<Span> spans;
    std::int64_t steps = 0;
    for (const auto& track : song.tracks) {
        const auto pedal =
            options.extendWithSustainPedal ? sustainIntervals(track) : std::map<int, std::vector<Interval>>{};
        for (const auto& n : track.notes) {
            if (n.channel == 9) {
                ++result.droppedDrums;
                continue;
            }
            if (n.pitch < options.lowPitch || n.pitch >= options.lowPitch + options.numNotes) {
                ++result.droppedOutOfRange;
                continue;
            }
            if (n.start >= stopTick)
                continue;
            std::int64_t end = std::min(n.end(), stopTick);
            if (options.extendWithSustainPedal) {
                if (auto it = pedal.find(n.channel); it != pedal.end()) {
                    for (const auto& iv : it->second) {
                        if (iv.from <= end && end < iv.to) {
                            end = std::min(iv.to, stopTick);
                            break;
                        }
                    }
                }
            }
            std::int64_t from = firstStepFrom(n.start, tpq);
            std::int64_t to = firstStepFrom(end, tpq);
            if (to <= from) {
                ++result.shortNotesWidened;
                to = from + 1;
            }
            spans.push_back({n.pitch - options.lowPitch, from, to});
            steps = std::max(steps, to);
        }
    }
    if (stopTick != INT64_MAX)
        steps = std::min(steps, std::max<std::int64_t>(0, firstStepFrom(stopTick, tpq)));

    // Re-struck notes: with the sustain pedal a held note may run into the next strike of the same
    // pitch; the later strike wins, which the articulate bit records.
    StepGrid grid(static_cast<int>(steps), options.lowPitch, options.numNotes);
    for (const auto& s : spans)
        for (std::int64_t t = s.from; t < std::min(s.to, steps); ++t)
            grid.set(static_cast<int>(t), s.note, true, grid.articulate(static_cast<int>(t), s.note));
    for (const auto& s : spans)
        if (s.from < steps)
            grid.set(static_cast<int>(s.from), s.note, true, true);

    // Bar positions follow the meter map. A signature takes effect at the step whose middle
    // it precedes; positions count from there.
    const auto& sigs = song.timeSignatures;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        const std::int64_t from = std::max<std::int64_t>(0, firstStepFrom(sigs[i].tick, tpq));
        const std::int64_t to = i + 1 < sigs.size() ? firstStepFrom(sigs[i + 1].tick, tpq) : steps;
        const int perBar = stepsPerBar(sigs[i]);
        for (std::int64_t t = from; t < std::min(to, steps); ++t)
            grid.setBarPosition(static_cast<int>(t), static_cast<int>((t - from) % perBar));
    }
    result.grid = std::move(grid);
    return result;
}

std::vector<Note> GridConverter::toNotes(const StepGrid& grid, std::int64_t firstStep,
                                         const SongOptions& options) {
    const int tpq = options.ticksPerQuarter > 0 ? options.ticksPerQuarter : 480;
    const int velocity = std::clamp(options.velocity, 1, 127);
    std::vector<Note> notes;
    for (int n = 0; n < grid.numNotes(); ++n) {
        int start = -1;
        for (int t = 0; t <= grid.steps(); ++t) {
            const bool plays = t < grid.steps() && grid.play(t, n);
            const bool strikes = plays && (start < 0 || grid.articulate(t, n));
            if (start >= 0 && (!plays || strikes)) {
                const std::int64_t from = tickOfStep(firstStep + start, tpq);
                notes.push_back(Note{grid.lowPitch() + n, from, tickOfStep(firstStep + t, tpq) - from,
                                     velocity, options.channel});
                start = -1;
            }
            if (strikes || (plays && start < 0))
                start = t;
        }
    }
    std::sort(notes.begin(), notes.end(), noteLess);
    return notes;
}

Song GridConverter::toSong(const StepGrid& grid, const SongOptions& options) {
    Song song;
    song.ticksPerQuarter = options.ticksPerQuarter > 0 ? options.ticksPerQuarter : 480;
    const double bpm = options.bpm > 0 ? options.bpm : 120.0;
    song.tempos.push_back({0, static_cast<int>(std::lround(60'000'000.0 / bpm))});
    song.timeSignatures.push_back({0, options.numerator, options.denominator});
    Track track;
    track.program = options.program;
    track.notes = toNotes(grid, 0, options);
    song.tracks.push_back(std::move(track));
    song.normalise();
    return song;
}

}  // namespace biaxial
