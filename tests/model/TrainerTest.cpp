#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "ModelImpl.h"
#include "TestPieces.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {
namespace {

namespace fs = std::filesystem;

class TrainerTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("biaxial-trainer-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    TrainingOptions options(const std::string& out, int steps) const {
        TrainingOptions o;
        o.outputPath = path(out);
        o.steps = steps;
        o.batchSize = 2;
        o.segmentSteps = 32;
        o.validationFraction = 0.25;
        o.validationEvery = 2;
        o.validationSegments = 2;
        o.checkpointEvery = 2;
        o.sampleEvery = 0;
        o.logEvery = 1;
        o.device = "cpu";
        o.seed = 5;
        return o;
    }
    fs::path dir_;
};

bool sameWeights(const Model& a, const Model& b) {
    auto pa = a.impl()->net->named_parameters();
    for (const auto& p : b.impl()->net->named_parameters())
        if (!torch::equal(pa[p.key()], p.value()))
            return false;
    return true;
}

// Progress says where a sample was written (the studio lists it without watching the folder)
// and which batches measured the validation NLL (the loss plot draws only those).
TEST_F(TrainerTest, ProgressNamesSamplesAndValidations) {
    auto pieces = test::arpeggioPieces(4, 48);
    auto o = options("progress.pt", 4);
    o.sampleEvery = 2;
    o.sampleSteps = 8;
    std::vector<TrainingProgress> seen;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, o, nullptr,
                          [&](const TrainingProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(seen.size(), 4u);
    for (const auto& p : seen) {
        const bool due = p.batch % 2 == 0;
        EXPECT_EQ(p.validated, due) << p.batch;
        EXPECT_EQ(!p.samplePath.empty(), due) << p.batch;
        if (due) {
            EXPECT_TRUE(fs::exists(p.samplePath)) << p.samplePath;
            EXPECT_EQ(fs::path(p.samplePath).filename().string(),
                      "sample-" + std::to_string(p.batch) + ".mid");
        }
    }
}

// A scanned corpus becomes training pieces one way: loaded entries only, named relative to the
// corpus folder (however the folder was written), so model cards carry no machine's paths.
TEST(TrainerPieces, FromACorpusNamedRelativeToItsFolder) {
    Corpus corpus;
    CorpusEntry a;
    a.path = "../data/corpus/Bach/one.mid";
    a.loaded = true;
    a.grid = CompactGrid(StepGrid(4, 24, 78));
    CorpusEntry skipped;
    skipped.path = "../data/corpus/bad.mid";
    CorpusEntry b;
    b.path = "../data/corpus/two.mid";
    b.loaded = true;
    b.grid = CompactGrid(StepGrid(6, 24, 78));
    corpus.entries = {a, skipped, b};
    for (const std::string folder : {"../data/corpus", "../data/corpus/", "../data/./corpus"}) {
        auto copy = corpus;
        const auto pieces = Trainer::piecesFromCorpus(std::move(copy), folder);
        ASSERT_EQ(pieces.size(), 2u) << folder;
        EXPECT_EQ(pieces[0].name, "Bach/one.mid") << folder;
        EXPECT_EQ(pieces[1].name, "two.mid") << folder;
        EXPECT_EQ(pieces[1].grid.steps(), 6);
    }
}

// "Train for an hour": the run ends at its time limit as done, with both files written as of its
// last batch, and resume goes on from there toward the batch target.
TEST_F(TrainerTest, TimeLimitEndsTheRunWithACheckpoint) {
    auto pieces = test::arpeggioPieces(4, 48);
    auto o = options("timed.pt", 100000);
    o.checkpointEvery = 1000;  // no regular checkpoint or validation before the limit
    o.validationEvery = 1000;
    o.timeLimitSeconds = 0.5;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, o);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.stoppedAtTimeLimit);
    EXPECT_GT(r.batches, 0);
    EXPECT_LT(r.batches, 100000);
    auto saved = Model::load(path("timed.pt"));
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->trainingSteps(), r.batches);
    EXPECT_GT(r.validLoss, 0.0) << "the last batch is validated even between validation batches";
    o.resume = true;
    o.timeLimitSeconds = 0;
    o.steps = r.batches + 2;
    auto resumed = Trainer::run(ModelConfig::tiny(), pieces, o);
    ASSERT_TRUE(resumed.ok) << resumed.error;
    EXPECT_FALSE(resumed.stoppedAtTimeLimit);
    EXPECT_EQ(resumed.batches, r.batches + 2);
}

