#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "biaxial/engine/Song.h"

namespace biaxial {

class AudioSession;
class ISynth;

// Play/stop/seek/loop, note audition, MIDI ports and keyboard recording for the studio.
// With biaxial::audio it drives an AudioSession (FluidSynth when a SoundFont is found, a MIDI
// output port if chosen, or silence: the playhead still moves). Without it, a GUI-thread
// timer moves the playhead and the sound methods report that sound is not built in. The two
// are backends (ui/src/TransportBackend.h) of which the build compiles one.
// The scheduler's callbacks arrive on its worker thread and are turned into queued signals
// here, so every signal of this class is emitted on the GUI thread. All methods: GUI thread.
class Transport : public QObject {
    Q_OBJECT
public:
    explicit Transport(QObject* parent = nullptr);
    ~Transport() override;

    // Opens FluidSynth with the default General MIDI SoundFont and reports the result through
    // soundStatus(). Separate from the constructor so that tests stay silent and quick.
    void openDefaultSynth();
    // Plays to `synth` (not owned; must outlive this object or be replaced first): a fake in
    // tests. Null: no sound.
    void setSynth(ISynth* synth);
    // The session behind the transport (null without biaxial::audio), for panels that need more.
    AudioSession* audioSession() const;

    // The song to play; cheap to call often (the copy goes to the scheduler lazily).
    void setSong(const Song& song);
    void play();
    void stop();
    void togglePlay();
    void seek(std::int64_t tick);
    // Loop [start, end) while enabled and end > start.
    void setLoop(std::int64_t start, std::int64_t end, bool enabled);
    bool isPlaying() const;
    std::int64_t position() const;

    // Plays a note now until stopAudition() (or two seconds at most).
    void audition(int pitch, int velocity);
    void stopAudition();

    bool hasSound() const;
    // "Sound: FluidSynth via alsa at 44100 Hz" or "Sound unavailable: ...", for the status bar.
    QString soundStatus() const;
    bool setSoundFont(const QString& path, QString* error);
    QString soundFontPath() const;

    // --- MIDI ports: names, or an empty list and `message` saying why; index -1 is the
    // studio's own virtual port (AudioSession::kVirtualPort), for a DAW ---
    QStringList outputPorts(QString* message) const;
    bool playToMidiPort(int index, QString* error);
    void playToSynth();
    QString outputName() const;
    QStringList inputPorts(QString* message) const;
    bool openInput(int index, QString* error);
    void closeInput();
    QString inputName() const;
    void setThru(bool enabled);
    bool thru() const;

    // --- recording from the MIDI keyboard ---
    // Starts recording at the playhead (quantized to sixteenths), following the song's tempo.
    // The metronome: a click on every beat (accented on the bar) played with the song and
    // through a recording, never added to the document (engine/Metronome).
    void setMetronome(bool on);
    bool metronome() const;
    bool startRecording(QString* error);
    bool isRecording() const;
    // The recorded notes; the caller adds them to the document as one undoable edit.
    std::vector<Note> stopRecording();

signals:
    void positionChanged(std::int64_t tick);
    void playingChanged(bool playing);
    void soundStatusChanged(const QString& status);

private:
    struct Impl;
    void flushSong();
    // After the backend's session was replaced: it gets the song and the loop again.
    void resendSongAndLoop();
    // Stops, runs `open` (which replaces the session) and returns to where the playhead was.
    void reopen(const std::function<void()>& open);
    void announcePlaying();

    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
