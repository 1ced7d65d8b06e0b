#include "biaxial/engine/CorpusCache.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "biaxial/engine/AtomicFile.h"

namespace biaxial {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'B', 'X', 'C', 'O', 'R', 'P', '0', '3'};

std::uint64_t fnv1a(const std::uint8_t* data, std::size_t n, std::uint64_t h = 1469598103934665603ull) {
    for (std::size_t i = 0; i < n; ++i) {
        h ^= data[i];
        h *= 1099511628211ull;
    }
    return h;
}

// Writes the cache straight into the file, hashing as it goes: a corpus of 60,000 pieces is
// hundreds of megabytes, not to be built in memory first.
class Writer {
public:
    explicit Writer(std::FILE* f) : f_(f) { buffer_.reserve(kBuffer); }
    void raw(const std::uint8_t* p, std::size_t n) {
        hash_ = fnv1a(p, n, hash_);
        buffer_.insert(buffer_.end(), p, p + n);
        if (buffer_.size() >= kBuffer)
            flush();
    }
    void u64(std::uint64_t v) {
        std::uint8_t b[8];
        for (int i = 0; i < 8; ++i)
            b[i] = static_cast<std::uint8_t>(v >> (8 * i));
        raw(b, 8);
    }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void str(const std::string& s) {
        u64(s.size());
        raw(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    }
    // The checksum of everything written, then out to the file.
    bool finish() {
        const std::uint64_t h = hash_;
        u64(h);
        flush();
        return ok_;
    }

private:
    static constexpr std::size_t kBuffer = 1 << 20;
    void flush() {
        if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), f_) != buffer_.size())
            ok_ = false;
        buffer_.clear();
    }
    std::FILE* f_;
    std::vector<std::uint8_t> buffer_;
    std::uint64_t hash_ = 1469598103934665603ull;
    bool ok_ = true;
};

class Reader {
public:
    Reader(const std::uint8_t* p, std::size_t n) : p_(p), n_(n) {}
    bool ok() const { return ok_; }
    std::uint64_t u64() {
        if (!need(8))
            return 0;
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v |= static_cast<std::uint64_t>(p_[at_ + i]) << (8 * i);
        at_ += 8;
        return v;
    }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    std::string str() {
        const std::uint64_t len = u64();
        if (!need(len))
            return {};
        std::string s(reinterpret_cast<const char*>(p_ + at_), len);
        at_ += len;
        return s;
    }
    const std::uint8_t* take(std::uint64_t n) {
        if (!need(n))
            return nullptr;
        const std::uint8_t* q = p_ + at_;
        at_ += n;
        return q;
    }
    bool atEnd() const { return at_ == n_; }

private:
    bool need(std::uint64_t n) {
        if (!ok_ || n > n_ - at_)
            ok_ = false;
        return ok_;
    }
    const std::uint8_t* p_;
    std::size_t n_, at_ = 0;
    bool ok_ = true;
};

std::string key(const std::string& corpusFolder, const CorpusScanOptions& o) {
    std::error_code ec;
    const std::string abs = fs::weakly_canonical(fs::absolute(corpusFolder, ec), ec).string();
    return abs + "|" + std::to_string(o.grid.lowPitch) + "|" + std::to_string(o.grid.numNotes) + "|" +
           std::to_string(o.grid.extendWithSustainPedal) + "|" + std::to_string(o.grid.originalMeterRule) +
           "|" + std::to_string(o.minSteps);
}

}  // namespace

std::string CorpusCache::folder() {
    if (const char* dir = std::getenv("BIAXIAL_CACHE_DIR"); dir && *dir)
        return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "biaxial-studio").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".cache" / "biaxial-studio").string();
    return {};
}

std::string CorpusCache::pathFor(const std::string& corpusFolder, const CorpusScanOptions& options) {
    const std::string dir = folder();
    if (dir.empty())
        return {};
    const std::string k = key(corpusFolder, options);
    char name[64];
    std::snprintf(
        name, sizeof name, "corpus-%016llx.bin",
        static_cast<unsigned long long>(fnv1a(reinterpret_cast<const std::uint8_t*>(k.data()), k.size())));
    return (fs::path(dir) / name).string();
}

bool CorpusCache::stampOf(const std::string& file, Stamp* stamp) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec)
        return false;
    const auto time = fs::last_write_time(file, ec);
    if (ec)
        return false;
    stamp->size = size;
    stamp->modified = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    return true;
}

