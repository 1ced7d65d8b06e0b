#include "biaxial/ui/PianoRollWidget.h"

#include "biaxial/engine/RegionEdit.h"
#include "biaxial/engine/Scale.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/RollPainter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "biaxial/engine/Scale.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/ModifyNotesCommand.h"
#include "biaxial/ui/NoteClipboard.h"
#include "biaxial/ui/PianoKeyboard.h"
#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/RollMouseTool.h"
#include "biaxial/ui/RollPainter.h"
#include "biaxial/ui/SelectionEdits.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/TimeRuler.h"
#include "biaxial/ui/VelocityLane.h"

namespace biaxial {

namespace {
constexpr int kKeyboardWidth = 64;
constexpr int kRulerHeight = 26;
constexpr int kLaneHeight = 72;
constexpr int kMinBars = 32;      // the canvas is at least this long
constexpr int kTrailingBars = 8;  // room to draw after the last note
}  // namespace

PianoRollWidget::PianoRollWidget(SongDocument* document, QWidget* parent)
    : QAbstractScrollArea(parent), document_(document) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    keyboard_ = new PianoKeyboard(this);
    ruler_ = new TimeRuler(this);
    velocityLane_ = new VelocityLane(this);
    setViewportMargins(kKeyboardWidth, kRulerHeight, 0, kLaneHeight);
    horizontalScrollBar()->setSingleStep(24);
    verticalScrollBar()->setSingleStep(24);
    palette_ = RollPalette::fromPalette(palette());
    mouse_ = std::make_unique<RollMouseTool>(this);

    connect(document_, &SongDocument::notesChanged, this, &PianoRollWidget::onNotesChanged);
    connect(document_, &SongDocument::songReset, this, &PianoRollWidget::onSongReset);
    connect(document_, &SongDocument::tempoChanged, this, &PianoRollWidget::updateAll);
    connect(document_, &SongDocument::meterChanged, this, [this] {
        updateAll();
        ruler_->update();
    });
    connect(document_, &SongDocument::selectionChanged, this, [this] {
        updateAll();
        const auto n = document_->selection().size();
        emit statusMessage(n ? tr("%1 selected").arg(countOf(static_cast<qint64>(n), tr("note"), tr("notes")))
                             : QString());
    });
    onSongReset();
}

PianoRollWidget::~PianoRollWidget() = default;

// ---------------------------------------------------------------- settings

void PianoRollWidget::setSnapDivision(int division) {
    snapDivision_ = division <= 0 ? 0 : std::clamp(division, 1, 128);
    updateAll();
}

std::int64_t PianoRollWidget::snapTicks() const {
    if (snapDivision_ <= 0)
        return 1;
    return std::max<std::int64_t>(1, std::int64_t{document_->ticksPerQuarter()} * 4 / snapDivision_);
}

void PianoRollWidget::setEditMode(EditMode mode) {
    if (mode == editMode_)
        return;
    editMode_ = mode;
    viewport()->setCursor(Qt::ArrowCursor);
    emit editModeChanged(mode);
}

void PianoRollWidget::setPixelsPerQuarter(double pixels) {
    geometry_.pixelsPerQuarter = std::clamp(pixels, 4.0, 800.0);
    updateScrollBars();
    updateAll();
    emit zoomChanged();
}

void PianoRollWidget::setKeyHeight(int pixels) {
    const int centrePitch = geometry_.pitchAtY(viewport()->height() / 2);
    geometry_.keyHeight = std::clamp(pixels, 4, 40);
    updateScrollBars();
    centerOnPitch(centrePitch);
    updateAll();
    emit zoomChanged();
}

void PianoRollWidget::zoomTime(double factor, int anchorX) {
    if (anchorX < 0)
        anchorX = viewport()->width() / 2;
    const double anchorTick = (anchorX + geometry_.scrollX) / geometry_.pixelsPerTick();
    geometry_.pixelsPerQuarter = std::clamp(geometry_.pixelsPerQuarter * factor, 4.0, 800.0);
    updateScrollBars();
    horizontalScrollBar()->setValue(
        static_cast<int>(std::lround(anchorTick * geometry_.pixelsPerTick() - anchorX)));
    geometry_.scrollX = horizontalScrollBar()->value();
    updateAll();
    emit zoomChanged();
}

