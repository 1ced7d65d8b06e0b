#include "biaxial/engine/Song.h"

#include <algorithm>

namespace biaxial {

void Song::normalise() {
    if (ticksPerQuarter <= 0)
        ticksPerQuarter = 480;
    std::stable_sort(tempos.begin(), tempos.end(), [](auto& a, auto& b) { return a.tick < b.tick; });
    std::stable_sort(timeSignatures.begin(), timeSignatures.end(),
                     [](auto& a, auto& b) { return a.tick < b.tick; });
    if (tempos.empty() || tempos.front().tick > 0)
        tempos.insert(tempos.begin(), TempoChange{0, 500000});
    if (timeSignatures.empty() || timeSignatures.front().tick > 0)
        timeSignatures.insert(timeSignatures.begin(), TimeSignature{0, 4, 4});
    // Several changes at one tick: the last one read wins.
    auto dedupe = [](auto& v) {
        std::vector<typename std::decay_t<decltype(v)>::value_type> out;
        for (auto& e : v) {
            if (!out.empty() && out.back().tick == e.tick)
                out.back() = e;
            else
                out.push_back(e);
        }
        v = std::move(out);
    };
    dedupe(tempos);
    dedupe(timeSignatures);
    for (auto& t : tracks) {
        std::sort(t.notes.begin(), t.notes.end(), noteLess);
        std::stable_sort(t.controls.begin(), t.controls.end(),
                         [](auto& a, auto& b) { return a.tick < b.tick; });
    }
}

std::int64_t Song::endTick() const {
    std::int64_t end = 0;
    for (const auto& t : tracks)
        for (const auto& n : t.notes)
            end = std::max(end, n.end());
    return end;
}

std::size_t Song::noteCount() const {
    std::size_t n = 0;
    for (const auto& t : tracks)
        n += t.notes.size();
    return n;
}

double Song::secondsAt(std::int64_t tick) const {
    const double tpq = ticksPerQuarter > 0 ? ticksPerQuarter : 480;
    double seconds = 0.0;
    std::int64_t lastTick = 0;
    int micros = 500000;
    for (const auto& tc : tempos) {
        if (tc.tick >= tick)
            break;
        seconds += static_cast<double>(tc.tick - lastTick) * micros / (tpq * 1e6);
        lastTick = tc.tick;
        micros = tc.microsPerQuarter;
    }
    seconds += static_cast<double>(tick - lastTick) * micros / (tpq * 1e6);
    return seconds;
}

std::int64_t Song::tickAt(double seconds) const {
    const double tpq = ticksPerQuarter > 0 ? ticksPerQuarter : 480;
    double elapsed = 0.0;
    std::int64_t lastTick = 0;
    int micros = 500000;
    for (const auto& tc : tempos) {
        const double segment = static_cast<double>(tc.tick - lastTick) * micros / (tpq * 1e6);
        if (elapsed + segment > seconds)
            break;
        elapsed += segment;
        lastTick = tc.tick;
        micros = tc.microsPerQuarter;
    }
    return lastTick + static_cast<std::int64_t>((seconds - elapsed) * tpq * 1e6 / micros + 1e-9);
}

}  // namespace biaxial
