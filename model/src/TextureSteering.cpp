#include "TextureSteering.h"

#include <algorithm>
#include <cmath>

namespace biaxial {

TextureSteering::TextureSteering(int variations, double conservativity)
    : variations_(variations), conservativity_(static_cast<std::size_t>(variations), conservativity) {}

void TextureSteering::setTargets(const Targets& targets) {
    // The rhythm's state is per position: a change of bar length starts it again.
    if (targets.onsets.size() != targets_.onsets.size())
        onsetLogOdds_.assign(static_cast<std::size_t>(variations_) * targets.onsets.size(), 0.0);
    targets_ = targets;
}

double TextureSteering::targetAt(int barPosition) const {
    return barPosition >= 0 && barPosition < positions()
               ? targets_.onsets[static_cast<std::size_t>(barPosition)]
               : -1.0;
}

double TextureSteering::onsetOdds(int k, int barPosition) const {
    if (!steersRhythm() || targetAt(barPosition) < 0)
        return 1.0;
    return std::exp(onsetLogOdds_[static_cast<std::size_t>(k * positions() + barPosition)]);
}

void TextureSteering::heard(int k, int barPosition, int sounding, int onsets) {
    if (targets_.adaptive) {
        double& c = conservativity_[static_cast<std::size_t>(k)];
        if (targets_.densityTarget > 0) {
            // More notes than the target raise c (fewer notes), fewer lower it, in proportion.
            const double miss = (sounding - targets_.densityTarget) / std::max(1.0, targets_.densityTarget);
            c = std::clamp(c * std::exp(targets_.densityGain * miss), 0.2, 5.0);
        } else {
            c = sounding < 2 ? c - 0.02 : c + (1.0 - c) * 0.3;
        }
    }
    const double target = targetAt(barPosition);
    if (steersRhythm() && target >= 0) {
        // Where the music struck less than the target at this position, onsets there become
        // likelier next time round; where it struck more, rarer.
        double& lo = onsetLogOdds_[static_cast<std::size_t>(k * positions() + barPosition)];
        lo = std::clamp(lo + targets_.rhythmGain * (target - onsets) / std::max(1.0, target), -std::log(4.0),
                        std::log(4.0));
    }
}

void TextureSteering::reorder(const std::vector<int>& parent) {
    const auto c = conservativity_;
    const auto lo = onsetLogOdds_;
    const int T = positions();
    for (std::size_t b = 0; b < parent.size(); ++b) {
        const auto a = static_cast<std::size_t>(parent[b]);
        conservativity_[b] = c[a];
        std::copy_n(lo.begin() + static_cast<std::ptrdiff_t>(a * T), T,
                    onsetLogOdds_.begin() + static_cast<std::ptrdiff_t>(b * T));
    }
}

}  // namespace biaxial
