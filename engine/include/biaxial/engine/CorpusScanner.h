#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "biaxial/engine/CompactGrid.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/StepGrid.h"

namespace biaxial {

struct CorpusEntry {
    std::string path;
    bool loaded = false;
    std::string reason;  // why it was skipped (empty when loaded)
    std::vector<std::string> warnings;
    std::int64_t droppedOutOfRange = 0;  // notes outside the grid's pitch range
    CompactGrid grid;                    // empty when skipped; expand the steps you need
};

struct CorpusSummary {
    int loaded = 0;
    int skipped = 0;
    std::int64_t totalSteps = 0;
    std::int64_t droppedOutOfRange = 0;
    double seconds = 0.0;
    int fromCache = 0;      // files taken from the corpus cache unparsed
    std::string cacheNote;  // why the cache could not be written (empty when fine or unused)
};

struct Corpus {
    std::vector<CorpusEntry> entries;  // sorted by path
    CorpusSummary summary;
    std::optional<std::string> error;  // the folder itself could not be read
};

struct CorpusScanOptions {
    GridOptions grid;
    int minSteps = 1;  // files with fewer steps are skipped ("too short")
    int threads = 0;   // 0 = every core
    // Reuse and update the corpus cache (CorpusCache): files unchanged since the last scan are
    // not parsed again. `biaxial scan`, `biaxial train` and the studio's training use it.
    bool useCache = false;
};

// Scans a folder recursively for .mid/.midi files (any letter case), parses them on all
// cores and converts each to a grid. Long job: `cancel` is checked between files and
// `progress(done, total)` is called from worker threads (keep it cheap and thread-safe).
class CorpusScanner {
public:
    using Progress = std::function<void(int done, int total)>;
    static Corpus scan(const std::string& folder, const CorpusScanOptions& options = {},
                       const std::atomic<bool>* cancel = nullptr, const Progress& progress = {});
    // The .mid/.midi files under a folder, sorted. Empty optional when it cannot be read.
    static std::optional<std::vector<std::string>> listMidiFiles(const std::string& folder,
                                                                 std::string* error = nullptr);
};

}  // namespace biaxial
