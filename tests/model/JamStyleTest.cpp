// What the jam takes from the player: key, density, hold limit and now rhythm.
#include <gtest/gtest.h>

#include "biaxial/model/JamStyle.h"

namespace biaxial {
namespace {

TEST(JamStyle, FollowsThePlayersRhythmTwiceAlong) {
    // Two bars of 4/4 (16 steps each): a C major triad struck on every beat, held to the next.
    StepGrid heard(32, 24, 78);
    for (int t = 0; t < 32; ++t) {
        heard.setBarPosition(t, t % 16);
        for (int pitch : {60, 64, 67})
            heard.set(t, pitch - 24, true, t % 4 == 0);
    }
    const JamStyle answer = JamStyle::followPlayer(JamStyle{}, heard, 1.5, false);
    ASSERT_EQ(answer.onsetTarget.size(), 16u);
    EXPECT_DOUBLE_EQ(answer.onsetTarget[0], 3.0);
    EXPECT_DOUBLE_EQ(answer.onsetTarget[4], 3.0);
    EXPECT_DOUBLE_EQ(answer.onsetTarget[1], 0.0);
    EXPECT_DOUBLE_EQ(answer.densityTarget, 3.0);
    const JamStyle along = JamStyle::followPlayer(JamStyle{}, heard, 1.5, true);
    EXPECT_DOUBLE_EQ(along.onsetTarget[0], 6.0);  // both parts together
    EXPECT_DOUBLE_EQ(along.onsetTarget[1], 0.0);
    EXPECT_DOUBLE_EQ(along.densityTarget, 6.0);
    // Half a bar heard: the positions not reached yet are not steered.
    const JamStyle early = JamStyle::followPlayer(JamStyle{}, heard.slice(0, 8), 1.5, false);
    ASSERT_EQ(early.onsetTarget.size(), 8u);
    EXPECT_DOUBLE_EQ(early.onsetTarget[4], 3.0);
}

}  // namespace
}  // namespace biaxial
