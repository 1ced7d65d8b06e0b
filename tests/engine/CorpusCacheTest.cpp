// The corpus cache: the same entries as a fresh scan, changed files parsed again, a corrupt
// cache ignored and rebuilt.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "biaxial/engine/CorpusCache.h"
#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/engine/MidiFileWriter.h"

namespace biaxial {
namespace {

namespace fs = std::filesystem;

Song piece(int shift) {
    Song song;
    Track t;
    for (int i = 0; i < 16; ++i)
        t.notes.push_back(Note{60 + shift + i % 5, i * 240, 240, 90, 0});
    song.tracks.push_back(t);
    song.normalise();
    return song;
}

void expectSame(const Corpus& a, const Corpus& b) {
    ASSERT_EQ(a.entries.size(), b.entries.size());
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        EXPECT_EQ(a.entries[i].path, b.entries[i].path);
        EXPECT_EQ(a.entries[i].loaded, b.entries[i].loaded);
        EXPECT_EQ(a.entries[i].reason, b.entries[i].reason);
        EXPECT_EQ(a.entries[i].warnings, b.entries[i].warnings);
        EXPECT_EQ(a.entries[i].grid, b.entries[i].grid) << a.entries[i].path;
    }
    EXPECT_EQ(a.summary.totalSteps, b.summary.totalSteps);
}

TEST(CorpusCache, ReusesUnchangedFilesAndRebuildsWhatChanged) {
    const fs::path dir = fs::temp_directory_path() / ("biaxial-cache-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "corpus");
    ::setenv("BIAXIAL_CACHE_DIR", (dir / "cache").c_str(), 1);
    for (int i = 0; i < 4; ++i)
        ASSERT_FALSE(MidiFileWriter::writeFile(
            piece(i), (dir / "corpus" / ("p" + std::to_string(i) + ".mid")).string()));
    {
        std::ofstream bad(dir / "corpus" / "broken.mid", std::ios::binary);
        bad << "not a midi file";
    }
    CorpusScanOptions plain;
    const Corpus reference = CorpusScanner::scan((dir / "corpus").string(), plain);
    CorpusScanOptions cached = plain;
    cached.useCache = true;
    const Corpus first = CorpusScanner::scan((dir / "corpus").string(), cached);
    EXPECT_EQ(first.summary.fromCache, 0);
    EXPECT_TRUE(first.summary.cacheNote.empty()) << first.summary.cacheNote;
    expectSame(reference, first);
    const Corpus second = CorpusScanner::scan((dir / "corpus").string(), cached);
    EXPECT_EQ(second.summary.fromCache, 5);
    expectSame(reference, second);
    // Unparsed: the grids view their cells in the mapped cache file.
    for (const auto& e : second.entries)
        EXPECT_EQ(e.grid.mapped(), e.loaded) << e.path;

    // A changed file is parsed again (its size changes); the others still come from the cache.
    Song longer = piece(7);
    longer.tracks[0].notes.push_back(Note{72, 4000, 480, 90, 0});
    ASSERT_FALSE(MidiFileWriter::writeFile(longer, (dir / "corpus" / "p2.mid").string()));
    const Corpus third = CorpusScanner::scan((dir / "corpus").string(), cached);
    EXPECT_EQ(third.summary.fromCache, 4);
    expectSame(CorpusScanner::scan((dir / "corpus").string(), plain), third);
    // The cache was replaced (a new file renamed over the old): grids viewing the old one, as a
    // running training's would, still read it unchanged.
    expectSame(reference, second);

    // A corrupt cache is not trusted: everything is parsed again, and the cache rewritten.
    const std::string file = CorpusCache::pathFor((dir / "corpus").string(), cached);
    ASSERT_TRUE(fs::exists(file));
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(40);
        f.put('\x5a');
    }
    EXPECT_TRUE(CorpusCache::read(file).empty());
    const Corpus fourth = CorpusScanner::scan((dir / "corpus").string(), cached);
    EXPECT_EQ(fourth.summary.fromCache, 0);
    expectSame(third, fourth);
    EXPECT_EQ(CorpusScanner::scan((dir / "corpus").string(), cached).summary.fromCache, 5);
    ::unsetenv("BIAXIAL_CACHE_DIR");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace biaxial
