#include "biaxial/audio/WavRenderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "biaxial/audio/PlaybackEventList.h"
#include "biaxial/audio/SoundFontLocator.h"
#include "biaxial/audio/SoundingNotes.h"
#include "biaxial/engine/AtomicFile.h"

#if BIAXIAL_HAVE_FLUIDSYNTH
#include <fluidsynth.h>

#include "FluidLog.h"
#endif

namespace biaxial {
namespace {

constexpr const char* kCancelled = "cancelled";
// Frames per write: small enough for a prompt cancel, large enough to cost nothing.
constexpr int kBlockFrames = 512;
// A song longer than this is surely a broken tempo map, not music (and WAV stops at 4 GiB).
constexpr double kMaxSeconds = 3.0 * 3600.0;

using Sink = std::function<bool(const float* stereo, std::size_t frames, std::string* error)>;

#if BIAXIAL_HAVE_FLUIDSYNTH

struct FluidDeleter {
    void operator()(fluid_settings_t* s) const { delete_fluid_settings(s); }
    void operator()(fluid_synth_t* s) const { delete_fluid_synth(s); }
};

WavRenderResult renderWithFluidSynth(const Song& song, const WavRenderOptions& options,
                                     const std::atomic<bool>* cancel, const WavRenderer::Progress& progress,
                                     const Sink& sink) {
    WavRenderResult result;
    if (options.sampleRate < 8000 || options.sampleRate > 192000) {
        result.error = "sample rate " + std::to_string(options.sampleRate) + " Hz is outside 8000..192000";
        return result;
    }
    std::string soundFont = options.soundFont;
    if (soundFont.empty()) {
        soundFont = SoundFontLocator::defaultSoundFont(&result.error);
        if (soundFont.empty())
            return result;
    } else if (std::string why = SoundFontLocator::check(soundFont); !why.empty()) {
        result.error = why;
        return result;
    }

    const PlaybackEventList events(song);
    const double audioSeconds = events.endSeconds() + std::max(0.0, options.tailSeconds);
    if (!(audioSeconds <= kMaxSeconds)) {
        result.error =
            "the song would last " + std::to_string(audioSeconds / 3600.0) + " hours: not rendered";
        return result;
    }

    fluidlog::begin();
    std::unique_ptr<fluid_settings_t, FluidDeleter> settings(new_fluid_settings());
    if (!settings) {
        result.error = "FluidSynth: cannot create settings";
        return result;
    }
    fluid_settings_setnum(settings.get(), "synth.sample-rate", options.sampleRate);
    fluid_settings_setnum(settings.get(), "synth.gain", std::clamp(options.gain, 0.0, 10.0));
    fluid_settings_setint(settings.get(), "synth.reverb.active", options.reverb ? 1 : 0);
    fluid_settings_setint(settings.get(), "synth.chorus.active", options.chorus ? 1 : 0);
    // One thread renders offline; the lock of the thread-safe API would only cost time.
    fluid_settings_setint(settings.get(), "synth.threadsafe-api", 0);
    // Only the samples of the presets in use are loaded: FluidR3_GM is 148 MB.
    fluid_settings_setint(settings.get(), "synth.dynamic-sample-loading", 1);
    std::unique_ptr<fluid_synth_t, FluidDeleter> synth(new_fluid_synth(settings.get()));
    if (!synth) {
        result.error = "FluidSynth: cannot create a synth: " + fluidlog::lastError();
        return result;
    }
    if (fluid_synth_sfload(synth.get(), soundFont.c_str(), 1) == FLUID_FAILED) {
        result.error = soundFont + ": FluidSynth cannot load the SoundFont";
        if (const std::string why = fluidlog::lastError(); !why.empty())
            result.error += ": " + why;
        return result;
    }

    const auto wallStart = std::chrono::steady_clock::now();
    const std::int64_t totalFrames = static_cast<std::int64_t>(std::ceil(audioSeconds * options.sampleRate));
    const auto frameOf = [&](double seconds) {
        return static_cast<std::int64_t>(std::llround(seconds * options.sampleRate));
    };
    SoundingNotes sounding;
    const auto send = [&](const PlaybackEvent& e) {
        fluid_synth_t* s = synth.get();
        switch (e.type) {
            case PlaybackEvent::Type::NoteOn:
                sounding.noteOn(e.channel, e.data1);
                fluid_synth_noteon(s, e.channel, e.data1, e.data2);
                break;
            case PlaybackEvent::Type::NoteOff:
                if (sounding.noteOff(e.channel, e.data1))
                    fluid_synth_noteoff(s, e.channel, e.data1);
                break;
            case PlaybackEvent::Type::ControlChange:
                fluid_synth_cc(s, e.channel, e.data1, e.data2);
                break;
            case PlaybackEvent::Type::ProgramChange:
                fluid_synth_program_change(s, e.channel, e.data1);
                break;
        }
    };
    for (const PlaybackEvent& e : events.stateAt(0))
        send(e);

    const auto& list = events.events();
    std::size_t next = 0;
    std::vector<float> buffer(2 * kBlockFrames);
    double sumSquares = 0.0;
    double peak = 0.0;
    int lastPercent = -1;
    std::int64_t position = 0;
    while (position < totalFrames) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            result.error = kCancelled;
            return result;
        }
        while (next < list.size() && frameOf(list[next].seconds) <= position)
            send(list[next++]);
        // Blocks end at the next event so that every event starts on its own frame.
        std::int64_t frames = std::min<std::int64_t>(kBlockFrames, totalFrames - position);
        if (next < list.size())
            frames = std::min(frames, frameOf(list[next].seconds) - position);
        frames = std::max<std::int64_t>(1, frames);
        if (fluid_synth_write_float(synth.get(), static_cast<int>(frames), buffer.data(), 0, 2, buffer.data(),
                                    1, 2) != FLUID_OK) {
            result.error = "FluidSynth failed to render: " + fluidlog::lastError();
            return result;
        }
        const std::size_t samples = static_cast<std::size_t>(frames) * 2;
        for (std::size_t i = 0; i < samples; ++i) {
            const double v = buffer[i];
            sumSquares += v * v;
            peak = std::max(peak, std::abs(v));
        }
        if (!sink(buffer.data(), static_cast<std::size_t>(frames), &result.error))
            return result;
        position += frames;
        const int percent = static_cast<int>(100 * position / totalFrames);
        if (progress && percent != lastPercent) {
            lastPercent = percent;
            progress(static_cast<double>(position) / static_cast<double>(totalFrames));
        }
    }
    result.frames = totalFrames;
    result.seconds = static_cast<double>(totalFrames) / options.sampleRate;
    result.peak = peak;
    result.rms = totalFrames > 0 ? std::sqrt(sumSquares / (2.0 * static_cast<double>(totalFrames))) : 0.0;
    result.renderSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return result;
}

