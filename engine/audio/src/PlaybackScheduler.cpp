#include "biaxial/audio/PlaybackScheduler.h"

#include <algorithm>
#include <array>
#include <limits>

#include "biaxial/audio/SteadyClock.h"

namespace biaxial {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
// A loop end reached later than this (the machine stalled, or the loop was moved behind
// the playhead) restarts the loop now rather than in the past, which would burst notes.
constexpr double kMaxLoopLateness = 0.1;

}  // namespace

PlaybackScheduler::PlaybackScheduler(ISynth* synth, IClock* clock)
    : ownedClock_(clock ? nullptr : std::make_unique<SteadyClock>()),
      clock_(clock ? clock : ownedClock_.get()),
      synth_(synth),
      worker_([this] { run(); }) {}

PlaybackScheduler::~PlaybackScheduler() {
    {
        std::lock_guard lock(mutex_);
        if (playing_)
            silenceLocked();
        playing_ = false;
        quit_ = true;
    }
    clock_->interrupt();
    worker_.join();
}

void PlaybackScheduler::setSong(const Song& song) {
    PlaybackEventList events(song);  // outside the lock: large songs take a moment
    std::lock_guard lock(mutex_);
    if (playing_) {
        const double now = clock_->now();
        positionTick_ = currentTickLocked(now);
        // A note that the new song also holds at this moment goes on sounding (a song that
        // grows while it plays, as a streamed Continue does, must not cut its own notes);
        // its note-off comes from the new song. Every other sounding note is released.
        std::array<int, 16 * 128> spanning{};
        for (const Track& track : song.tracks)
            for (const Note& n : track.notes)
                if (n.start < positionTick_ && n.end() > positionTick_)
                    ++spanning[static_cast<std::size_t>((n.channel & 15) * 128 + (n.pitch & 127))];
        sounding_.releaseAllExcept(
            [&](int channel, int pitch) { return spanning[static_cast<std::size_t>(channel * 128 + pitch)]; },
            [this](int channel, int pitch) {
                if (synth_)
                    synth_->noteOff(channel, pitch);
            });
        events_ = std::move(events);
        startLocked(now);
    } else {
        events_ = std::move(events);
    }
    clock_->interrupt();
}

void PlaybackScheduler::setSynth(ISynth* synth) {
    std::lock_guard lock(mutex_);
    if (synth == synth_)
        return;
    const double now = clock_->now();
    if (playing_)
        positionTick_ = currentTickLocked(now);
    silenceLocked();
    auditions_.clear();
    synth_ = synth;
    if (playing_)
        startLocked(now);
    clock_->interrupt();
}

void PlaybackScheduler::play() {
    std::lock_guard lock(mutex_);
    if (playing_)
        return;
    // Play at the end of the song (where the last play stopped) starts it again.
    if (!openEnded_ && !loop_.active() && events_.endTick() > 0 && positionTick_ >= events_.endTick())
        positionTick_ = 0;
    playing_ = true;
    startLocked(clock_->now());
    stateDirty_ = true;
    clock_->interrupt();
}

void PlaybackScheduler::stop() {
    std::lock_guard lock(mutex_);
    // Silence even when stopped: stop is also how a user clears a hanging note.
    if (playing_)
        positionTick_ = currentTickLocked(clock_->now());
    silenceLocked();
    auditions_.clear();
    if (playing_) {
        playing_ = false;
        stateDirty_ = true;
    }
    clock_->interrupt();
}

void PlaybackScheduler::seek(std::int64_t tick) {
    std::lock_guard lock(mutex_);
    positionTick_ = std::max<std::int64_t>(0, tick);
    if (playing_) {
        sounding_.releaseAll([this](int channel, int pitch) {
            if (synth_)
                synth_->noteOff(channel, pitch);
        });
        startLocked(clock_->now());
    }
    positionDirty_ = true;  // reports the new playhead, not a change of state
    clock_->interrupt();
}

