// The piano roll driven by real mouse and key events: draw, select, move, resize, delete,
// transpose, copy/paste, quantize, velocity; and painting speed with many notes.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "RollDriver.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/TimeRuler.h"
#include "biaxial/ui/VelocityLane.h"

namespace biaxial {
namespace {

class PianoRollTest : public ::testing::Test {
protected:
    void SetUp() override {
        roll = std::make_unique<PianoRollWidget>(&doc);
        roll->resize(900, 600);
        roll->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(roll.get()));
        roll->centerOnPitch(60);
        driver = std::make_unique<test::RollDriver>(roll.get());
    }
    Note only() const {
        EXPECT_EQ(doc.noteCount(), 1u);
        return doc.allNotes().front().note;
    }
    void add(std::vector<Note> notes) {
        NoteRefs refs;
        for (const Note& n : notes)
            refs.push_back({0, n});
        doc.undoStack()->push(new AddNotesCommand(&doc, refs));
    }
    static Note n(int pitch, std::int64_t start, std::int64_t length = 120, int velocity = 100) {
        Note x;
        x.pitch = pitch;
        x.start = start;
        x.length = length;
        x.velocity = velocity;
        return x;
    }

    SongDocument doc;
    std::unique_ptr<PianoRollWidget> roll;
    std::unique_ptr<test::RollDriver> driver;
    static constexpr std::int64_t k16th = 120;  // at 480 ticks per quarter
};

TEST_F(PianoRollTest, ClickDrawsASixteenthSnappedToTheGrid) {
    driver->click(driver->at(k16th * 4 + 50, 60));  // inside the 5th sixteenth
    const Note note = only();
    EXPECT_EQ(note.pitch, 60);
    EXPECT_EQ(note.start, k16th * 4);
    EXPECT_EQ(note.length, k16th);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.noteCount(), 0u);
}

TEST_F(PianoRollTest, DragWhileDrawingSetsTheLength) {
    driver->drag(driver->at(0, 62), driver->at(k16th * 8, 62, 0));
    EXPECT_EQ(only().length, k16th * 8);
    // The next note drawn takes the last length.
    driver->click(driver->at(k16th * 16, 64));
    EXPECT_EQ(doc.noteCount(), 2u);
    EXPECT_EQ(roll->drawLength(), k16th * 8);
}

TEST_F(PianoRollTest, SnapOffDrawsAtTheMouse) {
    roll->setSnapDivision(0);
    EXPECT_EQ(roll->snapTicks(), 1);
    const QPoint p = driver->at(k16th * 4 + 60, 60, 0);
    driver->click(p);
    EXPECT_EQ(only().start, roll->geometry().tickAtX(p.x()));
}

TEST_F(PianoRollTest, DragANoteMovesItInTimeAndPitch) {
    add({n(60, 0, 480)});
    driver->drag(driver->at(0, 60, 10), driver->at(960, 63, 10));
    const Note moved = only();
    EXPECT_EQ(moved.start, 960);
    EXPECT_EQ(moved.pitch, 63);
    EXPECT_EQ(moved.length, 480);
    doc.undoStack()->undo();
    EXPECT_EQ(only().start, 0);
}

TEST_F(PianoRollTest, DraggingPastTheEdgeScrollsAndKeepsMoving) {
    add({n(60, 0, 480)});
    const std::int64_t visibleEnd = roll->geometry().tickAtX(roll->viewport()->width());
    QWidget* vp = roll->viewport();
    const QPoint start = driver->at(0, 60, 10);
    const QPoint outside(vp->width() + 30, start.y());
    QTest::mousePress(vp, Qt::LeftButton, {}, start);
    QTest::mouseMove(vp, QPoint(vp->width() / 2, start.y()));
    QTest::mouseMove(vp, outside);
    QTest::qWait(300);  // the auto-scroll timer runs
    QTest::mouseRelease(vp, Qt::LeftButton, {}, outside);
    EXPECT_GT(roll->geometry().scrollX, 0);
    EXPECT_GT(only().start, visibleEnd) << "the note followed the scrolling view";
    EXPECT_EQ(only().pitch, 60);
}

