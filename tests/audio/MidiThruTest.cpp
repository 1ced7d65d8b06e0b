#include <gtest/gtest.h>

#include "biaxial/audio/FakeMidiInput.h"
#include "biaxial/audio/FakeSynth.h"
#include "biaxial/audio/MidiThru.h"

using biaxial::FakeSynth;
using biaxial::MidiMessage;
using Kind = FakeSynth::Call::Kind;

TEST(MidiThru, PassesAKeyboardToTheSynth) {
    biaxial::FakeMidiInput keyboard;
    FakeSynth synth;
    biaxial::MidiThru thru(&synth);
    keyboard.setCallback([&](const MidiMessage& m, double) { thru.handle(m); });
    keyboard.inject(MidiMessage::noteOn(2, 60, 80), 0.0);
    keyboard.inject(MidiMessage::controlChange(2, 64, 127), 0.1);
    keyboard.inject(MidiMessage::fromBytes(std::vector<std::uint8_t>{0x92, 60, 0}), 0.2);  // on, velocity 0
    const auto calls = synth.calls();
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(calls[0], (FakeSynth::Call{Kind::NoteOn, 2, 60, 80, 0.0}));
    EXPECT_EQ(calls[1], (FakeSynth::Call{Kind::ControlChange, 2, 64, 127, 0.0}));
    EXPECT_EQ(calls[2], (FakeSynth::Call{Kind::NoteOff, 2, 60, 0, 0.0}));
}

TEST(MidiThru, CanForceAChannelAndBeSwitchedOff) {
    FakeSynth synth;
    biaxial::MidiThru thru(&synth);
    thru.setChannel(0);
    thru.handle(MidiMessage::noteOn(5, 64, 90));
    thru.setEnabled(false);
    thru.handle(MidiMessage::noteOn(5, 65, 90));
    const auto calls = synth.calls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].channel, 0);
    thru.setSynth(nullptr);  // silences the old synth
    EXPECT_EQ(synth.calls().back().kind, Kind::AllNotesOff);
}