void PlaybackScheduler::setLoop(const LoopRegion& loop) {
    std::lock_guard lock(mutex_);
    loop_ = loop;
    clock_->interrupt();  // the next deadline may have moved
}

void PlaybackScheduler::setOpenEnded(bool openEnded) {
    std::lock_guard lock(mutex_);
    openEnded_ = openEnded;
    clock_->interrupt();  // past the end, closing it ends playback now
}

PlaybackScheduler::LoopRegion PlaybackScheduler::loop() const {
    std::lock_guard lock(mutex_);
    return loop_;
}

bool PlaybackScheduler::isPlaying() const {
    std::lock_guard lock(mutex_);
    return playing_;
}

std::int64_t PlaybackScheduler::positionTick() const {
    std::lock_guard lock(mutex_);
    return playing_ ? currentTickLocked(clock_->now()) : positionTick_;
}

double PlaybackScheduler::positionSeconds() const {
    std::lock_guard lock(mutex_);
    return playing_ ? songSecondsAtLocked(clock_->now()) : events_.secondsAt(positionTick_);
}

void PlaybackScheduler::audition(int pitch, int velocity, double seconds, int channel) {
    std::lock_guard lock(mutex_);
    const double now = clock_->now();
    auto held = std::find_if(auditions_.begin(), auditions_.end(),
                             [&](const Audition& a) { return a.channel == channel && a.pitch == pitch; });
    if (held != auditions_.end()) {
        if (synth_)
            synth_->noteOff(channel, pitch);
        auditions_.erase(held);
    }
    if (synth_)
        synth_->noteOn(channel, pitch, velocity);
    auditions_.push_back({channel, pitch, now + std::max(0.0, seconds)});
    clock_->interrupt();
}

void PlaybackScheduler::setStateCallback(StateCallback callback) {
    std::lock_guard lock(mutex_);
    stateCallback_ = std::move(callback);
}

void PlaybackScheduler::setPositionCallback(PositionCallback callback) {
    std::lock_guard lock(mutex_);
    positionCallback_ = std::move(callback);
}

void PlaybackScheduler::setPositionInterval(double seconds) {
    std::lock_guard lock(mutex_);
    positionInterval_ = std::max(0.001, seconds);
    clock_->interrupt();
}

void PlaybackScheduler::startLocked(double now) {
    if (loop_.active() && positionTick_ >= loop_.endTick)
        positionTick_ = loop_.startTick;
    anchorSong_ = events_.secondsAt(positionTick_);
    anchorClock_ = now;
    cursor_ = events_.indexAt(anchorSong_);
    for (const PlaybackEvent& event : events_.stateAt(positionTick_)) {
        // A note kept sounding across setSong() is not struck again.
        if (event.type == PlaybackEvent::Type::NoteOn && sounding_.sounds(event.channel, event.data1))
            continue;
        sendLocked(event);
    }
    nextPositionReport_ = now;
}

void PlaybackScheduler::silenceLocked() {
    sounding_.releaseAll([this](int channel, int pitch) {
        if (synth_)
            synth_->noteOff(channel, pitch);
    });
    if (synth_)
        synth_->allNotesOff();
}

void PlaybackScheduler::sendLocked(const PlaybackEvent& event) {
    switch (event.type) {
        case PlaybackEvent::Type::NoteOn:
            sounding_.noteOn(event.channel, event.data1);
            if (synth_)
                synth_->noteOn(event.channel, event.data1, event.data2);
            break;
        case PlaybackEvent::Type::NoteOff:
            // Only the last of overlapping notes of one key releases it; a note that began
            // before playback started is not sounding and needs no note-off.
            if (sounding_.noteOff(event.channel, event.data1) && synth_)
                synth_->noteOff(event.channel, event.data1);
            break;
        case PlaybackEvent::Type::ControlChange:
            if (synth_)
                synth_->controlChange(event.channel, event.data1, event.data2);
            break;
        case PlaybackEvent::Type::ProgramChange:
            if (synth_)
                synth_->programChange(event.channel, event.data1);
            break;
    }
}

