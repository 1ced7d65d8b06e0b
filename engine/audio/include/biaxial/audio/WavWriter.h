#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace biaxial {

enum class WavSampleFormat { Pcm16, Float32 };

// Streams interleaved float samples into a RIFF WAVE file: 16-bit PCM (clamped, rounded)
// or 32-bit IEEE float. The sizes in the header are patched by close(). It writes to the
// path it is given: callers write to AtomicFile::temporaryPathFor() and commit.
// Not thread-safe: one writer per thread.
class WavWriter {
public:
    WavWriter() = default;
    ~WavWriter();  // closes the file (without a valid header if close() was never called)
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;

    bool open(const std::string& path, int sampleRate, int channels, WavSampleFormat format,
              std::string* error);
    // `frames` frames of `channels` interleaved samples each, nominally in -1..1.
    bool write(const float* interleaved, std::size_t frames, std::string* error);
    // Finishes the header and closes; false (with why) when the disk failed.
    bool close(std::string* error);

    std::int64_t framesWritten() const { return frames_; }
    // The size of a WAV header as this class writes it (for tests).
    static int headerBytes(WavSampleFormat format);

private:
    bool writeHeader(std::string* error);

    std::FILE* file_ = nullptr;
    std::string path_;
    int sampleRate_ = 44100;
    int channels_ = 2;
    WavSampleFormat format_ = WavSampleFormat::Pcm16;
    std::int64_t frames_ = 0;
};

}  // namespace biaxial
