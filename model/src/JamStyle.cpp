#include "biaxial/model/JamStyle.h"

#include <algorithm>
#include <cmath>

#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/TextureProfile.h"

namespace biaxial {

JamStyle JamStyle::followPlayer(const JamStyle& base, const StepGrid& heard, double holdLimit, bool along,
                                int lowestHeld, std::string* key) {
    JamStyle style = base;
    if (heard.steps() > 0) {
        const GridStatistics stats = GridStatistics::of(heard);
        if (stats.tellsAKey()) {
            style.pitchClasses = stats.keyScale();
            if (key)
                *key = stats.keyName();
        }
        const TextureProfile texture = TextureProfile::of(heard);
        if (texture.soundingPerStep > 0)
            style.densityTarget = texture.soundingPerStep * (along ? 2 : 1);
        // The rhythm: a position the player has not reached yet is -1, not steered there.
        style.onsetTarget = texture.onsetRateByPosition;
        for (double& v : style.onsetTarget)
            if (v > 0 && along)
                v *= 2;
        if (holdLimit > 0 && texture.longestNote > 0)
            style.maxHoldSteps = std::max(1, static_cast<int>(std::ceil(holdLimit * texture.longestNote)));
    }
    if (along) {
        int lowest = lowestHeld;
        for (int t = 0; t < heard.steps(); ++t)
            for (int n = 0; n < heard.numNotes(); ++n)
                if (heard.play(t, n))
                    lowest = std::min(lowest, heard.lowPitch() + n);
        if (lowest < 1000)
            style.maxPitch = std::max(heard.lowPitch() + 18, lowest - 1);
    }
    return style;
}

}  // namespace biaxial