void PianoRollWidget::zoomPitch(double factor) {
    setKeyHeight(static_cast<int>(std::lround(geometry_.keyHeight * factor)) +
                 (factor > 1 && std::lround(geometry_.keyHeight * factor) == geometry_.keyHeight ? 1 : 0));
}

void PianoRollWidget::scrollToTick(std::int64_t tick) {
    horizontalScrollBar()->setValue(static_cast<int>(tick * geometry_.pixelsPerTick()));
}

void PianoRollWidget::zoomToFit(std::int64_t start, std::int64_t end) {
    if (end <= start || viewport()->width() <= 0)
        return;
    const double margin = 0.04 * static_cast<double>(end - start);
    const double ticks = static_cast<double>(end - start) + 2 * margin;
    geometry_.pixelsPerQuarter =
        std::clamp(viewport()->width() / ticks * geometry_.ticksPerQuarter, 4.0, 800.0);
    updateScrollBars();
    horizontalScrollBar()->setValue(
        static_cast<int>(std::lround(std::max(0.0, start - margin) * geometry_.pixelsPerTick())));
    geometry_.scrollX = horizontalScrollBar()->value();
    const NoteRefs notes = document_->notesInRange(start, end);
    if (!notes.empty()) {
        const NoteExtent extent = extentOf(notes);
        centerOnPitch((extent.lowPitch + extent.highPitch) / 2);
    }
    updateAll();
    emit zoomChanged();
}

void PianoRollWidget::zoomToSong() {
    zoomToFit(0, std::max<std::int64_t>(document_->song().endTick(), document_->ticksPerBar()));
}

void PianoRollWidget::zoomToSelection() {
    const NoteRefs selected = document_->selectedNotes();
    if (selected.empty())
        return zoomToSong();
    const NoteExtent extent = extentOf(selected);
    zoomToFit(extent.start, extent.end);
}

void PianoRollWidget::centerOnPitch(int pitch) {
    const int y = (RollGeometry::kPitchCount - 1 - std::clamp(pitch, 0, 127)) * geometry_.keyHeight;
    verticalScrollBar()->setValue(y - viewport()->height() / 2);
}

void PianoRollWidget::scrollToNotes() {
    const NoteRefs all = document_->allNotes();
    if (all.empty()) {
        centerOnPitch(66);
        return;
    }
    const NoteExtent extent = extentOf(all);
    centerOnPitch((extent.lowPitch + extent.highPitch) / 2);
}

// ---------------------------------------------------------------- playhead, loop, overlays

void PianoRollWidget::setPlayheadTick(std::int64_t tick) {
    tick = std::max<std::int64_t>(0, tick);
    if (tick == playhead_)
        return;
    // While playing, the keyboard lights the keys that sound under the playhead.
    std::bitset<128> sounding;
    if (playing_)
        forEachNoteIn(tick, tick + 1, [&](const NoteRef& r) { sounding.set(r.note.pitch & 127); });
    if (sounding != soundingKeys_) {
        soundingKeys_ = sounding;
        keyboard_->update();
    }
    const int oldX = static_cast<int>(geometry_.xOfTick(playhead_));
    playhead_ = tick;
    const int x = static_cast<int>(geometry_.xOfTick(playhead_));
    if (followPlayhead_ && playing_ && (x < 0 || x > viewport()->width() - 8)) {
        // Page along: the playhead re-enters near the left, like a DAW's follow mode.
        updateScrollBars();
        horizontalScrollBar()->setValue(static_cast<int>(tick * geometry_.pixelsPerTick()) -
                                        viewport()->width() / 10);
        return;  // scrolling repaints everything
    }
    viewport()->update(QRect(oldX - 2, 0, 5, viewport()->height()));
    viewport()->update(QRect(x - 2, 0, 5, viewport()->height()));
    ruler_->update();
}

