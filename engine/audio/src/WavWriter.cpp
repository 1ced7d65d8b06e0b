#include "biaxial/audio/WavWriter.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

#include <unistd.h>

namespace biaxial {
namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
// RIFF sizes are 32-bit: a WAV file holds at most 4 GiB.
constexpr std::uint64_t kMaxDataBytes = 0xFFFFFFFFull - 64;

void put16(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}
void putTag(std::vector<std::uint8_t>& out, const char* tag) {
    out.insert(out.end(), tag, tag + 4);
}

std::string ioError(const std::string& path, const char* what) {
    return path + ": " + what + ": " + std::strerror(errno);
}

}  // namespace

WavWriter::~WavWriter() {
    if (file_)
        std::fclose(file_);
}

int WavWriter::headerBytes(WavSampleFormat format) {
    // RIFF(12) + fmt(8+16, or 8+18 for float) + fact(12, float only) + data(8)
    return format == WavSampleFormat::Pcm16 ? 44 : 58;
}

bool WavWriter::open(const std::string& path, int sampleRate, int channels, WavSampleFormat format,
                     std::string* error) {
    if (file_)
        std::fclose(file_);
    path_ = path;
    sampleRate_ = sampleRate;
    channels_ = std::max(1, channels);
    format_ = format;
    frames_ = 0;
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) {
        if (error)
            *error = ioError(path, "cannot create");
        return false;
    }
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 16);
    return writeHeader(error);  // a placeholder until close() knows the sizes
}

bool WavWriter::writeHeader(std::string* error) {
    const bool isFloat = format_ == WavSampleFormat::Float32;
    const std::uint32_t bytesPerSample = isFloat ? 4 : 2;
    const std::uint32_t blockAlign = bytesPerSample * static_cast<std::uint32_t>(channels_);
    const std::uint32_t dataBytes = static_cast<std::uint32_t>(frames_ * blockAlign);
    std::vector<std::uint8_t> h;
    putTag(h, "RIFF");
    put32(h, static_cast<std::uint32_t>(headerBytes(format_) - 8) + dataBytes);
    putTag(h, "WAVE");
    putTag(h, "fmt ");
    put32(h, isFloat ? 18 : 16);
    put16(h, isFloat ? kFormatFloat : kFormatPcm);
    put16(h, static_cast<std::uint32_t>(channels_));
    put32(h, static_cast<std::uint32_t>(sampleRate_));
    put32(h, static_cast<std::uint32_t>(sampleRate_) * blockAlign);
    put16(h, blockAlign);
    put16(h, bytesPerSample * 8);
    if (isFloat) {
        put16(h, 0);  // cbSize: non-PCM formats carry it, and a fact chunk
        putTag(h, "fact");
        put32(h, 4);
        put32(h, static_cast<std::uint32_t>(frames_));
    }
    putTag(h, "data");
    put32(h, dataBytes);
    if (std::fseek(file_, 0, SEEK_SET) != 0 || std::fwrite(h.data(), 1, h.size(), file_) != h.size()) {
        if (error)
            *error = ioError(path_, "cannot write the WAV header");
        return false;
    }
    return true;
}

bool WavWriter::write(const float* interleaved, std::size_t frames, std::string* error) {
    if (!file_) {
        if (error)
            *error = path_ + ": the WAV file is not open";
        return false;
    }
    const std::size_t samples = frames * static_cast<std::size_t>(channels_);
    const std::uint64_t bytesPerFrame = (format_ == WavSampleFormat::Float32 ? 4u : 2u) * channels_;
    if ((static_cast<std::uint64_t>(frames_) + frames) * bytesPerFrame > kMaxDataBytes) {
        if (error)
            *error = path_ + ": too long for a WAV file (4 GiB at most)";
        return false;
    }
    std::size_t written = 0;
    if (format_ == WavSampleFormat::Float32) {
        // WAV is little-endian, as is every machine we build for.
        written = std::fwrite(interleaved, sizeof(float), samples, file_);
    } else {
        std::vector<std::int16_t> pcm(samples);
        for (std::size_t i = 0; i < samples; ++i) {
            const float v = std::clamp(interleaved[i], -1.0f, 1.0f);
            pcm[i] = static_cast<std::int16_t>(std::lrint(v * 32767.0f));
        }
        written = std::fwrite(pcm.data(), sizeof(std::int16_t), samples, file_);
    }
    if (written != samples) {
        if (error)
            *error = ioError(path_, "cannot write samples");
        return false;
    }
    frames_ += static_cast<std::int64_t>(frames);
    return true;
}

bool WavWriter::close(std::string* error) {
    if (!file_)
        return true;
    bool ok = writeHeader(error);
    // fsync before the caller renames the file into place: a crash then leaves the old
    // file or the whole new one, never a renamed but empty file.
    if (ok && (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0)) {
        if (error)
            *error = ioError(path_, "cannot flush");
        ok = false;
    }
    if (std::fclose(file_) != 0 && ok) {
        if (error)
            *error = ioError(path_, "cannot close");
        ok = false;
    }
    file_ = nullptr;
    return ok;
}

}  // namespace biaxial
