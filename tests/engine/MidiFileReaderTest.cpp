#include <gtest/gtest.h>

#include "MidiBytes.h"
#include "biaxial/engine/MidiFileReader.h"

using namespace biaxial;
using namespace biaxial::test;

namespace {

Result<Song> read(const Bytes& b) {
    return MidiFileReader::readBytes(b, "test.mid");
}

TEST(MidiFileReader, ReadsFormat0WithRunningStatusAndVelocityZeroNoteOff) {
    Bytes body;
    append(body, {0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20});  // 500000 us = 120 BPM
    append(body, {0x00, 0x90, 60, 100});                       // C4 on
    append(body, {0x00, 64, 90});                              // E4 on, running status
    append(body, {0x83, 0x60, 60, 0});                         // 480 ticks later: C4 off (vel 0)
    append(body, {0x00, 0x80, 64, 0});                         // E4 off
    auto bytes = concat({header(0, 1, 480), track(concat({body, endOfTrack()}))});
    auto r = read(bytes);
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_TRUE(r.warnings().empty());
    const Song& s = r.value();
    EXPECT_EQ(s.ticksPerQuarter, 480);
    ASSERT_EQ(s.tempos.size(), 1u);
    EXPECT_EQ(s.tempos[0].microsPerQuarter, 500000);
    ASSERT_EQ(s.tracks.size(), 1u);
    ASSERT_EQ(s.tracks[0].notes.size(), 2u);
    EXPECT_EQ(s.tracks[0].notes[0], (Note{60, 0, 480, 100, 0}));
    EXPECT_EQ(s.tracks[0].notes[1], (Note{64, 0, 480, 90, 0}));
}

TEST(MidiFileReader, ReadsFormat1TempoAndMeterChangesMetaAndSysex) {
    Bytes conductor;
    append(conductor, {0x00, 0xFF, 0x58, 0x04, 3, 2, 24, 8});             // 3/4
    append(conductor, {0x00, 0xF0, 0x03, 0x7E, 0x7F, 0xF7});              // sysex
    append(conductor, {0x8F, 0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40});  // at 1920: 1 s per quarter
    append(conductor, {0x00, 0xFF, 0x58, 0x04, 4, 2, 24, 8});             // 4/4
    Bytes notes;
    append(notes, {0x00, 0xFF, 0x03, 0x02, 'P', 'f'});
    append(notes, {0x00, 0xC0, 0x05});
    append(notes, {0x00, 0x91, 72, 80, 0x60, 0x81, 72, 0});  // channel 1, 96 ticks
    auto bytes = concat(
        {header(1, 2, 96), track(concat({conductor, endOfTrack()})), track(concat({notes, endOfTrack()}))});
    auto r = read(bytes);
    ASSERT_TRUE(r.ok()) << r.error().message();
    const Song& s = r.value();
    ASSERT_EQ(s.timeSignatures.size(), 2u);
    EXPECT_EQ(s.timeSignatures[0], (TimeSignature{0, 3, 4}));
    EXPECT_EQ(s.timeSignatures[1], (TimeSignature{1920, 4, 4}));
    ASSERT_EQ(s.tempos.size(), 2u);
    EXPECT_EQ(s.tempos[1], (TempoChange{1920, 1000000}));
    ASSERT_EQ(s.tracks.size(), 1u);  // the conductor track holds no notes
    EXPECT_EQ(s.tracks[0].name, "Pf");
    EXPECT_EQ(s.tracks[0].program, 5);
    EXPECT_EQ(s.tracks[0].notes[0], (Note{72, 0, 96, 80, 1}));
    EXPECT_DOUBLE_EQ(s.secondsAt(1920), 10.0);  // 20 quarters at 0.5 s
    EXPECT_DOUBLE_EQ(s.secondsAt(1920 + 96), 11.0);
}

TEST(MidiFileReader, OverlappingSamePitchNotesPairFirstInFirstOut) {
    Bytes body;
    append(body, {0x00, 0x90, 60, 100});
    append(body, {0x0A, 0x90, 60, 90});  // re-struck at 10 before the first ends
    append(body, {0x0A, 0x80, 60, 0});   // 20: ends the first
    append(body, {0x0A, 0x80, 60, 0});   // 30: ends the second
    auto r = read(concat({header(0, 1, 96), track(concat({body, endOfTrack()}))}));
    ASSERT_TRUE(r.ok());
    const auto& n = r.value().tracks[0].notes;
    ASSERT_EQ(n.size(), 2u);
    EXPECT_EQ(n[0], (Note{60, 0, 20, 100, 0}));
    EXPECT_EQ(n[1], (Note{60, 10, 20, 90, 0}));
}

TEST(MidiFileReader, RepairsOrphanNoteOffAndMissingEndOfTrack) {
    Bytes body;
    append(body, {0x00, 0x80, 50, 0});  // orphan note-off
    append(body, {0x00, 0x90, 60, 100});
    append(body, {0x60, 0x80, 60, 0});  // no end-of-track
    auto r = read(concat({header(0, 1, 96), track(body)}));
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.value().tracks[0].notes.size(), 1u);
    bool orphan = false, eot = false;
    for (const auto& w : r.warnings()) {
        orphan |= w.find("without a note-on") != std::string::npos;
        eot |= w.find("missing end-of-track") != std::string::npos;
    }
    EXPECT_TRUE(orphan);
    EXPECT_TRUE(eot);
}

