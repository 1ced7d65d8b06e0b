#pragma once

#include <memory>
#include <string>

#include "biaxial/audio/ISynth.h"

namespace biaxial {

struct FluidSynthOptions {
    std::string soundFont;  // "" = SoundFontLocator::defaultSoundFont()
    double sampleRate = 44100.0;
    double gain = 0.5;             // FluidSynth's master gain (its default 0.2 is quiet for piano)
    bool startAudioDriver = true;  // false: a silent synth (tests, or sound switched off)
    std::string audioDriver;       // "" = FluidSynth's default, then "alsa"
    int program = 0;               // General MIDI program set on every channel but drums: piano
};

// The live synth: FluidSynth playing through its own audio driver.
//
// A missing sound card is not an error: create() still returns a synth, hasSound() is
// false and soundStatus() says "sound unavailable: <reason>", and every call is accepted and
// does nothing audible, so the studio starts and works. create() fails only when FluidSynth
// is missing from the build or the SoundFont cannot be loaded.
//
// Threads: every method is thread-safe (FluidSynth's thread-safe API); audio is produced
// on FluidSynth's driver thread.
class FluidSynthSynth final : public ISynth {
public:
    static bool available();  // built with FluidSynth
    static std::unique_ptr<FluidSynthSynth> create(const FluidSynthOptions& options, std::string* error);
    ~FluidSynthSynth() override;

    bool hasSound() const;
    // "sound: FluidSynth via pulseaudio at 44100 Hz" or "sound unavailable: <reason>".
    std::string soundStatus() const;
    std::string soundFontPath() const;
    // Replaces the SoundFont (channels keep their programs); on failure the old one stays.
    bool loadSoundFont(const std::string& path, std::string* error);

    void noteOn(int channel, int pitch, int velocity) override;
    void noteOff(int channel, int pitch) override;
    void allNotesOff() override;
    void programChange(int channel, int program) override;
    void controlChange(int channel, int controller, int value) override;

private:
    struct Impl;
    explicit FluidSynthSynth(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
