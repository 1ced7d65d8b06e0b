#include <gtest/gtest.h>

#include <sndfile.h>

#include <unistd.h>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <vector>

#include "AudioTestSongs.h"
#include "biaxial/audio/SoundFontLocator.h"
#include "biaxial/audio/WavRenderer.h"

namespace fs = std::filesystem;
using biaxial::WavRenderer;
using biaxial::WavRenderOptions;

namespace {

struct ReadBack {
    SF_INFO info{};
    std::vector<float> samples;  // interleaved
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

// RMS of both channels between two times.
double rms(const std::vector<float>& stereo, int rate, double from, double to) {
    const auto a = static_cast<std::size_t>(from * rate) * 2;
    const auto b = std::min(stereo.size(), static_cast<std::size_t>(to * rate) * 2);
    double sum = 0.0;
    for (std::size_t i = a; i < b; ++i)
        sum += double(stereo[i]) * stereo[i];
    return b > a ? std::sqrt(sum / double(b - a)) : 0.0;
}

class WavRendererTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!WavRenderer::available())
            GTEST_SKIP() << "built without FluidSynth";
        std::string why;
        soundFont_ = biaxial::SoundFontLocator::defaultSoundFont(&why);
        if (soundFont_.empty())
            GTEST_SKIP() << why;
        dir_ = fs::temp_directory_path() / ("biaxial-render-test-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        options_.soundFont = soundFont_;
        options_.tailSeconds = 1.0;
    }
    void TearDown() override {
        std::error_code ec;
        if (!dir_.empty())
            fs::remove_all(dir_, ec);
    }
    // Anything in the folder: a cancelled render must leave neither the file nor a temporary.
    std::vector<std::string> filesInDir() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_))
            names.push_back(entry.path().filename().string());
        return names;
    }

    std::string soundFont_;
    fs::path dir_;
    WavRenderOptions options_;
};

}  // namespace

TEST_F(WavRendererTest, RendersTheNotesPlusTheTailWithEnergyWhereTheNotesAre) {
    const std::string path = (dir_ / "song.wav").string();
    std::vector<double> progress;
    const auto result = WavRenderer::render(biaxial::test::noteGapNoteSong(), path, options_, nullptr,
                                            [&](double f) { progress.push_back(f); });
    ASSERT_TRUE(result.ok()) << result.error;
    const ReadBack wav = readWav(path);
    EXPECT_EQ(wav.info.samplerate, 44100);
    EXPECT_EQ(wav.info.channels, 2);
    EXPECT_EQ(wav.info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    EXPECT_EQ(wav.info.frames,
              static_cast<sf_count_t>(std::ceil((3.5 + 1.0) * 44100)));  // last note ends at 3.5 s
    EXPECT_EQ(result.frames, wav.info.frames);

    const double firstNote = rms(wav.samples, 44100, 0.05, 0.5);
    const double gap = rms(wav.samples, 44100, 2.2, 2.95);
    const double secondNote = rms(wav.samples, 44100, 3.05, 3.5);
    const double end = rms(wav.samples, 44100, 4.4, 4.5);
    std::printf(
        "[ render ] RMS note %.4f, gap %.5f, note %.4f, end of tail %.5f; peak %.3f, %.0fx real time\n",
        firstNote, gap, secondNote, end, result.peak, result.seconds / result.renderSeconds);
    EXPECT_GT(firstNote, 0.01);  // not silent
    EXPECT_GT(secondNote, 0.01);
    EXPECT_LT(gap, firstNote / 10);  // the silence between the notes is (nearly) silent
    EXPECT_LT(end, secondNote / 4);  // the tail decays
    EXPECT_NEAR(result.rms, rms(wav.samples, 44100, 0.0, 4.5), 1e-3);

    ASSERT_FALSE(progress.empty());
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
    EXPECT_DOUBLE_EQ(progress.back(), 1.0);
    EXPECT_LE(progress.size(), 101u);
    EXPECT_EQ(filesInDir(), std::vector<std::string>{"song.wav"});
}

TEST_F(WavRendererTest, FloatAt48kHzMatchesTheInMemoryRenderExactly) {
    options_.sampleRate = 48000;
    options_.format = biaxial::WavSampleFormat::Float32;
    const std::string path = (dir_ / "float.wav").string();
    const auto song = biaxial::test::threeNoteSong();
    const auto result = WavRenderer::render(song, path, options_);
    ASSERT_TRUE(result.ok()) << result.error;
    std::vector<float> memory;
    ASSERT_TRUE(WavRenderer::renderToBuffer(song, &memory, options_).ok());
    const ReadBack wav = readWav(path);
    EXPECT_EQ(wav.info.samplerate, 48000);
    EXPECT_EQ(wav.info.format, SF_FORMAT_WAV | SF_FORMAT_FLOAT);
    EXPECT_EQ(wav.info.frames, static_cast<sf_count_t>(3.0 * 48000));
    EXPECT_EQ(wav.samples, memory);  // rendering is deterministic and the writer is lossless
}

// Normalising: the written file's loudest sample sits at the asked level, the music is the
// same up to that factor, and the progress runs once from 0 to 1 over both passes.
TEST_F(WavRendererTest, NormalisingPutsThePeakAtTheAskedLevel) {
    options_.format = biaxial::WavSampleFormat::Float32;
    const auto song = biaxial::test::threeNoteSong();
    std::vector<float> plain;
    ASSERT_TRUE(WavRenderer::renderToBuffer(song, &plain, options_).ok());
    options_.normalize = true;
    options_.normalizePeakDb = -3.0;
    std::vector<double> progress;
    const std::string path = (dir_ / "loud.wav").string();
    const auto result =
        WavRenderer::render(song, path, options_, nullptr, [&](double f) { progress.push_back(f); });
    ASSERT_TRUE(result.ok()) << result.error;
    const ReadBack wav = readWav(path);
    float peak = 0.0f;
    for (float v : wav.samples)
        peak = std::max(peak, std::abs(v));
    EXPECT_NEAR(peak, std::pow(10.0, -3.0 / 20.0), 1e-4);
    EXPECT_NEAR(result.peak, peak, 1e-4);
    EXPECT_GT(result.appliedGainDb, 0.0) << "this song alone peaks well below -3 dBFS";
    ASSERT_EQ(wav.samples.size(), plain.size());
    const double factor = std::pow(10.0, result.appliedGainDb / 20.0);
    for (std::size_t i = 0; i < plain.size(); i += 997)
        EXPECT_NEAR(wav.samples[i], plain[i] * factor, 1e-5);
    ASSERT_FALSE(progress.empty());
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
    EXPECT_DOUBLE_EQ(progress.back(), 1.0);
}

TEST_F(WavRendererTest, CancelLeavesNoFileAndKeepsAnExistingOne) {
    const std::string path = (dir_ / "keep.wav").string();
    { std::ofstream(path) << "old"; }
    std::atomic<bool> cancel{false};
    const auto result =
        WavRenderer::render(biaxial::test::noteGapNoteSong(), path, options_, &cancel, [&](double f) {
            if (f > 0.3)
                cancel = true;
        });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.error, "cancelled");
    EXPECT_EQ(filesInDir(), std::vector<std::string>{"keep.wav"});
    std::ifstream in(path);
    std::string text;
    in >> text;
    EXPECT_EQ(text, "old");

    const std::string fresh = (dir_ / "fresh.wav").string();
    cancel = true;  // cancelled before it starts
    EXPECT_TRUE(WavRenderer::render(biaxial::test::noteGapNoteSong(), fresh, options_, &cancel).cancelled);
    EXPECT_FALSE(fs::exists(fresh));
    EXPECT_EQ(filesInDir().size(), 1u);
}

