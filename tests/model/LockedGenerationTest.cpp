// Locked notes: kept exactly, the rest conditioned on them (sequential Monte Carlo), and the
// three jobs built on them (Continue with locks, Regenerate with look-ahead, Accompany).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "TestPieces.h"
#include "biaxial/engine/CharacterSeeds.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Generator.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

constexpr int kN = 78;

// Note 30 struck at step 2 and held to step 5, note 40 kept silent throughout, note 12 struck
// on every beat: what a musician might lock in two bars.
void lockPattern(GenerationOptions& o) {
    o.locked = StepGrid(o.steps, 24, kN);
    o.lockMask.assign(static_cast<std::size_t>(o.steps) * kN, 0);
    auto lock = [&](int s, int n, bool play, bool art) {
        o.lockMask[static_cast<std::size_t>(s) * kN + n] = 1;
        o.locked.set(s, n, play, art);
    };
    for (int s = 2; s <= 5; ++s)
        lock(s, 30, true, s == 2);
    for (int s = 0; s < o.steps; ++s)
        lock(s, 40, false, false);
    for (int s = 0; s < o.steps; s += 4)
        lock(s, 12, true, true);
}

TEST(LockedGeneration, LockedCellsAreKeptExactly) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    for (int particles : {1, 8}) {
        GenerationOptions o;
        o.steps = 32;
        o.variations = 3;
        o.conservativity = 0.3;  // plenty of notes, so that silence at note 40 is not by chance
        o.particles = particles;
        lockPattern(o);
        const auto r = Generator::generate(*model, test::arpeggio(16), o);
        ASSERT_TRUE(r.ok) << r.error;
        ASSERT_EQ(r.variations.size(), 3u);
        ASSERT_EQ(r.lockedLogLikelihood.size(), 3u);
        for (const auto& g : r.variations) {
            ASSERT_EQ(g.steps(), 32);
            for (int s = 0; s < 32; ++s)
                for (int n = 0; n < kN; ++n)
                    if (o.lockMask[static_cast<std::size_t>(s) * kN + n]) {
                        EXPECT_EQ(g.play(s, n), o.locked.play(s, n)) << "step " << s << " note " << n;
                        EXPECT_EQ(g.articulate(s, n), o.locked.articulate(s, n))
                            << "step " << s << " note " << n;
                    }
            EXPECT_GT(g.playCount(), 4 * 8);  // the free notes still play
        }
        for (double ll : r.lockedLogLikelihood)
            EXPECT_LT(ll, 0.0);
    }
}

TEST(LockedGeneration, ParticlesWithoutLocksChangeNothing) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    GenerationOptions o;
    o.steps = 24;
    o.variations = 2;
    const auto one = Generator::generate(*model, test::arpeggio(16), o);
    o.particles = 16;
    const auto many = Generator::generate(*model, test::arpeggio(16), o);
    ASSERT_TRUE(one.ok && many.ok);
    EXPECT_EQ(one.variations, many.variations);
    EXPECT_EQ(many.resamplings, 0);
}

TEST(LockedGeneration, ForcingIsTheSameOnTheBaselineLoop) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    GenerationOptions o;
    o.steps = 16;
    o.variations = 2;
    lockPattern(o);
    const auto fast = Generator::generate(*model, test::arpeggio(8), o);
    o.baselineNoteLoop = true;
    const auto base = Generator::generate(*model, test::arpeggio(8), o);
    ASSERT_TRUE(fast.ok && base.ok);
    EXPECT_EQ(fast.variations, base.variations);
    for (int k = 0; k < 2; ++k)
        EXPECT_NEAR(fast.lockedLogLikelihood[k], base.lockedLogLikelihood[k],
                    1e-3 * std::abs(base.lockedLogLikelihood[k]));
}

TEST(LockedGeneration, SequentialMonteCarloFitsTheRestToTheLocks) {
    // The point of the particles: the sampled rest makes the locked cells likelier than plain
    // forcing does (the note axis samples upward, so forcing cannot look at a lock above).
    // A trained network (the shipped default): a random one barely lets one note hear another.
    std::string why;
    auto model = Model::load(std::string(BIAXIAL_RESOURCES_DIR) + "/default-model.pt", &why);
    ASSERT_TRUE(model) << why;
    GenerationOptions o;
    o.steps = 32;
    o.variations = 12;
    o.conservativity = 0.5;
    lockPattern(o);
    const auto forced = Generator::generate(*model, test::arpeggio(16), o);
    o.particles = 16;
    const auto smc = Generator::generate(*model, test::arpeggio(16), o);
    ASSERT_TRUE(forced.ok && smc.ok);
    EXPECT_GT(smc.resamplings, 0);
    const double f =
        std::accumulate(forced.lockedLogLikelihood.begin(), forced.lockedLogLikelihood.end(), 0.0);
    const double m = std::accumulate(smc.lockedLogLikelihood.begin(), smc.lockedLogLikelihood.end(), 0.0);
    EXPECT_GT(m, f) << "mean log-likelihood of the locks: forcing " << f / 12 << ", SMC " << m / 12;
}

