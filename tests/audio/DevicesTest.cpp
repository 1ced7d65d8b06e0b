// Behaviour when no device exists, as on CI machines and build servers: nothing throws,
// nothing crashes, and every "unavailable" comes with a reason for the UI to show.
#include <gtest/gtest.h>

#include "biaxial/audio/AudioSession.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/audio/FluidSynthSynth.h"
#include "biaxial/audio/RtMidiInput.h"
#include "biaxial/audio/RtMidiOutput.h"
#include "biaxial/audio/SoundFontLocator.h"

TEST(Devices, MidiPortListsNeverThrowAndExplainAnEmptyList) {
    for (const auto& ports : {biaxial::RtMidiOutput::ports(), biaxial::RtMidiInput::ports()}) {
        if (!ports.message.empty()) {
            EXPECT_TRUE(ports.names.empty()) << ports.message;
        }
        if (!biaxial::RtMidiOutput::available()) {
            EXPECT_FALSE(ports.message.empty());
        }
    }
}

TEST(Devices, OpeningAMissingPortFailsWithAReason) {
    std::string error;
    const int pastTheEnd = static_cast<int>(biaxial::RtMidiOutput::ports().names.size());
    EXPECT_EQ(biaxial::RtMidiOutput::open(pastTheEnd, &error), nullptr);
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_EQ(biaxial::RtMidiInput::open("no such keyboard", &error), nullptr);
    EXPECT_FALSE(error.empty());
}

TEST(Devices, ASynthWithoutAudioOutputWorksSilentlyAndSaysWhy) {
    if (!biaxial::FluidSynthSynth::available()) {
        std::string error;
        EXPECT_EQ(biaxial::FluidSynthSynth::create({}, &error), nullptr);
        EXPECT_NE(error.find("sound unavailable"), std::string::npos);
        return;
    }
    std::string error;
    const std::string soundFont = biaxial::SoundFontLocator::defaultSoundFont(&error);
    if (soundFont.empty())
        GTEST_SKIP() << error;
    for (const char* driver : {"", "no-such-driver"}) {
        biaxial::FluidSynthOptions options;
        options.soundFont = soundFont;
        options.startAudioDriver = driver[0] != '\0';  // "" = switched off; the other cannot exist
        options.audioDriver = driver;
        const auto synth = biaxial::FluidSynthSynth::create(options, &error);
        ASSERT_NE(synth, nullptr) << error;
        EXPECT_FALSE(synth->hasSound());
        EXPECT_EQ(synth->soundStatus().rfind("sound unavailable: ", 0), 0u) << synth->soundStatus();
        synth->programChange(0, 0);
        synth->noteOn(0, 60, 100);
        synth->controlChange(0, 64, 127);
        synth->noteOff(0, 60);
        synth->allNotesOff();
        EXPECT_EQ(synth->soundFontPath(), soundFont);
    }
}

TEST(Devices, ABadSoundFontIsRefusedWithItsName) {
    std::string error;
    biaxial::FluidSynthOptions options;
    options.soundFont = std::string(BIAXIAL_TEST_DATA_DIR) + "/no-such.sf2";
    options.startAudioDriver = false;
    EXPECT_EQ(biaxial::FluidSynthSynth::create(options, &error), nullptr);
    if (biaxial::FluidSynthSynth::available()) {
        EXPECT_NE(error.find("no-such.sf2"), std::string::npos) << error;
    }
    EXPECT_NE(biaxial::SoundFontLocator::check(__FILE__).find("not a SoundFont"), std::string::npos);
}

// The studio's virtual ports: opened where there is an ALSA sequencer, else a sentence (this
// machine, CI: no /dev/snd/seq); never a crash, and the session keeps its built-in output.
TEST(Devices, AVirtualPortOpensOrSaysWhyNot) {
    biaxial::FakeSynth synth;
    biaxial::AudioSession session(&synth, nullptr);
    std::string error;
    const bool out = session.playToMidiPort(biaxial::AudioSession::kVirtualPort, &error);
    if (out)
        EXPECT_NE(session.outputName().find("(virtual)"), std::string::npos) << session.outputName();
    else
        EXPECT_FALSE(error.empty());
    error.clear();
    const bool in = session.openInput(biaxial::AudioSession::kVirtualPort, &error);
    if (in)
        EXPECT_NE(session.inputName().find("(virtual)"), std::string::npos);
    else
        EXPECT_FALSE(error.empty());
}
