#include <gtest/gtest.h>

#include "biaxial/engine/Metronome.h"

namespace biaxial {
namespace {

Song meter(int numerator, int denominator) {
    Song s;
    s.timeSignatures.push_back({0, numerator, denominator});
    s.normalise();
    return s;
}

TEST(Metronome, ClicksEveryBeatWithTheBarAccented) {
    const auto c = Metronome::clicks(meter(3, 4), 0, 3 * 1440);  // three bars of 3/4
    ASSERT_EQ(c.size(), 9u);
    for (std::size_t i = 0; i < c.size(); ++i) {
        EXPECT_EQ(c[i].start, static_cast<std::int64_t>(i) * 480);
        EXPECT_EQ(c[i].channel, 9);
        EXPECT_EQ(c[i].pitch, i % 3 == 0 ? Metronome::kBarPitch : Metronome::kBeatPitch);
        EXPECT_GT(c[i].velocity, 0);
    }
}

TEST(Metronome, SixEightClicksEighthsAndARangeStartsOnItsFirstBeat) {
    const auto c = Metronome::clicks(meter(6, 8), 250, 1440);  // from inside the first beat
    ASSERT_EQ(c.size(), 4u);                                   // eighths (240 ticks) at 480, 720, 960, 1200
    EXPECT_EQ(c.front().start, 480);
    EXPECT_EQ(c.front().pitch, Metronome::kBeatPitch);
    EXPECT_EQ(Metronome::barTicks(meter(6, 8), 0), 1440);
}

TEST(Metronome, FollowsAMeterChange) {
    Song s = meter(4, 4);
    s.timeSignatures.push_back({1920, 3, 4});  // one bar of 4/4, then 3/4
    s.normalise();
    const auto c = Metronome::clicks(s, 0, 1920 + 1440);
    ASSERT_EQ(c.size(), 7u);
    EXPECT_EQ(c[4].start, 1920);
    EXPECT_EQ(c[4].pitch, Metronome::kBarPitch);  // the 3/4 bar starts accented
    EXPECT_EQ(c[5].pitch, Metronome::kBeatPitch);
}

}  // namespace
}  // namespace biaxial
