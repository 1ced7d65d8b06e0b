// The `biaxial` program as a user runs it: every command's bad input gives its exit code (2 for
// a bad command line, 1 for input that cannot be used) and a message naming the problem; the
// model commands work end to end on tiny data the test makes itself.
#include <gtest/gtest.h>

#include <filesystem>

#include "CliRunner.h"
#include "CliTestData.h"
#include "biaxial/engine/MidiFileReader.h"

using namespace biaxial;
using test::runCli;

namespace {

void expectFails(const std::vector<std::string>& args, int code, const std::string& says) {
    const test::CliRun r = runCli(args);
    EXPECT_EQ(r.exitCode, code) << r.output;
    EXPECT_NE(r.output.find(says), std::string::npos) << "expected \"" << says << "\" in:\n" << r.output;
}

}  // namespace

TEST(Cli, UnknownCommandsAndMissingArgumentsAreUsageErrors) {
    expectFails({"frobnicate"}, 2, "unknown command 'frobnicate'");
    expectFails({"continue"}, 2, "needs --seed (or --empty), --bars (or --steps) and --out");
    expectFails({"continue", "--seed", "a.mid", "--bars", "2", "--out", "b.mid", "--colour", "red"}, 2,
                "colour");
    expectFails({"train", "--out", "x.pt"}, 2, "needs --out and exactly one of --corpus or --dataset");
    expectFails({"eval", "--model", "m.pt"}, 2, "needs --model and --dataset");
    expectFails({"excerpt"}, 2, "expected one input file and --out");
    expectFails({"stats"}, 2, "expected a file or folder");
}

TEST(Cli, ContinueRefusesBadValuesBeforeLoadingAnything) {
    const std::vector<std::string> base{"continue", "--empty", "--bars", "1", "--out", "x.mid"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    expectFails(with({"--key", "H"}), 2, "unknown key 'H'");
    expectFails(with({"--key", "D", "--scale", "bebop"}), 2, "or scale 'bebop'");
    expectFails(with({"--out-of-key", "2"}), 2, "--out-of-key must lie between 0 and 1");
    expectFails(with({"--variations", "0"}), 2, "must be positive");
    expectFails(with({"--adaptive", "--no-adaptive"}), 2, "contradict");
    expectFails(with({"--temperature", "warm"}), 2, "temperature");
}

TEST(Cli, MissingAndCorruptFilesAreNamed) {
    test::TempDir dir;
    const std::string model = dir.file("tiny.pt");
    ASSERT_TRUE(test::writeTinyModel(model));
    expectFails({"continue", "--model", model, "--seed", dir.file("absent.mid"), "--bars", "1", "--out",
                 dir.file("o.mid")},
                1, "absent.mid");
    const std::string notMidi = std::string(BIAXIAL_TEST_DATA_DIR) + "/corrupt/not-midi.mid";
    expectFails({"continue", "--model", model, "--seed", notMidi, "--bars", "1", "--out", dir.file("o.mid")},
                1, "not-midi.mid");
    expectFails(
        {"continue", "--model", dir.file("absent.pt"), "--empty", "--bars", "1", "--out", dir.file("o.mid")},
        1, "absent.pt");
    expectFails({"info", notMidi}, 1, "not a Biaxial model file");
    expectFails({"scan", dir.file("no-such-folder")}, 1, "not a folder that can be read");
    expectFails({"train", "--corpus", dir.file("no-such-folder"), "--out", dir.file("m.pt")}, 1,
                "not a folder that can be read");
    expectFails({"eval", "--model", dir.file("absent.pt"), "--dataset", dir.file("d.json")}, 1, "absent.pt");
    EXPECT_FALSE(std::filesystem::exists(dir.file("o.mid")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("m.pt")));
}

TEST(Cli, ContinueWritesTheSeedThenTheNewBars) {
    test::TempDir dir;
    const std::string model = dir.file("tiny.pt");
    ASSERT_TRUE(test::writeTinyModel(model));
    const Song seed = test::chordSong(2, 3, 3);  // two bars of 3/4
    ASSERT_TRUE(test::writeSong(seed, dir.file("seed.mid")));
    const test::CliRun r =
        runCli({"continue", "--model", model, "--seed", dir.file("seed.mid"), "--bars", "2", "--variations",
                "2", "--conservativity", "0.5", "--out", dir.file("out.mid")});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("24 seed steps + 24 new steps"), std::string::npos)
        << r.output;  // 3/4: 12 per bar
    for (const char* name : {"out-1.mid", "out-2.mid"}) {
        auto read = MidiFileReader::readFile(dir.file(name));
        ASSERT_TRUE(read) << name;
        const Song& song = read.value();
        ASSERT_EQ(song.tracks.size(), seed.tracks.size() + 1) << name;
        EXPECT_EQ(song.tracks[0].notes, seed.tracks[0].notes) << "the seed is kept as it was";
        const std::int64_t seedEnd = 2 * 3 * 480;
        for (const Note& n : song.tracks.back().notes) {
            EXPECT_GE(n.start, seedEnd);
            EXPECT_LE(n.end(), 2 * seedEnd);
        }
    }
}