// For both optimisers: Adam's moments and its step count must come back from the checkpoint too
// (the benchmark runs resume with Adam).
TEST_F(TrainerTest, ResumeEqualsUninterruptedTraining) {
    auto pieces = test::arpeggioPieces(4, 48);
    for (auto kind : {OptimizerKind::Adadelta, OptimizerKind::Adam}) {
        const std::string tag = kind == OptimizerKind::Adam ? "adam" : "adadelta";
        SCOPED_TRACE(tag);
        auto opts = [&](const std::string& name, int steps) {
            auto o = options(tag + "-" + name, steps);
            o.optimizer = kind;
            return o;
        };
        auto full = Trainer::run(ModelConfig::tiny(), pieces, opts("full.pt", 4));
        ASSERT_TRUE(full.ok) << full.error;
        auto half = Trainer::run(ModelConfig::tiny(), pieces, opts("half.pt", 2));
        ASSERT_TRUE(half.ok) << half.error;
        auto o = opts("half.pt", 4);
        o.resume = true;
        auto resumed = Trainer::run(ModelConfig::tiny(), pieces, o);
        ASSERT_TRUE(resumed.ok) << resumed.error;
        EXPECT_EQ(resumed.validationPieces, full.validationPieces);
        auto a = Model::load(path(tag + "-full.pt")), b = Model::load(path(tag + "-half.pt"));
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->trainingSteps(), 4);
        EXPECT_EQ(b->trainingSteps(), 4);
        EXPECT_TRUE(sameWeights(*a, *b));
        EXPECT_EQ(a->metadata().at("validation_pieces"), b->metadata().at("validation_pieces"));
        EXPECT_EQ(a->metadata().at("optimizer"), tag);
    }
}

// Weight averaging: the model file holds the exponential moving average of the weights
// batch by batch (checked against the average computed here from the raw weights of runs
// stopped after 0..6 batches), training itself is unchanged (the .ckpt's raw weights are
// the plain run's), and a resumed run carries the average on exactly.
TEST_F(TrainerTest, WeightAveragingWritesTheAverageAndResumesExactly) {
    auto pieces = test::arpeggioPieces(4, 48);
    constexpr int kSteps = 6;
    std::vector<Model> raw;
    for (int n = 0; n <= kSteps; ++n) {
        auto o = options("raw" + std::to_string(n) + ".pt", n);
        o.validationEvery = 0;
        ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
        auto m = Model::load(path("raw" + std::to_string(n) + ".pt"));
        ASSERT_TRUE(m);
        raw.push_back(std::move(*m));
    }
    auto o = options("avg.pt", kSteps);
    o.validationEvery = 0;
    o.weightAverage = 0.5;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto avg = Model::load(path("avg.pt")), ckpt = Model::load(path("avg.pt.ckpt"));
    ASSERT_TRUE(avg && ckpt);
    EXPECT_TRUE(sameWeights(*ckpt, raw[kSteps]));  // training goes on from the raw weights
    EXPECT_FALSE(sameWeights(*avg, raw[kSteps]));
    EXPECT_NE(avg->metadata().at("weight_average").find("decay 0.5"), std::string::npos);
    auto expected = raw[0].impl()->net->named_parameters();
    std::map<std::string, torch::Tensor> a;
    for (const auto& p : expected)
        a[p.key()] = p.value().detach().clone();
    for (int b = 0; b < kSteps; ++b) {
        const double d = std::min(0.5, (1.0 + b) / (10.0 + b));
        for (const auto& p : raw[static_cast<std::size_t>(b + 1)].impl()->net->named_parameters())
            a[p.key()] = a[p.key()] * d + p.value().detach() * (1.0 - d);
    }
    for (const auto& p : avg->impl()->net->named_parameters())
        EXPECT_TRUE(torch::allclose(p.value(), a[p.key()], 1e-5, 1e-6)) << p.key();

    auto h = options("half.pt", 3);
    h.validationEvery = 0;
    h.weightAverage = 0.5;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, h).ok);
    h.steps = kSteps;
    h.resume = true;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, h).ok);
    auto resumed = Model::load(path("half.pt"));
    ASSERT_TRUE(resumed);
    EXPECT_TRUE(sameWeights(*resumed, *avg));

    auto bad = options("bad.pt", 2);
    bad.weightAverage = 1.0;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, bad);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("weight-average"), std::string::npos) << r.error;
}