TEST_F(PianoRollTest, KeysLightUpUnderThePlayheadWhilePlaying) {
    add({n(60, 0, 480), n(64, 240, 480), n(67, 960)});
    roll->setPlayheadTick(300);
    EXPECT_TRUE(roll->soundingKeys().none()) << "only while playing";
    roll->setPlaying(true);
    roll->setPlayheadTick(310);
    EXPECT_TRUE(roll->soundingKeys().test(60));
    EXPECT_TRUE(roll->soundingKeys().test(64));
    EXPECT_FALSE(roll->soundingKeys().test(67));
    roll->setPlaying(false);
    EXPECT_TRUE(roll->soundingKeys().none());
}

TEST_F(PianoRollTest, PitchNames) {
    EXPECT_EQ(PianoRollWidget::pitchName(60), "C4");
    EXPECT_EQ(PianoRollWidget::pitchName(78), "F#5");
    EXPECT_EQ(PianoRollWidget::pitchName(21), "A0");
}

TEST_F(PianoRollTest, DragTheRightEdgeResizes) {
    add({n(60, 0, 480)});
    const QRect r = roll->noteRect(n(60, 0, 480));
    const QPoint edge(r.right() - 2, r.center().y());
    driver->drag(edge, edge + QPoint(static_cast<int>(480 * roll->geometry().pixelsPerTick()), 0));
    EXPECT_EQ(only().length, 960);
    EXPECT_EQ(only().start, 0);
}

TEST_F(PianoRollTest, RubberBandSelectsInSelectMode) {
    add({n(60, 0), n(62, 480), n(72, 480), n(60, 3840)});
    doc.clearSelection();
    roll->setEditMode(PianoRollWidget::EditMode::Select);
    driver->drag(driver->at(0, 63, -5), driver->at(1000, 59));
    EXPECT_EQ(doc.selection().size(), 2u);
    EXPECT_EQ(doc.noteCount(), 4u) << "select mode draws nothing";
    // Clicking empty space in select mode clears the selection.
    driver->click(driver->at(1920, 50));
    EXPECT_TRUE(doc.selection().empty());
}

TEST_F(PianoRollTest, ShiftDragDrawsARubberBandInDrawModeToo) {
    add({n(60, 0), n(62, 480)});
    doc.clearSelection();
    driver->drag(driver->at(0, 61, -5), driver->at(1000, 59), Qt::ShiftModifier);
    EXPECT_EQ(doc.selection().size(), 1u);
}

TEST_F(PianoRollTest, ClickAndCtrlClickSelect) {
    add({n(60, 0), n(64, 480)});
    driver->click(driver->at(0, 60, 4));
    EXPECT_EQ(doc.selection().size(), 1u);
    driver->click(driver->at(480, 64, 4), Qt::ControlModifier);
    EXPECT_EQ(doc.selection().size(), 2u);
    driver->click(driver->at(480, 64, 4), Qt::ControlModifier);
    EXPECT_EQ(doc.selection().size(), 1u);
    EXPECT_EQ(doc.noteCount(), 2u);
}

TEST_F(PianoRollTest, RightClickDeletesANote) {
    add({n(60, 0), n(64, 480)});
    driver->click(driver->at(480, 64, 4), {}, Qt::RightButton);
    EXPECT_EQ(only().pitch, 60);
}

TEST_F(PianoRollTest, ArrowKeysTransposeAndMove) {
    add({n(60, 0), n(64, 480)});  // both selected
    QTest::keyClick(roll.get(), Qt::Key_Up);
    QTest::keyClick(roll.get(), Qt::Key_Up, Qt::ShiftModifier);
    QTest::keyClick(roll.get(), Qt::Key_Right);
    NoteRefs all = doc.allNotes();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].note.pitch, 73);
    EXPECT_EQ(all[0].note.start, k16th);
    EXPECT_EQ(all[1].note.pitch, 77);
    EXPECT_EQ(doc.undoStack()->count(), 4);
    QTest::keyClick(roll.get(), Qt::Key_Down, Qt::ShiftModifier);
    EXPECT_EQ(doc.allNotes()[0].note.pitch, 61);
    // Transposing stops at the edge of the MIDI range instead of folding notes over.
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(roll.get(), Qt::Key_Up, Qt::ShiftModifier);
    EXPECT_EQ(doc.allNotes()[1].note.pitch, 127);
}

