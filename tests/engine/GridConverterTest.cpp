#include <gtest/gtest.h>

#include "biaxial/engine/GridConverter.h"

using namespace biaxial;

namespace {

Song songOf(int tpq, std::vector<Note> notes, std::vector<TimeSignature> sigs = {}) {
    Song s;
    s.ticksPerQuarter = tpq;
    s.timeSignatures = std::move(sigs);
    Track t;
    t.notes = std::move(notes);
    s.tracks = {t};
    s.normalise();
    return s;
}

TEST(GridConverter, MapsSixteenthsWorkedOutByHand) {
    // tpq 96: a sixteenth is 24 ticks. C4 (60) for a quarter from 0; E4 from the 3rd sixteenth for one.
    auto g = GridConverter::toGrid(songOf(96, {{60, 0, 96, 100, 0}, {64, 48, 24, 100, 0}})).grid;
    ASSERT_EQ(g.steps(), 4);
    const int c4 = 60 - 24, e4 = 64 - 24;
    for (int t = 0; t < 4; ++t)
        EXPECT_TRUE(g.play(t, c4)) << t;
    EXPECT_TRUE(g.articulate(0, c4));
    EXPECT_FALSE(g.articulate(1, c4));
    EXPECT_FALSE(g.play(1, e4));
    EXPECT_TRUE(g.play(2, e4));
    EXPECT_TRUE(g.articulate(2, e4));
    EXPECT_FALSE(g.play(3, e4));
    EXPECT_EQ(g.playCount(), 5);
}

TEST(GridConverter, WorksForResolutionsNotDivisibleByEight) {
    // tpq 100: a sixteenth is 25 ticks; tpq 30: 7.5 ticks. Starts on exact multiples of the quarter.
    auto g = GridConverter::toGrid(songOf(100, {{60, 100, 50, 90, 0}})).grid;
    ASSERT_EQ(g.steps(), 6);
    EXPECT_FALSE(g.play(3, 36));
    EXPECT_TRUE(g.articulate(4, 36));
    EXPECT_TRUE(g.play(5, 36));
    auto h = GridConverter::toGrid(songOf(30, {{60, 15, 15, 90, 0}})).grid;  // 2nd eighth of beat 1
    ASSERT_EQ(h.steps(), 4);
    EXPECT_TRUE(h.articulate(2, 36));
    EXPECT_TRUE(h.play(3, 36));
    EXPECT_EQ(GridConverter::stepOfTick(29, 30), 3);
    EXPECT_EQ(GridConverter::stepOfTick(30, 30), 4);
}

TEST(GridConverter, IsIndependentOfTempo) {
    Song a = songOf(96, {{60, 0, 96, 100, 0}});
    Song b = a;
    b.tempos = {{0, 250000}, {48, 1000000}};
    EXPECT_EQ(GridConverter::toGrid(a).grid, GridConverter::toGrid(b).grid);
}

TEST(GridConverter, DropsOutOfRangeAndDrumsAndCountsThem) {
    auto r = GridConverter::toGrid(
        songOf(96, {{10, 0, 24, 100, 0}, {60, 0, 24, 100, 9}, {101, 0, 24, 100, 0}, {102, 0, 24, 100, 0}}));
    EXPECT_EQ(r.droppedOutOfRange, 2);
    EXPECT_EQ(r.droppedDrums, 1);
    EXPECT_TRUE(r.grid.play(0, 101 - 24));
}

TEST(GridConverter, ReStrikeOfHeldNoteArticulates) {
    auto g = GridConverter::toGrid(songOf(96, {{60, 0, 48, 100, 0}, {60, 48, 48, 100, 0}})).grid;
    EXPECT_TRUE(g.play(1, 36));
    EXPECT_TRUE(g.play(2, 36));
    EXPECT_TRUE(g.articulate(2, 36));
    EXPECT_FALSE(g.articulate(1, 36));
}

TEST(GridConverter, ShortNotesAreWidenedToOneStep) {
    auto r = GridConverter::toGrid(songOf(96, {{60, 30, 5, 100, 0}}));
    EXPECT_EQ(r.shortNotesWidened, 1);
    EXPECT_TRUE(r.grid.articulate(1, 36));
}

TEST(GridConverter, BarPositionsFollowTheMeter) {
    // Two bars of 3/4 (12 steps each) then 4/4 at tick 2*3*96.
    auto g = GridConverter::toGrid(songOf(96, {{60, 0, 96 * 10, 100, 0}}, {{0, 3, 4}, {576, 4, 4}})).grid;
    ASSERT_EQ(g.steps(), 40);
    EXPECT_EQ(g.barPosition(0), 0);
    EXPECT_EQ(g.barPosition(11), 11);
    EXPECT_EQ(g.barPosition(12), 0);
    EXPECT_EQ(g.barPosition(23), 11);
    EXPECT_EQ(g.barPosition(24), 0);
    EXPECT_EQ(g.barPosition(39), 15);
    EXPECT_EQ(GridConverter::stepsPerBar({0, 6, 8}), 12);
    EXPECT_EQ(GridConverter::stepsPerBar({0, 2, 2}), 16);
}

TEST(GridConverter, OriginalMeterRuleStopsAtFirstOtherMeter) {
    auto song = songOf(96, {{60, 0, 96 * 10, 100, 0}}, {{0, 4, 4}, {384, 3, 4}});
    auto kept = GridConverter::toGrid(song);
    EXPECT_EQ(kept.grid.steps(), 40);
    EXPECT_FALSE(kept.truncatedAtMeter);
    GridOptions o;
    o.originalMeterRule = true;
    auto cut = GridConverter::toGrid(song, o);
    EXPECT_TRUE(cut.truncatedAtMeter);
    EXPECT_EQ(cut.grid.steps(), 16);
}

TEST(GridConverter, SustainPedalExtendsReleasedNotes) {
    Song s = songOf(96, {{60, 0, 24, 100, 0}});
    s.tracks[0].controls = {{0, 0, 64, 127}, {96, 0, 64, 0}};
    GridOptions o;
    EXPECT_EQ(GridConverter::toGrid(s, o).grid.steps(), 1);
    o.extendWithSustainPedal = true;
    auto g = GridConverter::toGrid(s, o).grid;
    ASSERT_EQ(g.steps(), 4);
    EXPECT_TRUE(g.play(3, 36));
}

TEST(GridConverter, RoundTripIsExactOnGridAlignedInput) {
    for (int tpq : {96, 480, 384}) {
        const int q = tpq / 4;
        Song s = songOf(tpq, {{60, 0, 4 * q, 90, 0},
                              {60, 4 * q, 2 * q, 90, 0},
                              {64, q, q, 90, 0},
                              {67, 8 * q, 8 * q, 90, 0},
                              {101, 3 * q, q, 90, 0},
                              {24, 0, q, 90, 0}});
        SongOptions so;
        so.ticksPerQuarter = tpq;
        so.velocity = 90;
        Song back = GridConverter::toSong(GridConverter::toGrid(s).grid, so);
        ASSERT_EQ(back.tracks.size(), 1u);
        EXPECT_EQ(back.tracks[0].notes, s.tracks[0].notes) << "tpq " << tpq;
        EXPECT_EQ(back.ticksPerQuarter, tpq);
        EXPECT_EQ(GridConverter::toGrid(back).grid, GridConverter::toGrid(s).grid);
    }
}

TEST(GridConverter, ToSongUsesCallersTempoAndVelocity) {
    StepGrid g(4, 24, 78);
    g.set(0, 36, true, true);
    SongOptions o;
    o.bpm = 90;
    o.velocity = 300;
    Song s = GridConverter::toSong(g, o);
    EXPECT_EQ(s.tempos[0].microsPerQuarter, 666667);
    EXPECT_EQ(s.tracks[0].notes[0].velocity, 127);
    EXPECT_EQ(s.tracks[0].notes[0].length, 120);
}

}  // namespace

