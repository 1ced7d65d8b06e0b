#include <gtest/gtest.h>

#include <string>

#include "biaxial/engine/JamPolicy.h"

namespace biaxial {
namespace {

using Action = JamPolicy::Action;

// One letter per step: W wait, L listen, P play. `player`: '#' where the player sounds.
std::string run(JamPolicy& policy, const std::string& player, int stepsPerBar = 4) {
    std::string out;
    for (std::size_t t = 0; t < player.size(); ++t) {
        const Action a = policy.step(static_cast<int>(t) % stepsPerBar, player[t] == '#');
        out += a == Action::Wait ? 'W' : a == Action::Listen ? 'L' : 'P';
    }
    return out;
}

// Bars of 4 steps. Nothing is heard before the player's first note; the phrase ends in the
// middle of bar 1 and the rest of that bar is part of it; a whole bar of rest follows; the
// answer starts at the next bar line and lasts two bars.
TEST(JamPolicy, APhraseIsAnsweredAfterABarOfRestFromTheNextBarLine) {
    JamPolicy policy({JamPolicy::Mode::Answer, 4, 1, 2});
    //                     bar: 0   1   2   3   4   5   6
    EXPECT_EQ(run(policy, ".....##..........................."), "WWWWWLLLWWWWPPPPPPPPWWWWWWWWWWWWWW");
}

TEST(JamPolicy, TheAnswerWaitsForAWholeBarOfRest) {
    JamPolicy policy({JamPolicy::Mode::Answer, 4, 1, 1});
    // The phrase ends at the end of bar 0: bar 1 is the rest, bar 2 the answer.
    EXPECT_EQ(run(policy, "####........"), "LLLLWWWWPPPP");
    // With two bars of rest asked for, the answer comes a bar later.
    JamPolicy patient({JamPolicy::Mode::Answer, 4, 2, 1});
    EXPECT_EQ(run(patient, "####............"), "LLLLWWWWWWWWPPPP");
}

// Notes played during an answer do not cut it short, and a new answer needs a new phrase.
TEST(JamPolicy, AnAnswerIsPlayedOutAndThenTheNetworkListensAgain) {
    JamPolicy policy({JamPolicy::Mode::Answer, 4, 1, 1});
    EXPECT_EQ(run(policy, "##.......#......##.........."), "LLLLWWWWPPPPWWWWLLLLWWWWPPPP");
    // A note before the rest is over belongs to the phrase: no answer yet.
    JamPolicy early({JamPolicy::Mode::Answer, 4, 1, 1});
    EXPECT_EQ(run(early, "##......#..........."), "LLLLWWWWLLLLWWWWPPPP");
    EXPECT_FALSE(policy.answering());
}

TEST(JamPolicy, AnswerStartsIsTrueOnlyOnTheFirstStepOfAnAnswer) {
    JamPolicy policy({JamPolicy::Mode::Answer, 4, 1, 2});
    int starts = 0;
    const std::string player = "#...........";
    for (std::size_t t = 0; t < player.size(); ++t) {
        policy.step(static_cast<int>(t) % 4, player[t] == '#');
        if (policy.answerStarts()) {
            ++starts;
            EXPECT_EQ(t, 8u);
        }
    }
    EXPECT_EQ(starts, 1);
}

TEST(JamPolicy, AlongPlaysFromThePlayersFirstNoteOn) {
    JamPolicy policy({JamPolicy::Mode::Along, 4, 1, 2});
    EXPECT_EQ(run(policy, "...#....##...."), "WWWPPPPPPPPPPP");
}

}  // namespace
}  // namespace biaxial
