#include <gtest/gtest.h>

#include <filesystem>

#include "MidiBytes.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"

using namespace biaxial;

namespace {

Song sampleSong() {
    Song s;
    s.ticksPerQuarter = 96;
    s.tempos = {{0, 600000}, {384, 400000}};
    s.timeSignatures = {{0, 3, 4}, {288, 6, 8}};
    Track a;
    a.name = "Right hand";
    a.program = 0;
    a.notes = {{60, 0, 96, 100, 0},
               {64, 0, 48, 70, 0},
               {60, 96, 96, 90, 0},
               {67, 200, 13, 127, 0},
               {60, 150, 100, 50, 0}};  // overlaps the re-struck 60
    a.controls = {{0, 0, 64, 127}, {300, 0, 64, 0}};
    Track b;
    b.name = "Left hand";
    b.program = 32;
    b.notes = {{36, 0, 384, 80, 1}};
    s.tracks = {a, b};
    s.normalise();
    return s;
}

TEST(MidiFileWriter, RoundTripIsExact) {
    const Song s = sampleSong();
    const auto bytes = MidiFileWriter::toBytes(s);
    auto r = MidiFileReader::readBytes(bytes, "roundtrip.mid");
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_TRUE(r.warnings().empty()) << r.warnings().front();
    EXPECT_EQ(r.value(), s);
    // And the bytes are stable: writing what was read gives the same file.
    EXPECT_EQ(MidiFileWriter::toBytes(r.value()), bytes);
}

TEST(MidiFileWriter, WritesExpectedBytesForOneNote) {
    Song s;
    s.ticksPerQuarter = 480;
    Track t;
    t.notes = {{60, 0, 480, 100, 0}};
    s.tracks = {t};
    const auto bytes = MidiFileWriter::toBytes(s);
    test::Bytes expected = test::header(1, 2, 480);
    test::Bytes conductor = {0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x58, 0x04, 4, 2, 24, 8};
    conductor.insert(conductor.end(), {0x00, 0xFF, 0x2F, 0x00});
    test::Bytes notes = {0x00, 0xC0, 0x00, 0x00, 0x90, 60,   100,  0x83,
                         0x60, 0x80, 60,   64,   0x00, 0xFF, 0x2F, 0x00};
    expected = test::concat({expected, test::track(conductor), test::track(notes)});
    EXPECT_EQ(bytes, expected);
}

TEST(MidiFileWriter, ClampsVelocityPitchAndChannel) {
    Song s;
    Track t;
    t.notes = {{200, 0, 10, 300, 20}, {-5, 0, 10, 0, -1}};
    s.tracks = {t};
    auto r = MidiFileReader::readBytes(MidiFileWriter::toBytes(s), "clamp.mid");
    ASSERT_TRUE(r.ok());
    const auto& n = r.value().tracks[0].notes;
    ASSERT_EQ(n.size(), 2u);
    EXPECT_EQ(n[0].pitch, 0);
    EXPECT_EQ(n[0].velocity, 1);
    EXPECT_EQ(n[0].channel, 0);
    EXPECT_EQ(n[1].pitch, 127);
    EXPECT_EQ(n[1].velocity, 127);
    EXPECT_EQ(n[1].channel, 15);
}

TEST(MidiFileWriter, WritesAtomicallyAndReportsUnwritablePath) {
    const auto dir = std::filesystem::temp_directory_path() / "biaxial-writer-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "song.mid").string();
    ASSERT_FALSE(MidiFileWriter::writeFile(sampleSong(), path).has_value());
    auto r = MidiFileReader::readFile(path);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), sampleSong());
    std::size_t files = 0;
    for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir))
        ++files;
    EXPECT_EQ(files, 1u);  // no temporary left behind
    auto err = MidiFileWriter::writeFile(sampleSong(), "/nonexistent-dir/x.mid");
    ASSERT_TRUE(err.has_value());
    EXPECT_EQ(err->code, MidiErrorCode::CannotWrite);
    std::filesystem::remove_all(dir);
}

}  // namespace
