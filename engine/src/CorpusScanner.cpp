#include "biaxial/engine/CorpusScanner.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "biaxial/engine/CorpusCache.h"
#include "biaxial/engine/MidiFileReader.h"

namespace biaxial {

namespace fs = std::filesystem;

std::optional<std::vector<std::string>> CorpusScanner::listMidiFiles(const std::string& folder,
                                                                     std::string* error) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        if (error)
            *error = folder + ": not a folder that can be read";
        return std::nullopt;
    }
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        if (error)
            *error = folder + ": " + ec.message();
        return std::nullopt;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        if (!it->is_regular_file(ec))
            continue;
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext == ".mid" || ext == ".midi")
            files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Corpus CorpusScanner::scan(const std::string& folder, const CorpusScanOptions& options,
                           const std::atomic<bool>* cancel, const Progress& progress) {
    const auto started = std::chrono::steady_clock::now();
    Corpus corpus;
    std::string error;
    auto files = listMidiFiles(folder, &error);
    if (!files) {
        corpus.error = error;
        return corpus;
    }
    corpus.entries.resize(files->size());
    // Files unchanged since the cache was written are taken from it; the rest are parsed.
    std::string cacheFile;
    std::map<std::string, CorpusCache::Item> cached;
    std::vector<CorpusCache::Stamp> stamps(files->size());
    std::vector<char> fresh(files->size(), 0);
    if (options.useCache) {
        cacheFile = CorpusCache::pathFor(folder, options);
        if (!cacheFile.empty())
            cached = CorpusCache::read(cacheFile);
        for (std::size_t i = 0; i < files->size(); ++i) {
            const bool stamped = CorpusCache::stampOf((*files)[i], &stamps[i]);
            const auto it = cached.find((*files)[i]);
            if (stamped && it != cached.end() && it->second.stamp == stamps[i]) {
                corpus.entries[i] = std::move(it->second.entry);
                fresh[i] = 1;
                ++corpus.summary.fromCache;
            }
        }
    }
    std::atomic<std::size_t> next{0};
    std::atomic<int> done{0};
    const int total = static_cast<int>(files->size());
    auto work = [&] {
        for (;;) {
            if (cancel && cancel->load())
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= files->size())
                return;
            if (fresh[i]) {
                const int d = ++done;
                if (progress)
                    progress(d, total);
                continue;
            }
            CorpusEntry& e = corpus.entries[i];
            e.path = (*files)[i];
            auto song = MidiFileReader::readFile(e.path);
            if (!song) {
                e.reason = song.error().message();
            } else {
                e.warnings = song.warnings();
                GridResult g = GridConverter::toGrid(song.value(), options.grid);
                if (g.grid.playCount() == 0 && g.truncatedAtMeter) {
                    e.reason = "the original's meter rule (only 2/4 and 4/4) leaves no music";
                } else if (g.grid.playCount() == 0) {
                    e.reason = "no notes in the pitch range " + std::to_string(options.grid.lowPitch) + ".." +
                               std::to_string(options.grid.lowPitch + options.grid.numNotes - 1);
                } else if (g.grid.steps() < options.minSteps) {
                    e.reason = "too short: " + std::to_string(g.grid.steps()) + " steps, " +
                               std::to_string(options.minSteps) + " needed";
                } else {
                    e.loaded = true;
                    e.grid = CompactGrid(g.grid);
                    e.droppedOutOfRange = g.droppedOutOfRange;
                }
            }
            const int d = ++done;
            if (progress)
                progress(d, total);
        }
    };
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads) : hw;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<unsigned>(threads, std::max<std::size_t>(1, files->size())); ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();

    if (cancel && cancel->load()) {
        // A cancelled scan reports only what it finished.
        corpus.entries.erase(std::remove_if(corpus.entries.begin(), corpus.entries.end(),
                                            [](const CorpusEntry& e) { return e.path.empty(); }),
                             corpus.entries.end());
    }
    if (options.useCache && !cacheFile.empty() && !(cancel && cancel->load()) &&
        (corpus.summary.fromCache != static_cast<int>(corpus.entries.size()) ||
         cached.size() != corpus.entries.size())) {
        std::string why;
        if (!CorpusCache::write(cacheFile, corpus.entries, stamps, &why))
            corpus.summary.cacheNote = "the corpus cache could not be written: " + why;
    } else if (options.useCache && cacheFile.empty()) {
        corpus.summary.cacheNote = "no cache folder (set HOME or BIAXIAL_CACHE_DIR)";
    }
    for (const auto& e : corpus.entries) {
        if (e.loaded) {
            ++corpus.summary.loaded;
            corpus.summary.totalSteps += e.grid.steps();
            corpus.summary.droppedOutOfRange += e.droppedOutOfRange;
        } else {
            ++corpus.summary.skipped;
        }
    }
    corpus.summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return corpus;
}

}  // namespace biaxial
