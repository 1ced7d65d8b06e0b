// The musicality evaluation on a tiny random model: the continuations are the studio's (same
// notes as continueSong), every new step is measured, the NLL of the composer's next bars is the
// chain-rule difference and positive, and held-out seeds are found under another path.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "biaxial/engine/CharacterSeeds.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/SongExcerpt.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/MusicalityEvaluation.h"

namespace biaxial {
namespace {

TEST(MusicalityEvaluation, MeasuresTheStudiosContinuations) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    const auto waltz = CharacterSeeds::waltz();
    EvaluationSeed seed{waltz.name, SongExcerpt::bars(waltz.song, 1, 2), SongExcerpt::bars(waltz.song, 3, 2)};
    MusicalityOptions options;
    options.bars = 2;
    options.variations = 2;
    options.sampling.conservativity = 0.5;
    const auto report = MusicalityEvaluation::run(*model, {seed}, options);
    ASSERT_TRUE(report.ok) << report.error;
    ASSERT_EQ(report.seeds.size(), 1u);
    const SeedEvaluation& e = report.seeds[0];
    EXPECT_EQ(e.generated.steps, 2 * 2 * 12) << "two variations of two 3/4 bars";
    EXPECT_EQ(e.seed.steps, 2 * 12);
    EXPECT_EQ(e.seedKey, "C major");
    ASSERT_TRUE(e.next);
    EXPECT_GT(e.nextNll, 0.0);
    EXPECT_TRUE(std::isfinite(e.nextNll));
    ASSERT_EQ(e.continuations.size(), 2u);

    // The same notes as the studio's Continue with the same request.
    ContinueRequest request = options.sampling;
    request.song = seed.seed;
    request.seedEndTick = seed.seed.endTick();
    request.bars = 2;
    request.variations = 2;
    request.track = static_cast<int>(request.song.tracks.size());
    const auto direct = continueSong(*model, request);
    ASSERT_TRUE(direct.ok);
    EXPECT_EQ(e.continuations[1].tracks.back().notes, direct.variations[1]);

    const MusicalitySummary m = report.summary();
    EXPECT_EQ(m.seeds, 1);
    EXPECT_EQ(m.withNext, 1);
    EXPECT_GT(m.onsetsRatio, 0.0);
    EXPECT_DOUBLE_EQ(m.nextNll, e.nextNll);
}

TEST(MusicalityEvaluation, HeldOutSeedsAreFoundUnderAnotherPath) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("biaxial-musicality-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "Composer");
    const Song piece = CharacterSeeds::chorale().song;  // 4 bars
    ASSERT_FALSE(MidiFileWriter::writeFile(piece, (dir / "Composer" / "one.mid").string()));
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    model->setMetadata("validation_pieces", "/elsewhere/corpus/Composer/one.mid");
    std::string error;
    const auto seeds = MusicalityEvaluation::heldOutSeeds(*model, dir.string(), 2, 1, 2, &error);
    ASSERT_EQ(seeds.size(), 1u) << error;
    EXPECT_EQ(seeds[0].name, "one");
    EXPECT_EQ(seeds[0].seed.noteCount(), 16u) << "bar 2: four chords of four voices";
    ASSERT_TRUE(seeds[0].next);
    EXPECT_EQ(seeds[0].next->noteCount(), 32u);

    model->setMetadata("validation_pieces", "Composer/missing.mid");
    EXPECT_TRUE(MusicalityEvaluation::heldOutSeeds(*model, dir.string(), 1, 1, 1, &error).empty());
    EXPECT_NE(error.find("missing.mid"), std::string::npos) << error;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace biaxial

namespace biaxial {
namespace {

// Ranked variations come best first by likelihood per step, and are the same variations.
TEST(ContinueSong, RanksVariationsByLikelihoodWhenAsked) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    ContinueRequest request;
    request.song = CharacterSeeds::nocturne().song;
    request.seedEndTick = request.song.endTick();
    request.bars = 1;
    request.variations = 4;
    request.conservativity = 0.5;
    const auto plain = continueSong(*model, request);
    request.rankVariations = true;
    const auto ranked = continueSong(*model, request);
    ASSERT_TRUE(plain.ok && ranked.ok);
    ASSERT_EQ(ranked.likelihoodPerStep.size(), 4u);
    EXPECT_TRUE(std::is_sorted(ranked.likelihoodPerStep.rbegin(), ranked.likelihoodPerStep.rend()));
    for (const auto& v : ranked.variations)
        EXPECT_NE(std::find(plain.variations.begin(), plain.variations.end(), v), plain.variations.end());
}

}  // namespace
}  // namespace biaxial
