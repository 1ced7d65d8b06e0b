// Continue and Play: the first variation is handed out as it is sampled, every beat, and what
// was streamed is exactly the variation the result then shows.
#include <gtest/gtest.h>

#include "biaxial/engine/CharacterSeeds.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Model.h"

namespace biaxial {
namespace {

ContinueRequest request() {
    ContinueRequest r;
    r.song.tracks.push_back({});
    for (int i = 0; i < 8; ++i)
        r.song.tracks[0].notes.push_back({60 + (i % 4) * 2, i * 240, 240, 90, 0, false});
    r.song.normalise();
    r.seedEndTick = 8 * 240;  // one bar
    r.bars = 2;
    r.variations = 3;
    r.conservativity = 0.5;
    return r;
}

TEST(ContinueStream, TheFirstVariationArrivesBeatByBeatAndIsTheOneShown) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ASSERT_TRUE(model);
    std::vector<std::vector<Note>> parts;
    const auto r = continueSong(*model, request(), nullptr, {},
                                [&](const std::vector<Note>& soFar) { parts.push_back(soFar); });
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(parts.size(), 8u);  // 32 new steps, a part every 4
    EXPECT_EQ(parts.back(), r.variations[0]);
    // Each part ends where the sampling was: nothing of it lies past its beat.
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (const Note& n : parts[i])
            EXPECT_LE(n.end(), r.startTick + static_cast<std::int64_t>(i + 1) * 4 * 120);
    // And every note of an earlier part begins as the final variation's note at that place does.
    for (const Note& n : parts[3]) {
        const bool found = std::any_of(r.variations[0].begin(), r.variations[0].end(), [&](const Note& m) {
            return m.pitch == n.pitch && m.start == n.start;
        });
        EXPECT_TRUE(found) << "pitch " << n.pitch << " at " << n.start;
    }
}

// Locked notes are resampled by sequential Monte Carlo: the first variation is only known at
// the end, so nothing is streamed (the caller hears it when it is shown).
TEST(ContinueStream, NothingIsStreamedWhenNotesAreLocked) {
    auto model = Model::create(ModelConfig::tiny(), 3);
    ContinueRequest r = request();
    r.song.tracks[0].notes.push_back({48, 8 * 240, 480, 90, 0, true});  // locked, in the new bars
    r.song.normalise();
    int calls = 0;
    const auto result = continueSong(*model, r, nullptr, {}, [&](const std::vector<Note>&) { ++calls; });
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace biaxial
