#include "biaxial/audio/MidiRecorder.h"

#include <algorithm>
#include <cmath>

namespace biaxial {

MidiRecorder::MidiRecorder(const Song& timing, std::int64_t startTick, double startSeconds, Options options) {
    start(timing, startTick, startSeconds, options);
}

void MidiRecorder::start(const Song& timing, std::int64_t startTick, double startSeconds, Options options) {
    Song tempoMap = timing;
    tempoMap.tracks.clear();
    tempoMap.normalise();
    if (tempoMap.ticksPerQuarter <= 0)
        tempoMap.ticksPerQuarter = 480;
    std::lock_guard lock(mutex_);
    timing_ = std::move(tempoMap);
    startTick_ = std::max<std::int64_t>(0, startTick);
    startSeconds_ = startSeconds;
    options_ = options;
    options_.stepsPerQuarter = std::max(1, options_.stepsPerQuarter);
    startSongSeconds_ = timing_.secondsAt(startTick_);
    held_.clear();
    notes_.clear();
    recording_ = true;
}

bool MidiRecorder::isRecording() const {
    std::lock_guard lock(mutex_);
    return recording_;
}

std::int64_t MidiRecorder::quantize(std::int64_t tick) const {
    std::lock_guard lock(mutex_);
    return quantizeLocked(tick);
}

std::int64_t MidiRecorder::tickAt(double seconds) const {
    std::lock_guard lock(mutex_);
    return tickAtLocked(seconds);
}

std::int64_t MidiRecorder::quantizeLocked(std::int64_t tick) const {
    // step = tick * spq / tpq, rounded; then back to ticks, rounded: no assumption that the
    // resolution divides by the grid (DESIGN.md §2 lists that bug of the original).
    const double step =
        std::round(static_cast<double>(tick) * options_.stepsPerQuarter / timing_.ticksPerQuarter);
    return static_cast<std::int64_t>(std::llround(step * timing_.ticksPerQuarter / options_.stepsPerQuarter));
}

std::int64_t MidiRecorder::tickAtLocked(double seconds) const {
    return std::max<std::int64_t>(0,
                                  timing_.tickAt(startSongSeconds_ + std::max(0.0, seconds - startSeconds_)));
}

Note MidiRecorder::makeNote(int channel, int pitch, const Held& held, std::int64_t endTick) const {
    const std::int64_t oneStep = std::max<std::int64_t>(
        1, std::llround(static_cast<double>(timing_.ticksPerQuarter) / options_.stepsPerQuarter));
    Note note;
    note.pitch = pitch;
    note.channel = options_.channel >= 0 ? std::min(options_.channel, 15) : channel;
    note.velocity = std::clamp(held.velocity, 1, 127);
    note.start = quantizeLocked(held.startTick);
    // A key tapped shorter than half a step still makes a note one step long.
    note.length = std::max(oneStep, quantizeLocked(endTick) - note.start);
    return note;
}

void MidiRecorder::handle(const MidiMessage& message, double seconds) {
    if (!message.isNoteOn() && !message.isNoteOff())
        return;
    const std::pair<int, int> key{message.channel(), message.data1()};
    std::lock_guard lock(mutex_);
    if (!recording_)
        return;
    const std::int64_t tick = tickAtLocked(seconds);
    auto held = held_.find(key);
    if (held != held_.end()) {
        // A note-off, or a second strike of a key whose note-off never came: either ends it.
        notes_.push_back(makeNote(key.first, key.second, held->second, tick));
        held_.erase(held);
    }
    if (message.isNoteOn())
        held_[key] = Held{tick, message.data2()};
}

std::vector<Note> MidiRecorder::notes() const {
    std::lock_guard lock(mutex_);
    std::vector<Note> out = notes_;
    std::sort(out.begin(), out.end(), noteLess);
    return out;
}

std::vector<Note> MidiRecorder::finish(double seconds) {
    std::lock_guard lock(mutex_);
    if (!recording_)
        return {};
    recording_ = false;
    const std::int64_t tick = tickAtLocked(seconds);
    for (const auto& [key, held] : held_)
        notes_.push_back(makeNote(key.first, key.second, held, tick));
    held_.clear();
    std::vector<Note> out = std::move(notes_);
    notes_.clear();
    std::sort(out.begin(), out.end(), noteLess);
    return out;
}

}  // namespace biaxial
