#include "biaxial/ui/Transport.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>
#include <algorithm>

#ifdef BIAXIAL_HAVE_AUDIO
#include "biaxial/audio/AudioSession.h"
#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/PlaybackScheduler.h"
#endif

namespace biaxial {

#ifdef BIAXIAL_HAVE_AUDIO
namespace {
// "sound: ..." from the engine becomes "Sound: ..." in the status bar.
QString capitalised(const std::string& text) {
    QString s = QString::fromStdString(text);
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}
}  // namespace
#endif

struct Transport::Impl {
    Song song;
    bool songDirty = true;
    std::int64_t loopStart = 0, loopEnd = 0;
    bool loopEnabled = false;
    QString status;
    bool announcedPlaying = false;  // the last playingChanged() value
#ifdef BIAXIAL_HAVE_AUDIO
    std::unique_ptr<AudioSession> session;
    int auditionPitch = -1;
    PlaybackScheduler& scheduler() { return session->scheduler(); }
#else
    // Without biaxial::audio: the playhead follows a timer.
    QTimer timer;
    QElapsedTimer clock;
    bool playing = false;
    std::int64_t startTick = 0;
    std::int64_t position = 0;
    double startSeconds = 0;
#endif
};

Transport::Transport(QObject* parent) : QObject(parent), impl_(std::make_unique<Impl>()) {
    impl_->song.normalise();
#ifdef BIAXIAL_HAVE_AUDIO
    // Silent until openDefaultSynth()/setSynth(): the playhead works without a sound card.
    impl_->session = std::make_unique<AudioSession>(nullptr, nullptr);
    impl_->status = tr("Sound off");
    wireSession();
#else
    impl_->status = tr("Sound unavailable: built without biaxial::audio");
    impl_->timer.setInterval(16);
    connect(&impl_->timer, &QTimer::timeout, this, &Transport::onTimerTick);
#endif
}

Transport::~Transport() {
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->scheduler().setPositionCallback({});
    impl_->scheduler().setStateCallback({});
    impl_->session.reset();  // joins the scheduler's worker
#endif
}

void Transport::wireSession() {
#ifdef BIAXIAL_HAVE_AUDIO
    // Worker-thread callbacks hop to the GUI thread. The QPointer guards a queued call that
    // arrives after this Transport is gone (the worker itself is joined in the destructor).
    QPointer<Transport> self(this);
    impl_->scheduler().setPositionCallback([self](std::int64_t tick, double) {
        QMetaObject::invokeMethod(self.data(), [self, tick] {
            if (self) emit self->positionChanged(tick);
        }, Qt::QueuedConnection);
    });
    // The state is read again on arrival, not taken from the worker: a queued report may be
    // older than a play() or stop() made since, and must not undo what they announced.
    impl_->scheduler().setStateCallback([self](bool) {
        QMetaObject::invokeMethod(self.data(), [self] {
            if (self) self->announcePlaying();
        }, Qt::QueuedConnection);
    });
    impl_->songDirty = true;
    flushSong();
    setLoop(impl_->loopStart, impl_->loopEnd, impl_->loopEnabled);
#endif
}

void Transport::openDefaultSynth() {
#ifdef BIAXIAL_HAVE_AUDIO
    const std::int64_t at = position();
    stop();
    impl_->session.reset();
    impl_->session = std::make_unique<AudioSession>(AudioSession::Options{});
    impl_->status = capitalised(impl_->session->soundStatus());
    wireSession();
    seek(at);
#endif
    emit soundStatusChanged(impl_->status);
}

void Transport::setSynth(ISynth* synth) {
#ifdef BIAXIAL_HAVE_AUDIO
    const std::int64_t at = position();
    stop();
    impl_->session.reset();
    impl_->session = std::make_unique<AudioSession>(synth, nullptr);
    impl_->status = synth ? tr("Sound on") : tr("Sound off");
    wireSession();
    seek(at);
    emit soundStatusChanged(impl_->status);
#else
    (void)synth;
#endif
}

AudioSession* Transport::audioSession() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->session.get();
#else
    return nullptr;
#endif
}

