#pragma once

#include <vector>

namespace biaxial {

// The adaptive controls that keep sampled music near a texture, per variation: the
// conservativity (play ~ P^c), steered toward a number of notes sounding per step (or the
// original's rule, which only reacts to fewer than 2), and a factor on the odds of an onset at
// each bar position, steered toward onsets per step there (the rhythm). Continue (Generator)
// and the jam (JamEngine) steer through this one class; the note sampler reads its values
// (SampleControls::conservativity, onsetOdds). No Torch.
class TextureSteering {
public:
    struct Targets {
        bool adaptive = false;       // the conservativity adapts after every step
        double densityTarget = 0.0;  // notes sounding per step; 0 = the original's rule
        double densityGain = 0.1;    // c *= exp(gain * (sounding - target) / max(1, target))
        std::vector<double> onsets;  // per bar position (< 0: none there); empty = no rhythm
        double rhythmGain = 0.25;    // odds *= exp(gain * (target - onsets) / max(1, target))
    };

    TextureSteering() = default;
    TextureSteering(int variations, double conservativity);
    // New targets (the jam's follow the player); the state steered so far is kept.
    void setTargets(const Targets& targets);

    const std::vector<double>& conservativity() const { return conservativity_; }
    bool steersRhythm() const { return !targets_.onsets.empty() && targets_.rhythmGain > 0; }
    // The factor on the odds of an onset for variation k at a step at `barPosition` (1 where
    // the rhythm is not steered).
    double onsetOdds(int k, int barPosition) const;
    // After a step at `barPosition`: how many notes variation k sounded and how many it struck
    // (a note starting, or sounding and struck again).
    void heard(int k, int barPosition, int sounding, int onsets);
    // Resampling: variation b takes the state of variation parent[b].
    void reorder(const std::vector<int>& parent);

private:
    double targetAt(int barPosition) const;
    int positions() const { return static_cast<int>(targets_.onsets.size()); }

    Targets targets_;
    int variations_ = 0;
    std::vector<double> conservativity_;  // [K]
    std::vector<double> onsetLogOdds_;    // [K][positions]
};

}  // namespace biaxial
