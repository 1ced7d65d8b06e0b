// `biaxial jam --replay` as a user runs it (tiny model, --fast): the player's notes come back
// unchanged with the network's part on a track of its own; bad input is named.
#include <gtest/gtest.h>

#include "CliRunner.h"
#include "CliTestData.h"
#include "biaxial/engine/MidiFileReader.h"

using namespace biaxial;
using test::runCli;

TEST(JamCli, ReplayKeepsThePlayersNotesAndAddsTheNetworksPart) {
    test::TempDir dir;
    ASSERT_TRUE(test::writeTinyModel(dir.file("m.pt")));
    const Song player = test::chordSong(2, 5);
    ASSERT_TRUE(test::writeSong(player, dir.file("player.mid")));
    for (const std::string mode : {"answer", "along"}) {
        const auto r = runCli({"jam", "--replay", dir.file("player.mid"), "--mode", mode, "--out",
                               dir.file(mode + ".mid"), "--model", dir.file("m.pt"), "--fast"});
        ASSERT_EQ(r.exitCode, 0) << r.output;
        EXPECT_NE(r.output.find("unchanged"), std::string::npos) << r.output;
        auto read = MidiFileReader::readFile(dir.file(mode + ".mid"));
        ASSERT_TRUE(read) << read.error().message();
        Song expected = player;
        expected.normalise();
        ASSERT_EQ(read.value().tracks.size(), expected.tracks.size() + 1) << mode;
        EXPECT_EQ(read.value().tracks[0].notes, expected.tracks[0].notes) << mode;
    }
}

TEST(JamCli, BadInputIsNamed) {
    test::TempDir dir;
    auto r = runCli({"jam", "--out", dir.file("x.mid")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("needs --replay PLAYER.mid"), std::string::npos) << r.output;
    r = runCli({"jam", "--replay", dir.file("missing.mid"), "--out", dir.file("x.mid"), "--mode", "duet"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("unknown --mode 'duet'"), std::string::npos) << r.output;
    r = runCli({"jam", "--replay", dir.file("missing.mid"), "--out", dir.file("x.mid")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("missing.mid"), std::string::npos) << r.output;
}

// Live play without the port asked for (no ALSA sequencer here, or no port 99): a message
// naming the port and where the list is, never a crash.
TEST(JamCli, AMissingKeyboardIsNamed) {
    test::TempDir dir;
    ASSERT_TRUE(test::writeTinyModel(dir.file("m.pt")));
    const auto r = runCli({"jam", "--in", "99", "--model", dir.file("m.pt"), "--bars", "1"});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("MIDI input port 99"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("biaxial devices"), std::string::npos) << r.output;
}
