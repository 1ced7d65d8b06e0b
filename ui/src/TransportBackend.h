#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "biaxial/engine/Song.h"

class QObject;

namespace biaxial {

class AudioSession;
class ISynth;

// What makes the Transport's sound and moves its playhead. Internal to biaxial_ui: the
// Transport keeps the song, the loop and what it announced, and forwards the rest here.
// Exactly one implementation is compiled in, chosen by ui/CMakeLists.txt:
// AudioTransportBackend (an AudioSession of biaxial::audio: FluidSynth, MIDI ports,
// recording) or TimerTransportBackend (no biaxial::audio: a timer moves the playhead and the
// sound methods say why there is no sound). Each defines create(). GUI thread.
class TransportBackend {
public:
    // How the backend reports; always called on the GUI thread.
    struct Listener {
        std::function<void(std::int64_t tick)> positionChanged;
        // The playing state may have changed (the Transport announces real changes only).
        std::function<void()> playingChanged;
    };

    // The backend of this build. `context` (the Transport) guards reports that a worker
    // thread queued for the GUI thread and that arrive after the Transport is gone.
    static std::unique_ptr<TransportBackend> create(QObject* context, Listener listener);

    virtual ~TransportBackend() = default;

    // False when this build has no sound at all: there is no synth to open or replace.
    virtual bool soundBuiltIn() const = 0;
    // Replace the session (the Transport stops before and sends song and loop again after).
    virtual void openDefaultSynth() = 0;
    virtual void setSynth(ISynth* synth) = 0;
    virtual AudioSession* audioSession() const = 0;
    // "Sound: ..." or "Sound unavailable: ...", for the status bar.
    virtual QString status() const = 0;

    virtual void setSong(const Song& song) = 0;
    virtual void play() = 0;
    virtual void stop() = 0;
    virtual void seek(std::int64_t tick) = 0;
    virtual void setLoop(std::int64_t start, std::int64_t end, bool enabled) = 0;
    virtual bool isPlaying() const = 0;
    virtual std::int64_t position() const = 0;

    virtual void audition(int pitch, int velocity) = 0;
    virtual void stopAudition() = 0;
    virtual bool hasSound() const = 0;
    virtual bool setSoundFont(const QString& path, QString* error) = 0;
    virtual QString soundFontPath() const = 0;

    virtual QStringList outputPorts(QString* message) const = 0;
    virtual bool playToMidiPort(int index, QString* error) = 0;
    virtual void playToSynth() = 0;
    virtual QString outputName() const = 0;
    virtual QStringList inputPorts(QString* message) const = 0;
    virtual bool openInput(int index, QString* error) = 0;
    virtual void closeInput() = 0;
    virtual QString inputName() const = 0;
    virtual void setThru(bool enabled) = 0;
    virtual bool thru() const = 0;

    // Records from the MIDI input into `song`'s time, starting at `tick`.
    virtual bool startRecording(const Song& song, std::int64_t tick, QString* error) = 0;
    virtual bool isRecording() const = 0;
    virtual std::vector<Note> stopRecording() = 0;
};

}  // namespace biaxial
