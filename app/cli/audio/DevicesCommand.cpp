// `biaxial devices`: what the studio would find for sound and MIDI on this machine.
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/audio/AudioSession.h"

namespace {

void printPorts(const char* direction, const biaxial::MidiPortList& ports) {
    std::printf("MIDI %s ports: %zu\n", direction, ports.names.size());
    for (std::size_t i = 0; i < ports.names.size(); ++i)
        std::printf("  %zu: %s\n", i, ports.names[i].c_str());
    if (!ports.message.empty())
        std::printf("  (%s)\n", ports.message.c_str());
}

int runDevices(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"soundfont"}, {"no-audio"});
    if (!p.parse(args) || !p.positional().empty()) {
        std::fprintf(stderr,
                     "biaxial devices: %s\nusage: biaxial devices [--soundfont FILE.sf2] [--no-audio]\n",
                     p.error().empty() ? "takes no file" : p.error().c_str());
        return 2;
    }
    biaxial::AudioSession::Options options;
    options.soundFont = p.get("soundfont");
    options.startAudio = !p.has("no-audio");
    const biaxial::AudioSession session(options);
    const std::string soundFont = session.soundFontPath();
    std::printf("SoundFont: %s\n", soundFont.empty() ? "none" : soundFont.c_str());
    std::printf("%s\n", session.soundStatus().c_str());
    printPorts("output", biaxial::AudioSession::outputPorts());
    printPorts("input", biaxial::AudioSession::inputPorts());
    std::printf(
        "virtual ports: the studio offers its own, \"Biaxial Studio:out\" (for a DAW to record from) and "
        "\"Biaxial Studio:in\" (Transport > MIDI Output / MIDI Input)\n");
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"devices", "show the sound output, SoundFont and MIDI ports found",
     "usage: biaxial devices [--soundfont FILE.sf2] [--no-audio]\n"
     "Says why sound or MIDI ports are unavailable (no sound card, no ALSA sequencer).",
     runDevices}};

}  // namespace
