#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "biaxial/audio/WavWriter.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

struct WavRenderOptions {
    std::string soundFont;   // "" = SoundFontLocator::defaultSoundFont()
    int sampleRate = 44100;  // 44100 or 48000 (8000..192000 accepted)
    WavSampleFormat format = WavSampleFormat::Pcm16;
    double tailSeconds = 2.0;  // rendered after the last note ends: release and reverb
    double gain = 0.5;         // FluidSynth's master gain (its default 0.2 is quiet for piano)
    bool reverb = true;
    bool chorus = false;
    // Scale the mix so that its loudest sample sits at `normalizePeakDb` dBFS (0 = full scale):
    // FluidSynth's level depends on how many notes sound at once, so a fixed gain leaves a sparse
    // piece quiet (-17 dBFS peaks) and a dense one clipping. Costs a second rendering pass (the
    // synth is deterministic, so the measured peak is the written one). At most +30 dB.
    bool normalize = false;
    double normalizePeakDb = -1.0;
};

struct WavRenderResult {
    std::string error;  // "" on success; "cancelled" when cancelled
    bool cancelled = false;
    std::int64_t frames = 0;     // stereo frames rendered
    double seconds = 0.0;        // length of the audio
    double peak = 0.0;           // largest |sample| before clamping to 16 bits (after normalising)
    double appliedGainDb = 0.0;  // what normalising added (0 without it)
    double rms = 0.0;            // over both channels and the whole file
    double renderSeconds = 0.0;  // wall-clock time taken
    bool ok() const { return error.empty(); }
};

// Offline rendering of a song with FluidSynth straight to memory, no audio driver (so it
// works on machines without a sound card): stereo WAV, 16-bit or float, at the song's tempo
// map, with a release tail. A long job in the style of the project: a plain function with a
// cancel flag and a progress callback; the WAV is written to a temporary file beside the
// target and renamed at the end, so a cancelled or failed render leaves no file.
//
// Threads: call from a worker thread; `progress` runs on that thread (fraction 0..1, at
// most ~100 times); `cancel` may be set from any thread and is checked every block
// (~12 ms of audio, well under a millisecond of work).
class WavRenderer {
public:
    using Progress = std::function<void(double fraction)>;

    // True when built with FluidSynth; otherwise render() reports that it cannot.
    static bool available();

    static WavRenderResult render(const Song& song, const std::string& path,
                                  const WavRenderOptions& options = {},
                                  const std::atomic<bool>* cancel = nullptr, const Progress& progress = {});
    // The same, returning only the error ("" on success): the call for other commands,
    // e.g. `biaxial continue --wav`.
    static std::string renderSong(const Song& song, const std::string& path,
                                  const WavRenderOptions& options = {},
                                  const std::atomic<bool>* cancel = nullptr, const Progress& progress = {});
    // Renders into memory: interleaved stereo floats (previews and tests).
    static WavRenderResult renderToBuffer(const Song& song, std::vector<float>* stereo,
                                          const WavRenderOptions& options = {},
                                          const std::atomic<bool>* cancel = nullptr,
                                          const Progress& progress = {});
};

}  // namespace biaxial
