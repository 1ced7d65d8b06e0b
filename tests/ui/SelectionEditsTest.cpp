// SelectionEdits without a widget: each edit of the selected notes, what it clamps and when
// it changes nothing (the roll then pushes no undo step).
#include <gtest/gtest.h>

#include "biaxial/ui/SelectionEdits.h"

namespace biaxial {
namespace {

NoteRef ref(int track, int pitch, std::int64_t start, std::int64_t length = 120, int velocity = 100) {
    Note n;
    n.pitch = pitch;
    n.start = start;
    n.length = length;
    n.velocity = velocity;
    return NoteRef{track, n};
}

TEST(SelectionEdits, LockLocksAllUnlessAllAreLocked) {
    NoteRefs before = {ref(0, 60, 0), ref(1, 64, 480)};
    before[1].note.locked = true;
    const NoteRefs locked = SelectionEdits::lockToggled(before);
    ASSERT_EQ(locked.size(), 2u);
    EXPECT_TRUE(locked[0].note.locked && locked[1].note.locked);
    EXPECT_EQ(locked[0].note.withLocked(false), before[0].note);  // nothing else changes
    const NoteRefs unlocked = SelectionEdits::lockToggled(locked);
    EXPECT_FALSE(unlocked[0].note.locked || unlocked[1].note.locked);
}

TEST(SelectionEdits, TransposeMovesEveryPitch) {
    const NoteRefs before = {ref(0, 60, 0), ref(1, 64, 480)};
    const NoteRefs after = SelectionEdits::transposed(before, 12);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].note.pitch, 72);
    EXPECT_EQ(after[1].note.pitch, 76);
    EXPECT_EQ(after[1].track, 1);
    EXPECT_EQ(after[1].note.start, 480) << "only the pitch changes";
}

TEST(SelectionEdits, TransposeStopsAtTheEdgesOfTheKeyboard) {
    const NoteRefs before = {ref(0, 120, 0), ref(0, 60, 0)};
    const NoteRefs up = SelectionEdits::transposed(before, 12);
    EXPECT_EQ(up[0].note.pitch, 127) << "the highest note stops at 127, the others keep the interval";
    EXPECT_EQ(up[1].note.pitch, 67);
    const NoteRefs low = {ref(0, 2, 0)};
    EXPECT_EQ(SelectionEdits::transposed(low, -12)[0].note.pitch, 0);
    const NoteRefs top = {ref(0, 127, 0)};
    EXPECT_EQ(SelectionEdits::transposed(top, 1), top) << "no room: nothing changes";
}

TEST(SelectionEdits, MoveStopsAtTheStartOfTheSong) {
    const NoteRefs before = {ref(0, 60, 240), ref(0, 62, 960)};
    const NoteRefs later = SelectionEdits::moved(before, 120);
    EXPECT_EQ(later[0].note.start, 360);
    EXPECT_EQ(later[1].note.start, 1080);
    const NoteRefs earlier = SelectionEdits::moved(before, -1000);
    EXPECT_EQ(earlier[0].note.start, 0) << "the first note stops at 0";
    EXPECT_EQ(earlier[1].note.start, 720) << "the others keep their distance";
    const NoteRefs atZero = {ref(0, 60, 0)};
    EXPECT_EQ(SelectionEdits::moved(atZero, -120), atZero);
}

TEST(SelectionEdits, QuantizeRoundsStartsAndEnds) {
    const NoteRefs before = {ref(0, 60, 130, 100), ref(0, 62, 250, 20), ref(0, 64, 480, 120)};
    const NoteRefs after = SelectionEdits::quantized(before, 120);
    EXPECT_EQ(after[0].note.start, 120);
    EXPECT_EQ(after[0].note.end(), 240);
    // 250..270 rounds to 240..240: the note keeps one step rather than vanish.
    EXPECT_EQ(after[1].note.start, 240);
    EXPECT_EQ(after[1].note.length, 120);
    EXPECT_EQ(after[2].note, before[2].note) << "a note on the grid stays";
    const NoteRefs onGrid = {ref(0, 60, 240, 240)};
    EXPECT_EQ(SelectionEdits::quantized(onGrid, 120), onGrid);
}

TEST(SelectionEdits, VelocityChangesWithinOneTo127) {
    const NoteRefs before = {ref(0, 60, 0, 120, 120), ref(0, 62, 0, 120, 5)};
    const NoteRefs louder = SelectionEdits::velocityChanged(before, 10);
    EXPECT_EQ(louder[0].note.velocity, 127);
    EXPECT_EQ(louder[1].note.velocity, 15);
    const NoteRefs softer = SelectionEdits::velocityChanged(before, -10);
    EXPECT_EQ(softer[0].note.velocity, 110);
    EXPECT_EQ(softer[1].note.velocity, 1);
    const NoteRefs set = SelectionEdits::velocitySet(before, 200);
    EXPECT_EQ(set[0].note.velocity, 127);
    EXPECT_EQ(set[1].note.velocity, 127);
    EXPECT_EQ(SelectionEdits::velocitySet(before, 0)[1].note.velocity, 1);
    const NoteRefs loudest = {ref(0, 60, 0, 120, 127)};
    EXPECT_EQ(SelectionEdits::velocityChanged(loudest, 10), loudest);
}

TEST(SelectionEdits, PasteLandsAtTheTickInTracksThatExist) {
    const NoteRefs clip = {ref(0, 60, 0), ref(3, 64, 240)};
    const NoteRefs placed = SelectionEdits::pasted(clip, 960, 2, 1);
    EXPECT_EQ(placed[0].note.start, 960);
    EXPECT_EQ(placed[0].track, 0);
    EXPECT_EQ(placed[1].note.start, 1200);
    EXPECT_EQ(placed[1].track, 1) << "a track the song lacks becomes the edit track";
}

TEST(SelectionEdits, DragLimits) {
    const NoteExtent extent = extentOf(NoteRefs{ref(0, 40, 480, 60), ref(0, 90, 960, 240)});
    EXPECT_EQ(SelectionEdits::clampMove(extent, -2000), -480);
    EXPECT_EQ(SelectionEdits::clampMove(extent, 100), 100);
    EXPECT_EQ(SelectionEdits::clampTranspose(extent, 50), 37);
    EXPECT_EQ(SelectionEdits::clampTranspose(extent, -50), -40);
    // The shortest note (60 ticks) keeps min(step, 60): with a step of 120 it cannot shrink.
    EXPECT_EQ(SelectionEdits::clampResize(extent, -500, 120), 0);
    // Without snap (step 1) it keeps a single tick.
    EXPECT_EQ(SelectionEdits::clampResize(extent, -500, 1), -59);
    EXPECT_EQ(SelectionEdits::clampResize(extent, 30, 120), 30);
}

}  // namespace
}  // namespace biaxial
