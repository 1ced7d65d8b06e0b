#include "biaxial/ui/Transport.h"

#include "biaxial/engine/Metronome.h"

#include <algorithm>

#include "TransportBackend.h"

namespace biaxial {

// The Transport keeps what it was told (song, loop) and what it announced; the backend of
// this build (TransportBackend.h) makes the sound and moves the playhead.
struct Transport::Impl {
    Song song;
    bool songDirty = true;
    std::int64_t loopStart = 0, loopEnd = 0;
    bool loopEnabled = false;
    bool announcedPlaying = false;  // the last playingChanged() value
    bool metronome = false;
    bool recording = false;  // open-ended: the clicks go on past the song's end
    std::unique_ptr<TransportBackend> backend;
};

Transport::Transport(QObject* parent) : QObject(parent), impl_(std::make_unique<Impl>()) {
    impl_->song.normalise();
    TransportBackend::Listener listener;
    listener.positionChanged = [this](std::int64_t tick) { emit positionChanged(tick); };
    listener.playingChanged = [this] { announcePlaying(); };
    impl_->backend = TransportBackend::create(this, std::move(listener));
    resendSongAndLoop();
}

Transport::~Transport() {
    impl_->backend.reset();  // while this object is whole: a backend may join a worker thread
}

void Transport::resendSongAndLoop() {
    impl_->songDirty = true;
    flushSong();
    setLoop(impl_->loopStart, impl_->loopEnd, impl_->loopEnabled);
}

void Transport::reopen(const std::function<void()>& open) {
    const std::int64_t at = position();
    stop();
    open();
    resendSongAndLoop();
    seek(at);
}

void Transport::openDefaultSynth() {
    if (impl_->backend->soundBuiltIn())
        reopen([this] { impl_->backend->openDefaultSynth(); });
    emit soundStatusChanged(impl_->backend->status());
}

void Transport::setSynth(ISynth* synth) {
    if (!impl_->backend->soundBuiltIn())
        return;
    reopen([this, synth] { impl_->backend->setSynth(synth); });
    emit soundStatusChanged(impl_->backend->status());
}

AudioSession* Transport::audioSession() const {
    return impl_->backend->audioSession();
}

void Transport::setSong(const Song& song) {
    impl_->song = song;
    impl_->songDirty = true;
    // While playing, the edit is heard at once; otherwise the copy waits for play().
    if (isPlaying())
        flushSong();
}

void Transport::flushSong() {
    if (!impl_->songDirty)
        return;
    impl_->songDirty = false;
    if (!impl_->metronome) {
        impl_->backend->setSong(impl_->song);
        return;
    }
    // The clicks ride along as a track of their own, to the end of the song's last bar (64
    // bars further while recording, which plays on past the end); the document never sees them.
    Song song = impl_->song;
    const std::int64_t bar = Metronome::barTicks(song, song.endTick());
    std::int64_t end = (song.endTick() + bar - 1) / bar * bar;
    if (impl_->recording)
        end = std::max(end, position()) + 64 * bar;
    Track clicks;
    clicks.name = "metronome";
    clicks.notes = Metronome::clicks(song, 0, std::max(end, bar));
    song.tracks.push_back(std::move(clicks));
    impl_->backend->setSong(song);
}

void Transport::setMetronome(bool on) {
    if (impl_->metronome == on)
        return;
    impl_->metronome = on;
    impl_->songDirty = true;
    if (isPlaying())
        flushSong();
}

bool Transport::metronome() const {
    return impl_->metronome;
}

void Transport::play() {
    flushSong();
    impl_->backend->play();
    announcePlaying();
}

void Transport::stop() {
    impl_->backend->stop();
    announcePlaying();
}

void Transport::togglePlay() {
    if (isPlaying())
        stop();
    else
        play();
}

void Transport::seek(std::int64_t tick) {
    tick = std::max<std::int64_t>(0, tick);
    flushSong();
    impl_->backend->seek(tick);
    emit positionChanged(tick);
}

void Transport::setLoop(std::int64_t start, std::int64_t end, bool enabled) {
    impl_->loopStart = start;
    impl_->loopEnd = end;
    impl_->loopEnabled = enabled;
    impl_->backend->setLoop(start, end, enabled);
}

void Transport::announcePlaying() {
    // playingChanged means a change: the worker's reports and play()/stop() can both arrive
    // for one transition, and only the first one is news.
    const bool playing = isPlaying();
    if (playing == impl_->announcedPlaying)
        return;
    impl_->announcedPlaying = playing;
    emit playingChanged(playing);
}

bool Transport::isPlaying() const {
    return impl_->backend->isPlaying();
}

std::int64_t Transport::position() const {
    return impl_->backend->position();
}

void Transport::audition(int pitch, int velocity) {
    impl_->backend->audition(pitch, velocity);
}

void Transport::stopAudition() {
    impl_->backend->stopAudition();
}

bool Transport::hasSound() const {
    return impl_->backend->hasSound();
}

QString Transport::soundStatus() const {
    return impl_->backend->status();
}

bool Transport::setSoundFont(const QString& path, QString* error) {
    const bool ok = impl_->backend->setSoundFont(path, error);
    if (impl_->backend->soundBuiltIn())
        emit soundStatusChanged(impl_->backend->status());
    return ok;
}

QString Transport::soundFontPath() const {
    return impl_->backend->soundFontPath();
}

QStringList Transport::outputPorts(QString* message) const {
    return impl_->backend->outputPorts(message);
}

bool Transport::playToMidiPort(int index, QString* error) {
    return impl_->backend->playToMidiPort(index, error);
}

void Transport::playToSynth() {
    impl_->backend->playToSynth();
}

QString Transport::outputName() const {
    return impl_->backend->outputName();
}

QStringList Transport::inputPorts(QString* message) const {
    return impl_->backend->inputPorts(message);
}

bool Transport::openInput(int index, QString* error) {
    return impl_->backend->openInput(index, error);
}

void Transport::closeInput() {
    impl_->backend->closeInput();
}

QString Transport::inputName() const {
    return impl_->backend->inputName();
}

void Transport::setThru(bool enabled) {
    impl_->backend->setThru(enabled);
}

bool Transport::thru() const {
    return impl_->backend->thru();
}

bool Transport::startRecording(QString* error) {
    if (!impl_->backend->startRecording(impl_->song, position(), error))
        return false;
    impl_->recording = true;
    if (impl_->metronome) {
        impl_->songDirty = true;
        flushSong();
    }
    return true;
}

bool Transport::isRecording() const {
    return impl_->backend->isRecording();
}

std::vector<Note> Transport::stopRecording() {
    impl_->recording = false;
    if (impl_->metronome)
        impl_->songDirty = true;
    return impl_->backend->stopRecording();
}

}  // namespace biaxial