// Transposition augmentation changes what the network sees (other weights than without it),
// stays reproducible, and resumes exactly: the shifts come from the checkpointed random state.
TEST_F(TrainerTest, TranspositionAugmentationIsReproducibleAndResumesExactly) {
    auto pieces = test::arpeggioPieces(4, 48);
    auto plain = Trainer::run(ModelConfig::tiny(), pieces, options("plain.pt", 4));
    ASSERT_TRUE(plain.ok) << plain.error;
    auto o = options("full.pt", 4);
    o.transpose = 6;
    auto full = Trainer::run(ModelConfig::tiny(), pieces, o);
    ASSERT_TRUE(full.ok) << full.error;
    auto h = options("half.pt", 2);
    h.transpose = 6;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, h).ok);
    h.steps = 4;
    h.resume = true;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, h).ok);
    auto a = Model::load(path("full.pt")), b = Model::load(path("half.pt")),
         c = Model::load(path("plain.pt"));
    ASSERT_TRUE(a && b && c);
    EXPECT_TRUE(sameWeights(*a, *b));
    EXPECT_FALSE(sameWeights(*a, *c));
    EXPECT_EQ(a->metadata().at("transpose_augmentation"), "+-6 semitones");
    auto bad = options("bad.pt", 2);
    bad.transpose = -1;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, bad);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("transposition"), std::string::npos) << r.error;
}

// The corpus given by another path (relative instead of absolute) resumes with the same
// held-out pieces; a corpus without them is refused instead of training on all it has.
TEST_F(TrainerTest, ResumeFindsTheHeldOutPiecesUnderAnotherPathOrRefuses) {
    auto pieces = test::arpeggioPieces(4, 48);
    for (auto& p : pieces)
        p.name = "/abs/corpus/" + p.name + ".mid";
    auto full = Trainer::run(ModelConfig::tiny(), pieces, options("full.pt", 4));
    ASSERT_TRUE(full.ok) << full.error;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, options("half.pt", 2)).ok);
    for (auto& p : pieces)
        p.name = "../corpus/" + p.name.substr(std::string("/abs/corpus/").size());
    auto o = options("half.pt", 4);
    o.resume = true;
    auto resumed = Trainer::run(ModelConfig::tiny(), pieces, o);
    ASSERT_TRUE(resumed.ok) << resumed.error;
    ASSERT_EQ(resumed.validationPieces.size(), full.validationPieces.size());
    EXPECT_EQ(resumed.validationPieces[0], "../corpus/" + full.validationPieces[0].substr(12));
    auto a = Model::load(path("full.pt")), b = Model::load(path("half.pt"));
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(sameWeights(*a, *b)) << "the same split, the same training";

    // Without the held-out piece the run would train on everything else: refused.
    std::vector<TrainingPiece> others;
    for (auto& p : pieces)
        if (p.name != resumed.validationPieces[0])
            others.push_back(p);
    o.steps = 6;
    auto refused = Trainer::run(ModelConfig::tiny(), others, o);
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.error.find("held-out"), std::string::npos) << refused.error;
}

TEST_F(TrainerTest, ValidationLossIsReportedAndTrainingLowersTheLoss) {
    auto pieces = test::arpeggioPieces(4, 48);
    auto o = options("m.pt", 30);
    o.optimizer = OptimizerKind::Adam;
    o.learningRate = 0.02;
    o.validationEvery = 30;
    std::vector<double> losses;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, o, nullptr,
                          [&](const TrainingProgress& p) { losses.push_back(p.trainLoss); });
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(losses.size(), 30u);
    EXPECT_LT(losses.back(), losses.front());
    EXPECT_GT(r.validLoss, 0.0);
    EXPECT_EQ(r.validationPieces.size(), 1u);
    EXPECT_EQ(r.trainingPieces.size(), 3u);
}

