// `biaxial jam --replay`: a recorded part played back as the player would have played it, and
// the network answering it (call and response) or playing along, step by step as live play
// feeds it. Writes the player's notes unchanged plus the network's part on a track of its own.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "ArgParser.h"
#include "CliModel.h"
#include "Command.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/JamReplay.h"
#if defined(BIAXIAL_HAVE_AUDIO)
#include "biaxial/audio/AudioSession.h"
#include "biaxial/model/JamSession.h"
#endif

namespace {

const char* kUsage =
    "usage: biaxial jam --replay PLAYER.mid --out OUT.mid [options]\n"
    "       biaxial jam --in PORT [--out-port PORT] [--out TAKE.mid] [--bpm B] [options]\n"
    "\n"
    "Live (--in): play on MIDI input port PORT (see biaxial devices); the network answers or\n"
    "plays along through FluidSynth (or MIDI output port --out-port) until Ctrl-C or --bars;\n"
    "--out then saves the take (your part and the network's, each on its own track).\n"
    "\n"
    "Plays PLAYER.mid as a musician would play it and lets the network join in, hearing each\n"
    "step of the player only after it was played, as live:\n"
    "  --mode answer        (default) call and response: after the player rests --rest-bars bars,\n"
    "                       the network answers for --answer-bars bars in the player's key,\n"
    "                       continuing the phrase, then listens again\n"
    "  --mode along         the network plays with the player from the first note on, below the\n"
    "                       player's register, following their key and texture\n"
    "OUT.mid holds the player's tracks unchanged and the network's part on its own track and\n"
    "MIDI channel 2. In real time by default (the replay lasts as long as the music; a step the\n"
    "network cannot sample before it should sound is dropped and counted late); --fast runs as\n"
    "fast as it can.\n"
    "\n"
    "  --model MODEL.pt      the network (default: the studio's default model)\n"
    "  --rest-bars N         bars of rest that end a phrase (default 1)\n"
    "  --answer-bars N       bars of each answer (default 2)\n"
    "  --random-seed S       the same seed gives the same music (default 1)\n"
    "  --temperature T       sampling temperature (default 1)\n"
    "  --margin MS           real time: how far ahead of its sounding a step is sampled (default 40)\n"
    "  --fast                no real time\n"
    "  --bf16                the time axis's products in bfloat16 (CPUs with AVX-512 BF16)\n"
    "  --program P           General MIDI program of the network's part (default 0, piano)\n"
    "  --bpm B               live: the tempo (default 120)\n"
    "  --bars N              live: stop after N bars (default: at Ctrl-C)\n"
    "  --soundfont FILE.sf2  live: the SoundFont for FluidSynth\n"
    "  --metronome           live: a click on every beat, after a bar of count-in";

std::atomic<bool> gStop{false};

void onInterrupt(int) {
    gStop.store(true);
}

int runLive(biaxial::cli::ArgParser& p, const biaxial::JamReplayOptions& replay) {
#if defined(BIAXIAL_HAVE_AUDIO)
    const int in = p.getInt("in", -1);
    const int outPort = p.getInt("out-port", -1);
    const double bpm = p.getDouble("bpm", 120.0);
    const int bars = p.getInt("bars", 0);
    if (!p.error().empty() || in < 0 || !(bpm >= 20 && bpm <= 400) || bars < 0) {
        std::fprintf(stderr, "biaxial jam: %s\n",
                     !p.error().empty()
                         ? p.error().c_str()
                         : "--in must be a port number (biaxial devices), --bpm 20..400, --bars >= 0");
        return 2;
    }
    biaxial::AudioSession::Options ao;
    ao.soundFont = p.get("soundfont");
    ao.startAudio = outPort < 0;
    biaxial::AudioSession session(ao);
    std::string error;
    if (outPort >= 0 && !session.playToMidiPort(outPort, &error)) {
        std::fprintf(stderr, "biaxial jam: MIDI output port %d: %s\n", outPort, error.c_str());
        return 1;
    }
    if (outPort < 0 && !session.hasSound())
        std::printf(
            "note: %s: the network's notes will not be heard (--out-port sends them to a MIDI port)\n",
            session.soundStatus().c_str());
    if (!session.openInput(in, &error)) {
        std::fprintf(stderr, "biaxial jam: MIDI input port %d: %s (biaxial devices lists the ports)\n", in,
                     error.c_str());
        return 1;
    }
    auto model = biaxial::cli::loadCliModel(p, "jam");
    if (!model)
        return 1;
    biaxial::JamSessionOptions o;
    o.policy = replay.policy;
    o.style = replay.style;
    o.randomSeed = replay.randomSeed;
    o.bf16 = replay.bf16;
    o.marginSeconds = replay.marginSeconds;
    o.program = replay.program;
    o.metronome = p.has("metronome");
    o.timing.tempos.push_back({0, static_cast<int>(60'000'000.0 / bpm)});
    o.timing.normalise();
    biaxial::JamSession jam(*model, session.clock(), session.liveOutput(), o);
    session.setInputListener(
        [&jam](const biaxial::MidiMessage& m, double seconds) { jam.handle(m, seconds); });
    if (!jam.start(session.clock().now() + 0.1, &error)) {
        session.setInputListener(nullptr);
        std::fprintf(stderr, "biaxial jam: %s\n", error.c_str());
        return 1;
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::printf("jamming on %s at %.0f BPM, %s; Ctrl-C stops\n", session.inputName().c_str(), bpm,
                replay.policy.mode == biaxial::JamPolicy::Mode::Along
                    ? "the network plays along from your first note"
                    : "play a phrase, rest a bar, and the network answers");
    std::fflush(stdout);
    const auto started = std::chrono::steady_clock::now();
    const double seconds = bars > 0 ? bars * 4 * 60.0 / bpm : 0;
    while (!gStop.load() &&
           (seconds <= 0 ||
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < seconds))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const biaxial::JamTake take = jam.stop();
    session.setInputListener(nullptr);
    std::printf(
        "\nthe take: %zu notes of yours, %zu of the network's over %d steps (%d answer(s)); late steps: %d\n",
        take.player.size(), take.network.size(), take.steps, take.answers, take.lateSteps);
    if (p.has("out")) {
        biaxial::Song song = o.timing;
        song.tracks.push_back({"player", 0, take.player, {}});
        song.tracks.push_back({"Biaxial (jam)", o.program, take.network, {}});
        song.normalise();
        if (auto err = biaxial::MidiFileWriter::writeFile(song, p.get("out"))) {
            std::fprintf(stderr, "biaxial jam: %s\n", err->message().c_str());
            return 1;
        }
        std::printf("wrote %s\n", p.get("out").c_str());
    }
    return 0;
#else
    (void)replay;
    std::fprintf(stderr,
                 "biaxial jam: --in %s: this build has no sound or MIDI (built without the audio layer)\n",
                 p.get("in").c_str());
    return 1;
#endif
}

int run(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p(
        {"replay", "out", "mode", "model", "rest-bars", "answer-bars", "random-seed", "temperature", "margin",
         "program", "device", "in", "out-port", "bpm", "bars", "soundfont"},
        {"fast", "bf16", "metronome"});
    const bool live = p.parse(args) && p.has("in");
    if (!p.error().empty() || (!live && (p.get("replay").empty() || p.get("out").empty()))) {
        std::fprintf(stderr, "biaxial jam: %s\n%s\n",
                     p.error().empty() ? "needs --replay PLAYER.mid and --out OUT.mid" : p.error().c_str(),
                     kUsage);
        return 2;
    }
    biaxial::JamReplayOptions o;
    const std::string mode = p.get("mode", "answer");
    if (mode != "answer" && mode != "along") {
        std::fprintf(stderr, "biaxial jam: unknown --mode '%s' (answer or along)\n", mode.c_str());
        return 2;
    }
    o.policy.mode = mode == "along" ? biaxial::JamPolicy::Mode::Along : biaxial::JamPolicy::Mode::Answer;
    o.policy.restBars = p.getInt("rest-bars", 1);
    o.policy.answerBars = p.getInt("answer-bars", 2);
    o.randomSeed = static_cast<std::uint64_t>(p.getInt("random-seed", 1));
    o.style.temperature = p.getDouble("temperature", 1.0);
    o.marginSeconds = p.getDouble("margin", 40.0) / 1000.0;
    o.program = p.getInt("program", 0);
    o.realTime = !p.has("fast");
    o.bf16 = p.has("bf16");
    if (!p.error().empty() || o.policy.restBars < 1 || o.policy.answerBars < 1 ||
        !(o.style.temperature > 0) || o.marginSeconds < 0 || o.program < 0 || o.program > 127) {
        std::fprintf(stderr, "biaxial jam: %s\n",
                     !p.error().empty()
                         ? p.error().c_str()
                         : "--rest-bars and --answer-bars must be at least 1, --temperature above "
                           "0, --margin not negative, --program 0..127");
        return 2;
    }
    if (live)
        return runLive(p, o);
    const std::string playerPath = p.get("replay");
    auto read = biaxial::MidiFileReader::readFile(playerPath);
    if (!read) {
        std::fprintf(stderr, "biaxial jam: %s\n", read.error().message().c_str());
        return 1;
    }
    auto model = biaxial::cli::loadCliModel(p, "jam");
    if (!model)
        return 1;
    if (o.realTime)
        std::printf("replaying %s in real time (--fast does not wait)...\n", playerPath.c_str());
    std::fflush(stdout);
    const auto r = biaxial::JamReplay::run(*model, read.value(), o);
    if (!r.ok) {
        std::fprintf(stderr, "biaxial jam: %s: %s\n", playerPath.c_str(), r.error.c_str());
        return 1;
    }
    if (auto err = biaxial::MidiFileWriter::writeFile(r.song, p.get("out"))) {
        std::fprintf(stderr, "biaxial jam: %s\n", err->message().c_str());
        return 1;
    }
    std::printf("wrote %s: the player's %zu notes unchanged, the network's %d notes over %d of %d steps",
                p.get("out").c_str(), read.value().noteCount(), r.networkNotes, r.networkSteps, r.steps);
    if (o.policy.mode == biaxial::JamPolicy::Mode::Answer)
        std::printf(" (%d answer(s)%s%s)", r.answers, r.key.empty() ? "" : ", last in ", r.key.c_str());
    std::printf("\nsampling a step: median %.2f ms, p99 %.2f ms, worst %.2f ms; late steps: %d%s\n",
                r.stepMsP50, r.stepMsP99, r.stepMsWorst, r.lateSteps,
                o.realTime ? "" : " (--fast: not timed against the music)");
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"jam", "replay a part and let the network answer it or play along (live rules)", kUsage, run}};

}  // namespace
