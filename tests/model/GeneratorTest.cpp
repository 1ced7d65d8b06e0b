#include <gtest/gtest.h>

#include "ModelImpl.h"
#include "TestPieces.h"
#include "biaxial/model/Generator.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

Model tinyModel() {
    return *Model::create(ModelConfig::tiny(), 11);
}

TEST(Generator, SameSeedSameMusicAndVariationsDoNotDependOnTheirCount) {
    auto m = tinyModel();
    auto seed = test::arpeggio(16);
    GenerationOptions o;
    o.steps = 24;
    o.seed = 42;
    auto a = Generator::generate(m, seed, o);
    auto b = Generator::generate(m, seed, o);
    ASSERT_TRUE(a.ok) << a.error;
    ASSERT_EQ(a.variations.size(), 1u);
    EXPECT_EQ(a.variations[0], b.variations[0]);
    EXPECT_EQ(a.variations[0].steps(), 24);
    EXPECT_GT(a.variations[0].playCount(), 0);

    o.variations = 3;
    auto c = Generator::generate(m, seed, o);
    ASSERT_TRUE(c.ok) << c.error;
    ASSERT_EQ(c.variations.size(), 3u);
    EXPECT_EQ(c.variations[0], a.variations[0]);
    EXPECT_NE(c.variations[1], c.variations[0]);

    o.variations = 1;
    o.seed = 43;
    EXPECT_NE(Generator::generate(m, seed, o).variations[0], a.variations[0]);
}

TEST(Generator, FastNoteLoopMatchesTheBaseline) {
    auto m = tinyModel();
    {
        // Non-zero learned initial states, as after training.
        torch::NoGradGuard g;
        auto gen = torch::make_generator<at::CPUGeneratorImpl>(8);
        for (auto& p : m.impl()->net->named_parameters())
            if (p.key().find("_h0") != std::string::npos || p.key().find("_c0") != std::string::npos)
                p.value().uniform_(-0.5, 0.5, gen);
    }
    auto seed = test::arpeggio(8);
    GenerationOptions o;
    o.steps = 16;
    o.variations = 2;
    auto fast = Generator::generate(m, seed, o);
    o.baselineNoteLoop = true;
    auto base = Generator::generate(m, seed, o);
    ASSERT_TRUE(fast.ok && base.ok);
    EXPECT_EQ(fast.variations[0], base.variations[0]);
    EXPECT_EQ(fast.variations[1], base.variations[1]);
}

TEST(Generator, RespectsPitchRangeAndKeyConstraints) {
    auto m = tinyModel();
    GenerationOptions o;
    o.steps = 8;
    o.conservativity = 0.0;  // P^0 = 1: every allowed note plays, so the mask is all we see
    o.minPitch = 48;
    o.maxPitch = 72;
    o.pitchClasses = {true,  false, true,  false, true,  true,
                      false, true,  false, true,  false, true};  // C major
    auto r = Generator::generate(m, StepGrid(0, 24, 78), o);
    ASSERT_TRUE(r.ok) << r.error;
    const auto& g = r.variations[0];
    for (int t = 0; t < g.steps(); ++t)
        for (int n = 0; n < g.numNotes(); ++n) {
            const int pitch = 24 + n;
            const bool allowed =
                pitch >= 48 && pitch <= 72 && o.pitchClasses[static_cast<std::size_t>(pitch % 12)];
            EXPECT_EQ(g.play(t, n), allowed) << "step " << t << " pitch " << pitch;
        }
}

// A soft key: with P^0 = 1 every in-scale note plays and an out-of-scale note plays with
// probability outOfScaleWeight, on both note loops alike.
TEST(Generator, ASoftKeyMakesOutOfScaleNotesRarerByItsWeight) {
    auto m = tinyModel();
    GenerationOptions o;
    o.steps = 64;
    o.variations = 4;
    o.conservativity = 0.0;
    o.pitchClasses = {true,  false, true,  false, true,  true,
                      false, true,  false, true,  false, true};  // C major
    o.outOfScaleWeight = 0.25;
    for (bool baseline : {false, true}) {
        o.baselineNoteLoop = baseline;
        auto r = Generator::generate(m, StepGrid(0, 24, 78), o);
        ASSERT_TRUE(r.ok) << r.error;
        long inScale = 0, inPlayed = 0, outScale = 0, outPlayed = 0;
        for (const auto& g : r.variations)
            for (int t = 0; t < g.steps(); ++t)
                for (int n = 0; n < g.numNotes(); ++n) {
                    const bool in = o.pitchClasses[static_cast<std::size_t>((24 + n) % 12)];
                    (in ? inScale : outScale) += 1;
                    (in ? inPlayed : outPlayed) += g.play(t, n);
                }
        EXPECT_EQ(inPlayed, inScale);
        // 64 x 4 x 33 = 8448 draws at p = 0.25: the standard deviation of the share is 0.005.
        EXPECT_NEAR(static_cast<double>(outPlayed) / static_cast<double>(outScale), 0.25, 0.03)
            << "baseline " << baseline;
    }
    o.outOfScaleWeight = 1.0;  // the scale no longer matters
    auto free = Generator::generate(m, StepGrid(0, 24, 78), o);
    for (int n = 0; n < 78; ++n)
        EXPECT_TRUE(free.variations[0].play(0, n));
}

