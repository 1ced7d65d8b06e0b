#pragma once

#include <cstdint>

namespace biaxial {

// One note of a song, in MIDI ticks. A value: edits make a new note (withPitch, ...)
// so that undo commands can keep the old and the new value.
struct Note {
    int pitch = 60;           // MIDI note number 0..127
    std::int64_t start = 0;   // ticks from the start of the song
    std::int64_t length = 0;  // ticks, > 0
    int velocity = 100;       // 1..127
    int channel = 0;          // 0..15 (9 is General MIDI drums)
    // Kept by generation: Continue, Regenerate and Accompany never change a locked note and
    // sample the rest conditioned on it. Saved in the MIDI file (MidiFileWriter).
    bool locked = false;

    std::int64_t end() const { return start + length; }
    Note withPitch(int p) const {
        Note n = *this;
        n.pitch = p;
        return n;
    }
    Note withStart(std::int64_t s) const {
        Note n = *this;
        n.start = s;
        return n;
    }
    Note withLength(std::int64_t l) const {
        Note n = *this;
        n.length = l;
        return n;
    }
    Note withVelocity(int v) const {
        Note n = *this;
        n.velocity = v;
        return n;
    }
    Note withLocked(bool l) const {
        Note n = *this;
        n.locked = l;
        return n;
    }

    friend bool operator==(const Note&, const Note&) = default;
};

// Orders notes by start, then pitch, then the rest: the canonical order of a track.
inline bool noteLess(const Note& a, const Note& b) {
    if (a.start != b.start)
        return a.start < b.start;
    if (a.pitch != b.pitch)
        return a.pitch < b.pitch;
    if (a.length != b.length)
        return a.length < b.length;
    if (a.channel != b.channel)
        return a.channel < b.channel;
    return a.velocity < b.velocity;
}

}  // namespace biaxial