void Transport::setSong(const Song& song) {
    impl_->song = song;
    impl_->songDirty = true;
    // While playing, the edit is heard at once; otherwise the copy waits for play().
    if (isPlaying()) flushSong();
}

void Transport::flushSong() {
    if (!impl_->songDirty) return;
    impl_->songDirty = false;
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->scheduler().setSong(impl_->song);
#endif
}

void Transport::play() {
    flushSong();
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->scheduler().play();
    announcePlaying();
#else
    if (impl_->playing) return;
    impl_->playing = true;
    impl_->startTick = impl_->position;
    impl_->startSeconds = impl_->song.secondsAt(impl_->position);
    impl_->clock.start();
    impl_->timer.start();
    emit playingChanged(true);
#endif
}

void Transport::stop() {
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->scheduler().stop();
    announcePlaying();
#else
    if (!impl_->playing) return;
    impl_->playing = false;
    impl_->timer.stop();
    emit playingChanged(false);
#endif
}

void Transport::togglePlay() {
    if (isPlaying())
        stop();
    else
        play();
}

void Transport::seek(std::int64_t tick) {
    tick = std::max<std::int64_t>(0, tick);
#ifdef BIAXIAL_HAVE_AUDIO
    flushSong();
    impl_->scheduler().seek(tick);
#else
    impl_->position = tick;
    impl_->startTick = tick;
    impl_->startSeconds = impl_->song.secondsAt(tick);
    impl_->clock.restart();
#endif
    emit positionChanged(tick);
}

void Transport::setLoop(std::int64_t start, std::int64_t end, bool enabled) {
    impl_->loopStart = start;
    impl_->loopEnd = end;
    impl_->loopEnabled = enabled;
#ifdef BIAXIAL_HAVE_AUDIO
    PlaybackScheduler::LoopRegion loop;
    loop.startTick = start;
    loop.endTick = end;
    loop.enabled = enabled;
    impl_->scheduler().setLoop(loop);
#endif
}

void Transport::announcePlaying() {
    // playingChanged means a change: the worker's reports and play()/stop() can both arrive
    // for one transition, and only the first one is news.
    const bool playing = isPlaying();
    if (playing == impl_->announcedPlaying) return;
    impl_->announcedPlaying = playing;
    emit playingChanged(playing);
}

bool Transport::isPlaying() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->scheduler().isPlaying();
#else
    return impl_->playing;
#endif
}

std::int64_t Transport::position() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->scheduler().positionTick();
#else
    return impl_->position;
#endif
}

void Transport::onTimerTick() {
#ifndef BIAXIAL_HAVE_AUDIO
    const double seconds = impl_->startSeconds + impl_->clock.elapsed() / 1000.0;
    const std::int64_t tick = impl_->song.tickAt(seconds);
    const bool looping = impl_->loopEnabled && impl_->loopEnd > impl_->loopStart;
    if (looping && tick >= impl_->loopEnd) {
        seek(impl_->loopStart);
        return;
    }
    impl_->position = tick;
    emit positionChanged(tick);
    if (!looping && tick > impl_->song.endTick()) stop();
#endif
}

void Transport::audition(int pitch, int velocity) {
#ifdef BIAXIAL_HAVE_AUDIO
    // Held until stopAudition(), within reason: a lost release must not drone forever.
    impl_->scheduler().audition(pitch, velocity, 2.0);
    impl_->auditionPitch = pitch;
#else
    (void)pitch;
    (void)velocity;
#endif
}

void Transport::stopAudition() {
#ifdef BIAXIAL_HAVE_AUDIO
    // Re-auditioning a held pitch releases it; a zero-length, zero-velocity strike is silent.
    if (impl_->auditionPitch >= 0) impl_->scheduler().audition(impl_->auditionPitch, 0, 0.0);
    impl_->auditionPitch = -1;
#endif
}

