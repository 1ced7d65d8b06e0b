#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "AudioTestSongs.h"
#include "biaxial/audio/FakeClock.h"
#include "biaxial/audio/FakeMidiOutput.h"
#include "biaxial/audio/MidiOutputSynth.h"
#include "biaxial/audio/PlaybackScheduler.h"

namespace {

std::vector<std::string> hex(const std::vector<biaxial::MidiMessage>& messages) {
    std::vector<std::string> out;
    for (const auto& m : messages)
        out.push_back(m.toHex());
    return out;
}

}  // namespace

TEST(MidiOutputSynth, TranslatesSynthCallsIntoMidiMessages) {
    biaxial::FakeMidiOutput port;
    biaxial::MidiOutputSynth synth(port);
    synth.programChange(0, 0);
    synth.noteOn(0, 60, 100);
    synth.controlChange(0, 64, 127);
    synth.noteOff(0, 60);
    EXPECT_EQ(hex(port.sent()), (std::vector<std::string>{"c0 00", "90 3c 64", "b0 40 7f", "80 3c 00"}));
}

TEST(MidiOutputSynth, AllNotesOffLiftsThePedalAndSilencesEveryChannel) {
    biaxial::FakeMidiOutput port;
    biaxial::MidiOutputSynth synth(port);
    synth.allNotesOff();
    const auto sent = hex(port.sent());
    ASSERT_EQ(sent.size(), 32u);
    EXPECT_EQ(sent[0], "b0 40 00");
    EXPECT_EQ(sent[1], "b0 7b 00");
    EXPECT_EQ(sent[31], "bf 7b 00");
}

TEST(MidiOutputSynth, PlaysASongToAPortInOrder) {
    biaxial::FakeClock clock;
    biaxial::FakeMidiOutput port;
    biaxial::MidiOutputSynth synth(port);
    biaxial::PlaybackScheduler scheduler(&synth, &clock);
    scheduler.setSong(biaxial::test::threeNoteSong());
    scheduler.play();
    ASSERT_TRUE(clock.advanceTo(5.0));
    auto sent = hex(port.sent());
    ASSERT_EQ(sent.size(), 7u + 32u);  // program, six notes, then the end's all-notes-off
    sent.resize(7);
    EXPECT_EQ(sent, (std::vector<std::string>{"c0 00", "90 3c 64", "80 3c 00", "90 40 64", "80 40 00",
                                              "90 43 64", "80 43 00"}));
}

TEST(MidiOutputSynth, AClosedPortDropsMessages) {
    biaxial::FakeMidiOutput port("closed", false);
    biaxial::MidiOutputSynth synth(port);
    synth.noteOn(0, 60, 100);
    EXPECT_TRUE(port.sent().empty());
    EXPECT_EQ(port.portName(), "");
}
