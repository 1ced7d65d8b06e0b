// `biaxial render IN.mid --out OUT.wav`: renders a MIDI file to WAV with FluidSynth, offline.
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/audio/WavRenderer.h"
#include "biaxial/engine/MidiFileReader.h"

namespace {

// Ctrl-C cancels the render, which then leaves no partial WAV behind.
std::atomic<bool> gCancel{false};
void onInterrupt(int) {
    gCancel.store(true);
}

constexpr const char* kUsage =
    "usage: biaxial render IN.mid --out OUT.wav [--soundfont FILE.sf2] [--rate 44100|48000] [--float]\n"
    "                      [--tail SECONDS] [--peak DB | --gain G] [--no-reverb] [--quiet]\n"
    "Renders offline (no sound card needed) to a stereo WAV, 16-bit unless --float, with a\n"
    "release tail (default 2 s). The SoundFont defaults to Debian's General MIDI one\n"
    "(/usr/share/sounds/sf2/default-GM.sf2, package fluid-soundfont-gm; $BIAXIAL_SOUNDFONT\n"
    "overrides). The mix is normalised so that its peak sits at --peak dBFS (default -1; two passes);\n"
    "--gain G sets FluidSynth's gain instead (0.5 without normalising). Prints the length, peak,\n"
    "RMS and render speed. Ctrl-C cancels; no file is left.";

int runRender(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"out", "soundfont", "rate", "tail", "gain", "peak"},
                              {"float", "no-reverb", "quiet"});
    if (!p.parse(args) || p.positional().size() != 1 || !p.has("out")) {
        std::fprintf(stderr, "biaxial render: %s\n%s\n",
                     !p.error().empty()           ? p.error().c_str()
                     : p.positional().size() != 1 ? "expected one MIDI file"
                                                  : "--out OUT.wav is required",
                     kUsage);
        return 2;
    }
    biaxial::WavRenderOptions options;
    options.soundFont = p.get("soundfont");
    options.sampleRate = p.getInt("rate", 44100);
    options.tailSeconds = p.getDouble("tail", options.tailSeconds);
    options.gain = p.getDouble("gain", options.gain);
    options.normalize = !p.has("gain");  // an explicit gain is taken as it is
    options.normalizePeakDb = p.getDouble("peak", -1.0);
    if (p.has("gain") && p.has("peak")) {
        std::fprintf(stderr, "biaxial render: --peak normalises, --gain does not: give one of them\n");
        return 2;
    }
    options.reverb = !p.has("no-reverb");
    options.format = p.has("float") ? biaxial::WavSampleFormat::Float32 : biaxial::WavSampleFormat::Pcm16;
    if (!p.error().empty()) {
        std::fprintf(stderr, "biaxial render: %s\n", p.error().c_str());
        return 2;
    }
    if (options.sampleRate != 44100 && options.sampleRate != 48000) {
        std::fprintf(stderr, "biaxial render: --rate must be 44100 or 48000, not %d\n", options.sampleRate);
        return 2;
    }
    if (options.tailSeconds < 0 || options.tailSeconds > 60) {
        std::fprintf(stderr, "biaxial render: --tail must be within 0..60 seconds\n");
        return 2;
    }

    const std::string& in = p.positional()[0];
    auto song = biaxial::MidiFileReader::readFile(in);
    if (!song) {
        std::fprintf(stderr, "biaxial render: %s\n", song.error().message().c_str());
        return 1;
    }
    const bool quiet = p.has("quiet");
    if (!quiet) {
        for (const auto& w : song.warnings())
            std::fprintf(stderr, "warning: %s: %s\n", in.c_str(), w.c_str());
    }

    std::signal(SIGINT, onInterrupt);
    int lastTenth = -1;
    const auto progress = [&](double fraction) {
        const int tenth = static_cast<int>(fraction * 10);
        if (!quiet && tenth != lastTenth) {
            lastTenth = tenth;
            std::fprintf(stderr, "\rrendering %3d%%", tenth * 10);
            std::fflush(stderr);
        }
    };
    const std::string out = p.get("out");
    const auto result = biaxial::WavRenderer::render(song.value(), out, options, &gCancel, progress);
    if (!quiet)
        std::fprintf(stderr, "\n");
    std::signal(SIGINT, SIG_DFL);
    if (result.cancelled) {
        std::fprintf(stderr, "biaxial render: cancelled; %s not written\n", out.c_str());
        return 130;
    }
    if (!result.ok()) {
        std::fprintf(stderr, "biaxial render: %s\n", result.error.c_str());
        return 1;
    }
    const double speed = result.renderSeconds > 0 ? result.seconds / result.renderSeconds : 0.0;
    std::printf(
        "%s: %.2f s, %d Hz, %s, peak %.3f (%.1f dBFS), RMS %.4f (%.1f dBFS), rendered in %.2f s (%.0fx real "
        "time)\n",
        out.c_str(), result.seconds, options.sampleRate, p.has("float") ? "float" : "16-bit", result.peak,
        result.peak > 0 ? 20.0 * std::log10(result.peak) : -INFINITY, result.rms,
        result.rms > 0 ? 20.0 * std::log10(result.rms) : -INFINITY, result.renderSeconds, speed);
    if (result.peak > 1.0 && options.format == biaxial::WavSampleFormat::Pcm16) {
        std::fprintf(stderr, "warning: the mix clipped (peak %.2f); try --gain %.2f, --peak or --float\n",
                     result.peak, options.gain / result.peak);
    }
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"render", "render a MIDI file to WAV with FluidSynth (no sound card needed)", kUsage, runRender}};

}  // namespace