TEST(LockedGeneration, BadLocksAreAnError) {
    auto model = Model::create(ModelConfig::tiny(), 11);
    ASSERT_TRUE(model);
    GenerationOptions o;
    o.steps = 8;
    o.lockMask.assign(5, 1);  // not steps x notes
    const auto r = Generator::generate(*model, test::arpeggio(8), o);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("locked"), std::string::npos);
}

Song melodySong() {
    Song song;
    song.normalise();
    Track t;
    const int line[8] = {72, 74, 76, 77, 79, 77, 76, 74};
    for (int i = 0; i < 8; ++i)
        t.notes.push_back(Note{line[i], i * 480, 480, 90, 0});
    song.tracks.push_back(t);
    song.normalise();
    return song;
}

TEST(ContinueSongLocks, AccompanyKeepsTheMelodyAndStaysUnderIt) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    ContinueRequest request;
    request.mode = ContinueRequest::Mode::Accompany;
    request.song = melodySong();
    request.variations = 2;
    request.particles = 4;
    request.conservativity = 0.5;
    const auto r = continueSong(*model, request);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.startTick, 0);
    EXPECT_EQ(r.endTick, 8 * 480);
    EXPECT_GT(r.lockedCells, 0);
    for (std::size_t k = 0; k < r.variations.size(); ++k) {
        // The melody is not repeated among the new notes, and it is in the grid the model played.
        for (const Note& n : r.variations[k]) {
            const Note& top = request.song.tracks[0]
                                  .notes[static_cast<std::size_t>(std::min<std::int64_t>(n.start / 480, 7))];
            EXPECT_LT(n.pitch, top.pitch) << "a new note at tick " << n.start << " above the melody";
        }
        for (const Note& m : request.song.tracks[0].notes)
            EXPECT_TRUE(r.newGrids[k].play(static_cast<int>(m.start / 120), m.pitch - 24));
    }
    request.song = Song{};
    request.song.normalise();
    const auto empty = continueSong(*model, request);
    EXPECT_FALSE(empty.ok);
    EXPECT_NE(empty.error.find("no notes"), std::string::npos);
}

TEST(ContinueSongLocks, LockedNotesOutsideTheRangeAreRefused) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    ContinueRequest request;
    request.mode = ContinueRequest::Mode::Regenerate;
    request.song = melodySong();
    request.song.tracks[0].notes.push_back(Note{110, 960, 480, 90, 0, true});  // above MIDI 101
    request.seedEndTick = 480;
    request.replaceEndTick = 1920;
    const auto r = continueSong(*model, request);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("outside the model's range"), std::string::npos) << r.error;
    request.song.tracks[0].notes.pop_back();
    request.seedEndTick = 100000;
    request.replaceEndTick = 101920;
    const auto past = continueSong(*model, request);
    EXPECT_FALSE(past.ok);
    EXPECT_NE(past.error.find("after the song's last note"), std::string::npos) << past.error;
}

TEST(ContinueSongLocks, RegenerateKeepsLockedNotesAndLooksAhead) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    ContinueRequest request;
    request.mode = ContinueRequest::Mode::Regenerate;
    request.song = CharacterSeeds::chorale().song;
    const std::int64_t bar = 4 * request.song.ticksPerQuarter;
    request.seedEndTick = bar;
    request.replaceEndTick = 2 * bar;
    request.lookAheadBars = 1;
    request.particles = 4;
    // Lock one note inside the region.
    auto& notes = request.song.tracks[0].notes;
    auto inside = std::find_if(notes.begin(), notes.end(),
                               [&](const Note& n) { return n.start >= bar && n.end() <= 2 * bar; });
    ASSERT_NE(inside, notes.end());
    inside->locked = true;
    const Note lockedNote = *inside;
    const auto r = continueSong(*model, request);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.lookAheadSteps, 16);
    EXPECT_EQ(r.newSteps, 16);
    for (std::size_t k = 0; k < r.variations.size(); ++k) {
        for (const Note& n : r.variations[k])
            EXPECT_FALSE(n.pitch == lockedNote.pitch && n.start == lockedNote.start)
                << "the locked note came back as new";
        const int s = static_cast<int>((lockedNote.start - bar) * 4 / request.song.ticksPerQuarter);
        EXPECT_TRUE(r.newGrids[k].play(s, lockedNote.pitch - 24));
        EXPECT_TRUE(r.newGrids[k].articulate(s, lockedNote.pitch - 24));
    }
}

}  // namespace
}  // namespace biaxial
