#include "biaxial/engine/Metronome.h"

#include <algorithm>

#include "biaxial/engine/GridConverter.h"

namespace biaxial {

namespace {

std::int64_t beatTicks(const Song& song, const TimeSignature& sig) {
    return std::max<std::int64_t>(
        1, static_cast<std::int64_t>(song.ticksPerQuarter) * 4 / std::max(1, sig.denominator));
}

}  // namespace

std::int64_t Metronome::barTicks(const Song& song, std::int64_t tick) {
    const TimeSignature sig = GridConverter::timeSignatureAt(song, tick);
    return beatTicks(song, sig) * std::max(1, sig.numerator);
}

std::vector<Note> Metronome::clicks(const Song& song, std::int64_t fromTick, std::int64_t toTick) {
    std::vector<Note> out;
    std::vector<TimeSignature> meters = song.timeSignatures;
    if (meters.empty() || meters.front().tick > 0)
        meters.insert(meters.begin(), TimeSignature{});
    for (std::size_t m = 0; m < meters.size(); ++m) {
        const TimeSignature& sig = meters[m];
        const std::int64_t end = m + 1 < meters.size() ? meters[m + 1].tick : toTick;
        const std::int64_t beat = beatTicks(song, sig);
        const std::int64_t length = std::max<std::int64_t>(1, song.ticksPerQuarter / 4);
        // Beats counted from the signature's own tick: its bar lines start there.
        std::int64_t index = std::max<std::int64_t>(0, (fromTick - sig.tick + beat - 1) / beat);
        for (std::int64_t t = sig.tick + index * beat; t < std::min(end, toTick); t += beat, ++index) {
            if (t < fromTick)
                continue;
            const bool bar = index % std::max(1, sig.numerator) == 0;
            out.push_back({bar ? kBarPitch : kBeatPitch, t, std::min(length, beat),
                           bar ? kBarVelocity : kBeatVelocity, kChannel, false});
        }
    }
    return out;
}

}  // namespace biaxial