void PianoRollWidget::setPlaying(bool playing) {
    playing_ = playing;
    if (!playing && soundingKeys_.any()) {
        soundingKeys_.reset();
        keyboard_->update();
    }
}

void PianoRollWidget::setLoopRange(std::int64_t start, std::int64_t end) {
    if (end <= start)
        start = end = 0;
    if (start == loopStart_ && end == loopEnd_)
        return;
    loopStart_ = std::max<std::int64_t>(0, start);
    loopEnd_ = std::max<std::int64_t>(0, end);
    updateAll();
    emit loopRangeChanged(loopStart_, loopEnd_);
}

void PianoRollWidget::setGhostNotes(std::vector<Note> notes) {
    std::sort(notes.begin(), notes.end(), noteLess);
    ghostExtent_ = NoteExtent::of(notes);
    ghostNotes_ = std::move(notes);
    updateScrollBars();
    updateAll();
}

void PianoRollWidget::clearGhostNotes() {
    setGhostNotes({});
}

void PianoRollWidget::setScaleHighlight(const std::array<bool, 12>& pitchClasses) {
    scaleMask_ = pitchClasses;
    scaleOn_ = true;
    updateAll();
}

void PianoRollWidget::clearScaleHighlight() {
    scaleOn_ = false;
    updateAll();
}

// ---------------------------------------------------------------- editing commands

void PianoRollWidget::selectAll() {
    document_->selectAll();
}

void PianoRollWidget::deleteSelection() {
    if (!document_->hasSelection())
        return;
    document_->undoStack()->push(new RemoveNotesCommand(document_, document_->selectedNotes()));
}

void PianoRollWidget::copySelection() {
    if (!document_->hasSelection())
        return;
    NoteClipboard::copy(document_->selectedNotes(), document_->ticksPerQuarter());
    emit statusMessage(
        tr("Copied %1")
            .arg(countOf(static_cast<qint64>(document_->selection().size()), tr("note"), tr("notes"))));
}

void PianoRollWidget::cutSelection() {
    if (!document_->hasSelection())
        return;
    NoteClipboard::copy(document_->selectedNotes(), document_->ticksPerQuarter());
    document_->undoStack()->push(new RemoveNotesCommand(document_, document_->selectedNotes(), tr("Cut")));
}

void PianoRollWidget::paste() {
    const NoteRefs clip = NoteClipboard::paste(document_->ticksPerQuarter());
    if (clip.empty())
        return;
    const std::int64_t at = RollGeometry::snapFloor(playhead_, snapTicks());
    const NoteRefs notes = SelectionEdits::pasted(clip, at, static_cast<int>(document_->song().tracks.size()),
                                                  document_->editTrack());
    document_->undoStack()->push(new AddNotesCommand(document_, notes, tr("Paste")));
    // Repeated pastes append one after another.
    emit playheadMoveRequested(RollGeometry::snapRound(std::max(at, extentOf(notes).end), snapTicks()));
}

bool PianoRollWidget::pushEdit(const NoteRefs& before, const NoteRefs& after, const QString& text) {
    if (after == before)
        return false;
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, text));
    return true;
}

void PianoRollWidget::transposeSelection(int semitones) {
    if (!document_->hasSelection() || semitones == 0)
        return;
    const NoteRefs before = document_->selectedNotes();
    const NoteRefs after = SelectionEdits::transposed(before, semitones);
    if (!pushEdit(before, after, tr("Transpose")))
        return;
    emit auditionRequested(after.front().note.pitch, after.front().note.velocity);
    emit auditionStopped();
}

void PianoRollWidget::moveSelection(std::int64_t ticks) {
    if (!document_->hasSelection() || ticks == 0)
        return;
    const NoteRefs before = document_->selectedNotes();
    pushEdit(before, SelectionEdits::moved(before, ticks), tr("Move notes"));
}

