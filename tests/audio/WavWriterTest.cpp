#include <gtest/gtest.h>

#include <sndfile.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "biaxial/audio/WavWriter.h"

namespace {

struct ReadBack {
    SF_INFO info{};
    std::vector<float> samples;
};

ReadBack readWav(const std::string& path) {
    ReadBack r;
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &r.info);
    if (!f)
        return r;
    r.samples.resize(static_cast<std::size_t>(r.info.frames * r.info.channels));
    sf_readf_float(f, r.samples.data(), r.info.frames);
    sf_close(f);
    return r;
}

std::string tempPath(const char* name) {
    return (std::filesystem::temp_directory_path() / (std::string("biaxial-wavwriter-") + name)).string();
}

}  // namespace

TEST(WavWriter, WritesSixteenBitPcmThatLibsndfileReads) {
    const std::string path = tempPath("pcm16.wav");
    const std::vector<float> stereo{0.0f, 0.5f, -0.5f, 1.0f, 2.0f, -2.0f};  // the last two clip
    biaxial::WavWriter writer;
    std::string error;
    ASSERT_TRUE(writer.open(path, 48000, 2, biaxial::WavSampleFormat::Pcm16, &error)) << error;
    ASSERT_TRUE(writer.write(stereo.data(), 3, &error)) << error;
    ASSERT_TRUE(writer.close(&error)) << error;
    EXPECT_EQ(std::filesystem::file_size(path), 44u + 12u);
    const ReadBack r = readWav(path);
    EXPECT_EQ(r.info.samplerate, 48000);
    EXPECT_EQ(r.info.channels, 2);
    EXPECT_EQ(r.info.frames, 3);
    EXPECT_EQ(r.info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    ASSERT_EQ(r.samples.size(), 6u);
    EXPECT_NEAR(r.samples[1], 0.5f, 1e-4f);
    EXPECT_NEAR(r.samples[2], -0.5f, 1e-4f);
    EXPECT_NEAR(r.samples[4], 1.0f, 1e-4f);
    EXPECT_NEAR(r.samples[5], -1.0f, 1e-4f);
    std::filesystem::remove(path);
}

TEST(WavWriter, WritesFloatBitExactly) {
    const std::string path = tempPath("float.wav");
    const std::vector<float> stereo{0.125f, -0.75f, 0.3333f, 1.5f};  // float keeps values past 1
    biaxial::WavWriter writer;
    std::string error;
    ASSERT_TRUE(writer.open(path, 44100, 2, biaxial::WavSampleFormat::Float32, &error)) << error;
    ASSERT_TRUE(writer.write(stereo.data(), 2, &error)) << error;
    ASSERT_TRUE(writer.close(&error)) << error;
    EXPECT_EQ(std::filesystem::file_size(path), 58u + 16u);
    const ReadBack r = readWav(path);
    EXPECT_EQ(r.info.format, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
    EXPECT_EQ(r.samples, stereo);
    std::filesystem::remove(path);
}

TEST(WavWriter, ReportsAnUnwritablePath) {
    biaxial::WavWriter writer;
    std::string error;
    EXPECT_FALSE(writer.open("/nonexistent-dir/x.wav", 44100, 2, biaxial::WavSampleFormat::Pcm16, &error));
    EXPECT_NE(error.find("/nonexistent-dir/x.wav"), std::string::npos) << error;
}
