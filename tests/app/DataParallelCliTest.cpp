// `biaxial train` over several processes (issue 20): `--nproc` on one machine, and ranks
// started by hand with torchrun's variables, one of which is killed in the middle.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "CliRunner.h"
#include "CliTestData.h"
#include "biaxial/model/Model.h"

using namespace biaxial;
using test::runCli;

namespace {

std::vector<std::string> trainArgs(const test::TempDir& dir, const std::string& model, int steps) {
    return {"train",
            "--corpus",
            dir.file("corpus"),
            "--out",
            model,
            "--size",
            "tiny",
            "--steps",
            std::to_string(steps),
            "--segment",
            "32",
            "--batch",
            "2",
            "--valid-every",
            "2",
            "--checkpoint-every",
            "2",
            "--sample-every",
            "0",
            "--log-every",
            "1",
            "--no-cache"};
}

void writeCorpus(const test::TempDir& dir) {
    std::filesystem::create_directories(dir.path() / "corpus");
    for (std::uint32_t i = 0; i < 4; ++i)
        ASSERT_TRUE(test::writeSong(test::chordSong(8, 20 + i),
                                    dir.file("corpus/piece" + std::to_string(i) + ".mid")));
}

// Starts one rank of a hand-made group with its output in `log`.
pid_t startRank(int rank, int port, const std::vector<std::string>& args, const std::string& log) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("RANK", std::to_string(rank).c_str(), 1);
        ::setenv("WORLD_SIZE", "2", 1);
        ::setenv("MASTER_ADDR", "127.0.0.1", 1);
        ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
        ::setenv("BIAXIAL_DIST_TIMEOUT", "20", 1);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<std::string> all{BIAXIAL_CLI};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(BIAXIAL_CLI, argv.data());
        ::_exit(127);
    }
    return pid;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Waits up to `seconds` for the process; its exit code, or -1 when it is still running.
int waitFor(pid_t pid, double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
}

}  // namespace

TEST(DataParallelCli, NprocTrainsOneModelWrittenByRankZero) {
    test::TempDir dir;
    writeCorpus(dir);
    auto args = trainArgs(dir, dir.file("m.pt"), 4);
    args.insert(args.end(), {"--nproc", "2"});
    const test::CliRun train = runCli(args);
    ASSERT_EQ(train.exitCode, 0) << train.output;
    EXPECT_NE(train.output.find("2 ranks on 127.0.0.1"), std::string::npos) << train.output;
    // Rank 0 speaks for the group: one summary line, not two.
    EXPECT_EQ(train.output.find("done: 4 batches"), train.output.rfind("done: 4 batches")) << train.output;
    std::string why;
    const auto model = Model::load(dir.file("m.pt"), &why);
    ASSERT_TRUE(model) << why;
    EXPECT_EQ(model->metadata().at("world_size"), "2");
}

TEST(DataParallelCli, NprocRefusesABatchItCannotShare) {
    test::TempDir dir;
    writeCorpus(dir);
    auto args = trainArgs(dir, dir.file("m.pt"), 4);
    args.insert(args.end(), {"--nproc", "3"});
    const test::CliRun train = runCli(args);
    EXPECT_NE(train.exitCode, 0) << train.output;
    EXPECT_NE(train.output.find("does not divide among 3 processes"), std::string::npos) << train.output;
    EXPECT_FALSE(std::filesystem::exists(dir.file("m.pt")));
}

// A rank killed in the middle of a run: the other stops by itself within the group's timeout,
// names itself and the master's address, and the files on disk are the last whole checkpoint.
TEST(DataParallelCli, AKilledRankEndsTheOtherCleanly) {
    test::TempDir dir;
    writeCorpus(dir);
    const int port = 20000 + static_cast<int>(::getpid() % 20000);
    const auto args = trainArgs(dir, dir.file("m.pt"), 100000);
    const pid_t rank0 = startRank(0, port, args, dir.file("rank0.log"));
    const pid_t rank1 = startRank(1, port, args, dir.file("rank1.log"));
    // Let it train past its first checkpoint.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (slurp(dir.file("rank0.log")).find("batch 5/") == std::string::npos &&
           std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_NE(slurp(dir.file("rank0.log")).find("batch 5/"), std::string::npos)
        << slurp(dir.file("rank0.log"));
    ::kill(rank1, SIGKILL);
    ::waitpid(rank1, nullptr, 0);
    const int code = waitFor(rank0, 40);
    if (code < 0)
        ::kill(rank0, SIGKILL);
    ASSERT_EQ(code, 1) << slurp(dir.file("rank0.log"));
    const std::string log = slurp(dir.file("rank0.log"));
    EXPECT_NE(log.find("rank 0 of 2 (master 127.0.0.1:" + std::to_string(port) + "): lost the group"),
              std::string::npos)
        << log;
    std::string why;
    EXPECT_TRUE(Model::load(dir.file("m.pt"), &why)) << why;
}
