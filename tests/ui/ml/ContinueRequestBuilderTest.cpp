// ContinueRequestBuilder without a panel: where the seed ends for each choice of From, the
// range Regenerate replaces, and the channel and velocity of the new notes.
#include <gtest/gtest.h>

#include "ContinueRequestBuilder.h"

using namespace biaxial;

namespace {

// 480 ticks per quarter: a step (a sixteenth) is 120 ticks.
Song songWith(std::vector<Note> notes, int tracks = 1) {
    Song song;
    song.ticksPerQuarter = 480;
    song.tracks.resize(static_cast<std::size_t>(tracks));
    song.tracks[0].notes = std::move(notes);
    song.normalise();
    return song;
}

Note note(int pitch, std::int64_t start, std::int64_t length, int velocity = 100, int channel = 0) {
    return Note{pitch, start, length, velocity, channel};
}

NoteExtent selectionOf(std::vector<Note> notes) {
    return NoteExtent::of(notes);
}

using From = ContinueRequestBuilder::From;

TEST(ContinueRequestBuilder, SeedEndFollowsTheChoice) {
    const Song song = songWith({note(60, 0, 1920), note(64, 1920, 1900)});  // ends at 3820
    const NoteExtent selection = selectionOf({note(60, 0, 1000)});
    const ContinueRequestBuilder builder(song, selection, 480, 2400, 0);
    EXPECT_EQ(builder.seedEndTick(From::SongEnd), 3840) << "rounded up to a whole step";
    EXPECT_EQ(builder.seedEndTick(From::SelectionEnd), 1080);
    EXPECT_EQ(builder.seedEndTick(From::LoopEnd), 2400);
    EXPECT_EQ(builder.seedEndTick(From::Auto), 1080) << "Auto: the selection first";

    const ContinueRequestBuilder noSelection(song, NoteExtent{}, 480, 2400, 0);
    EXPECT_EQ(noSelection.seedEndTick(From::Auto), 2400) << "then the loop region";
    EXPECT_EQ(noSelection.seedEndTick(From::SelectionEnd), 3840) << "no selection: the song end";
    const ContinueRequestBuilder nothing(song, NoteExtent{}, 0, 0, 0);
    EXPECT_EQ(nothing.seedEndTick(From::Auto), 3840) << "then the song end";
    EXPECT_EQ(nothing.seedEndTick(From::LoopEnd), 3840);
}

TEST(ContinueRequestBuilder, RegenerateRangeIsTheSelectionsElseTheLoops) {
    const Song song = songWith({note(60, 0, 3840)});
    std::int64_t start = 0;
    std::int64_t end = 0;
    const ContinueRequestBuilder selected(song, selectionOf({note(60, 130, 100), note(62, 700, 200)}), 0,
                                          1920, 0);
    ASSERT_TRUE(selected.regenerateRange(&start, &end));
    EXPECT_EQ(start, 120) << "down to a step";
    EXPECT_EQ(end, 960) << "up to a step";
    const ContinueRequestBuilder looped(song, NoteExtent{}, 480, 1920, 0);
    ASSERT_TRUE(looped.regenerateRange(&start, &end));
    EXPECT_EQ(start, 480);
    EXPECT_EQ(end, 1920);
    const ContinueRequestBuilder neither(song, NoteExtent{}, 0, 0, 0);
    EXPECT_FALSE(neither.regenerateRange(&start, &end));
}

TEST(ContinueRequestBuilder, BuildKeepsTheChoicesAndFillsTheRest) {
    Song song = songWith({note(60, 0, 480, 40, 3), note(62, 480, 480, 80, 3), note(64, 960, 480, 100, 3)}, 2);
    song.tracks[1].notes = {note(48, 0, 480, 120, 5)};
    ContinueRequest choices;
    choices.bars = 7;
    choices.temperature = 1.5;
    choices.variations = 2;
    choices.randomSeed = 42;
    const ContinueRequestBuilder builder(song, NoteExtent{}, 0, 0, 1);
    const ContinueRequest r = builder.build(ContinueRequest::Mode::Continue, From::SongEnd, choices);
    EXPECT_EQ(r.mode, ContinueRequest::Mode::Continue);
    EXPECT_EQ(r.song, song);
    EXPECT_EQ(r.seedEndTick, 1440);
    EXPECT_EQ(r.bars, 7);
    EXPECT_EQ(r.temperature, 1.5);
    EXPECT_EQ(r.variations, 2);
    EXPECT_EQ(r.randomSeed, 42u);
    EXPECT_EQ(r.track, 1);
    EXPECT_EQ(r.channel, 5) << "the edit track's channel";
    EXPECT_EQ(r.velocity, 100) << "the median of 40, 80, 100, 120";

    const ContinueRequestBuilder regenerate(song, selectionOf({note(62, 480, 480)}), 0, 0, 0);
    const ContinueRequest g = regenerate.build(ContinueRequest::Mode::Regenerate, From::SongEnd, choices);
    EXPECT_EQ(g.seedEndTick, 480);
    EXPECT_EQ(g.replaceEndTick, 960);
    EXPECT_EQ(g.channel, 3);
}

TEST(ContinueRequestBuilder, AnEmptySongKeepsTheDefaults) {
    const Song song = songWith({});
    EXPECT_EQ(ContinueRequestBuilder::medianVelocity(song, 90), 90);
    EXPECT_EQ(ContinueRequestBuilder::channelOf(song, 0), 0);
    EXPECT_EQ(ContinueRequestBuilder::channelOf(song, 5), 0) << "a track the song lacks";
    const ContinueRequest r = ContinueRequestBuilder(song, NoteExtent{}, 0, 0, 0)
                                  .build(ContinueRequest::Mode::Continue, From::Auto, {});
    EXPECT_EQ(r.velocity, ContinueRequest{}.velocity);
    EXPECT_EQ(r.seedEndTick, 0);
}

}  // namespace