TEST(MidiFileReader, EndsNotesStillOnAtEndOfTrack) {
    Bytes body;
    append(body, {0x00, 0x90, 60, 100});
    append(body, {0x60, 0xFF, 0x2F, 0x00});
    auto r = read(concat({header(0, 1, 96), track(body)}));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().tracks[0].notes[0].length, 0x60);
    ASSERT_FALSE(r.warnings().empty());
}

void expectError(const Bytes& b, MidiErrorCode code, std::uint64_t offset) {
    auto r = read(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code) << r.error().message();
    EXPECT_EQ(r.error().offset, offset) << r.error().message();
    EXPECT_NE(r.error().message().find("test.mid"), std::string::npos);
}

TEST(MidiFileReader, RejectsNotMidi) {
    expectError({'R', 'I', 'F', 'F', 0, 0, 0, 0}, MidiErrorCode::NotMidi, 0);
    expectError({}, MidiErrorCode::NotMidi, 0);
}

TEST(MidiFileReader, RejectsSmpteDivisionWithReason) {
    auto b = concat({header(0, 1, 0xE728), track(endOfTrack())});
    expectError(b, MidiErrorCode::SmpteDivision, 12);
    EXPECT_NE(read(b).error().message().find("SMPTE"), std::string::npos);
}

TEST(MidiFileReader, RejectsBadHeaderLength) {
    Bytes b = {'M', 'T', 'h', 'd', 0, 0, 0, 2, 0, 0};
    expectError(b, MidiErrorCode::BadHeader, 4);
}

TEST(MidiFileReader, ReadsWhatIsThereOfATruncatedTrack) {
    // The last track claims 500 bytes and holds no note: nothing to recover, refused as before.
    auto b = concat({header(0, 1, 96), track(endOfTrack(), 500)});
    expectError(b, MidiErrorCode::TruncatedChunk, 18);
    EXPECT_NE(read(b).error().message().find("500"), std::string::npos);

    // A file missing the last byte of its last track: every note is kept.
    Bytes body;
    append(body, {0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0x90, 64, 100, 0x60, 0x80, 64});
    Bytes whole = concat({header(0, 1, 96), track(body)});
    whole[18 + 3] = static_cast<std::uint8_t>(body.size() + 1);  // claims one byte more than there is
    auto cut = read(whole);
    ASSERT_TRUE(cut.ok()) << cut.error().message();
    ASSERT_EQ(cut.value().tracks.size(), 1u);
    EXPECT_EQ(cut.value().tracks[0].notes.size(), 2u);
    ASSERT_GE(cut.warnings().size(), 2u);
    EXPECT_NE(cut.warnings()[0].find("byte 18"), std::string::npos) << cut.warnings()[0];
}

