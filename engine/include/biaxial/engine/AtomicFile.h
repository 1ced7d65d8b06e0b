#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <span>
#include <string>

namespace biaxial {

// Writes a whole file so that readers only ever see the old or the new contents: the bytes
// go to a temporary file in the same folder, are flushed, and the temporary is renamed over
// the target. On failure the temporary is removed and `error` says why.
class AtomicFile {
public:
    static bool write(const std::string& path, std::span<const std::uint8_t> bytes,
                      std::string* error = nullptr);
    static bool write(const std::string& path, const std::string& text, std::string* error = nullptr);
    // The same with the contents written by `produce` into the open temporary file, for files
    // too large to build in memory first; `produce` returns false to abandon the write.
    static bool write(const std::string& path, const std::function<bool(std::FILE*)>& produce,
                      std::string* error = nullptr);
    // A unique temporary name beside `path` (same folder, so rename() is atomic).
    static std::string temporaryPathFor(const std::string& path);
    // Renames a finished temporary file over the target (removes the temporary on failure).
    static bool commit(const std::string& temporaryPath, const std::string& path,
                       std::string* error = nullptr);
};

}  // namespace biaxial