TEST(Cli, ScanTrainInfoAndEvalOnTinyData) {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "corpus");
    for (std::uint32_t i = 0; i < 3; ++i)
        ASSERT_TRUE(test::writeSong(test::chordSong(4, 10 + i),
                                    dir.file("corpus/piece" + std::to_string(i) + ".mid")));
    const test::CliRun scan = runCli({"scan", dir.file("corpus")});
    EXPECT_EQ(scan.exitCode, 0) << scan.output;
    EXPECT_NE(scan.output.find(
                  "3 loaded (0 of them with warnings: repaired on reading; --verbose lists them), 0 skipped"),
              std::string::npos)
        << scan.output;

    const std::string model = dir.file("m.pt");
    const test::CliRun train = runCli({"train",
                                       "--corpus",
                                       dir.file("corpus"),
                                       "--out",
                                       model,
                                       "--size",
                                       "tiny",
                                       "--steps",
                                       "3",
                                       "--segment",
                                       "32",
                                       "--valid-every",
                                       "3",
                                       "--checkpoint-every",
                                       "3",
                                       "--sample-every",
                                       "0",
                                       "--valid-fraction",
                                       "0.34",
                                       "--low-pitch",
                                       "21",
                                       "--notes",
                                       "88"});  // the benchmarks' 88 keys, for eval
    ASSERT_EQ(train.exitCode, 0) << train.output;
    EXPECT_NE(train.output.find("done: 3 batches"), std::string::npos) << train.output;
    ASSERT_TRUE(std::filesystem::exists(model));
    ASSERT_TRUE(std::filesystem::exists(model + ".ckpt"));

    const test::CliRun info = runCli({"info", model});
    EXPECT_EQ(info.exitCode, 0) << info.output;

    ASSERT_TRUE(test::writeTinyDataset(dir.file("tiny.json")));
    const test::CliRun eval = runCli({"eval", "--model", model, "--dataset", dir.file("tiny.json")});
    EXPECT_EQ(eval.exitCode, 0) << eval.output;
    EXPECT_NE(eval.output.find("NLL "), std::string::npos) << eval.output;
    EXPECT_NE(eval.output.find("nats/frame over 40 frames"), std::string::npos) << eval.output;

    // The musicality evaluation finds the held-out piece in the corpus and continues it, and
    // the seeds of other character.
    const test::CliRun musical =
        runCli({"evaluate", "--model", model, "--corpus", dir.file("corpus"), "--seed-from", "1",
                "--seed-bars", "1", "--bars", "1", "--variations", "1", "--markdown", dir.file("table.md")});
    EXPECT_EQ(musical.exitCode, 0) << musical.output;
    EXPECT_NE(musical.output.find("1 held-out seeds"), std::string::npos) << musical.output;
    EXPECT_NE(musical.output.find("mean: all (5)"), std::string::npos) << musical.output;
    EXPECT_TRUE(std::filesystem::exists(dir.file("table.md")));
    expectFails({"evaluate", "--model", model, "--no-held-out", "--no-character"}, 2, "nothing to evaluate");
    expectFails({"evaluate", "--model", model, "--corpus", dir.file("elsewhere")}, 1, "elsewhere");
}

TEST(Cli, AccompanyKeepsEveryMelodyNoteAndInfillOnlyTheRegion) {
    test::TempDir dir;
    const std::string model = dir.file("tiny.pt");
    ASSERT_TRUE(test::writeTinyModel(model));
    Song melody;
    melody.tracks.emplace_back();
    for (int i = 0; i < 8; ++i)
        melody.tracks[0].notes.push_back(Note{72 + (i % 3) * 2, i * 480, 480, 90, 0});
    melody.normalise();
    ASSERT_TRUE(test::writeSong(melody, dir.file("melody.mid")));
    const test::CliRun acc = runCli({"accompany", "--model", model, dir.file("melody.mid"), "--particles",
                                     "4", "--conservativity", "0.5", "--out", dir.file("acc.mid")});
    ASSERT_EQ(acc.exitCode, 0) << acc.output;
    auto read = MidiFileReader::readFile(dir.file("acc.mid"));
    ASSERT_TRUE(read);
    ASSERT_EQ(read.value().tracks.size(), 2u);
    EXPECT_EQ(read.value().tracks[0].notes, melody.tracks[0].notes) << "the melody is kept as it was";
    for (const Note& n : read.value().tracks[1].notes)
        EXPECT_LT(n.pitch, 76) << "the accompaniment stays under the melody";

    const Song piece = test::chordSong(4, 5);
    ASSERT_TRUE(test::writeSong(piece, dir.file("piece.mid")));
    const test::CliRun inf = runCli({"infill", "--model", model, dir.file("piece.mid"), "--from-bar", "2",
                                     "--bars", "1", "--particles", "4", "--out", dir.file("inf.mid")});
    ASSERT_EQ(inf.exitCode, 0) << inf.output;
    EXPECT_NE(inf.output.find("look-ahead steps"), std::string::npos) << inf.output;
    read = MidiFileReader::readFile(dir.file("inf.mid"));
    ASSERT_TRUE(read);
    const std::int64_t bar = 4 * 480;
    for (const Note& n : read.value().tracks[0].notes)
        EXPECT_TRUE(n.start < bar || n.start >= 2 * bar) << "an old note left inside the region";
    for (const Note& n : read.value().tracks.back().notes) {
        EXPECT_GE(n.start, bar);
        EXPECT_LT(n.start, 2 * bar);
    }
    // Bad input: a region past the end, a melody without notes.
    expectFails({"infill", "--model", model, dir.file("piece.mid"), "--from-bar", "9", "--bars", "1", "--out",
                 dir.file("x.mid")},
                1, "starts after the piece's last note");
    Song empty;
    empty.normalise();
    ASSERT_TRUE(test::writeSong(empty, dir.file("empty.mid")));
    expectFails({"accompany", "--model", model, dir.file("empty.mid"), "--out", dir.file("x.mid")}, 1,
                "no notes");
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.mid")));
}