TEST(MidiFileReader, SkipsSystemMessagesInsideATrack) {
    // A clock (0xF8) between events and a song position (0xF2 with two data bytes): not allowed
    // in a file, skipped by players; the notes around them are kept and running status survives.
    Bytes body;
    append(body, {0x00, 0x90, 60,   100,  0x00, 0xF8, 0x60, 60,   0,  0x00, 0xF2,
                  0x10, 0x20, 0x00, 0x90, 64,   100,  0x60, 0x80, 64, 0});
    const Bytes end = endOfTrack();
    body.insert(body.end(), end.begin(), end.end());
    auto r = read(concat({header(0, 1, 96), track(body)}));
    ASSERT_TRUE(r.ok()) << r.error().message();
    ASSERT_EQ(r.value().tracks.size(), 1u);
    EXPECT_EQ(r.value().tracks[0].notes.size(), 2u);
    ASSERT_GE(r.warnings().size(), 2u);
    EXPECT_NE(r.warnings()[0].find("0xF8"), std::string::npos) << r.warnings()[0];
}

TEST(MidiFileReader, RejectsOverlongVariableLengthNumber) {
    Bytes body = {0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 100};
    expectError(concat({header(0, 1, 96), track(body)}), MidiErrorCode::BadVarLen, 22);
}

TEST(MidiFileReader, RejectsVariableLengthNumberCutOff) {
    Bytes body = {0x00, 0x90, 60, 100, 0x81};
    expectError(concat({header(0, 1, 96), track(body)}), MidiErrorCode::BadVarLen, 26);
}

TEST(MidiFileReader, RejectsDataByteWithoutRunningStatus) {
    Bytes body = {0x00, 60, 100};
    expectError(concat({header(0, 1, 96), track(body)}), MidiErrorCode::BadEvent, 23);
}

TEST(MidiFileReader, RejectsMetaEventRunningPastTrack) {
    Bytes body = {0x00, 0xFF, 0x03, 0x40, 'a'};
    expectError(concat({header(0, 1, 96), track(body)}), MidiErrorCode::BadEvent, 26);
}

TEST(MidiFileReader, MissingFileIsCannotOpen) {
    auto r = MidiFileReader::readFile("/nonexistent/dir/x.mid");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, MidiErrorCode::CannotOpen);
    EXPECT_NE(r.error().message().find("/nonexistent/dir/x.mid"), std::string::npos);
}

TEST(MidiFileReader, AFolderIsNamedAsAFolder) {
    auto r = MidiFileReader::readFile(::testing::TempDir());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, MidiErrorCode::CannotOpen);
    EXPECT_NE(r.error().message().find("folder"), std::string::npos) << r.error().message();
}

}  // namespace

namespace {

// The corrupt-file corpus: each file fails with its own cause, except the repairable one.
TEST(MidiFileReader, CorruptFileCorpusGivesNamedErrors) {
    const std::string dir = std::string(BIAXIAL_TEST_DATA_DIR) + "/corrupt/";
    const std::vector<std::pair<std::string, MidiErrorCode>> cases = {
        {"not-midi.mid", MidiErrorCode::NotMidi},
        {"empty.mid", MidiErrorCode::NotMidi},
        {"smpte.mid", MidiErrorCode::SmpteDivision},
        {"truncated-chunk.mid", MidiErrorCode::TruncatedChunk},  // cut before any note: nothing to recover
        {"bad-varlen.mid", MidiErrorCode::BadVarLen},
        {"no-running-status.mid", MidiErrorCode::BadEvent},
        {"cut-header.mid", MidiErrorCode::TruncatedChunk},
    };
    for (const auto& [file, code] : cases) {
        auto r = MidiFileReader::readFile(dir + file);
        ASSERT_FALSE(r.ok()) << file;
        EXPECT_EQ(r.error().code, code) << r.error().message();
        EXPECT_NE(r.error().message().find(file), std::string::npos);
    }
    auto repaired = MidiFileReader::readFile(dir + "orphan-off-no-eot.mid");
    ASSERT_TRUE(repaired.ok());
    EXPECT_EQ(repaired.warnings().size(), 2u);
}

}  // namespace