TEST_F(TrainerTest, CancelStopsWithinABatchAndLeavesNoPartialFile) {
    auto pieces = test::arpeggioPieces(3, 40);
    auto o = options("c.pt", 50);
    o.checkpointEvery = 1000;
    std::atomic<bool> cancel{false};
    std::int64_t lastBatch = 0;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, o, &cancel, [&](const TrainingProgress& p) {
        lastBatch = p.batch;
        if (p.batch == 3)
            cancel = true;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(lastBatch, 3);
    EXPECT_EQ(r.batches, 3);
    EXPECT_TRUE(fs::is_empty(dir_)) << "no model, checkpoint or temporary file";
}

TEST_F(TrainerTest, TooShortCorpusIsAClearErrorAndExactLengthIsUsable) {
    std::vector<TrainingPiece> pieces{{"short", test::arpeggio(31)}};
    auto r = Trainer::run(ModelConfig::tiny(), pieces, options("s.pt", 1));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("long enough"), std::string::npos) << r.error;
    EXPECT_EQ(Trainer::usablePieces(pieces, 32), 0);

    pieces = {{"exact", test::arpeggio(32)}};  // the original's sampler crashed on this
    auto o = options("e.pt", 2);
    o.validationFraction = 0;
    r = Trainer::run(ModelConfig::tiny(), pieces, o);
    EXPECT_TRUE(r.ok) << r.error;
}

// With a lead-in the network is trained to predict a piece's first frame from silence, as the
// benchmarks score it; without one it never sees that case. Pieces of exactly one segment:
// every segment then starts at the piece's start. A resumed run must keep the choice.
TEST_F(TrainerTest, LeadInTeachesTheOpeningFromSilence) {
    // Every piece opens with a high C that never sounds again (bar position 0 recurs at step 16
    // without it): only a network that has seen openings expects it after silence.
    std::vector<TrainingPiece> pieces;
    for (int i = 0; i < 4; ++i) {
        StepGrid g = test::arpeggio(32, 24, 78, 0);
        g.set(0, 72 - 24, true, true);
        pieces.push_back({"p" + std::to_string(i), g});
    }
    auto opening = [&](const std::string& file) {
        auto m = Model::load(path(file));
        EXPECT_TRUE(m);
        std::vector<StepGrid> firstFrames{pieces[0].grid.slice(0, 1)};
        return Evaluator::evaluate(*m, firstFrames).nllPerFrame;
    };
    auto o = options("plain.pt", 150);
    o.validationFraction = 0;
    o.optimizer = OptimizerKind::Adam;
    o.learningRate = 0.01;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    o.outputPath = path("led.pt");
    o.leadIn = true;
    o.segmentSteps = 33;  // the piece and its silent frame
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    const double plain = opening("plain.pt"), led = opening("led.pt");
    EXPECT_LT(led, plain - 5.0) << "plain " << plain << ", with lead-in " << led;
    auto m = Model::load(path("led.pt"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->metadata().count("lead_in"), 1u);

    o.steps = 152;
    o.resume = true;
    o.leadIn = false;
    auto r = Trainer::run(ModelConfig::tiny(), pieces, o);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("--lead-in"), std::string::npos) << r.error;
}

// Whole-piece validation reports what `biaxial eval` says of the model file on the held-out
// pieces, with and without a lead-in (the evaluator's own silent frame replaces it).
TEST_F(TrainerTest, WholePieceValidationIsTheEvaluatorsFigure) {
    auto pieces = test::arpeggioPieces(4, 48);
    for (bool leadIn : {false, true}) {
        SCOPED_TRACE(leadIn ? "lead-in" : "plain");
        auto o = options(leadIn ? "led.pt" : "plain.pt", 4);
        o.validateWholePieces = true;
        o.leadIn = leadIn;
        auto r = Trainer::run(ModelConfig::tiny(), pieces, o);
        ASSERT_TRUE(r.ok) << r.error;
        ASSERT_EQ(r.validationPieces.size(), 1u);
        std::vector<StepGrid> held;
        for (const auto& p : pieces)
            if (p.name == r.validationPieces[0])
                held.push_back(p.grid.expand());
        ASSERT_EQ(held.size(), 1u);
        auto m = Model::load(o.outputPath);
        ASSERT_TRUE(m);
        const auto e = Evaluator::evaluate(*m, held);
        ASSERT_TRUE(e.ok) << e.error;
        EXPECT_EQ(e.frames, 48);
        EXPECT_NEAR(r.validLoss, e.nllPerNoteStep, 1e-9);
    }
}