void PianoRollWidget::quantizeSelection() {
    if (!document_->hasSelection())
        return;
    const std::int64_t q = snapDivision_ > 0 ? snapTicks() : std::max(1, document_->ticksPerQuarter() / 4);
    const NoteRefs before = document_->selectedNotes();
    pushEdit(before, SelectionEdits::quantized(before, q), tr("Quantize"));
}

void PianoRollWidget::toggleSelectionLock() {
    if (!document_->hasSelection())
        return;
    const NoteRefs before = document_->selectedNotes();
    const NoteRefs after = SelectionEdits::lockToggled(before);
    pushEdit(before, after, after.front().note.locked ? tr("Lock notes") : tr("Unlock notes"));
}

void PianoRollWidget::setContinueMarker(std::int64_t tick) {
    if (tick == continueMarker_)
        return;
    continueMarker_ = tick;
    ruler_->update();
}

void PianoRollWidget::setReplacedRange(std::int64_t start, std::int64_t end) {
    replacedStart_ = start;
    replacedEnd_ = end;
    viewport()->update();
}

void PianoRollWidget::changeSelectionVelocity(int delta) {
    if (!document_->hasSelection() || delta == 0)
        return;
    const NoteRefs before = document_->selectedNotes();
    pushEdit(before, SelectionEdits::velocityChanged(before, delta), tr("Change velocity"));
}

void PianoRollWidget::setSelectionVelocity(int velocity) {
    if (!document_->hasSelection())
        return;
    const NoteRefs before = document_->selectedNotes();
    pushEdit(before, SelectionEdits::velocitySet(before, velocity), tr("Change velocity"));
}

// ---------------------------------------------------------------- queries

std::int64_t PianoRollWidget::maxNoteLength(int track) const {
    if (maxLengthsRevision_ != document_->revision()) {
        const auto& tracks = document_->song().tracks;
        maxLengths_.assign(tracks.size(), 0);
        for (std::size_t t = 0; t < tracks.size(); ++t)
            maxLengths_[t] = NoteExtent::of(tracks[t].notes).longest;
        maxLengthsRevision_ = document_->revision();
    }
    return track >= 0 && track < static_cast<int>(maxLengths_.size()) ? maxLengths_[track] : 0;
}

void PianoRollWidget::forEachNoteIn(std::int64_t from, std::int64_t to,
                                    const std::function<void(const NoteRef&)>& f) const {
    const auto& tracks = document_->song().tracks;
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        const auto& notes = tracks[t].notes;
        // Notes are sorted by start: skip those that end before `from` even if they are the
        // longest of the track.
        const std::int64_t earliest = from - maxNoteLength(static_cast<int>(t));
        auto it = std::partition_point(notes.begin(), notes.end(),
                                       [earliest](const Note& n) { return n.start < earliest; });
        for (; it != notes.end() && it->start < to; ++it)
            if (it->end() > from)
                f(NoteRef{static_cast<int>(t), *it});
    }
}

QRect PianoRollWidget::noteRect(const Note& note) const {
    const int x0 = static_cast<int>(std::floor(geometry_.xOfTick(note.start)));
    const int x1 = static_cast<int>(std::floor(geometry_.xOfTick(note.end())));
    return QRect(x0, geometry_.yOfPitch(note.pitch), std::max(2, x1 - x0), geometry_.keyHeight);
}

NoteRefs PianoRollWidget::notesAt(const QPoint& pos) const {
    NoteRefs hits;
    const std::int64_t tick = geometry_.tickAtX(pos.x());
    const std::int64_t slack = static_cast<std::int64_t>(std::ceil(2 / geometry_.pixelsPerTick()));
    forEachNoteIn(tick - slack, tick + slack + 1, [&](const NoteRef& r) {
        if (noteRect(r.note).contains(pos))
            hits.push_back(r);
    });
    return hits;
}

std::int64_t PianoRollWidget::contentWidthTicks() const {
    const std::int64_t bar = document_->ticksPerBar();
    const std::int64_t end = std::max({document_->song().endTick(), loopEnd_, playhead_, ghostExtent_.end});
    return std::max(end + kTrailingBars * bar, kMinBars * bar);
}

