// The Transport's backend with biaxial::audio (compiled when biaxial_audio exists).
#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include "TransportBackend.h"
#include "biaxial/audio/AudioSession.h"
#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/PlaybackScheduler.h"

namespace biaxial {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("biaxial::Transport", text);
}

// "sound: ..." from the engine becomes "Sound: ..." in the status bar.
QString capitalised(const std::string& text) {
    QString s = QString::fromStdString(text);
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QStringList namesOf(const MidiPortList& list, QString* message) {
    QStringList names;
    for (const std::string& n : list.names)
        names << QString::fromStdString(n);
    if (message)
        *message = QString::fromStdString(list.message);
    return names;
}

// Plays through an AudioSession: FluidSynth when a SoundFont is found, a MIDI output port if
// chosen, or silence (the playhead still moves); MIDI input, thru and recording.
class AudioTransportBackend final : public TransportBackend {
public:
    AudioTransportBackend(QObject* context, Listener listener)
        : context_(context), listener_(std::move(listener)) {
        // Silent until openDefaultSynth()/setSynth(): the playhead works without a sound card.
        wire(std::make_unique<AudioSession>(nullptr, nullptr));
        status_ = tr("Sound off");
    }
    ~AudioTransportBackend() override {
        scheduler().setPositionCallback({});
        scheduler().setStateCallback({});
        session_.reset();  // joins the scheduler's worker
    }

    bool soundBuiltIn() const override { return true; }
    void openDefaultSynth() override {
        session_.reset();  // the old session lets go of the sound device before the new one opens
        wire(std::make_unique<AudioSession>(AudioSession::Options{}));
        status_ = capitalised(session_->soundStatus());
    }
    void setSynth(ISynth* synth) override {
        session_.reset();
        wire(std::make_unique<AudioSession>(synth, nullptr));
        status_ = synth ? tr("Sound on") : tr("Sound off");
    }
    AudioSession* audioSession() const override { return session_.get(); }
    QString status() const override { return status_; }

    void setSong(const Song& song) override { scheduler().setSong(song); }
    void play() override { scheduler().play(); }
    void stop() override { scheduler().stop(); }
    void seek(std::int64_t tick) override { scheduler().seek(tick); }
    void setLoop(std::int64_t start, std::int64_t end, bool enabled) override {
        PlaybackScheduler::LoopRegion loop;
        loop.startTick = start;
        loop.endTick = end;
        loop.enabled = enabled;
        scheduler().setLoop(loop);
    }
    bool isPlaying() const override { return scheduler().isPlaying(); }
    std::int64_t position() const override { return scheduler().positionTick(); }

    void audition(int pitch, int velocity) override {
        // Held until stopAudition(), within reason: a lost release must not drone forever.
        scheduler().audition(pitch, velocity, 2.0);
        auditionPitch_ = pitch;
    }
    void stopAudition() override {
        // Re-auditioning a held pitch releases it; a zero-length, zero-velocity strike is silent.
        if (auditionPitch_ >= 0)
            scheduler().audition(auditionPitch_, 0, 0.0);
        auditionPitch_ = -1;
    }
    bool hasSound() const override { return session_->hasSound(); }
    bool setSoundFont(const QString& path, QString* error) override {
        std::string why;
        const bool ok = session_->setSoundFont(path.toStdString(), &why);
        if (!ok && error)
            *error = QString::fromStdString(why);
        status_ = capitalised(session_->soundStatus());
        return ok;
    }
    QString soundFontPath() const override { return QString::fromStdString(session_->soundFontPath()); }

    QStringList outputPorts(QString* message) const override {
        return namesOf(AudioSession::outputPorts(), message);
    }
    bool playToMidiPort(int index, QString* error) override {
        std::string why;
        const bool ok = session_->playToMidiPort(index, &why);
        if (!ok && error)
            *error = QString::fromStdString(why);
        return ok;
    }
    void playToSynth() override { session_->playToSynth(); }
    QString outputName() const override { return QString::fromStdString(session_->outputName()); }
    QStringList inputPorts(QString* message) const override {
        return namesOf(AudioSession::inputPorts(), message);
    }
    bool openInput(int index, QString* error) override {
        std::string why;
        const bool ok = session_->openInput(index, &why);
        if (!ok && error)
            *error = QString::fromStdString(why);
        return ok;
    }
    void closeInput() override { session_->closeInput(); }
    QString inputName() const override { return QString::fromStdString(session_->inputName()); }
    void setThru(bool enabled) override { session_->setThru(enabled); }
    bool thru() const override { return session_->thru(); }

    bool startRecording(const Song& song, std::int64_t tick, QString* error) override {
        if (session_->inputName().empty()) {
            if (error)
                *error = tr("Choose a MIDI input (Transport > MIDI Input) to record from");
            return false;
        }
        session_->startRecording(song, tick);
        return true;
    }
    bool isRecording() const override { return session_->isRecording(); }
    std::vector<Note> stopRecording() override { return session_->stopRecording(); }

private:
    PlaybackScheduler& scheduler() const { return session_->scheduler(); }

    // Takes `session` as the current one; its worker-thread callbacks hop to the GUI thread.
    void wire(std::unique_ptr<AudioSession> session) {
        session_ = std::move(session);
        // The QPointer guards a queued call that arrives after the Transport is gone (the
        // worker itself is joined in the destructor).
        QPointer<QObject> guard(context_);
        auto positionChanged = listener_.positionChanged;
        scheduler().setPositionCallback([guard, positionChanged](std::int64_t tick, double) {
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, positionChanged, tick] {
                    if (guard)
                        positionChanged(tick);
                },
                Qt::QueuedConnection);
        });
        // The state is read again on arrival, not taken from the worker: a queued report may
        // be older than a play() or stop() made since, and must not undo what they announced.
        auto playingChanged = listener_.playingChanged;
        scheduler().setStateCallback([guard, playingChanged](bool) {
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, playingChanged] {
                    if (guard)
                        playingChanged();
                },
                Qt::QueuedConnection);
        });
    }

    QObject* context_;
    Listener listener_;
    std::unique_ptr<AudioSession> session_;
    QString status_;
    int auditionPitch_ = -1;
};

}  // namespace

std::unique_ptr<TransportBackend> TransportBackend::create(QObject* context, Listener listener) {
    return std::make_unique<AudioTransportBackend>(context, std::move(listener));
}

}  // namespace biaxial
