// Data-parallel training on c10d (Gloo): the ranks of these tests are threads of one process
// talking over 127.0.0.1, as separate processes would (the CLI tests kill a real process).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <thread>

#include "ModelImpl.h"
#include "TestPieces.h"
#include "biaxial/model/DataParallelConfig.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {
namespace {

namespace fs = std::filesystem;

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

DataParallelConfig::Getenv fakeEnvironment(std::map<std::string, std::string> vars) {
    auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
    return [shared](const char* name) -> const char* {
        const auto it = shared->find(name);
        return it == shared->end() ? nullptr : it->second.c_str();
    };
}

TEST(DataParallelConfig, NoWorldSizeIsOneProcess) {
    std::string why;
    const auto c = DataParallelConfig::fromEnvironment(&why, fakeEnvironment({}));
    ASSERT_TRUE(c) << why;
    EXPECT_FALSE(c->distributed());
    EXPECT_EQ(c->worldSize, 1);
}

TEST(DataParallelConfig, ReadsTorchrunsVariables) {
    std::string why;
    const auto c =
        DataParallelConfig::fromEnvironment(&why, fakeEnvironment({{"WORLD_SIZE", "4"},
                                                                   {"RANK", "3"},
                                                                   {"LOCAL_RANK", "1"},
                                                                   {"MASTER_ADDR", "node0"},
                                                                   {"MASTER_PORT", "29400"},
                                                                   {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                                                                   {"TORCHELASTIC_RESTART_COUNT", "2"},
                                                                   {"GLOO_SOCKET_IFNAME", "eth0"}}));
    ASSERT_TRUE(c) << why;
    EXPECT_TRUE(c->distributed());
    EXPECT_EQ(c->rank, 3);
    EXPECT_EQ(c->localRank, 1);
    EXPECT_EQ(c->masterEndpoint(), "node0:29400");
    EXPECT_TRUE(c->agentStore);
    EXPECT_EQ(c->restartCount, 2);
    EXPECT_EQ(c->interface, "eth0");
}

TEST(DataParallelConfig, BadVariablesAreNamed) {
    std::string why;
    EXPECT_FALSE(DataParallelConfig::fromEnvironment(
        &why,
        fakeEnvironment({{"WORLD_SIZE", "2"}, {"RANK", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}})));
    EXPECT_NE(why.find("RANK"), std::string::npos) << why;
    EXPECT_FALSE(DataParallelConfig::fromEnvironment(
        &why, fakeEnvironment({{"WORLD_SIZE", "2"}, {"RANK", "1"}, {"MASTER_ADDR", "a"}})));
    EXPECT_NE(why.find("MASTER_PORT"), std::string::npos) << why;
    EXPECT_FALSE(DataParallelConfig::fromEnvironment(&why, fakeEnvironment({{"WORLD_SIZE", "two"}})));
    EXPECT_NE(why.find("WORLD_SIZE='two'"), std::string::npos) << why;
}

class DataParallelTraining : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("biaxial-dp-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    static ModelConfig config(double dropout) {
        auto c = ModelConfig::tiny();
        c.dropout = dropout;
        return c;
    }
    TrainingOptions options(const std::string& out, int steps) const {
        TrainingOptions o;
        o.outputPath = path(out);
        o.steps = steps;
        o.batchSize = 4;
        o.segmentSteps = 32;
        o.validationFraction = 0.25;
        o.validationEvery = 2;
        o.validationSegments = 4;
        o.checkpointEvery = 2;
        o.sampleEvery = 0;
        o.logEvery = 1;
        o.device = "cpu";
        o.seed = 9;
        return o;
    }
    // Runs `world` ranks (threads) of one training; rank r trains on pieces[r].
    std::vector<TrainingResult> runGroup(const ModelConfig& c,
                                         const std::vector<std::vector<TrainingPiece>>& pieces,
                                         const TrainingOptions& base, int world) {
        std::vector<TrainingResult> results(static_cast<std::size_t>(world));
        const int port = freePort();
        std::vector<std::thread> ranks;
        for (int r = 0; r < world; ++r)
            ranks.emplace_back([&, r] {
                TrainingOptions o = base;
                o.parallel.worldSize = world;
                o.parallel.rank = r;
                o.parallel.localRank = r;
                o.parallel.masterPort = port;
                o.parallel.timeoutSeconds = 30;
                results[static_cast<std::size_t>(r)] =
                    Trainer::run(c, pieces[static_cast<std::size_t>(r)], o);
            });
        for (auto& t : ranks)
            t.join();
        return results;
    }
    fs::path dir_;
};

double largestDifference(const Model& a, const Model& b) {
    auto pa = a.impl()->net->named_parameters();
    double worst = 0;
    for (const auto& p : b.impl()->net->named_parameters())
        worst = std::max(worst, (pa[p.key()] - p.value()).abs().max().item<double>());
    return worst;
}

// The point of data parallelism: two ranks with two segments each train the model that one
// process trains on the batch of four (dropout off: each rank draws its own masks).
TEST_F(DataParallelTraining, TwoRanksTrainTheOneProcessModel) {
    const auto pieces = test::arpeggioPieces(8, 64);
    const auto one = Trainer::run(config(0), pieces, options("one.pt", 6));
    ASSERT_TRUE(one.ok) << one.error;
    const auto two = runGroup(config(0), {pieces, pieces}, options("two.pt", 6), 2);
    for (const auto& r : two)
        ASSERT_TRUE(r.ok) << r.error;
    EXPECT_NEAR(two[0].validLoss, one.validLoss, 1e-5);
    EXPECT_NEAR(two[1].validLoss, one.validLoss, 1e-5);  // every rank knows the figure
    EXPECT_NEAR(two[0].trainLoss, one.trainLoss, 1e-5);
    std::string why;
    auto a = Model::load(path("one.pt"), &why);
    auto b = Model::load(path("two.pt"), &why);
    ASSERT_TRUE(a && b) << why;
    // Float tolerance: the sums are added in another order, and Adadelta's first steps scale
    // small gradients up (the update is ~sqrt(eps / (g^2 + eps)) g); the training moved the
    // weights a hundred times further than the two runs differ.
    const double apart = largestDifference(*a, *b);
    EXPECT_LT(apart, 1e-4);
    EXPECT_GT(largestDifference(*b, *Model::create(config(0), 9)), 100 * apart);
    EXPECT_EQ(b->metadata().at("world_size"), "2");
    EXPECT_EQ(a->metadata().count("world_size"), 0u);
}

// Resume is exact for the same world size, dropout included: each rank's dropout state is in
// the checkpoint.
TEST_F(DataParallelTraining, ResumeIsExactWithEveryRanksDropout) {
    const auto pieces = test::arpeggioPieces(8, 64);
    for (const auto& r : runGroup(config(0.5), {pieces, pieces}, options("straight.pt", 6), 2))
        ASSERT_TRUE(r.ok) << r.error;
    for (const auto& r : runGroup(config(0.5), {pieces, pieces}, options("resumed.pt", 4), 2))
        ASSERT_TRUE(r.ok) << r.error;
    auto more = options("resumed.pt", 6);
    more.resume = true;
    for (const auto& r : runGroup(config(0.5), {pieces, pieces}, more, 2))
        ASSERT_TRUE(r.ok) << r.error;
    std::string why;
    auto a = Model::load(path("straight.pt"), &why);
    auto b = Model::load(path("resumed.pt"), &why);
    ASSERT_TRUE(a && b) << why;
    EXPECT_EQ(largestDifference(*a, *b), 0.0);
}

TEST_F(DataParallelTraining, ABatchTheRanksCannotShareIsRefused) {
    const auto pieces = test::arpeggioPieces(8, 64);
    auto o = options("odd.pt", 2);
    o.batchSize = 3;
    o.parallel.worldSize = 2;
    const auto r = Trainer::run(config(0), pieces, o);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.find("does not divide among 2 processes"), std::string::npos) << r.error;
    EXPECT_FALSE(fs::exists(path("odd.pt")));
}

TEST_F(DataParallelTraining, RanksWithDifferentCorporaAreRefusedBeforeTraining) {
    const auto pieces = test::arpeggioPieces(8, 64);
    auto fewer = pieces;
    fewer.pop_back();
    const auto results = runGroup(config(0), {pieces, fewer}, options("mixed.pt", 2), 2);
    for (const auto& r : results) {
        ASSERT_FALSE(r.ok);
        EXPECT_NE(r.error.find("rank 1's corpus"), std::string::npos) << r.error;
    }
    EXPECT_FALSE(fs::exists(path("mixed.pt")));
}

TEST_F(DataParallelTraining, AMissingRankEndsTheWaitWithItsAddress) {
    const auto pieces = test::arpeggioPieces(8, 64);
    auto o = options("alone.pt", 2);
    o.parallel.worldSize = 2;
    o.parallel.masterPort = freePort();
    o.parallel.timeoutSeconds = 1;
    const auto r = Trainer::run(config(0), pieces, o);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.find("rank 0 of 2 (master 127.0.0.1:" + std::to_string(o.parallel.masterPort) + ")"),
              std::string::npos)
        << r.error;
    EXPECT_FALSE(fs::exists(path("alone.pt")));
}

}  // namespace
}  // namespace biaxial
