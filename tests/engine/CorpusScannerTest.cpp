#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/engine/MidiFileWriter.h"

using namespace biaxial;
namespace fs = std::filesystem;

namespace {

class CorpusScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("biaxial-corpus-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "sub" / "deeper");
        Song s;
        s.ticksPerQuarter = 96;
        Track t;
        for (int i = 0; i < 8; ++i)
            t.notes.push_back({60 + i, i * 96, 96, 90, 0});
        s.tracks = {t};
        ASSERT_FALSE(MidiFileWriter::writeFile(s, (dir_ / "a.mid").string()));
        ASSERT_FALSE(MidiFileWriter::writeFile(s, (dir_ / "sub" / "B.MID").string()));
        ASSERT_FALSE(MidiFileWriter::writeFile(s, (dir_ / "sub" / "deeper" / "c.Midi").string()));
        std::ofstream(dir_ / "broken.mid") << "this is not midi";
        std::ofstream(dir_ / "notes.txt") << "ignored";
        Song high = s;
        for (auto& n : high.tracks[0].notes)
            n.pitch = 120;
        ASSERT_FALSE(MidiFileWriter::writeFile(high, (dir_ / "sub" / "high.mid").string()));
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(CorpusScannerTest, LoadsEveryCaseOfExtensionRecursivelyAndSaysWhy) {
    const Corpus c = CorpusScanner::scan(dir_.string());
    ASSERT_FALSE(c.error);
    EXPECT_EQ(c.summary.loaded, 3);
    EXPECT_EQ(c.summary.skipped, 2);
    EXPECT_EQ(c.summary.totalSteps, 3 * 32);
    for (const auto& e : c.entries) {
        if (e.path.find("broken") != std::string::npos) {
            EXPECT_FALSE(e.loaded);
            EXPECT_NE(e.reason.find("not a MIDI file"), std::string::npos) << e.reason;
        }
        if (e.path.find("high") != std::string::npos) {
            EXPECT_FALSE(e.loaded);
            EXPECT_NE(e.reason.find("pitch range"), std::string::npos) << e.reason;
        }
    }
}

TEST_F(CorpusScannerTest, SkipsTooShortFiles) {
    CorpusScanOptions o;
    o.minSteps = 33;
    o.threads = 1;
    const Corpus c = CorpusScanner::scan(dir_.string(), o);
    EXPECT_EQ(c.summary.loaded, 0);
    EXPECT_EQ(c.summary.skipped, 5);
}

TEST_F(CorpusScannerTest, ReportsProgressAndHonoursCancel) {
    std::atomic<int> calls{0};
    CorpusScanner::scan(dir_.string(), {}, nullptr, [&](int, int total) {
        EXPECT_EQ(total, 5);
        ++calls;
    });
    EXPECT_EQ(calls.load(), 5);
    std::atomic<bool> cancel{true};
    const Corpus c = CorpusScanner::scan(dir_.string(), {}, &cancel);
    EXPECT_EQ(c.summary.loaded + c.summary.skipped, 0);
}

TEST(CorpusScanner, UnreadableFolderIsAnError) {
    const Corpus c = CorpusScanner::scan("/nonexistent/folder");
    ASSERT_TRUE(c.error.has_value());
    EXPECT_NE(c.error->find("/nonexistent/folder"), std::string::npos);
}

}  // namespace