TEST_F(WavRendererTest, AnEmptySongIsTheTailOfSilence) {
    const auto result = WavRenderer::render(biaxial::Song{}, (dir_ / "empty.wav").string(), options_);
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_EQ(result.frames, 44100);
    EXPECT_LT(result.peak, 1e-4);  // reverb leaves nothing audible
}

TEST_F(WavRendererTest, BadInputsFailWithAReasonAndNoFile) {
    const std::string path = (dir_ / "bad.wav").string();
    WavRenderOptions bad = options_;
    bad.soundFont = (dir_ / "missing.sf2").string();
    std::string error = WavRenderer::renderSong(biaxial::test::threeNoteSong(), path, bad);
    EXPECT_NE(error.find("missing.sf2"), std::string::npos) << error;
    bad = options_;
    bad.sampleRate = 1000;
    error = WavRenderer::renderSong(biaxial::test::threeNoteSong(), path, bad);
    EXPECT_NE(error.find("1000"), std::string::npos) << error;
    error = WavRenderer::renderSong(biaxial::test::threeNoteSong(), (dir_ / "no-dir" / "x.wav").string(),
                                    options_);
    EXPECT_FALSE(error.empty());
    EXPECT_TRUE(filesInDir().empty());
}

// The right note sounds: A4 has its energy at 440 Hz, not at its neighbours a semitone away.
TEST_F(WavRendererTest, AnA4SoundsAt440Hz) {
    biaxial::Song song;
    biaxial::Track track;
    track.notes.push_back({69, 0, 960, 100, 0});  // one second at 120 BPM
    song.tracks.push_back(track);
    song.normalise();
    options_.reverb = false;
    std::vector<float> stereo;
    ASSERT_TRUE(WavRenderer::renderToBuffer(song, &stereo, options_).ok());
    // Goertzel power of the left channel at one frequency, over 0.1..0.6 s.
    const auto power = [&](double hz) {
        const double k = 2.0 * std::cos(2.0 * M_PI * hz / 44100.0);
        double s1 = 0.0, s2 = 0.0;
        for (int i = 4410; i < 26460; ++i) {
            const double s0 = stereo[2 * static_cast<std::size_t>(i)] + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - k * s1 * s2;
    };
    const double a4 = power(440.0);
    std::printf("[ pitch ] power at 440 Hz is %.0fx that at 415 Hz, %.0fx that at 466 Hz\n",
                a4 / power(415.3), a4 / power(466.2));
    EXPECT_GT(a4, 10.0 * power(415.3));  // G#4
    EXPECT_GT(a4, 10.0 * power(466.2));  // A#4
}