TEST_F(PianoRollTest, DeleteKeyAndUndo) {
    add({n(60, 0), n(64, 480)});
    QTest::keyClick(roll.get(), Qt::Key_Delete);
    EXPECT_EQ(doc.noteCount(), 0u);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.noteCount(), 2u);
    EXPECT_EQ(doc.selection().size(), 2u);
}

TEST_F(PianoRollTest, CopyPasteAtThePlayheadAndCut) {
    add({n(60, 0), n(64, 240)});
    roll->copySelection();
    roll->setPlayheadTick(1920);
    QSignalSpy moved(roll.get(), &PianoRollWidget::playheadMoveRequested);
    roll->paste();
    ASSERT_EQ(doc.noteCount(), 4u);
    EXPECT_TRUE(doc.contains({0, n(60, 1920)}));
    EXPECT_TRUE(doc.contains({0, n(64, 2160)}));
    EXPECT_EQ(doc.selection().size(), 2u) << "the pasted notes are selected";
    ASSERT_EQ(moved.count(), 1);
    roll->cutSelection();
    EXPECT_EQ(doc.noteCount(), 2u);
    roll->setPlayheadTick(0);
    roll->paste();
    EXPECT_EQ(doc.noteCount(), 4u);
}

TEST_F(PianoRollTest, QuantizeSnapsStartsAndEnds) {
    add({n(60, 130, 100), n(62, 350, 10)});
    roll->quantizeSelection();
    EXPECT_TRUE(doc.contains({0, n(60, 120, 120)}));
    EXPECT_TRUE(doc.contains({0, n(62, 360, 120)})) << "a note shorter than a step keeps one step";
    doc.undoStack()->undo();
    EXPECT_TRUE(doc.contains({0, n(60, 130, 100)}));
}

TEST_F(PianoRollTest, VelocityLaneDragSetsVelocity) {
    add({n(60, 480, 120, 100)});
    doc.clearSelection();
    auto* lane = roll->findChild<VelocityLane*>();
    ASSERT_NE(lane, nullptr);
    const int x = lane->inset() + static_cast<int>(roll->geometry().xOfTick(480)) + 1;
    QTest::mousePress(lane, Qt::LeftButton, {}, QPoint(x, lane->height() - 5));
    QTest::mouseMove(lane, QPoint(x, lane->height() - 2));
    QTest::mouseRelease(lane, Qt::LeftButton, {}, QPoint(x, lane->height() - 2));
    EXPECT_LT(only().velocity, 15);
    EXPECT_GE(only().velocity, 1);
    roll->selectAll();
    roll->setSelectionVelocity(90);
    EXPECT_EQ(only().velocity, 90);
    roll->changeSelectionVelocity(100);
    EXPECT_EQ(only().velocity, 127);
}

TEST_F(PianoRollTest, GhostNotesAreDrawnButNotEdited) {
    roll->setGhostNotes({n(60, 0, 480), n(67, 480, 480)});
    EXPECT_EQ(roll->ghostNotes().size(), 2u);
    EXPECT_EQ(doc.noteCount(), 0u);
    const QImage img = roll->viewport()->grab().toImage();
    EXPECT_FALSE(img.isNull());
    roll->clearGhostNotes();
    EXPECT_TRUE(roll->ghostNotes().empty());
}