// The tick/step rounding the continue pipeline and the Continue panel share.
TEST(GridConverter, RoundsTicksToSteps) {
    // 480 ticks per quarter: a step is 120 ticks.
    EXPECT_EQ(GridConverter::stepAtOrAfter(0, 480), 0);
    EXPECT_EQ(GridConverter::stepAtOrAfter(-5, 480), 0);
    EXPECT_EQ(GridConverter::stepAtOrAfter(120, 480), 1);
    EXPECT_EQ(GridConverter::stepAtOrAfter(121, 480), 2);
    EXPECT_EQ(GridConverter::floorTickToStep(239, 480), 120);
    EXPECT_EQ(GridConverter::floorTickToStep(-1, 480), 0);
    EXPECT_EQ(GridConverter::ceilTickToStep(121, 480), 240);
    EXPECT_EQ(GridConverter::ceilTickToStep(240, 480), 240);
    // 30 ticks per quarter: steps of 7.5 ticks, rounded to the nearest tick.
    EXPECT_EQ(GridConverter::ceilTickToStep(9, 30), 15);
    EXPECT_EQ(GridConverter::ceilTickToStep(8, 30), 8);
    EXPECT_EQ(GridConverter::floorTickToStep(14, 30), 8);
}

TEST(GridConverter, TimeSignatureInEffectAtATick) {
    Song song;
    song.timeSignatures = {{0, 4, 4}, {1920, 3, 4}, {3360, 6, 8}};
    EXPECT_EQ(GridConverter::timeSignatureAt(song, 0).numerator, 4);
    EXPECT_EQ(GridConverter::timeSignatureAt(song, 1919).numerator, 4);
    EXPECT_EQ(GridConverter::timeSignatureAt(song, 1920).numerator, 3);
    EXPECT_EQ(GridConverter::timeSignatureAt(song, 99999).denominator, 8);
    EXPECT_EQ(GridConverter::timeSignatureAt(Song{}, 50).numerator, 4) << "no map: 4/4";
}

// New notes placed after a seed land where toSong would put them behind that many empty steps.
TEST(GridConverter, NotesOfAGridPlacedAfterASeed) {
    StepGrid grid(6, 60, 12);
    grid.set(0, 0, true, true);
    grid.set(1, 0, true, false);
    grid.set(2, 0, true, true);  // re-struck
    grid.set(4, 7, true, true);
    SongOptions options;
    options.ticksPerQuarter = 96;
    options.velocity = 70;
    options.channel = 3;
    const auto notes = GridConverter::toNotes(grid, 10, options);
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(notes[0], (Note{60, 240, 48, 70, 3}));
    EXPECT_EQ(notes[1], (Note{60, 288, 24, 70, 3}));
    EXPECT_EQ(notes[2], (Note{67, 336, 24, 70, 3}));

    StepGrid behind(10, 60, 12);
    behind.append(grid);
    EXPECT_EQ(GridConverter::toSong(behind, options).tracks[0].notes, notes);
}