// Fine-tuning starts from the file's weights (not a new network) and the card says from which,
// back to the first file of a chain.
TEST_F(TrainerTest, FineTuningStartsFromTheFileAndTheCardNamesIt) {
    auto pieces = test::arpeggioPieces(4, 48);
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, options("base.pt", 4)).ok);
    auto o = options("tuned.pt", 0);  // no batches: the weights must be the file's
    o.initFrom = path("base.pt");
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto base = Model::load(path("base.pt")), tuned = Model::load(path("tuned.pt"));
    ASSERT_TRUE(base && tuned);
    EXPECT_TRUE(sameWeights(*base, *tuned));
    EXPECT_EQ(tuned->metadata().at("init_from"), "base.pt (4 batches)");
    o = options("again.pt", 2);
    o.initFrom = path("tuned.pt");
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto again = Model::load(path("again.pt"));
    ASSERT_TRUE(again);
    EXPECT_FALSE(sameWeights(*again, *tuned));
    EXPECT_EQ(again->metadata().at("init_from"), "tuned.pt (0 batches, itself from base.pt (4 batches))");

    // A fine-tune without --lead-in or --weight-average does not inherit those card entries.
    o = options("led.pt", 2);
    o.leadIn = true;
    o.weightAverage = 0.5;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    o = options("plain.pt", 2);
    o.initFrom = path("led.pt");
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto led = Model::load(path("led.pt")), plain = Model::load(path("plain.pt"));
    ASSERT_TRUE(led && plain);
    EXPECT_EQ(led->metadata().count("lead_in"), 1u);
    EXPECT_EQ(led->metadata().count("weight_average"), 1u);
    EXPECT_EQ(plain->metadata().count("lead_in"), 0u);
    EXPECT_EQ(plain->metadata().count("weight_average"), 0u);
}

TEST_F(TrainerTest, NewModelsStartFromTheDataLogOddsUnlessTurnedOff) {
    auto pieces = test::arpeggioPieces(2, 40);
    auto o = options("b.pt", 1);
    o.validationFraction = 0;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto m = Model::load(path("b.pt"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->metadata().at("init_output_bias"), "from data");
    EXPECT_NEAR(m->impl()->net->output()->bias[0].item<double>(), std::log(2.0 / 76.0),
                0.1);  // 2 of 78 notes play
    o.outputPath = path("z.pt");
    o.initOutputBiasFromData = false;
    ASSERT_TRUE(Trainer::run(ModelConfig::tiny(), pieces, o).ok);
    auto z = Model::load(path("z.pt"));
    EXPECT_EQ(z->metadata().count("init_output_bias"), 0u);
    EXPECT_LT(std::abs(z->impl()->net->output()->bias[0].item<double>()), 0.1);
}

TEST_F(TrainerTest, WrongPitchRangeAndBadResumeAreErrors) {
    std::vector<TrainingPiece> pieces{{"p", test::arpeggio(64, 21, 88)}};
    auto r = Trainer::run(ModelConfig::tiny(), pieces, options("w.pt", 1));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("pitches 21..108"), std::string::npos) << r.error;

    auto m = Model::create(ModelConfig::tiny(), 1);
    ASSERT_TRUE(m->save(path("weights.pt")));
    auto o = options("weights.pt", 2);
    o.resume = true;
    r = Trainer::run(ModelConfig::tiny(), test::arpeggioPieces(2, 40), o);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("cannot resume"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace biaxial

namespace biaxial {
namespace {

// The card's list of held-out pieces is written and read one way.
TEST(TrainerPieces, HeldOutEntryRoundTrips) {
    const std::vector<std::string> names{"Bach/one.mid", "two.mid", "valid/3"};
    EXPECT_EQ(Trainer::heldOutEntry(names), "Bach/one.mid; two.mid; valid/3");
    EXPECT_EQ(Trainer::heldOutPieces({{"validation_pieces", Trainer::heldOutEntry(names)}}), names);
    EXPECT_TRUE(Trainer::heldOutPieces({{"corpus", "x"}}).empty());
}

}  // namespace
}  // namespace biaxial
