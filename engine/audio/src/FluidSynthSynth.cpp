#include "biaxial/audio/FluidSynthSynth.h"

#include <algorithm>
#include <mutex>
#include <vector>

#include "biaxial/audio/SoundFontLocator.h"

#if BIAXIAL_HAVE_FLUIDSYNTH
#include <fluidsynth.h>

#include "FluidLog.h"
#endif

namespace biaxial {

#if BIAXIAL_HAVE_FLUIDSYNTH

namespace {
constexpr int kDrumChannel = 9;
}

struct FluidSynthSynth::Impl {
    fluid_settings_t* settings = nullptr;
    fluid_synth_t* synth = nullptr;
    fluid_audio_driver_t* driver = nullptr;
    std::string status;
    mutable std::mutex mutex;  // guards soundFont/soundFontId (the synth locks itself)
    std::string soundFont;
    int soundFontId = -1;

    ~Impl() {
        // The driver first: it pulls audio from the synth on its own thread.
        if (driver)
            delete_fluid_audio_driver(driver);
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }
    bool live() const { return driver != nullptr; }
};

bool FluidSynthSynth::available() {
    return true;
}

std::unique_ptr<FluidSynthSynth> FluidSynthSynth::create(const FluidSynthOptions& options,
                                                         std::string* error) {
    std::string soundFont = options.soundFont;
    if (soundFont.empty()) {
        soundFont = SoundFontLocator::defaultSoundFont(error);
        if (soundFont.empty())
            return nullptr;
    } else if (std::string why = SoundFontLocator::check(soundFont); !why.empty()) {
        if (error)
            *error = why;
        return nullptr;
    }

    fluidlog::begin();
    auto impl = std::make_unique<Impl>();
    impl->settings = new_fluid_settings();
    if (!impl->settings) {
        if (error)
            *error = "FluidSynth: cannot create settings";
        return nullptr;
    }
    fluid_settings_setnum(impl->settings, "synth.sample-rate", options.sampleRate);
    fluid_settings_setnum(impl->settings, "synth.gain", std::clamp(options.gain, 0.0, 10.0));
    fluid_settings_setint(impl->settings, "synth.dynamic-sample-loading", 1);  // FluidR3_GM is 148 MB
    impl->synth = new_fluid_synth(impl->settings);
    if (!impl->synth) {
        if (error)
            *error = "FluidSynth: cannot create a synth: " + fluidlog::lastError();
        return nullptr;
    }
    impl->soundFontId = fluid_synth_sfload(impl->synth, soundFont.c_str(), 1);
    if (impl->soundFontId == FLUID_FAILED) {
        if (error)
            *error = soundFont + ": FluidSynth cannot load the SoundFont: " + fluidlog::lastError();
        return nullptr;
    }
    impl->soundFont = soundFont;
    for (int channel = 0; channel < 16; ++channel) {
        if (channel != kDrumChannel)
            fluid_synth_program_change(impl->synth, channel, std::clamp(options.program, 0, 127));
    }

    if (!options.startAudioDriver) {
        impl->status = "sound unavailable: audio output switched off";
    } else {
        std::vector<std::string> drivers;
        if (!options.audioDriver.empty()) {
            drivers.push_back(options.audioDriver);
        } else {
            // FluidSynth's default for this system, then ALSA when the default is another
            // (PulseAudio or PipeWire may be absent where plain ALSA works).
            char* fallback = nullptr;
            fluid_settings_getstr_default(impl->settings, "audio.driver", &fallback);
            drivers.push_back("");
            if (!fallback || std::string(fallback) != "alsa")
                drivers.push_back("alsa");
        }
        std::string reasons;
        for (const std::string& name : drivers) {
            fluidlog::begin();
            if (!name.empty() &&
                fluid_settings_setstr(impl->settings, "audio.driver", name.c_str()) != FLUID_OK) {
                reasons += (reasons.empty() ? "" : "; ") + name + ": no such audio driver in this FluidSynth";
                continue;
            }
            impl->driver = new_fluid_audio_driver(impl->settings, impl->synth);
            char* used = nullptr;
            fluid_settings_dupstr(impl->settings, "audio.driver", &used);
            const std::string usedName = used ? used : "?";
            fluid_free(used);
            if (impl->driver) {
                impl->status = "sound: FluidSynth via " + usedName + " at " +
                               std::to_string(static_cast<int>(options.sampleRate)) + " Hz";
                break;
            }
            std::string why = fluidlog::lastError();
            if (why.empty())
                why = "cannot open the audio device";
            if (reasons.find(usedName + ": ") == std::string::npos) {
                reasons += (reasons.empty() ? "" : "; ") + usedName + ": " + why;
            }
        }
        if (!impl->driver)
            impl->status = "sound unavailable: " + reasons;
    }
    return std::unique_ptr<FluidSynthSynth>(new FluidSynthSynth(std::move(impl)));
}

FluidSynthSynth::FluidSynthSynth(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FluidSynthSynth::~FluidSynthSynth() = default;

bool FluidSynthSynth::hasSound() const {
    return impl_->live();
}
std::string FluidSynthSynth::soundStatus() const {
    return impl_->status;
}

std::string FluidSynthSynth::soundFontPath() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->soundFont;
}

bool FluidSynthSynth::loadSoundFont(const std::string& path, std::string* error) {
    if (std::string why = SoundFontLocator::check(path); !why.empty()) {
        if (error)
            *error = why;
        return false;
    }
    std::lock_guard lock(impl_->mutex);
    fluidlog::begin();
    const int id = fluid_synth_sfload(impl_->synth, path.c_str(), 1);  // 1: channels re-pick their presets
    if (id == FLUID_FAILED) {
        if (error)
            *error = path + ": FluidSynth cannot load the SoundFont: " + fluidlog::lastError();
        return false;
    }
    if (impl_->soundFontId != FLUID_FAILED)
        fluid_synth_sfunload(impl_->synth, impl_->soundFontId, 1);
    impl_->soundFontId = id;
    impl_->soundFont = path;
    return true;
}

// Without a driver nothing would ever render the voices: the calls are dropped.
void FluidSynthSynth::noteOn(int channel, int pitch, int velocity) {
    if (impl_->live())
        fluid_synth_noteon(impl_->synth, channel & 15, std::clamp(pitch, 0, 127),
                           std::clamp(velocity, 1, 127));
}

void FluidSynthSynth::noteOff(int channel, int pitch) {
    if (impl_->live())
        fluid_synth_noteoff(impl_->synth, channel & 15, std::clamp(pitch, 0, 127));
}

void FluidSynthSynth::allNotesOff() {
    if (!impl_->live())
        return;
    for (int channel = 0; channel < 16; ++channel)
        fluid_synth_cc(impl_->synth, channel, 64, 0);  // pedal up first
    fluid_synth_all_notes_off(impl_->synth, -1);
}

void FluidSynthSynth::programChange(int channel, int program) {
    fluid_synth_program_change(impl_->synth, channel & 15, std::clamp(program, 0, 127));
}

void FluidSynthSynth::controlChange(int channel, int controller, int value) {
    fluid_synth_cc(impl_->synth, channel & 15, std::clamp(controller, 0, 127), std::clamp(value, 0, 127));
}

#else  // built without FluidSynth: the studio runs silent and says why.

struct FluidSynthSynth::Impl {};

bool FluidSynthSynth::available() {
    return false;
}

std::unique_ptr<FluidSynthSynth> FluidSynthSynth::create(const FluidSynthOptions&, std::string* error) {
    if (error)
        *error = "sound unavailable: built without FluidSynth (libfluidsynth-dev)";
    return nullptr;
}

FluidSynthSynth::FluidSynthSynth(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FluidSynthSynth::~FluidSynthSynth() = default;
bool FluidSynthSynth::hasSound() const {
    return false;
}
std::string FluidSynthSynth::soundStatus() const {
    return "sound unavailable: built without FluidSynth";
}
std::string FluidSynthSynth::soundFontPath() const {
    return {};
}
bool FluidSynthSynth::loadSoundFont(const std::string&, std::string* error) {
    if (error)
        *error = "built without FluidSynth";
    return false;
}
void FluidSynthSynth::noteOn(int, int, int) {}
void FluidSynthSynth::noteOff(int, int) {}
void FluidSynthSynth::allNotesOff() {}
void FluidSynthSynth::programChange(int, int) {}
void FluidSynthSynth::controlChange(int, int, int) {}

#endif

}  // namespace biaxial
