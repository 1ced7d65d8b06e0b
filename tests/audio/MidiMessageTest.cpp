#include <gtest/gtest.h>

#include <vector>

#include "biaxial/audio/MidiMessage.h"

using biaxial::MidiMessage;

TEST(MidiMessage, BuildsChannelMessagesWithClampedValues) {
    EXPECT_EQ(MidiMessage::noteOn(1, 60, 100).toHex(), "91 3c 64");
    EXPECT_EQ(MidiMessage::noteOn(0, 60, 0).toHex(), "90 3c 01");  // velocity 0 would be a note-off
    EXPECT_EQ(MidiMessage::noteOff(15, 200).toHex(), "8f 7f 00");
    EXPECT_EQ(MidiMessage::programChange(2, 0).toHex(), "c2 00");
    EXPECT_EQ(MidiMessage::allNotesOff(3).toHex(), "b3 7b 00");
    EXPECT_EQ(MidiMessage::controlChange(20, 64, 127).toHex(), "bf 40 7f");
}

TEST(MidiMessage, ParsesWireBytesAndRejectsIncompleteOnes) {
    const std::vector<std::uint8_t> on{0x90, 60, 0};
    const MidiMessage m = MidiMessage::fromBytes(on);
    EXPECT_EQ(m.size, 3);
    EXPECT_TRUE(m.isNoteOff());  // note-on with velocity 0
    EXPECT_FALSE(m.isNoteOn());
    EXPECT_EQ(MidiMessage::fromBytes(std::vector<std::uint8_t>{0xC0, 5}).data1(), 5);
    EXPECT_EQ(MidiMessage::fromBytes(std::vector<std::uint8_t>{0x90, 60}).size, 0);          // cut off
    EXPECT_EQ(MidiMessage::fromBytes(std::vector<std::uint8_t>{0x3c, 60, 1}).size, 0);       // no status
    EXPECT_EQ(MidiMessage::fromBytes(std::vector<std::uint8_t>{0xF0, 1, 2, 0xF7}).size, 0);  // sysex
    EXPECT_EQ(MidiMessage::fromBytes(std::vector<std::uint8_t>{0x90, 0x80, 1}).size, 0);     // data >= 0x80
    EXPECT_EQ(MidiMessage::fromBytes({}).size, 0);
}