// ---------------------------------------------------------------- layout and painting

void PianoRollWidget::onNotesChanged() {
    updateScrollBars();
    updateAll();
}

void PianoRollWidget::showEvent(QShowEvent* event) {
    QAbstractScrollArea::showEvent(event);
    // The viewport has its real size only now: centre the notes as onSongReset() meant to.
    if (centreOnShow_) {
        centreOnShow_ = false;
        updateScrollBars();
        scrollToNotes();
    }
}

void PianoRollWidget::onSongReset() {
    geometry_.ticksPerQuarter = std::max(1, document_->ticksPerQuarter());
    drawLength_ = std::max<std::int64_t>(1, document_->ticksPerQuarter() / 4);
    playhead_ = 0;
    loopStart_ = loopEnd_ = 0;
    ghostNotes_.clear();
    mouse_->reset();
    updateScrollBars();
    horizontalScrollBar()->setValue(0);
    scrollToNotes();
    centreOnShow_ = !isVisible();
    updateAll();
}

void PianoRollWidget::updateScrollBars() {
    const QSize vp = viewport()->size();
    const int width = static_cast<int>(contentWidthTicks() * geometry_.pixelsPerTick());
    horizontalScrollBar()->setRange(0, std::max(0, width - vp.width()));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setRange(0, std::max(0, geometry_.contentHeight() - vp.height()));
    verticalScrollBar()->setPageStep(vp.height());
    geometry_.scrollX = horizontalScrollBar()->value();
    geometry_.scrollY = verticalScrollBar()->value();
}

void PianoRollWidget::layoutChildren() {
    const QRect vp = viewport()->geometry();
    keyboard_->setGeometry(vp.left() - kKeyboardWidth, vp.top(), kKeyboardWidth, vp.height());
    ruler_->setGeometry(vp.left() - kKeyboardWidth, vp.top() - kRulerHeight, vp.width() + kKeyboardWidth,
                        kRulerHeight);
    velocityLane_->setGeometry(vp.left() - kKeyboardWidth, vp.bottom() + 1, vp.width() + kKeyboardWidth,
                               kLaneHeight);
}

void PianoRollWidget::updateAll() {
    viewport()->update();
    keyboard_->update();
    ruler_->update();
    velocityLane_->update();
}

void PianoRollWidget::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    layoutChildren();
}

void PianoRollWidget::scrollContentsBy(int, int) {
    geometry_.scrollX = horizontalScrollBar()->value();
    geometry_.scrollY = verticalScrollBar()->value();
    updateAll();
}

void PianoRollWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        palette_ = RollPalette::fromPalette(palette());
        updateAll();
    }
    QAbstractScrollArea::changeEvent(event);
}

bool PianoRollWidget::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::Resize)
        layoutChildren();
    return QAbstractScrollArea::viewportEvent(event);
}

void PianoRollWidget::paintGrid(QPainter& p, const QRect& area, std::int64_t t0, std::int64_t t1) {
    RollPainter painter(p, geometry_, palette_);
    painter.rows(area, scaleOn_ ? &scaleMask_ : nullptr);
    const std::int64_t beat = document_->ticksPerBeat();
    painter.columns(area, t0, t1, snapTicks() > 1 ? snapTicks() : beat, beat, document_->ticksPerBar());
    if (hasLoopRange()) {
        const int x0 = static_cast<int>(geometry_.xOfTick(loopStart_));
        const int x1 = static_cast<int>(geometry_.xOfTick(loopEnd_));
        p.fillRect(QRect(x0, area.top(), x1 - x0, area.height()), palette_.loopFill);
    }
}

