// The whole piano-midi.de corpus of the original model (slow; skipped when ../shared is absent).
#include <gtest/gtest.h>

#include <filesystem>

#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"

using namespace biaxial;

namespace {

const std::string kCorpus = std::string(BIAXIAL_SHARED_DATA_DIR) + "/piano-midi-de/midis";

TEST(PianoMidiCorpus, LoadsEveryFileKeepingEveryMeter) {
    if (!std::filesystem::is_directory(kCorpus))
        GTEST_SKIP() << kCorpus << " is absent";
    const Corpus c = CorpusScanner::scan(kCorpus);
    ASSERT_FALSE(c.error);
    EXPECT_EQ(c.summary.loaded + c.summary.skipped, 337);
    EXPECT_GE(c.summary.loaded, 330);
    for (const auto& e : c.entries)
        if (!e.loaded)
            ADD_FAILURE() << "skipped " << e.path << ": " << e.reason;
    // The original's meter rule loses many pieces; keeping every meter must keep more music.
    CorpusScanOptions original;
    original.grid.originalMeterRule = true;
    const Corpus o = CorpusScanner::scan(kCorpus, original);
    EXPECT_LT(o.summary.totalSteps, c.summary.totalSteps);
}

TEST(PianoMidiCorpus, EveryFileRoundTripsThroughTheWriter) {
    if (!std::filesystem::is_directory(kCorpus))
        GTEST_SKIP() << kCorpus << " is absent";
    auto files = CorpusScanner::listMidiFiles(kCorpus);
    ASSERT_TRUE(files);
    for (const auto& f : *files) {
        auto a = MidiFileReader::readFile(f);
        ASSERT_TRUE(a.ok()) << a.error().message();
        auto b = MidiFileReader::readBytes(MidiFileWriter::toBytes(a.value()), f + " (rewritten)");
        ASSERT_TRUE(b.ok()) << b.error().message();
        EXPECT_EQ(b.value().tracks.size(), a.value().tracks.size()) << f;
        EXPECT_EQ(b.value().noteCount(), a.value().noteCount()) << f;
        EXPECT_EQ(b.value().tempos, a.value().tempos) << f;
    }
}

}  // namespace
