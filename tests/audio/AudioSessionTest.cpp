#include <gtest/gtest.h>

#include <atomic>

#include "AudioTestSongs.h"
#include "biaxial/audio/AudioSession.h"
#include "biaxial/audio/FakeClock.h"
#include "biaxial/audio/FakeMidiInput.h"
#include "biaxial/audio/FakeMidiOutput.h"
#include "biaxial/audio/FakeSynth.h"

using biaxial::AudioSession;
using biaxial::MidiMessage;
using Kind = biaxial::FakeSynth::Call::Kind;

TEST(AudioSession, PlaysToTheSynthOrToAMidiPortAndBack) {
    biaxial::FakeClock clock;
    biaxial::FakeSynth synth(&clock);
    AudioSession session(&synth, &clock);
    session.scheduler().setSong(biaxial::test::threeNoteSong());

    auto port = std::make_unique<biaxial::FakeMidiOutput>("Port A");
    auto* portView = port.get();
    session.playToMidiOutput(std::move(port));
    EXPECT_EQ(session.outputName(), "Port A");
    session.scheduler().play();
    ASSERT_TRUE(clock.advanceTo(0.75));
    EXPECT_EQ(portView->sent().size(), 4u);  // program, C4 on/off, E4 on
    EXPECT_TRUE(synth.calls(Kind::NoteOn).empty());

    session.playToSynth();  // the port is silenced, then closed
    ASSERT_TRUE(clock.advanceTo(5.0));
    EXPECT_EQ(session.outputName(), "synth");
    EXPECT_EQ(synth.calls(Kind::NoteOn).size(), 2u);  // the rest of E4 (held at the switch), then G4
}

TEST(AudioSession, RecordsAndPassesTheKeyboardThru) {
    biaxial::FakeClock clock(50.0);
    biaxial::FakeSynth synth(&clock);
    AudioSession session(&synth, &clock);
    auto keyboard = std::make_unique<biaxial::FakeMidiInput>("Keys");
    auto* keys = keyboard.get();
    session.useInput(std::move(keyboard));
    EXPECT_EQ(session.inputName(), "Keys");
    std::atomic<int> heard{0};
    session.setInputListener([&](const MidiMessage&, double) { ++heard; });

    keys->inject(MidiMessage::noteOn(0, 48, 100), 50.1);  // not recording yet: thru only
    keys->inject(MidiMessage::noteOff(0, 48), 50.2);
    session.startRecording(biaxial::test::threeNoteSong(), 1920);  // at clock 50.0 = bar 2
    EXPECT_TRUE(session.isRecording());
    keys->inject(MidiMessage::noteOn(0, 60, 100), 50.26);  // two sixteenths in
    keys->inject(MidiMessage::noteOff(0, 60), 50.49);
    const auto notes = session.stopRecording();
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].start, 1920 + 240);
    EXPECT_EQ(notes[0].length, 240);
    EXPECT_EQ(synth.calls(Kind::NoteOn).size(), 2u);  // both keys heard through the thru
    EXPECT_EQ(heard.load(), 4);

    session.setThru(false);
    keys->inject(MidiMessage::noteOn(0, 62, 100), 51.0);
    EXPECT_EQ(synth.calls(Kind::NoteOn).size(), 2u);
    session.closeInput();
    EXPECT_EQ(session.inputName(), "");
}

TEST(AudioSession, StartsWithoutSoundAndSaysWhy) {
    AudioSession::Options options;
    options.startAudio = false;
    options.soundFont = "/nonexistent/piano.sf2";
    AudioSession session(options);
    EXPECT_FALSE(session.hasSound());
    EXPECT_EQ(session.soundStatus().rfind("sound unavailable: ", 0), 0u) << session.soundStatus();
    session.scheduler().setSong(biaxial::test::threeNoteSong());
    session.scheduler().audition(60);
    EXPECT_FALSE(session.playToMidiPort(99, nullptr));  // no such port, no crash
    std::string error;
    EXPECT_FALSE(session.openInput(99, &error));
    EXPECT_FALSE(error.empty());
}
