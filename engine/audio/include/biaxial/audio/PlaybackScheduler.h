#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "biaxial/audio/IClock.h"
#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/PlaybackEventList.h"
#include "biaxial/audio/SoundingNotes.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// Plays a song to an ISynth at the song's tempo map: start, stop, seek, loop a region,
// audition single notes, and report the playhead.
//
// Timing: the song is flattened once into timed events (PlaybackEventList); one worker
// thread sleeps on the IClock until the next event is due and sends every due event. Each
// event's time is computed from one anchor (clock time <-> song time), so errors never
// accumulate; lateness is the OS wake-up latency only (measured in tests/audio).
// Notes held across the play position are struck when playback starts or loops there;
// programs and the last controller values (sustain pedal) are restored first.
//
// Threads: every public method is thread-safe and returns at once. Commands that change
// the sound (play, stop, seek, setSong, setSynth, audition) call the synth on the caller's
// thread, under the scheduler's lock; timed events are sent from the worker thread. The
// callbacks run on the worker thread: adapt them to queued signals in the UI; they may
// call the scheduler's methods.
class PlaybackScheduler {
public:
    // playing: true when playback starts, false when it stops (stop(), or the song ended).
    using StateCallback = std::function<void(bool playing)>;
    // The playhead in ticks and in song seconds.
    using PositionCallback = std::function<void(std::int64_t tick, double seconds)>;

    struct LoopRegion {
        std::int64_t startTick = 0;
        std::int64_t endTick = 0;  // exclusive; the loop is off unless end > start
        bool enabled = false;
        bool active() const { return enabled && endTick > startTick; }
    };

    // `synth` may be null (no sound) and must outlive the scheduler or be replaced with
    // setSynth() first; `clock` null means a SteadyClock owned by the scheduler.
    explicit PlaybackScheduler(ISynth* synth, IClock* clock = nullptr);
    ~PlaybackScheduler();  // stops (all notes off) and joins the worker
    PlaybackScheduler(const PlaybackScheduler&) = delete;
    PlaybackScheduler& operator=(const PlaybackScheduler&) = delete;

    // Replaces the song; when playing, playback goes on from the same tick with the new
    // notes (the notes sounding are released first).
    void setSong(const Song& song);
    // Sends playback to another synth (a MIDI port, FluidSynth). The old synth is silenced
    // and is never called again once this returns.
    void setSynth(ISynth* synth);

    // Starts at positionTick(); at or past the song's end (no loop), from the start.
    void play();
    void stop();
    // Moves the playhead; when playing, playback continues from there at once.
    void seek(std::int64_t tick);
    void setLoop(const LoopRegion& loop);
    LoopRegion loop() const;
    // Open-ended playback runs on past the song's last note until stop(), as a recording
    // must (an empty song has no end to play to); play() then starts where the playhead is,
    // even past the end. Turning it off past the end ends playback there.
    void setOpenEnded(bool openEnded);

    bool isPlaying() const;
    std::int64_t positionTick() const;
    double positionSeconds() const;

    // Plays one note now for `seconds` (piano-roll clicks, keyboard preview); works
    // whether or not the song plays. Re-auditioning a held pitch restarts it.
    void audition(int pitch, int velocity = 100, double seconds = 0.4, int channel = 0);

    // Both run on the worker thread. Replacing a callback is thread-safe, but the old one
    // may still be running once: destroy the scheduler before what its callbacks use.
    void setStateCallback(StateCallback callback);
    void setPositionCallback(PositionCallback callback);
    // How often the playhead is reported while playing (seconds of clock time).
    void setPositionInterval(double seconds);

private:
    struct Audition {
        int channel;
        int pitch;
        double offTime;  // clock time
    };

    void run();
    // All the *Locked methods expect mutex_ held.
    void startLocked(double now);
    void silenceLocked();
    void sendLocked(const PlaybackEvent& event);
    double clockTimeOfLocked(double songSeconds) const;
    double songSecondsAtLocked(double now) const;
    std::int64_t currentTickLocked(double now) const;
    // Sends every event due at `now`; returns the clock time of the next thing to do.
    double dispatchDueLocked(double now);

    std::unique_ptr<IClock> ownedClock_;
    IClock* clock_;

    mutable std::mutex mutex_;
    ISynth* synth_;
    PlaybackEventList events_;
    SoundingNotes sounding_;
    LoopRegion loop_;
    bool playing_ = false;
    bool openEnded_ = false;
    std::int64_t positionTick_ = 0;  // where playback starts, or started
    double anchorClock_ = 0.0;       // clock time at which the song was at anchorSong_
    double anchorSong_ = 0.0;
    std::size_t cursor_ = 0;  // next event to send
    std::vector<Audition> auditions_;
    double positionInterval_ = 1.0 / 30.0;
    double nextPositionReport_ = 0.0;
    bool stateDirty_ = false;     // the worker must report play/stop and the playhead
    bool positionDirty_ = false;  // the worker must report the playhead only (after a seek)
    bool quit_ = false;
    StateCallback stateCallback_;
    PositionCallback positionCallback_;

    std::thread worker_;  // last: starts after every member above exists
};

}  // namespace biaxial
