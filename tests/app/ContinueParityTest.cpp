// One continue pipeline: the same request gives the same notes through the studio's worker
// (ContinueWorker::run) and through `biaxial continue`, with the defaults (which are the
// studio's) and with the key switched off.
#include <gtest/gtest.h>

#include "CliRunner.h"
#include "CliTestData.h"
#include "ContinueWorker.h"
#include "biaxial/engine/MidiFileReader.h"

using namespace biaxial;

namespace {

std::vector<Note> throughTheWorker(const std::string& modelPath, const ContinueRequest& request) {
    auto model = Model::load(modelPath);
    EXPECT_TRUE(model);
    if (!model)
        return {};
    ContinueResult result;
    QString error;
    bool cancelled = false;
    EXPECT_TRUE(ContinueWorker::run(*model, request, &result, &error, &cancelled)) << error.toStdString();
    EXPECT_EQ(result.variations.size(), 1u);
    return result.variations.empty() ? std::vector<Note>{} : result.variations[0];
}

std::vector<Note> throughTheCommand(std::vector<std::string> args, const std::string& out) {
    args.insert(args.end(), {"--out", out});
    const test::CliRun run = test::runCli(args);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    auto read = MidiFileReader::readFile(out);
    EXPECT_TRUE(read) << out;
    if (!read || read.value().tracks.size() < 2)
        return {};
    return read.value().tracks.back().notes;  // the command's "continuation" track
}

}  // namespace

TEST(ContinueParity, TheWorkerAndTheCommandGiveTheSameNotes) {
    test::TempDir dir;
    const std::string model = dir.file("tiny.pt");
    ASSERT_TRUE(test::writeTinyModel(model));
    // 3/4 at 96 ticks per quarter: the meter and the tick maths both matter.
    const Song seed = test::chordSong(3, 21, 3, 96);
    ASSERT_TRUE(test::writeSong(seed, dir.file("seed.mid")));
    auto read = MidiFileReader::readFile(dir.file("seed.mid"));
    ASSERT_TRUE(read);

    ContinueRequest request;  // the studio's defaults
    request.song = read.value();
    request.seedEndTick = request.song.endTick();
    request.bars = 2;
    request.variations = 1;
    request.randomSeed = 4;
    request.track = static_cast<int>(request.song.tracks.size());
    const std::vector<Note> worker = throughTheWorker(model, request);
    const std::vector<Note> command = throughTheCommand(
        {"continue", "--model", model, "--seed", dir.file("seed.mid"), "--bars", "2", "--random-seed", "4"},
        dir.file("defaults.mid"));
    ASSERT_FALSE(worker.empty());
    EXPECT_EQ(worker, command);

    // The key switched off, a fixed conservativity, another seed.
    request.scale = Scale{0, Scale::Mode::Chromatic};
    request.adaptiveConservativity = false;
    request.conservativity = 0.7;
    request.randomSeed = 9;
    const std::vector<Note> workerFree = throughTheWorker(model, request);
    const std::vector<Note> commandFree =
        throughTheCommand({"continue", "--model", model, "--seed", dir.file("seed.mid"), "--bars", "2",
                           "--random-seed", "9", "--key", "none", "--no-adaptive", "--conservativity", "0.7"},
                          dir.file("free.mid"));
    ASSERT_FALSE(workerFree.empty());
    EXPECT_EQ(workerFree, commandFree);
    EXPECT_NE(workerFree, worker);
}
