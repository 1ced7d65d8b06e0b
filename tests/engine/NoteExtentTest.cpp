// NoteExtent: the bounds of a set of notes, and what an empty set gives.
#include <gtest/gtest.h>

#include "biaxial/engine/NoteExtent.h"

using biaxial::Note;
using biaxial::NoteExtent;

namespace {
Note note(int pitch, std::int64_t start, std::int64_t length) {
    Note n;
    n.pitch = pitch;
    n.start = start;
    n.length = length;
    return n;
}
}  // namespace

TEST(NoteExtent, EmptyIsAllZero) {
    const NoteExtent e = NoteExtent::of(std::vector<Note>{});
    EXPECT_TRUE(e.empty());
    EXPECT_EQ(e.count, 0u);
    EXPECT_EQ(e.start, 0);
    EXPECT_EQ(e.end, 0);
    EXPECT_EQ(e.lowPitch, 0);
    EXPECT_EQ(e.highPitch, 0);
    EXPECT_EQ(e.shortest, 0);
    EXPECT_EQ(e.longest, 0);
}

TEST(NoteExtent, OneNoteIsItsOwnExtent) {
    const NoteExtent e = NoteExtent::of({note(64, 480, 120)});
    EXPECT_FALSE(e.empty());
    EXPECT_EQ(e.start, 480);
    EXPECT_EQ(e.end, 600);
    EXPECT_EQ(e.lowPitch, 64);
    EXPECT_EQ(e.highPitch, 64);
    EXPECT_EQ(e.shortest, 120);
    EXPECT_EQ(e.longest, 120);
}

TEST(NoteExtent, SpansEveryNote) {
    // The latest end belongs to a note that neither starts last nor is longest.
    const NoteExtent e = NoteExtent::of({note(60, 960, 100), note(72, 0, 2000), note(48, 1500, 40)});
    EXPECT_EQ(e.count, 3u);
    EXPECT_EQ(e.start, 0);
    EXPECT_EQ(e.end, 2000);
    EXPECT_EQ(e.lowPitch, 48);
    EXPECT_EQ(e.highPitch, 72);
    EXPECT_EQ(e.shortest, 40);
    EXPECT_EQ(e.longest, 2000);
}

TEST(NoteExtent, TakesAnyRangeThroughAProjection) {
    struct Held {
        int track;
        Note note;
    };
    const std::vector<Held> held = {{0, note(50, 10, 5)}, {3, note(90, 2, 30)}};
    const NoteExtent e = NoteExtent::of(held, [](const Held& h) -> const Note& { return h.note; });
    EXPECT_EQ(e.start, 2);
    EXPECT_EQ(e.end, 32);
    EXPECT_EQ(e.lowPitch, 50);
    EXPECT_EQ(e.highPitch, 90);
}
