#pragma once

#include <array>
#include <cstdint>
#include <functional>

namespace biaxial {

// Counts the notes that sound per (channel, pitch). Overlapping notes of one pitch share a
// key on a synth: the first note-off would cut both, so a note-off is sent only when the
// last of them ends; and the notes still held can be released at stop or at a loop's end.
// Not thread-safe: owned by one scheduler or renderer.
class SoundingNotes {
public:
    void clear() { counts_.fill(0); }
    void noteOn(int channel, int pitch);
    // True when this was the last sounding note of that key: send the note-off then.
    // False for a note-off of a key that does not sound (started before playback began).
    bool noteOff(int channel, int pitch);
    // Calls `off(channel, pitch)` for every sounding key and clears.
    void releaseAll(const std::function<void(int channel, int pitch)>& off);
    // The same, except for the sounding keys where keep(channel, pitch) > 0: they go on sounding
    // and will be released by that many note-offs (the notes of a new song that span this moment).
    void releaseAllExcept(const std::function<int(int channel, int pitch)>& keep,
                          const std::function<void(int channel, int pitch)>& off);
    bool anySounding() const;
    bool sounds(int channel, int pitch) const {
        return counts_[static_cast<std::size_t>(index(channel, pitch))] > 0;
    }

private:
    static int index(int channel, int pitch) { return (channel & 15) * 128 + (pitch & 127); }
    std::array<std::uint16_t, 16 * 128> counts_{};
};

}  // namespace biaxial