double PlaybackScheduler::clockTimeOfLocked(double songSeconds) const {
    return anchorClock_ + (songSeconds - anchorSong_);
}

double PlaybackScheduler::songSecondsAtLocked(double now) const {
    return anchorSong_ + (now - anchorClock_);
}

std::int64_t PlaybackScheduler::currentTickLocked(double now) const {
    std::int64_t tick = events_.tickAt(songSecondsAtLocked(now));
    if (loop_.active() && positionTick_ < loop_.endTick)
        tick = std::min(tick, loop_.endTick);
    return std::max<std::int64_t>(0, tick);
}

double PlaybackScheduler::dispatchDueLocked(double now) {
    double next = kNever;
    for (auto it = auditions_.begin(); it != auditions_.end();) {
        if (it->offTime <= now) {
            if (synth_)
                synth_->noteOff(it->channel, it->pitch);
            it = auditions_.erase(it);
        } else {
            next = std::min(next, it->offTime);
            ++it;
        }
    }
    if (!playing_)
        return next;

    const auto& events = events_.events();
    for (;;) {
        const bool looping = loop_.active() && positionTick_ < loop_.endTick;
        const double boundary = looping ? events_.secondsAt(loop_.endTick) : kNever;
        if (cursor_ < events.size() && events[cursor_].seconds < boundary) {
            const double due = clockTimeOfLocked(events[cursor_].seconds);
            if (due > now)
                return std::min(next, due);
            sendLocked(events[cursor_]);
            ++cursor_;
            continue;
        }
        if (looping) {
            const double due = clockTimeOfLocked(boundary);
            if (due > now)
                return std::min(next, due);
            // Notes held over the loop's end are cut there, as the region ends there.
            sounding_.releaseAll([this](int channel, int pitch) {
                if (synth_)
                    synth_->noteOff(channel, pitch);
            });
            positionTick_ = loop_.startTick;
            startLocked(now - due > kMaxLoopLateness ? now : due);
            continue;
        }
        // The last note has ended.
        if (openEnded_)
            return next;  // the position reports go on (run() wakes for them)
        playing_ = false;
        positionTick_ = events_.endTick();
        silenceLocked();
        stateDirty_ = true;
        return next;
    }
}

void PlaybackScheduler::run() {
    for (;;) {
        double deadline = kNever;
        bool reportState = false;
        bool reportPosition = false;
        bool playing = false;
        std::int64_t tick = 0;
        double seconds = 0.0;
        StateCallback stateCallback;
        PositionCallback positionCallback;
        {
            std::lock_guard lock(mutex_);
            if (quit_)
                return;
            const double now = clock_->now();
            deadline = dispatchDueLocked(now);
            if (playing_ && now >= nextPositionReport_) {
                reportPosition = true;
                nextPositionReport_ = now + positionInterval_;
            }
            if (stateDirty_) {
                reportState = true;
                reportPosition = true;
                stateDirty_ = false;
            }
            if (positionDirty_) {
                reportPosition = true;
                positionDirty_ = false;
            }
            if (playing_)
                deadline = std::min(deadline, nextPositionReport_);
            playing = playing_;
            tick = playing_ ? currentTickLocked(now) : positionTick_;
            seconds = playing_ ? songSecondsAtLocked(now) : events_.secondsAt(positionTick_);
            if (reportState)
                stateCallback = stateCallback_;
            if (reportPosition)
                positionCallback = positionCallback_;
        }
        // Outside the lock: a callback may call back into the scheduler.
        if (stateCallback)
            stateCallback(playing);
        if (positionCallback)
            positionCallback(tick, seconds);
        clock_->waitUntil(deadline);
    }
}

}  // namespace biaxial
