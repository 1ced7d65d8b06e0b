#include "biaxial/engine/AtomicFile.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace biaxial {

std::string AtomicFile::temporaryPathFor(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(now % 1000000);
}

bool AtomicFile::commit(const std::string& temporaryPath, const std::string& path, std::string* error) {
    std::error_code ec;
    std::filesystem::rename(temporaryPath, path, ec);
    if (ec) {
        if (error)
            *error = path + ": cannot replace file: " + ec.message();
        std::filesystem::remove(temporaryPath, ec);
        return false;
    }
    return true;
}

bool AtomicFile::write(const std::string& path, const std::function<bool(std::FILE*)>& produce,
                       std::string* error) {
    const std::string tmp = temporaryPathFor(path);
    {
        std::FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) {
            if (error)
                *error = path + ": cannot write: " + std::strerror(errno);
            return false;
        }
        const bool ok = produce(f) && std::ferror(f) == 0;
        const bool flushed = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
        const bool closed = std::fclose(f) == 0;
        if (!ok || !flushed || !closed) {
            if (error)
                *error = path + ": write failed: " + std::strerror(errno);
            std::remove(tmp.c_str());
            return false;
        }
    }
    return commit(tmp, path, error);
}

bool AtomicFile::write(const std::string& path, std::span<const std::uint8_t> bytes, std::string* error) {
    return write(
        path,
        [&](std::FILE* f) {
            return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        },
        error);
}

bool AtomicFile::write(const std::string& path, const std::string& text, std::string* error) {
    return write(
        path, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
        error);
}

}  // namespace biaxial
