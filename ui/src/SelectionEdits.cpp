#include "biaxial/ui/SelectionEdits.h"

#include <algorithm>

#include "biaxial/ui/RollGeometry.h"

namespace biaxial {

NoteRefs SelectionEdits::transposed(const NoteRefs& notes, int semitones) {
    semitones = clampTranspose(extentOf(notes), semitones);
    NoteRefs after = notes;
    for (NoteRef& r : after)
        r.note = r.note.withPitch(r.note.pitch + semitones);
    return after;
}

NoteRefs SelectionEdits::moved(const NoteRefs& notes, std::int64_t ticks) {
    ticks = clampMove(extentOf(notes), ticks);
    NoteRefs after = notes;
    for (NoteRef& r : after)
        r.note = r.note.withStart(r.note.start + ticks);
    return after;
}

NoteRefs SelectionEdits::quantized(const NoteRefs& notes, std::int64_t step) {
    NoteRefs after = notes;
    for (NoteRef& r : after) {
        const std::int64_t start = RollGeometry::snapRound(r.note.start, step);
        std::int64_t end = RollGeometry::snapRound(r.note.end(), step);
        if (end <= start)
            end = start + step;
        r.note = r.note.withStart(start).withLength(end - start);
    }
    return after;
}

NoteRefs SelectionEdits::velocityChanged(const NoteRefs& notes, int delta) {
    NoteRefs after = notes;
    for (NoteRef& r : after)
        r.note = r.note.withVelocity(std::clamp(r.note.velocity + delta, 1, 127));
    return after;
}

NoteRefs SelectionEdits::velocitySet(const NoteRefs& notes, int velocity) {
    velocity = std::clamp(velocity, 1, 127);
    NoteRefs after = notes;
    for (NoteRef& r : after)
        r.note = r.note.withVelocity(velocity);
    return after;
}

int SelectionEdits::medianVelocity(const NoteRefs& notes) {
    if (notes.empty())
        return 100;
    std::vector<int> v;
    for (const NoteRef& r : notes)
        v.push_back(r.note.velocity);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

NoteRefs SelectionEdits::lockToggled(const NoteRefs& notes) {
    const bool lock =
        std::any_of(notes.begin(), notes.end(), [](const NoteRef& r) { return !r.note.locked; });
    NoteRefs after = notes;
    for (auto& r : after)
        r.note.locked = lock;
    return after;
}

NoteRefs SelectionEdits::pasted(NoteRefs clip, std::int64_t at, int trackCount, int editTrack) {
    for (NoteRef& r : clip) {
        r.note.start += at;
        if (r.track >= trackCount)
            r.track = editTrack;
    }
    return clip;
}

std::int64_t SelectionEdits::clampMove(const NoteExtent& extent, std::int64_t ticks) {
    return std::max(ticks, -extent.start);
}

int SelectionEdits::clampTranspose(const NoteExtent& extent, int semitones) {
    if (extent.empty())
        return std::clamp(semitones, -127, 127);
    return std::clamp(semitones, -extent.lowPitch, 127 - extent.highPitch);
}

std::int64_t SelectionEdits::clampResize(const NoteExtent& extent, std::int64_t ticks, std::int64_t step) {
    const std::int64_t minLength = std::min(step, extent.shortest);
    return std::max(ticks, minLength - extent.shortest);
}

}  // namespace biaxial