#else

WavRenderResult renderWithFluidSynth(const Song&, const WavRenderOptions&, const std::atomic<bool>*,
                                     const WavRenderer::Progress&, const Sink&) {
    WavRenderResult result;
    result.error =
        "WAV rendering is unavailable: Biaxial Studio was built without FluidSynth (libfluidsynth-dev)";
    return result;
}

#endif

}  // namespace

bool WavRenderer::available() {
#if BIAXIAL_HAVE_FLUIDSYNTH
    return true;
#else
    return false;
#endif
}

WavRenderResult WavRenderer::render(const Song& song, const std::string& path,
                                    const WavRenderOptions& options, const std::atomic<bool>* cancel,
                                    const Progress& progress) {
    if (!available())
        return renderWithFluidSynth(song, options, cancel, progress, {});
    const auto started = std::chrono::steady_clock::now();
    // Normalising: a first pass only measures the peak (the first half of the progress).
    float scale = 1.0f;
    Progress writeProgress = progress;
    if (options.normalize) {
        const auto measured = renderWithFluidSynth(
            song, options, cancel,
            [&](double f) {
                if (progress)
                    progress(0.5 * f);
            },
            [](const float*, std::size_t, std::string*) { return true; });
        if (!measured.ok())
            return measured;
        if (measured.peak > 1e-3) {  // below -60 dBFS there is no music to bring up, only reverb noise
            const double target = std::pow(10.0, std::min(0.0, options.normalizePeakDb) / 20.0);
            scale = static_cast<float>(std::min(target / measured.peak, std::pow(10.0, 30.0 / 20.0)));
        }
        writeProgress = [&](double f) {
            if (progress)
                progress(0.5 + 0.5 * f);
        };
    }
    const std::string temporary = AtomicFile::temporaryPathFor(path);
    WavWriter writer;
    WavRenderResult result;
    if (!writer.open(temporary, options.sampleRate, 2, options.format, &result.error)) {
        std::remove(temporary.c_str());
        result.error = path + ": " + result.error;
        return result;
    }
    std::vector<float> scaled;
    result = renderWithFluidSynth(song, options, cancel, writeProgress,
                                  [&](const float* stereo, std::size_t frames, std::string* error) {
                                      if (scale == 1.0f)
                                          return writer.write(stereo, frames, error);
                                      scaled.assign(stereo, stereo + 2 * frames);
                                      for (float& v : scaled)
                                          v *= scale;
                                      return writer.write(scaled.data(), frames, error);
                                  });
    if (scale != 1.0f) {
        result.peak *= scale;
        result.rms *= scale;
        result.appliedGainDb = 20.0 * std::log10(static_cast<double>(scale));
    }
    result.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string closeError;
    const bool closed = writer.close(&closeError);
    if (result.ok() && !closed)
        result.error = closeError;
    // Only a complete render replaces the target; anything else leaves no file behind.
    if (!result.ok() || !AtomicFile::commit(temporary, path, &result.error))
        std::remove(temporary.c_str());
    return result;
}

std::string WavRenderer::renderSong(const Song& song, const std::string& path,
                                    const WavRenderOptions& options, const std::atomic<bool>* cancel,
                                    const Progress& progress) {
    return render(song, path, options, cancel, progress).error;
}

WavRenderResult WavRenderer::renderToBuffer(const Song& song, std::vector<float>* stereo,
                                            const WavRenderOptions& options, const std::atomic<bool>* cancel,
                                            const Progress& progress) {
    std::vector<float> out;
    WavRenderResult result = renderWithFluidSynth(
        song, options, cancel, progress, [&](const float* samples, std::size_t frames, std::string*) {
            out.insert(out.end(), samples, samples + 2 * frames);
            return true;
        });
    if (stereo)
        *stereo = result.ok() ? std::move(out) : std::vector<float>();
    return result;
}

}  // namespace biaxial
