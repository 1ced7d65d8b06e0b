// `biaxial play IN.mid`: plays a MIDI file live through FluidSynth or to a MIDI port, with
// the studio's own scheduler; a quick check that sound works on a machine.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/audio/AudioSession.h"
#include "biaxial/engine/MidiFileReader.h"

namespace {

std::atomic<bool> gStop{false};
void onInterrupt(int) {
    gStop.store(true);
}

constexpr const char* kUsage =
    "usage: biaxial play IN.mid [--soundfont FILE.sf2] [--port N] [--from SECONDS] [--driver NAME]\n"
    "Plays through FluidSynth's audio output, or to MIDI output port N (see biaxial devices).\n"
    "--driver picks FluidSynth's audio driver (alsa, pulseaudio, jack, ...; 'file' writes\n"
    "fluidsynth.wav in real time, for checking live playback without a sound card).\n"
    "Ctrl-C stops (all notes off). Fails with the reason when there is no sound.";

int runPlay(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"soundfont", "port", "from", "driver"}, {});
    if (!p.parse(args) || p.positional().size() != 1) {
        std::fprintf(stderr, "biaxial play: %s\n%s\n",
                     p.error().empty() ? "expected one MIDI file" : p.error().c_str(), kUsage);
        return 2;
    }
    const int port = p.getInt("port", -1);
    const double from = p.getDouble("from", 0.0);
    if (!p.error().empty()) {
        std::fprintf(stderr, "biaxial play: %s\n", p.error().c_str());
        return 2;
    }
    auto song = biaxial::MidiFileReader::readFile(p.positional()[0]);
    if (!song) {
        std::fprintf(stderr, "biaxial play: %s\n", song.error().message().c_str());
        return 1;
    }
    biaxial::AudioSession::Options options;
    options.soundFont = p.get("soundfont");
    options.startAudio = port < 0;
    options.audioDriver = p.get("driver");
    biaxial::AudioSession session(options);
    if (port >= 0) {
        std::string error;
        if (!session.playToMidiPort(port, &error)) {
            std::fprintf(stderr, "biaxial play: %s\n", error.c_str());
            return 1;
        }
    } else if (!session.hasSound()) {
        std::fprintf(stderr, "biaxial play: %s\n", session.soundStatus().c_str());
        return 1;
    }
    std::printf("playing %s (%.1f s) on %s; Ctrl-C stops\n", p.positional()[0].c_str(),
                song.value().secondsAt(song.value().endTick()), session.outputName().c_str());
    std::signal(SIGINT, onInterrupt);
    session.scheduler().setSong(song.value());
    session.scheduler().seek(song.value().tickAt(from));
    session.scheduler().play();
    while (session.scheduler().isPlaying() && !gStop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    session.scheduler().stop();
    std::signal(SIGINT, SIG_DFL);
    std::printf("stopped at %.1f s\n", session.scheduler().positionSeconds());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"play", "play a MIDI file live (FluidSynth or a MIDI port)", kUsage, runPlay}};

}  // namespace