TEST(Generator, BarPositionsContinueTheSeedAndEmptySeedStartsOnABar) {
    auto m = tinyModel();
    auto seed = test::arpeggio(10);  // positions 0..9
    GenerationOptions o;
    o.steps = 10;
    auto r = Generator::generate(m, seed, o);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.variations[0].barPosition(0), 10);
    EXPECT_EQ(r.variations[0].barPosition(6), 0);
    auto e = Generator::generate(m, StepGrid(0, 24, 78), o);
    ASSERT_TRUE(e.ok) << e.error;
    EXPECT_EQ(e.variations[0].barPosition(0), 0);
}

TEST(Generator, AdaptiveModeAvoidsSilence) {
    auto m = tinyModel();
    GenerationOptions o;
    o.steps = 64;
    o.conservativity = 8.0;  // almost silent without adaptation
    o.adaptiveConservativity = true;
    auto r = Generator::generate(m, StepGrid(0, 24, 78), o);
    ASSERT_TRUE(r.ok);
    int lateNotes = 0;
    for (int t = 32; t < 64; ++t)
        for (int n = 0; n < 78; ++n)
            lateNotes += r.variations[0].play(t, n);
    EXPECT_GT(lateNotes, 32);
}

TEST(Generator, CancelReturnsNoMusicAndBadOptionsAreErrors) {
    auto m = tinyModel();
    std::atomic<bool> cancel{false};
    GenerationOptions o;
    o.steps = 50;
    int calls = 0;
    auto r = Generator::generate(m, StepGrid(0, 24, 78), o, &cancel, [&](const GenerationProgress& p) {
        ++calls;
        if (p.step == 5)
            cancel = true;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.variations.empty());
    EXPECT_EQ(calls, 5);

    o.temperature = 0;
    EXPECT_FALSE(Generator::generate(m, StepGrid(0, 24, 78), o).ok);
    EXPECT_FALSE(Generator::generate(Model(), StepGrid(0, 24, 78), GenerationOptions{}).ok);
}

TEST(Generator, SeedInAnotherRangeIsMappedByPitch) {
    auto m = tinyModel();
    GenerationOptions o;
    o.steps = 4;
    auto r = Generator::generate(m, test::arpeggio(16, 21, 88), o);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.variations[0].lowPitch(), 24);
}

}  // namespace
}  // namespace biaxial

namespace biaxial {
namespace {

// The hold limit: with it no note sounds unstruck for longer than the limit (counting the seed's
// held notes too); without it (0) the music is exactly the original sampler's.
TEST(GeneratorTexture, HoldLimitReleasesLongNotes) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    StepGrid seed(16, model->config().lowPitch, model->config().numNotes);
    for (int t = 0; t < 16; ++t)
        seed.set(t, 36, true, t == 0);  // a note held through the seed
    GenerationOptions o;
    o.steps = 64;
    o.variations = 3;
    o.conservativity = 0.3;  // many notes, many long ones
    o.seed = 4;
    const auto free = Generator::generate(*model, seed, o);
    ASSERT_TRUE(free.ok);
    o.maxHoldSteps = 0;
    const auto same = Generator::generate(*model, seed, o);
    EXPECT_EQ(same.variations[0].cells(), free.variations[0].cells()) << "0 = no limit, unchanged";
    for (bool baseline : {false, true}) {
        o.maxHoldSteps = 3;
        o.baselineNoteLoop = baseline;
        const auto held = Generator::generate(*model, seed, o);
        ASSERT_TRUE(held.ok);
        for (const auto& g : held.variations) {
            for (int n = 0; n < g.numNotes(); ++n) {
                int run = n == 36 ? 16 : 0;
                for (int t = 0; t < g.steps(); ++t) {
                    run = !g.play(t, n) ? 0 : g.articulate(t, n) ? 1 : run + 1;
                    EXPECT_LE(run, 3) << "note " << n << " step " << t << (baseline ? " baseline" : "");
                }
            }
        }
    }
}

// Following the seed's density: the notes sounding per step end near the target, whether the
// network alone plays far more (low conservativity) or far fewer.
TEST(GeneratorTexture, DensityTargetSteersTheNotesSounding) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    for (double start : {0.2, 3.0}) {
        GenerationOptions o;
        o.steps = 256;
        o.variations = 2;
        o.adaptiveConservativity = true;
        o.conservativity = start;
        o.densityTarget = 3.0;
        o.densityGain = 0.1;
        const auto r = Generator::generate(*model, StepGrid(0, 24, 78), o);
        ASSERT_TRUE(r.ok);
        double sounding = 0;
        for (const auto& g : r.variations)
            for (int t = 128; t < g.steps(); ++t)
                for (int n = 0; n < g.numNotes(); ++n)
                    sounding += g.play(t, n);
        sounding /= 2.0 * 128.0;
        EXPECT_NEAR(sounding, 3.0, 1.0) << "starting at c = " << start;
    }
}

