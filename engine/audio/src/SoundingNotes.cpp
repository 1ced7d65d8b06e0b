#include "biaxial/audio/SoundingNotes.h"

#include <algorithm>

namespace biaxial {

void SoundingNotes::noteOn(int channel, int pitch) {
    auto& count = counts_[index(channel, pitch)];
    if (count < 0xFFFF)
        ++count;
}

bool SoundingNotes::noteOff(int channel, int pitch) {
    auto& count = counts_[index(channel, pitch)];
    if (count == 0)
        return false;
    --count;
    return count == 0;
}

void SoundingNotes::releaseAll(const std::function<void(int, int)>& off) {
    for (int i = 0; i < static_cast<int>(counts_.size()); ++i) {
        if (counts_[i] > 0) {
            counts_[i] = 0;
            off(i / 128, i % 128);
        }
    }
}

void SoundingNotes::releaseAllExcept(const std::function<int(int, int)>& keep,
                                     const std::function<void(int, int)>& off) {
    for (int i = 0; i < static_cast<int>(counts_.size()); ++i) {
        if (counts_[i] == 0)
            continue;
        const int kept = keep(i / 128, i % 128);
        if (kept > 0) {
            counts_[i] = static_cast<std::uint16_t>(kept);
        } else {
            counts_[i] = 0;
            off(i / 128, i % 128);
        }
    }
}

bool SoundingNotes::anySounding() const {
    return std::any_of(counts_.begin(), counts_.end(), [](std::uint16_t c) { return c > 0; });
}

}  // namespace biaxial
