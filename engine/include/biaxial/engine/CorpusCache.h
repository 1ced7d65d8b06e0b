#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "biaxial/engine/CorpusScanner.h"

namespace biaxial {

// What CorpusScanner made of each file of a folder, kept in the user's cache folder so that an
// unchanged folder loads without parsing a single MIDI file. Keyed by the folder, the grid
// options and minSteps (one cache file each); an entry is reused only while its file has the
// same path, size and modification time. Grids are stored as CompactGrid keeps them in memory
// (the sounding cells only), so reading is a copy, not an expansion. The file ends with a checksum: a
// truncated, corrupt or foreign cache is ignored and rebuilt, never trusted. Written atomically (AtomicFile),
// so a crash leaves the old cache or the new one.
class CorpusCache {
public:
    struct Stamp {
        std::uint64_t size = 0;
        std::int64_t modified = 0;  // nanoseconds since the file clock's epoch
        friend bool operator==(const Stamp&, const Stamp&) = default;
    };
    struct Item {
        Stamp stamp;
        CorpusEntry entry;
    };

    // The cache folder: $BIAXIAL_CACHE_DIR, else $XDG_CACHE_HOME/biaxial-studio, else
    // ~/.cache/biaxial-studio. Empty when none can be named.
    static std::string folder();
    // The cache file for a scan of `corpusFolder` with `options`.
    static std::string pathFor(const std::string& corpusFolder, const CorpusScanOptions& options);
    // The file's stamp; false when it cannot be read.
    static bool stampOf(const std::string& file, Stamp* stamp);

    // Reads a cache file; an empty map when it is missing, corrupt or of another version.
    static std::map<std::string, Item> read(const std::string& cacheFile);
    // Writes every entry with its file's stamp (parallel vectors; no copy of the grids is made);
    // false with a reason on failure (the scan still succeeds).
    static bool write(const std::string& cacheFile, const std::vector<CorpusEntry>& entries,
                      const std::vector<Stamp>& stamps, std::string* error);
};

}  // namespace biaxial
