#include "biaxial/engine/TextureProfile.h"

#include <algorithm>
#include <numeric>

namespace biaxial {

namespace {

void normalise(std::vector<double>& h) {
    const double total = std::accumulate(h.begin(), h.end(), 0.0);
    if (total > 0)
        for (double& v : h)
            v /= total;
}

}  // namespace

TextureProfile TextureProfile::of(const StepGrid& grid) {
    return of(std::vector<StepGrid>{grid});
}

TextureProfile TextureProfile::of(const std::vector<StepGrid>& grids) {
    TextureProfile p;
    p.onsetPositions.assign(kPositionBins, 0.0);
    p.intervals.assign(kIntervalBins, 0.0);
    p.noteLengths.assign(kLengthBins, 0.0);
    p.interOnsetIntervals.assign(kIoiBins, 0.0);
    p.polyphony.assign(kPolyphonyBins, 0.0);
    std::int64_t sounding = 0, eighthOnsets = 0, soundingSteps = 0;
    std::vector<std::int64_t> stepsAt, onsetsAt;  // per bar position
    double pitchSum = 0;
    for (const StepGrid& grid : grids) {
        // Each passage on its own: no note, interval or gap runs from one into the next.
        p.steps += grid.steps();
        const int N = grid.numNotes();
        std::vector<int> runLength(static_cast<std::size_t>(N), 0);  // steps sounded since the onset
        int lastOnsetStep = -1, lastTop = -1;
        auto endNote = [&](int n) {
            int& len = runLength[static_cast<std::size_t>(n)];
            if (len > 0) {
                p.longestNote = std::max(p.longestNote, len);
                p.noteLengths[static_cast<std::size_t>(std::min(len, kLengthBins) - 1)] += 1;
            }
            len = 0;
        };
        for (int t = 0; t < grid.steps(); ++t) {
            int here = 0, top = -1;
            bool anyOnset = false;
            const auto at = static_cast<std::size_t>(std::max(0, grid.barPosition(t)));
            if (at >= stepsAt.size()) {
                stepsAt.resize(at + 1, 0);
                onsetsAt.resize(at + 1, 0);
            }
            ++stepsAt[at];
            for (int n = 0; n < N; ++n) {
                if (!grid.play(t, n)) {
                    endNote(n);
                    continue;
                }
                ++here;
                const bool onset = runLength[static_cast<std::size_t>(n)] == 0 || grid.articulate(t, n);
                if (onset) {
                    endNote(n);
                    anyOnset = true;
                    top = n;
                    ++p.onsets;
                    ++onsetsAt[at];
                    const int pitch = grid.lowPitch() + n;
                    pitchSum += pitch;
                    p.pitchClasses[static_cast<std::size_t>(((pitch % 12) + 12) % 12)] += 1;
                    const int position = grid.barPosition(t);
                    p.onsetPositions[static_cast<std::size_t>(std::clamp(position, 0, kPositionBins - 1))] +=
                        1;
                    if (position % 2 == 0)
                        ++eighthOnsets;
                }
                ++runLength[static_cast<std::size_t>(n)];
            }
            sounding += here;
            if (here > 0)
                ++soundingSteps;
            p.maxVoices = std::max(p.maxVoices, here);
            p.polyphony[static_cast<std::size_t>(std::min(here, kPolyphonyBins - 1))] += 1;
            if (anyOnset) {
                if (lastOnsetStep >= 0)
                    p.interOnsetIntervals[static_cast<std::size_t>(std::min(t - lastOnsetStep, kIoiBins) -
                                                                   1)] += 1;
                if (lastTop >= 0)
                    p.intervals[static_cast<std::size_t>(std::clamp(top - lastTop, -12, 12) + 12)] += 1;
                lastOnsetStep = t;
                lastTop = top;
            }
        }
        for (int n = 0; n < N; ++n)
            endNote(n);
    }
    if (p.steps > 0) {
        p.onsetsPerStep = static_cast<double>(p.onsets) / p.steps;
        p.soundingPerStep = static_cast<double>(sounding) / p.steps;
    }
    if (soundingSteps > 0)
        p.voices = static_cast<double>(sounding) / static_cast<double>(soundingSteps);
    if (p.onsets > 0) {
        p.meanPitch = pitchSum / static_cast<double>(p.onsets);
        p.eighthOnsetShare = static_cast<double>(eighthOnsets) / static_cast<double>(p.onsets);
        for (double& v : p.pitchClasses)
            v /= static_cast<double>(p.onsets);
    }
    for (std::size_t i = 0; i < stepsAt.size(); ++i)
        p.onsetRateByPosition.push_back(
            stepsAt[i] > 0 ? static_cast<double>(onsetsAt[i]) / static_cast<double>(stepsAt[i]) : -1.0);
    normalise(p.onsetPositions);
    normalise(p.intervals);
    normalise(p.noteLengths);
    normalise(p.interOnsetIntervals);
    normalise(p.polyphony);
    return p;
}

double TextureProfile::shareInScale(const std::array<bool, 12>& scale) const {
    double share = 0;
    for (std::size_t i = 0; i < 12; ++i)
        if (scale[i])
            share += pitchClasses[i];
    return share;
}

double TextureProfile::overlap(const std::vector<double>& a, const std::vector<double>& b) {
    double area = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        area += std::min(a[i], b[i]);
    return area;
}

double TextureProfile::overlap(const std::array<double, 12>& a, const std::array<double, 12>& b) {
    return overlap(std::vector<double>(a.begin(), a.end()), std::vector<double>(b.begin(), b.end()));
}

}  // namespace biaxial