void PianoRollWidget::paintNotes(QPainter& p, std::int64_t t0, std::int64_t t1) {
    RollPainter painter(p, geometry_, palette_);
    const bool dragging = mouse_->showsDraggedSelection();
    forEachNoteIn(t0, t1, [&](const NoteRef& r) {
        const bool selected = document_->isSelected(r);
        if (selected && dragging)  // dragged notes are drawn at their new place below
            return;
        if (replacedEnd_ > replacedStart_ && RegionEdit::replaces(r.note, replacedStart_, replacedEnd_))
            painter.replacedNote(noteRect(r.note));
        else
            painter.note(noteRect(r.note), r.note.velocity, r.track, selected, r.note.locked);
    });
    if (dragging)
        for (const NoteRef& r : mouse_->draggedSelection())
            painter.note(noteRect(r.note), r.note.velocity, r.track, true, r.note.locked);
    if (const Note* creating = mouse_->creatingNote())
        painter.note(noteRect(*creating), creating->velocity, document_->editTrack(), true);

    // Ghost notes: the Continue variation under audition, translucent and dashed.
    const std::int64_t earliest = t0 - ghostExtent_.longest;
    auto it = std::partition_point(ghostNotes_.begin(), ghostNotes_.end(),
                                   [earliest](const Note& n) { return n.start < earliest; });
    for (; it != ghostNotes_.end() && it->start < t1; ++it)
        if (it->end() > t0)
            painter.ghostNote(noteRect(*it));
}

void PianoRollWidget::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    const QRect area = event->rect();
    const std::int64_t t0 = geometry_.tickAtX(area.left());
    const std::int64_t t1 = geometry_.tickAtX(area.right() + 1) + 1;
    paintGrid(p, area, t0, t1);
    paintNotes(p, t0, t1);

    if (const QRect band = mouse_->rubberBand(); !band.isNull()) {
        QColor fill = palette_.rubberBand;
        fill.setAlpha(40);
        p.fillRect(band, fill);
        p.setPen(palette_.rubberBand);
        p.drawRect(band.adjusted(0, 0, -1, -1));
    }

    const int x = static_cast<int>(geometry_.xOfTick(playhead_));
    if (x >= area.left() - 1 && x <= area.right() + 1) {
        p.setPen(QPen(palette_.playhead, 2));
        p.drawLine(x, area.top(), x, area.bottom());
    }
}

// ---------------------------------------------------------------- mouse

QString PianoRollWidget::pitchName(int pitch) {
    return QStringLiteral("%1%2").arg(QLatin1String(Scale::pitchClassName(pitch))).arg(pitch / 12 - 1);
}

void PianoRollWidget::mousePressEvent(QMouseEvent* event) {
    mouse_->press(event);
}

void PianoRollWidget::mouseMoveEvent(QMouseEvent* event) {
    mouse_->move(event);
}

void PianoRollWidget::mouseReleaseEvent(QMouseEvent* event) {
    mouse_->release(event);
}

void PianoRollWidget::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    const int delta = angle.y() != 0 ? angle.y() : angle.x();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if ((mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier)) {
        zoomPitch(delta > 0 ? 1.15 : 1 / 1.15);
    } else if (mods & Qt::ControlModifier) {
        zoomTime(std::pow(1.0015, delta), static_cast<int>(event->position().x()));
    } else if (mods & Qt::ShiftModifier || angle.x() != 0) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
    } else {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta);
    }
    event->accept();
}

void PianoRollWidget::keyPressEvent(QKeyEvent* event) {
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
        case Qt::Key_Up:
            transposeSelection(shift ? 12 : 1);
            return;
        case Qt::Key_Down:
            transposeSelection(shift ? -12 : -1);
            return;
        case Qt::Key_Left:
            moveSelection(-(shift               ? document_->ticksPerBar()
                            : snapDivision_ > 0 ? snapTicks()
                                                : document_->ticksPerQuarter() / 4));
            return;
        case Qt::Key_Right:
            moveSelection(shift               ? document_->ticksPerBar()
                          : snapDivision_ > 0 ? snapTicks()
                                              : document_->ticksPerQuarter() / 4);
            return;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            deleteSelection();
            return;
        case Qt::Key_Escape:
            if (mouse_->isDragging())
                mouse_->finish(false);
            else
                document_->clearSelection();
            return;
        default:
            break;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

}  // namespace biaxial
