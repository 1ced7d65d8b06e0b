#include "biaxial/audio/AudioSession.h"

#include "biaxial/audio/FluidSynthSynth.h"
#include "biaxial/audio/MidiOutputSynth.h"
#include "biaxial/audio/RtMidiInput.h"
#include "biaxial/audio/RtMidiOutput.h"
#include "biaxial/audio/SteadyClock.h"

namespace biaxial {

AudioSession::AudioSession(const Options& options)
    : ownedClock_(std::make_unique<SteadyClock>()), clock_(ownedClock_.get()), options_(options) {
    FluidSynthOptions synthOptions;
    synthOptions.soundFont = options.soundFont;
    synthOptions.startAudioDriver = options.startAudio;
    synthOptions.audioDriver = options.audioDriver;
    std::string error;
    fluidSynth_ = FluidSynthSynth::create(synthOptions, &error);
    if (fluidSynth_) {
        synth_ = fluidSynth_.get();
        soundStatus_ = fluidSynth_->soundStatus();
    } else {
        soundStatus_ = error.rfind("sound unavailable", 0) == 0 ? error : "sound unavailable: " + error;
    }
    scheduler_ = std::make_unique<PlaybackScheduler>(synth_, clock_);
    thru_.setSynth(synth_);
    liveOutput_.setTarget(synth_);
}

AudioSession::AudioSession(ISynth* synth, IClock* clock)
    : ownedClock_(clock ? nullptr : std::make_unique<SteadyClock>()),
      clock_(clock ? clock : ownedClock_.get()),
      synth_(synth),
      soundStatus_("sound: test synth") {
    scheduler_ = std::make_unique<PlaybackScheduler>(synth_, clock_);
    thru_.setSynth(synth_);
    liveOutput_.setTarget(synth_);
}

AudioSession::~AudioSession() {
    closeInput();
    scheduler_.reset();  // stops and silences while the synths still exist
}

bool AudioSession::hasSound() const {
    std::lock_guard lock(mutex_);
    return fluidSynth_ ? fluidSynth_->hasSound() : synth_ != nullptr;
}

std::string AudioSession::soundStatus() const {
    std::lock_guard lock(mutex_);
    return soundStatus_;
}

std::string AudioSession::soundFontPath() const {
    std::lock_guard lock(mutex_);
    return fluidSynth_ ? fluidSynth_->soundFontPath() : std::string();
}

bool AudioSession::setSoundFont(const std::string& path, std::string* error) {
    std::lock_guard lock(mutex_);
    if (fluidSynth_)
        return fluidSynth_->loadSoundFont(path, error);
    if (synth_) {  // a test synth: nothing to load into
        if (error)
            *error = "no FluidSynth synth in this session";
        return false;
    }
    FluidSynthOptions synthOptions;
    synthOptions.soundFont = path;
    synthOptions.startAudioDriver = options_.startAudio;
    synthOptions.audioDriver = options_.audioDriver;
    auto created = FluidSynthSynth::create(synthOptions, error);
    if (!created)
        return false;
    fluidSynth_ = std::move(created);
    synth_ = fluidSynth_.get();
    soundStatus_ = fluidSynth_->soundStatus();
    routeOutputLocked();
    return true;
}

MidiPortList AudioSession::outputPorts() {
    return RtMidiOutput::ports();
}
MidiPortList AudioSession::inputPorts() {
    return RtMidiInput::ports();
}

bool AudioSession::playToMidiPort(int index, std::string* error) {
    auto port =
        index == kVirtualPort ? RtMidiOutput::openVirtual("out", error) : RtMidiOutput::open(index, error);
    if (!port)
        return false;
    playToMidiOutput(std::move(port));
    return true;
}

void AudioSession::playToMidiOutput(std::unique_ptr<IMidiOutput> output) {
    std::unique_ptr<IMidiOutput> oldOutput;
    std::unique_ptr<MidiOutputSynth> oldSynth;
    {
        std::lock_guard lock(mutex_);
        oldOutput = std::move(output_);
        oldSynth = std::move(outputSynth_);
        output_ = std::move(output);
        if (output_)
            outputSynth_ = std::make_unique<MidiOutputSynth>(*output_);
        routeOutputLocked();
    }
    // The scheduler and the thru no longer use the old port: it can close now.
}

void AudioSession::playToSynth() {
    playToMidiOutput(nullptr);
}

std::string AudioSession::outputName() const {
    std::lock_guard lock(mutex_);
    if (output_)
        return output_->portName();
    if (fluidSynth_)
        return "FluidSynth";
    return synth_ ? "synth" : "none";
}

ISynth* AudioSession::currentOutputLocked() const {
    return outputSynth_ ? static_cast<ISynth*>(outputSynth_.get()) : synth_;
}

void AudioSession::routeOutputLocked() {
    // Both calls return only once the old output is out of use (see their headers).
    scheduler_->setSynth(currentOutputLocked());
    thru_.setSynth(currentOutputLocked());
    liveOutput_.setTarget(currentOutputLocked());
}

bool AudioSession::openInput(int index, std::string* error) {
    auto input =
        index == kVirtualPort ? RtMidiInput::openVirtual("in", error) : RtMidiInput::open(index, error);
    if (!input)
        return false;
    useInput(std::move(input));
    return true;
}

void AudioSession::useInput(std::unique_ptr<IMidiInput> input) {
    closeInput();
    if (!input)
        return;
    // Input thread: thru first so the player hears the key at once, then the recorder.
    input->setCallback([this](const MidiMessage& message, double seconds) {
        thru_.handle(message);
        recorder_.handle(message, seconds);
        std::lock_guard lock(listenerMutex_);
        if (listener_)
            listener_(message, seconds);
    });
    std::lock_guard lock(mutex_);
    input_ = std::move(input);
}

void AudioSession::closeInput() {
    std::unique_ptr<IMidiInput> old;
    {
        std::lock_guard lock(mutex_);
        old = std::move(input_);
    }
    if (old)
        old->setCallback(nullptr);  // waits for a running callback
}

std::string AudioSession::inputName() const {
    std::lock_guard lock(mutex_);
    return input_ ? input_->portName() : std::string();
}

void AudioSession::setInputListener(IMidiInput::Callback listener) {
    std::lock_guard lock(listenerMutex_);
    listener_ = std::move(listener);
}

void AudioSession::startRecording(const Song& timing, std::int64_t startTick, MidiRecorder::Options options) {
    recorder_.start(timing, startTick, clock_->now(), options);
    scheduler_->setOpenEnded(true);  // a take runs as long as the musician plays
}

std::vector<Note> AudioSession::stopRecording() {
    scheduler_->setOpenEnded(false);
    return recorder_.finish(clock_->now());
}

}  // namespace biaxial