TEST_F(PianoRollTest, RulerClickMovesThePlayheadAndDragMarksTheLoop) {
    auto* ruler = roll->findChild<TimeRuler*>();
    ASSERT_NE(ruler, nullptr);
    const auto xOf = [&](std::int64_t tick) {
        return ruler->inset() + static_cast<int>(roll->geometry().xOfTick(tick)) + 1;
    };
    QSignalSpy seek(roll.get(), &PianoRollWidget::playheadMoveRequested);
    QTest::mouseClick(ruler, Qt::LeftButton, {}, QPoint(xOf(1920), 10));
    ASSERT_EQ(seek.count(), 1);
    EXPECT_EQ(seek.first().at(0).value<std::int64_t>(), 1920);

    QSignalSpy loop(roll.get(), &PianoRollWidget::loopRangeChanged);
    QTest::mousePress(ruler, Qt::LeftButton, {}, QPoint(xOf(1920), 10));
    QTest::mouseMove(ruler, QPoint(xOf(2880), 10));
    QTest::mouseMove(ruler, QPoint(xOf(3840), 10));
    QTest::mouseRelease(ruler, Qt::LeftButton, {}, QPoint(xOf(3840), 10));
    EXPECT_EQ(roll->loopStart(), 1920);
    EXPECT_EQ(roll->loopEnd(), 3840);
    EXPECT_GE(loop.count(), 1);
    EXPECT_EQ(seek.count(), 1) << "a drag does not move the playhead";
    QTest::mouseClick(ruler, Qt::RightButton, {}, QPoint(xOf(2000), 10));
    EXPECT_FALSE(roll->hasLoopRange());
}

TEST_F(PianoRollTest, ScaleHighlightAndEmptyRollPaint) {
    std::array<bool, 12> cMajor{true, false, true, false, true, true, false, true, false, true, false, true};
    roll->setScaleHighlight(cMajor);
    EXPECT_FALSE(roll->viewport()->grab().isNull());
    roll->clearScaleHighlight();
}

TEST_F(PianoRollTest, ZoomKeepsTheAnchorTick) {
    const std::int64_t before = roll->geometry().tickAtX(300);
    roll->zoomTime(2.0, 300);
    EXPECT_NEAR(static_cast<double>(roll->geometry().tickAtX(300)), static_cast<double>(before), 10.0);
    roll->setKeyHeight(20);
    EXPECT_EQ(roll->geometry().keyHeight, 20);
}

TEST_F(PianoRollTest, PaintsTwentyThousandNotesQuickly) {
    // Only the visible part is painted: a big song must not slow down repaints.
    NoteRefs many;
    for (int i = 0; i < 20000; ++i)
        many.push_back({i % 2, n(40 + (i * 7) % 48, i * 60, 240)});
    doc.undoStack()->push(new AddNotesCommand(&doc, many));
    roll->scrollToTick(600000);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 10; ++i)
        roll->viewport()->repaint();
    const double msPerFrame = timer.elapsed() / 10.0;
    std::printf("[          ] 20000 notes: %.2f ms per full repaint of the canvas\n", msPerFrame);
    EXPECT_LT(msPerFrame, 100.0);

    // Bulk edits merge per track instead of inserting note by note.
    timer.restart();
    roll->selectAll();
    roll->transposeSelection(1);
    doc.undoStack()->undo();
    doc.undoStack()->redo();
    const double msEdit = timer.elapsed();
    std::printf("[          ] 20000 notes: select all + transpose + undo + redo in %.0f ms\n", msEdit);
    EXPECT_EQ(doc.noteCount(), 20000u);
    EXPECT_EQ(doc.selection().size(), 20000u);
    EXPECT_LT(msEdit, 2000.0);
}

}  // namespace
}  // namespace biaxial

namespace biaxial {
namespace {

TEST_F(PianoRollTest, ZoomToSongAndSelectionFitTheView) {
    add({n(60, 0), n(72, 32 * 1920, 480), n(48, 1920, 480)});  // 33 bars of 4/4
    roll->zoomToSong();
    const RollGeometry g = roll->geometry();
    const int width = roll->viewport()->width();
    EXPECT_GE(g.xOfTick(doc.song().endTick()), width * 0.8) << "the song's end is near the right edge";
    EXPECT_LE(g.xOfTick(doc.song().endTick()), width);
    EXPECT_GE(g.xOfTick(0), 0.0);
    doc.setSelection({doc.allNotes()[1]});  // the note in bar 2 (sorted by start)
    roll->zoomToSelection();
    EXPECT_GT(roll->geometry().pixelsPerTick(), 10 * g.pixelsPerTick());
    EXPECT_GE(roll->geometry().xOfTick(1920), 0.0);
    EXPECT_LE(roll->geometry().xOfTick(1920 + 480), width);
}

}  // namespace
}  // namespace biaxial
