// The Transport's backend without biaxial::audio (compiled when biaxial_audio is absent).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

#include "TransportBackend.h"

namespace biaxial {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("biaxial::Transport", text);
}

// No sound: a GUI-thread timer moves the playhead along the song's tempo map (looping as
// asked, stopping after the last note), so that editing and following still work; every
// sound and MIDI method reports why it cannot.
class TimerTransportBackend final : public TransportBackend {
public:
    explicit TimerTransportBackend(Listener listener)
        : listener_(std::move(listener)), status_(tr("Sound unavailable: built without biaxial::audio")) {
        timer_.setInterval(16);
        QObject::connect(&timer_, &QTimer::timeout, [this] { tick(); });
    }

    bool soundBuiltIn() const override { return false; }
    void openDefaultSynth() override {}
    void setSynth(ISynth*) override {}
    AudioSession* audioSession() const override { return nullptr; }
    QString status() const override { return status_; }

    void setSong(const Song& song) override { song_ = song; }
    void play() override {
        if (playing_)
            return;
        playing_ = true;
        startTick_ = position_;
        startSeconds_ = song_.secondsAt(position_);
        clock_.start();
        timer_.start();
    }
    void stop() override {
        if (!playing_)
            return;
        playing_ = false;
        timer_.stop();
    }
    void seek(std::int64_t tick) override {
        position_ = tick;
        startTick_ = tick;
        startSeconds_ = song_.secondsAt(tick);
        clock_.restart();
    }
    void setLoop(std::int64_t start, std::int64_t end, bool enabled) override {
        loopStart_ = start;
        loopEnd_ = end;
        loopEnabled_ = enabled;
    }
    bool isPlaying() const override { return playing_; }
    std::int64_t position() const override { return position_; }

    void audition(int, int) override {}
    void stopAudition() override {}
    bool hasSound() const override { return false; }
    bool setSoundFont(const QString&, QString* error) override { return unavailable(error); }
    QString soundFontPath() const override { return {}; }

    QStringList outputPorts(QString* message) const override {
        if (message)
            *message = status_;
        return {};
    }
    bool playToMidiPort(int, QString* error) override { return unavailable(error); }
    void playToSynth() override {}
    QString outputName() const override { return tr("none"); }
    QStringList inputPorts(QString* message) const override { return outputPorts(message); }
    bool openInput(int, QString* error) override { return unavailable(error); }
    void closeInput() override {}
    QString inputName() const override { return {}; }
    void setThru(bool) override {}
    bool thru() const override { return false; }

    bool startRecording(const Song&, std::int64_t, QString* error) override { return unavailable(error); }
    bool isRecording() const override { return false; }
    std::vector<Note> stopRecording() override { return {}; }

private:
    bool unavailable(QString* error) const {
        if (error)
            *error = status_;
        return false;
    }

    void tick() {
        const double seconds = startSeconds_ + clock_.elapsed() / 1000.0;
        const std::int64_t tick = song_.tickAt(seconds);
        const bool looping = loopEnabled_ && loopEnd_ > loopStart_;
        if (looping && tick >= loopEnd_) {
            const std::int64_t start = std::max<std::int64_t>(0, loopStart_);
            seek(start);
            listener_.positionChanged(start);
            return;
        }
        position_ = tick;
        listener_.positionChanged(tick);
        if (!looping && tick > song_.endTick()) {
            stop();
            listener_.playingChanged();
        }
    }

    Listener listener_;
    QString status_;
    Song song_;
    QTimer timer_;
    QElapsedTimer clock_;
    bool playing_ = false;
    std::int64_t position_ = 0;
    std::int64_t startTick_ = 0;
    double startSeconds_ = 0;
    std::int64_t loopStart_ = 0, loopEnd_ = 0;
    bool loopEnabled_ = false;
};

}  // namespace

std::unique_ptr<TransportBackend> TransportBackend::create(QObject*, Listener listener) {
    return std::make_unique<TimerTransportBackend>(std::move(listener));
}

}  // namespace biaxial