bool Transport::hasSound() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->session->hasSound();
#else
    return false;
#endif
}

QString Transport::soundStatus() const { return impl_->status; }

bool Transport::setSoundFont(const QString& path, QString* error) {
#ifdef BIAXIAL_HAVE_AUDIO
    std::string why;
    const bool ok = impl_->session->setSoundFont(path.toStdString(), &why);
    if (!ok && error) *error = QString::fromStdString(why);
    impl_->status = capitalised(impl_->session->soundStatus());
    emit soundStatusChanged(impl_->status);
    return ok;
#else
    (void)path;
    if (error) *error = impl_->status;
    return false;
#endif
}

QString Transport::soundFontPath() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return QString::fromStdString(impl_->session->soundFontPath());
#else
    return {};
#endif
}

namespace {
#ifdef BIAXIAL_HAVE_AUDIO
QStringList namesOf(const MidiPortList& list, QString* message) {
    QStringList names;
    for (const std::string& n : list.names) names << QString::fromStdString(n);
    if (message) *message = QString::fromStdString(list.message);
    return names;
}
#endif
}  // namespace

QStringList Transport::outputPorts(QString* message) const {
#ifdef BIAXIAL_HAVE_AUDIO
    return namesOf(AudioSession::outputPorts(), message);
#else
    if (message) *message = impl_->status;
    return {};
#endif
}

bool Transport::playToMidiPort(int index, QString* error) {
#ifdef BIAXIAL_HAVE_AUDIO
    std::string why;
    const bool ok = impl_->session->playToMidiPort(index, &why);
    if (!ok && error) *error = QString::fromStdString(why);
    return ok;
#else
    (void)index;
    if (error) *error = impl_->status;
    return false;
#endif
}

void Transport::playToSynth() {
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->session->playToSynth();
#endif
}

QString Transport::outputName() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return QString::fromStdString(impl_->session->outputName());
#else
    return tr("none");
#endif
}

QStringList Transport::inputPorts(QString* message) const {
#ifdef BIAXIAL_HAVE_AUDIO
    return namesOf(AudioSession::inputPorts(), message);
#else
    if (message) *message = impl_->status;
    return {};
#endif
}

bool Transport::openInput(int index, QString* error) {
#ifdef BIAXIAL_HAVE_AUDIO
    std::string why;
    const bool ok = impl_->session->openInput(index, &why);
    if (!ok && error) *error = QString::fromStdString(why);
    return ok;
#else
    (void)index;
    if (error) *error = impl_->status;
    return false;
#endif
}

void Transport::closeInput() {
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->session->closeInput();
#endif
}

QString Transport::inputName() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return QString::fromStdString(impl_->session->inputName());
#else
    return {};
#endif
}

void Transport::setThru(bool enabled) {
#ifdef BIAXIAL_HAVE_AUDIO
    impl_->session->setThru(enabled);
#else
    (void)enabled;
#endif
}

bool Transport::thru() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->session->thru();
#else
    return false;
#endif
}

bool Transport::startRecording(QString* error) {
#ifdef BIAXIAL_HAVE_AUDIO
    if (impl_->session->inputName().empty()) {
        if (error) *error = tr("Choose a MIDI input (Transport > MIDI Input) to record from");
        return false;
    }
    impl_->session->startRecording(impl_->song, position());
    return true;
#else
    if (error) *error = impl_->status;
    return false;
#endif
}

bool Transport::isRecording() const {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->session->isRecording();
#else
    return false;
#endif
}

std::vector<Note> Transport::stopRecording() {
#ifdef BIAXIAL_HAVE_AUDIO
    return impl_->session->stopRecording();
#else
    return {};
#endif
}

}  // namespace biaxial