std::map<std::string, CorpusCache::Item> CorpusCache::read(const std::string& cacheFile) {
    std::map<std::string, Item> items;
    // The file is mapped, not read: the grids view their cells where they lie in it, so that a
    // corpus larger than memory is paged in from the cache as training draws from it.
    const int fd = ::open(cacheFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return items;
    struct stat st {};
    void* at = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        at = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (at == MAP_FAILED)
        return items;
    const auto size = static_cast<std::size_t>(st.st_size);
    const std::shared_ptr<const void> mapping(
        at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
    const std::span<const std::uint8_t> bytes(static_cast<const std::uint8_t*>(at), size);
    if (bytes.size() < sizeof kMagic + 16 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return items;
    // The checksum covers everything before it.
    Reader tail(bytes.data() + bytes.size() - 8, 8);
    if (tail.u64() != fnv1a(bytes.data(), bytes.size() - 8))
        return items;
    Reader r(bytes.data() + sizeof kMagic, bytes.size() - sizeof kMagic - 8);
    const std::uint64_t count = r.u64();
    for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
        Item item;
        CorpusEntry& e = item.entry;
        e.path = r.str();
        item.stamp.size = r.u64();
        item.stamp.modified = r.i64();
        e.loaded = r.u64() != 0;
        e.reason = r.str();
        const std::uint64_t warnings = r.u64();
        for (std::uint64_t w = 0; w < warnings && r.ok(); ++w)
            e.warnings.push_back(r.str());
        e.droppedOutOfRange = r.i64();
        const auto steps = static_cast<int>(r.u64());
        const auto low = static_cast<int>(r.i64());
        const auto notes = static_cast<int>(r.u64());
        if (!r.ok() || steps < 0 || notes < 0 || notes > 128 || steps > (1 << 24))
            return {};
        if (e.loaded) {
            // The grid as CompactGrid keeps it, viewed in the mapping: checked, not expanded.
            const std::uint8_t* counts = r.take(static_cast<std::uint64_t>(steps));
            const std::uint64_t cellCount = r.u64();
            const std::uint8_t* cells = r.take(cellCount);
            const std::uint64_t runCount = r.u64();
            const std::uint8_t* runs = r.take(runCount * 12);
            if (counts == nullptr || cells == nullptr || runs == nullptr)
                return {};
            std::vector<CompactGrid::BarRun> bars(static_cast<std::size_t>(runCount));
            for (std::size_t k = 0; k < bars.size(); ++k) {
                std::memcpy(&bars[k].step, runs + 12 * k, 4);
                std::memcpy(&bars[k].position, runs + 12 * k + 4, 4);
                std::memcpy(&bars[k].period, runs + 12 * k + 8, 4);
            }
            auto grid =
                CompactGrid::view(steps, low, notes, std::span(counts, static_cast<std::size_t>(steps)),
                                  std::span(cells, cellCount), std::move(bars), mapping);
            if (!grid)
                return {};
            e.grid = std::move(*grid);
        }
        items[e.path] = std::move(item);
    }
    if (!r.ok() || !r.atEnd())
        return {};
    return items;
}

bool CorpusCache::write(const std::string& cacheFile, const std::vector<CorpusEntry>& entries,
                        const std::vector<Stamp>& stamps, std::string* error) {
    std::error_code ec;
    fs::create_directories(fs::path(cacheFile).parent_path(), ec);
    return AtomicFile::write(
        cacheFile,
        [&](std::FILE* f) {
            Writer w(f);
            w.raw(reinterpret_cast<const std::uint8_t*>(kMagic), sizeof kMagic);
            w.u64(entries.size());
            for (std::size_t i = 0; i < entries.size(); ++i) {
                const CorpusEntry& e = entries[i];
                w.str(e.path);
                w.u64(stamps[i].size);
                w.i64(stamps[i].modified);
                w.u64(e.loaded ? 1 : 0);
                w.str(e.reason);
                w.u64(e.warnings.size());
                for (const auto& s : e.warnings)
                    w.str(s);
                w.i64(e.droppedOutOfRange);
                w.u64(static_cast<std::uint64_t>(e.loaded ? e.grid.steps() : 0));
                w.i64(e.loaded ? e.grid.lowPitch() : 0);
                w.u64(static_cast<std::uint64_t>(e.loaded ? e.grid.numNotes() : 0));
                if (!e.loaded)
                    continue;
                // CompactGrid's own form: a count per step, the sounding cells, the bar runs.
                w.raw(e.grid.counts().data(), e.grid.counts().size());
                w.u64(e.grid.cells().size());
                w.raw(e.grid.cells().data(), e.grid.cells().size());
                w.u64(e.grid.barRuns().size());
                for (const auto& run : e.grid.barRuns())
                    for (const std::int32_t v : {run.step, run.position, run.period})
                        w.raw(reinterpret_cast<const std::uint8_t*>(&v), 4);
            }
            return w.finish();
        },
        error);
}

}  // namespace biaxial