// Following the seed's rhythm: with onsets asked for on the beats (every 4th step) and none
// between, the network's onsets move onto the beats; without the target they fall anywhere.
// The probability floor: notes the model gives less than the floor never sound; the more it
// cuts, the fewer notes (the default model after a C major arpeggio: a trained network's
// odds spread from near 0 to near 1).
TEST(GeneratorTexture, NotesUnderTheFloorDoNotSound) {
    std::string why;
    auto model = Model::load(std::string(BIAXIAL_RESOURCES_DIR) + "/default-model.pt", &why);
    ASSERT_TRUE(model) << why;
    const StepGrid seed = test::arpeggio(32, 24, 78);
    auto notes = [&](double floor) {
        GenerationOptions o;
        o.steps = 64;
        o.variations = 2;
        o.playFloor = floor;
        const auto r = Generator::generate(*model, seed, o);
        EXPECT_TRUE(r.ok);
        return r.variations.at(0).playCount() + r.variations.at(1).playCount();
    };
    const auto none = notes(0.0), low = notes(0.05), high = notes(0.3);
    EXPECT_GT(none, low);
    EXPECT_GT(low, high);
    EXPECT_EQ(notes(0.9999), 0);
}

TEST(GeneratorTexture, OnsetTargetMovesTheOnsetsOntoTheSeedsBeats) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    // Onsets per step, and the share of them on the beats, from step 64 on.
    auto measure = [&](double beatTarget, double* perStep) {
        GenerationOptions o;
        o.steps = 256;
        o.variations = 2;
        o.stepsPerBar = 16;
        if (beatTarget > 0) {
            o.onsetTarget.assign(16, 0.0);
            for (int p = 0; p < 16; p += 4)
                o.onsetTarget[static_cast<std::size_t>(p)] = beatTarget;
            o.rhythmGain = 0.5;
        }
        const auto r = Generator::generate(*model, StepGrid(0, 24, 78), o);
        EXPECT_TRUE(r.ok);
        double onBeat = 0, all = 0;
        for (const auto& g : r.variations)
            for (int t = 64; t < g.steps(); ++t)
                for (int n = 0; n < g.numNotes(); ++n)
                    if (g.play(t, n) && (g.articulate(t, n) || !g.play(t - 1, n))) {
                        all += 1;
                        onBeat += g.barPosition(t) % 4 == 0;
                    }
        *perStep = all / (2.0 * 192.0);
        return all > 0 ? onBeat / all : 0.0;
    };
    double rate = 0, followingRate = 0;
    const double free = measure(0.0, &rate);
    EXPECT_NEAR(free, 0.25, 0.1);  // an untrained network has no beat
    // The seed: on every beat twice the network's own onsets, nothing between.
    const double following = measure(2.0 * rate, &followingRate);
    EXPECT_GT(following, free + 0.3) << free << " -> " << following << " (" << rate << " onsets per step)";
}

// Each variation's log-likelihood is what the model gives its chosen bits: the same on both
// note loops, negative, and independent of how many variations run beside it.
TEST(GeneratorTexture, LikelihoodOfTheChosenNotes) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    GenerationOptions o;
    o.steps = 16;
    o.variations = 3;
    o.seed = 9;
    const auto fast = Generator::generate(*model, StepGrid(0, 24, 78), o);
    o.baselineNoteLoop = true;
    const auto slow = Generator::generate(*model, StepGrid(0, 24, 78), o);
    ASSERT_TRUE(fast.ok && slow.ok);
    ASSERT_EQ(fast.logLikelihood.size(), 3u);
    for (int k = 0; k < 3; ++k) {
        EXPECT_LT(fast.logLikelihood[k], 0.0);
        EXPECT_NEAR(fast.logLikelihood[k], slow.logLikelihood[k], 1e-3 * std::abs(slow.logLikelihood[k]));
    }
    o.baselineNoteLoop = false;
    o.variations = 1;
    const auto one = Generator::generate(*model, StepGrid(0, 24, 78), o);
    EXPECT_NEAR(one.logLikelihood[0], fast.logLikelihood[0], 1e-6 * std::abs(fast.logLikelihood[0]));
}

}  // namespace
}  // namespace biaxial
