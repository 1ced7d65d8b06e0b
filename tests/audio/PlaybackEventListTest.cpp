#include <gtest/gtest.h>

#include "AudioTestSongs.h"
#include "biaxial/audio/PlaybackEventList.h"

using biaxial::PlaybackEvent;
using biaxial::PlaybackEventList;
using Type = PlaybackEvent::Type;

TEST(PlaybackEventList, OrdersEventsAndReleasesBeforeStrikesAtOneInstant) {
    const PlaybackEventList list(biaxial::test::threeNoteSong());
    const auto& e = list.events();
    ASSERT_EQ(e.size(), 6u);
    EXPECT_EQ(e[0].type, Type::NoteOn);
    EXPECT_EQ(e[1].type, Type::NoteOff);  // C4 ends at 480 ...
    EXPECT_EQ(e[1].data1, 60);
    EXPECT_EQ(e[2].type, Type::NoteOn);  // ... before E4 starts there
    EXPECT_EQ(e[2].data1, 64);
    EXPECT_DOUBLE_EQ(e[2].seconds, 0.5);
    EXPECT_EQ(list.endTick(), 1920);
    EXPECT_DOUBLE_EQ(list.endSeconds(), 2.0);
}

TEST(PlaybackEventList, FollowsTheTempoMap) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tempos.push_back({960, 1'000'000});  // 60 BPM from the third note on
    song.normalise();
    const PlaybackEventList list(song);
    EXPECT_DOUBLE_EQ(list.events().back().seconds, 3.0);  // G4 ends 2 quarters after 1.0 s
    EXPECT_DOUBLE_EQ(list.endSeconds(), 3.0);
}

TEST(PlaybackEventList, StateAtRestoresProgramsAndThePedal) {
    biaxial::Song song = biaxial::test::threeNoteSong();
    song.tracks[0].program = 5;
    song.tracks[0].controls.push_back({100, 0, 64, 127});
    song.tracks[0].controls.push_back({700, 0, 64, 0});
    const PlaybackEventList list(song);
    const auto at500 = list.stateAt(500);
    ASSERT_EQ(at500.size(), 3u);  // and E4, held at 500
    EXPECT_EQ(at500[0].type, Type::ProgramChange);
    EXPECT_EQ(at500[0].data1, 5);
    EXPECT_EQ(at500[1].type, Type::ControlChange);
    EXPECT_EQ(at500[1].data2, 127);
    EXPECT_EQ(list.stateAt(800)[1].data2, 0);
    EXPECT_EQ(list.stateAt(0).size(), 1u);  // the program only
}

TEST(PlaybackEventList, StateAtStrikesTheNotesHeldAcrossTheTick) {
    const PlaybackEventList list(biaxial::test::threeNoteSong());  // C4 0-480, E4 480-960, G4 960-1920
    const auto inC = list.stateAt(240);
    ASSERT_EQ(inC.size(), 2u);  // the program, then C4
    EXPECT_EQ(inC[1].type, Type::NoteOn);
    EXPECT_EQ(inC[1].data1, 60);
    EXPECT_EQ(inC[1].tick, 240);
    EXPECT_EQ(list.stateAt(480).size(), 1u) << "C4 ends and E4 begins at 480: nothing to chase";
    const auto inG = list.stateAt(1500);
    ASSERT_EQ(inG.size(), 2u);
    EXPECT_EQ(inG[1].data1, 67);
    EXPECT_EQ(list.stateAt(1920).size(), 1u);
}

TEST(PlaybackEventList, ZeroLengthNotesStillEndAndBadValuesAreClamped) {
    biaxial::Song song;
    biaxial::Track track;
    track.notes.push_back({200, 10, 0, 500, 40});
    track.notes.push_back({-5, -10, 100, 0, 3});  // before the song: dropped
    song.tracks.push_back(track);
    song.normalise();
    const PlaybackEventList list(song);
    ASSERT_EQ(list.events().size(), 2u);
    EXPECT_EQ(list.events()[0].type, Type::NoteOn);
    EXPECT_EQ(list.events()[0].data1, 127);
    EXPECT_EQ(list.events()[0].data2, 127);
    EXPECT_EQ(list.events()[0].channel, 15);
    EXPECT_EQ(list.events()[1].tick, 11);
}
