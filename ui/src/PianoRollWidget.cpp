#include "biaxial/ui/Plural.h"
#include "biaxial/ui/PianoRollWidget.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/ModifyNotesCommand.h"
#include "biaxial/ui/NoteClipboard.h"
#include "biaxial/ui/PianoKeyboard.h"
#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/TimeRuler.h"
#include "biaxial/ui/VelocityLane.h"

namespace biaxial {

namespace {
constexpr int kKeyboardWidth = 64;
constexpr int kRulerHeight = 26;
constexpr int kLaneHeight = 72;
constexpr int kResizeGrip = 6;      // pixels at a note's right edge that resize it
constexpr int kDragThreshold = 3;   // pixels before a press becomes a rubber band
constexpr int kMinBars = 32;        // the canvas is at least this long
constexpr int kTrailingBars = 8;    // room to draw after the last note
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
    autoScroll_.setInterval(30);
    connect(&autoScroll_, &QTimer::timeout, this, &PianoRollWidget::autoScrollStep);

    connect(document_, &SongDocument::notesChanged, this, &PianoRollWidget::onNotesChanged);
    connect(document_, &SongDocument::songReset, this, &PianoRollWidget::onSongReset);
    connect(document_, &SongDocument::tempoChanged, this, &PianoRollWidget::updateAll);
    connect(document_, &SongDocument::selectionChanged, this, [this] {
        updateAll();
        const auto n = document_->selection().size();
        emit statusMessage(n ? tr("%1 selected").arg(countOf(static_cast<qint64>(n), tr("note"), tr("notes"))) : QString());
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
    if (snapDivision_ <= 0) return 1;
    return std::max<std::int64_t>(1, std::int64_t{document_->ticksPerQuarter()} * 4 / snapDivision_);
}

void PianoRollWidget::setEditMode(EditMode mode) {
    if (mode == editMode_) return;
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
    if (anchorX < 0) anchorX = viewport()->width() / 2;
    const double anchorTick = (anchorX + geometry_.scrollX) / geometry_.pixelsPerTick();
    geometry_.pixelsPerQuarter = std::clamp(geometry_.pixelsPerQuarter * factor, 4.0, 800.0);
    updateScrollBars();
    horizontalScrollBar()->setValue(static_cast<int>(std::lround(anchorTick * geometry_.pixelsPerTick() - anchorX)));
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
    int lo = 127, hi = 0;
    for (const NoteRef& r : all) {
        lo = std::min(lo, r.note.pitch);
        hi = std::max(hi, r.note.pitch);
    }
    centerOnPitch((lo + hi) / 2);
}

// ---------------------------------------------------------------- playhead, loop, overlays

void PianoRollWidget::setPlayheadTick(std::int64_t tick) {
    tick = std::max<std::int64_t>(0, tick);
    if (tick == playhead_) return;
    // While playing, the keyboard lights the keys that sound under the playhead.
    std::bitset<128> sounding;
    if (playing_) forEachNoteIn(tick, tick + 1, [&](const NoteRef& r) { sounding.set(r.note.pitch & 127); });
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
        horizontalScrollBar()->setValue(static_cast<int>(tick * geometry_.pixelsPerTick()) - viewport()->width() / 10);
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
    if (end <= start) start = end = 0;
    if (start == loopStart_ && end == loopEnd_) return;
    loopStart_ = std::max<std::int64_t>(0, start);
    loopEnd_ = std::max<std::int64_t>(0, end);
    updateAll();
    emit loopRangeChanged(loopStart_, loopEnd_);
}

void PianoRollWidget::setGhostNotes(std::vector<Note> notes) {
    std::sort(notes.begin(), notes.end(), noteLess);
    ghostMaxLength_ = 0;
    for (const Note& n : notes) ghostMaxLength_ = std::max(ghostMaxLength_, n.length);
    ghostNotes_ = std::move(notes);
    updateScrollBars();
    updateAll();
}

void PianoRollWidget::clearGhostNotes() { setGhostNotes({}); }

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

void PianoRollWidget::selectAll() { document_->selectAll(); }

void PianoRollWidget::deleteSelection() {
    if (!document_->hasSelection()) return;
    document_->undoStack()->push(new RemoveNotesCommand(document_, document_->selectedNotes()));
}

void PianoRollWidget::copySelection() {
    if (!document_->hasSelection()) return;
    NoteClipboard::copy(document_->selectedNotes(), document_->ticksPerQuarter());
    emit statusMessage(tr("Copied %1").arg(countOf(static_cast<qint64>(document_->selection().size()), tr("note"), tr("notes"))));
}

void PianoRollWidget::cutSelection() {
    if (!document_->hasSelection()) return;
    NoteClipboard::copy(document_->selectedNotes(), document_->ticksPerQuarter());
    document_->undoStack()->push(new RemoveNotesCommand(document_, document_->selectedNotes(), tr("Cut")));
}

void PianoRollWidget::paste() {
    NoteRefs notes = NoteClipboard::paste(document_->ticksPerQuarter());
    if (notes.empty()) return;
    const std::int64_t at = RollGeometry::snapFloor(playhead_, snapTicks());
    const int tracks = static_cast<int>(document_->song().tracks.size());
    std::int64_t end = at;
    for (NoteRef& r : notes) {
        r.note.start += at;
        if (r.track >= tracks) r.track = document_->editTrack();
        end = std::max(end, r.note.end());
    }
    document_->undoStack()->push(new AddNotesCommand(document_, notes, tr("Paste")));
    // Repeated pastes append one after another.
    emit playheadMoveRequested(RollGeometry::snapRound(end, snapTicks()));
}

void PianoRollWidget::transposeSelection(int semitones) {
    if (!document_->hasSelection() || semitones == 0) return;
    NoteRefs before = document_->selectedNotes();
    int lo = 127, hi = 0;
    for (const NoteRef& r : before) {
        lo = std::min(lo, r.note.pitch);
        hi = std::max(hi, r.note.pitch);
    }
    semitones = std::clamp(semitones, -lo, 127 - hi);
    if (semitones == 0) return;
    NoteRefs after = before;
    for (NoteRef& r : after) r.note = r.note.withPitch(r.note.pitch + semitones);
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, tr("Transpose")));
    emit auditionRequested(after.front().note.pitch, after.front().note.velocity);
    emit auditionStopped();
}

void PianoRollWidget::moveSelection(std::int64_t ticks) {
    if (!document_->hasSelection() || ticks == 0) return;
    NoteRefs before = document_->selectedNotes();
    std::int64_t first = before.front().note.start;
    for (const NoteRef& r : before) first = std::min(first, r.note.start);
    ticks = std::max(ticks, -first);
    if (ticks == 0) return;
    NoteRefs after = before;
    for (NoteRef& r : after) r.note = r.note.withStart(r.note.start + ticks);
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, tr("Move notes")));
}

void PianoRollWidget::quantizeSelection() {
    if (!document_->hasSelection()) return;
    const std::int64_t q = snapDivision_ > 0 ? snapTicks() : std::max(1, document_->ticksPerQuarter() / 4);
    NoteRefs before = document_->selectedNotes();
    NoteRefs after = before;
    bool changed = false;
    for (NoteRef& r : after) {
        const std::int64_t start = RollGeometry::snapRound(r.note.start, q);
        std::int64_t end = RollGeometry::snapRound(r.note.end(), q);
        if (end <= start) end = start + q;
        Note n = r.note.withStart(start).withLength(end - start);
        changed |= !(n == r.note);
        r.note = n;
    }
    if (!changed) return;
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, tr("Quantize")));
}

void PianoRollWidget::changeSelectionVelocity(int delta) {
    if (!document_->hasSelection() || delta == 0) return;
    NoteRefs before = document_->selectedNotes();
    NoteRefs after = before;
    for (NoteRef& r : after) r.note = r.note.withVelocity(std::clamp(r.note.velocity + delta, 1, 127));
    if (after == before) return;
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, tr("Change velocity")));
}

void PianoRollWidget::setSelectionVelocity(int velocity) {
    if (!document_->hasSelection()) return;
    velocity = std::clamp(velocity, 1, 127);
    NoteRefs before = document_->selectedNotes();
    NoteRefs after = before;
    for (NoteRef& r : after) r.note = r.note.withVelocity(velocity);
    if (after == before) return;
    document_->undoStack()->push(new ModifyNotesCommand(document_, before, after, tr("Change velocity")));
}

// ---------------------------------------------------------------- queries

std::int64_t PianoRollWidget::maxNoteLength(int track) const {
    if (maxLengthsRevision_ != document_->revision()) {
        const auto& tracks = document_->song().tracks;
        maxLengths_.assign(tracks.size(), 0);
        for (std::size_t t = 0; t < tracks.size(); ++t)
            for (const Note& n : tracks[t].notes) maxLengths_[t] = std::max(maxLengths_[t], n.length);
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
            if (it->end() > from) f(NoteRef{static_cast<int>(t), *it});
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
        if (noteRect(r.note).contains(pos)) hits.push_back(r);
    });
    return hits;
}

std::int64_t PianoRollWidget::contentWidthTicks() const {
    const std::int64_t bar = document_->ticksPerBar();
    std::int64_t end = std::max({document_->song().endTick(), loopEnd_, playhead_});
    for (const Note& n : ghostNotes_) end = std::max(end, n.end());
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
    drag_ = Drag::None;
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
    ruler_->setGeometry(vp.left() - kKeyboardWidth, vp.top() - kRulerHeight, vp.width() + kKeyboardWidth, kRulerHeight);
    velocityLane_->setGeometry(vp.left() - kKeyboardWidth, vp.bottom() + 1, vp.width() + kKeyboardWidth, kLaneHeight);
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
    if (event->type() == QEvent::Resize) layoutChildren();
    return QAbstractScrollArea::viewportEvent(event);
}

void PianoRollWidget::paintGrid(QPainter& p, const QRect& area, std::int64_t t0, std::int64_t t1) {
    // Rows: white and black keys, the scale's rows tinted.
    const int top = geometry_.pitchAtY(area.top());
    const int bottom = geometry_.pitchAtY(area.bottom());
    for (int pitch = top; pitch >= bottom; --pitch) {
        const QRect row(area.left(), geometry_.yOfPitch(pitch), area.width(), geometry_.keyHeight);
        QColor c = RollGeometry::isBlackKey(pitch) ? palette_.blackRow : palette_.whiteRow;
        if (scaleOn_ && scaleMask_[pitch % 12]) c = palette_.scaleRow;
        p.fillRect(row, c);
        if (pitch % 12 == 0 || pitch % 12 == 5) {  // B|C and E|F boundaries
            p.setPen(palette_.octaveLine);
            p.drawLine(row.left(), row.bottom(), row.right(), row.bottom());
        }
    }

    // Columns: the snap grid (when it is not too dense), beats and bars.
    const std::int64_t beat = document_->ticksPerBeat();
    const std::int64_t bar = document_->ticksPerBar();
    std::int64_t step = snapTicks() > 1 ? snapTicks() : beat;
    while (step * geometry_.pixelsPerTick() < 6) step *= 2;
    for (std::int64_t t = RollGeometry::snapFloor(t0, step); t <= t1; t += step) {
        const int x = static_cast<int>(std::floor(geometry_.xOfTick(t)));
        if (t % bar == 0)
            p.setPen(palette_.barLine);
        else if (t % beat == 0)
            p.setPen(palette_.beatLine);
        else
            p.setPen(palette_.stepLine);
        p.drawLine(x, area.top(), x, area.bottom());
    }

    if (hasLoopRange()) {
        const int x0 = static_cast<int>(geometry_.xOfTick(loopStart_));
        const int x1 = static_cast<int>(geometry_.xOfTick(loopEnd_));
        p.fillRect(QRect(x0, area.top(), x1 - x0, area.height()), palette_.loopFill);
    }
}

void PianoRollWidget::paintNote(QPainter& p, const QRect& r, int velocity, int track, bool selected) {
    const QRect box = r.adjusted(0, 1, -1, -1);
    p.fillRect(box, palette_.noteFill(velocity, track, selected));
    p.setPen(selected ? palette_.selectedBorder : palette_.noteBorder);
    p.drawRect(box);
}

Note PianoRollWidget::dragged(const Note& n) const {
    switch (drag_) {
        case Drag::Move:
            return n.withStart(n.start + dragTicks_).withPitch(n.pitch + dragPitch_);
        case Drag::Resize:
            return n.withLength(n.length + dragTicks_);
        default:
            return n;
    }
}

NoteRefs PianoRollWidget::draggedSelection() const {
    NoteRefs refs = document_->selectedNotes();
    for (NoteRef& r : refs) r.note = dragged(r.note);
    return refs;
}

void PianoRollWidget::paintNotes(QPainter& p, std::int64_t t0, std::int64_t t1) {
    const bool dragging = drag_ == Drag::Move || drag_ == Drag::Resize;
    forEachNoteIn(t0, t1, [&](const NoteRef& r) {
        const bool selected = document_->isSelected(r);
        if (selected && dragging) return;  // drawn at their new place below
        paintNote(p, noteRect(r.note), r.note.velocity, r.track, selected);
    });
    if (dragging)
        for (const NoteRef& r : draggedSelection()) paintNote(p, noteRect(r.note), r.note.velocity, r.track, true);
    if (drag_ == Drag::Create) paintNote(p, noteRect(creating_), creating_.velocity, document_->editTrack(), true);

    // Ghost notes: the Continue variation under audition, translucent and dashed.
    if (!ghostNotes_.empty()) {
        const std::int64_t earliest = t0 - ghostMaxLength_;
        auto it = std::partition_point(ghostNotes_.begin(), ghostNotes_.end(),
                                       [earliest](const Note& n) { return n.start < earliest; });
        QPen pen(palette_.ghostBorder, 1, Qt::DashLine);
        for (; it != ghostNotes_.end() && it->start < t1; ++it) {
            if (it->end() <= t0) continue;
            const QRect box = noteRect(*it).adjusted(0, 1, -1, -1);
            p.fillRect(box, palette_.ghostNote);
            p.setPen(pen);
            p.drawRect(box);
        }
    }
}

void PianoRollWidget::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    const QRect area = event->rect();
    const std::int64_t t0 = geometry_.tickAtX(area.left());
    const std::int64_t t1 = geometry_.tickAtX(area.right() + 1) + 1;
    paintGrid(p, area, t0, t1);
    paintNotes(p, t0, t1);

    if (drag_ == Drag::RubberBand && !rubberBand_.isNull()) {
        QColor fill = palette_.rubberBand;
        fill.setAlpha(40);
        p.fillRect(rubberBand_, fill);
        p.setPen(palette_.rubberBand);
        p.drawRect(rubberBand_.adjusted(0, 0, -1, -1));
    }

    const int x = static_cast<int>(geometry_.xOfTick(playhead_));
    if (x >= area.left() - 1 && x <= area.right() + 1) {
        p.setPen(QPen(palette_.playhead, 2));
        p.drawLine(x, area.top(), x, area.bottom());
    }
}

// ---------------------------------------------------------------- mouse

QString PianoRollWidget::pitchName(int pitch) {
    static const char* const kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    return QStringLiteral("%1%2").arg(QLatin1String(kNames[((pitch % 12) + 12) % 12])).arg(pitch / 12 - 1);
}

void PianoRollWidget::updateCursor(const QPoint& pos) {
    const NoteRefs hits = notesAt(pos);
    Qt::CursorShape shape = editMode_ == EditMode::Draw ? Qt::CrossCursor : Qt::ArrowCursor;
    if (!hits.empty()) {
        const Note& n = hits.back().note;
        if (!(n == hoverNote_)) {
            hoverNote_ = n;
            const std::int64_t bar = document_->ticksPerBar();
            const std::int64_t beat = document_->ticksPerBeat();
            emit statusMessage(tr("%1  velocity %2  bar %3.%4  length %5 beats")
                                   .arg(pitchName(n.pitch))
                                   .arg(n.velocity)
                                   .arg(n.start / bar + 1)
                                   .arg((n.start % bar) / beat + 1)
                                   .arg(static_cast<double>(n.length) / beat, 0, 'g', 3));
        }
        const QRect r = noteRect(hits.back().note);
        shape = (pos.x() >= r.right() - kResizeGrip && r.width() >= 2 * kResizeGrip) ? Qt::SizeHorCursor
                                                                                     : Qt::SizeAllCursor;
    }
    viewport()->setCursor(shape);
}

void PianoRollWidget::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const NoteRefs hits = notesAt(pos);
    const Qt::KeyboardModifiers mods = event->modifiers();

    if (event->button() == Qt::RightButton) {
        if (!hits.empty())
            document_->undoStack()->push(new RemoveNotesCommand(document_, {hits.back()}));
        return;
    }
    if (event->button() != Qt::LeftButton) return;

    pressContent_ = pos + QPoint(geometry_.scrollX, geometry_.scrollY);
    pressModifiers_ = mods;
    dragTicks_ = 0;
    dragPitch_ = 0;
    if (!hits.empty()) {
        const NoteRef hit = hits.back();
        if (mods & Qt::ControlModifier) {
            if (document_->isSelected(hit))
                document_->removeFromSelection({hit});
            else
                document_->addToSelection({hit});
            drag_ = Drag::None;
            return;
        }
        if (!document_->isSelected(hit)) {
            if (mods & Qt::ShiftModifier)
                document_->addToSelection({hit});
            else
                document_->setSelection({hit});
        }
        pressNote_ = hit;
        const QRect r = noteRect(hit.note);
        drag_ = (pos.x() >= r.right() - kResizeGrip && r.width() >= 2 * kResizeGrip) ? Drag::Resize : Drag::Move;
        lastAuditionPitch_ = hit.note.pitch;
        emit auditionRequested(hit.note.pitch, hit.note.velocity);
        return;
    }

    if (editMode_ == EditMode::Select || (mods & (Qt::ShiftModifier | Qt::ControlModifier))) {
        drag_ = Drag::RubberBand;
        rubberAdd_ = (mods & (Qt::ShiftModifier | Qt::ControlModifier)) != 0;
        rubberBand_ = QRect();
        if (!rubberAdd_) document_->clearSelection();
        return;
    }

    drag_ = Drag::Create;
    document_->clearSelection();
    const std::int64_t snap = (mods & Qt::AltModifier) ? 1 : snapTicks();
    creating_ = Note{};
    creating_.pitch = geometry_.pitchAtY(pos.y());
    creating_.start = std::max<std::int64_t>(0, RollGeometry::snapFloor(geometry_.tickAtX(pos.x()), snap));
    creating_.length = std::max<std::int64_t>(snap, drawLength_);
    creating_.velocity = 100;
    lastAuditionPitch_ = creating_.pitch;
    emit auditionRequested(creating_.pitch, creating_.velocity);
    viewport()->update();
}

void PianoRollWidget::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::None || !(event->buttons() & Qt::LeftButton)) {
        if (drag_ == Drag::None) updateCursor(pos);
        return;
    }
    dragTo(pos, event->modifiers());
    // Outside the canvas the view scrolls towards the mouse while the drag goes on.
    lastDragPos_ = pos;
    lastDragModifiers_ = event->modifiers();
    if (!viewport()->rect().contains(pos)) {
        if (!autoScroll_.isActive()) autoScroll_.start();
    } else {
        autoScroll_.stop();
    }
}

void PianoRollWidget::autoScrollStep() {
    if (drag_ == Drag::None) {
        autoScroll_.stop();
        return;
    }
    const QRect r = viewport()->rect();
    const QPoint p = lastDragPos_;
    const int dx = p.x() < r.left() ? p.x() - r.left() : p.x() > r.right() ? p.x() - r.right() : 0;
    const int dy = p.y() < r.top() ? p.y() - r.top() : p.y() > r.bottom() ? p.y() - r.bottom() : 0;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + std::clamp(dx, -40, 40));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + std::clamp(dy, -40, 40));
    dragTo(p, lastDragModifiers_);
}

void PianoRollWidget::dragTo(const QPoint& pos, Qt::KeyboardModifiers modifiers) {
    const QPoint pressPos = pressContent_ - QPoint(geometry_.scrollX, geometry_.scrollY);
    const bool noSnap = modifiers & Qt::AltModifier;
    const std::int64_t snap = noSnap ? 1 : snapTicks();
    const std::int64_t rawDelta = geometry_.tickAtX(pos.x()) - geometry_.tickAtX(pressPos.x());

    switch (drag_) {
        case Drag::Create: {
            const std::int64_t end = RollGeometry::snapRound(geometry_.tickAtX(pos.x()), snap);
            creating_.length = std::max<std::int64_t>(snap, end - creating_.start);
            if (pos.x() - pressPos.x() < kDragThreshold) creating_.length = std::max<std::int64_t>(snap, drawLength_);
            break;
        }
        case Drag::Move: {
            const std::int64_t newStart = RollGeometry::snapRound(pressNote_.note.start + rawDelta, snap);
            std::int64_t ticks = newStart - pressNote_.note.start;
            int pitch = geometry_.pitchAtY(pos.y()) - geometry_.pitchAtY(pressPos.y());
            std::int64_t first = pressNote_.note.start;
            int lo = 127, hi = 0;
            for (const NoteRef& r : document_->selection()) {
                first = std::min(first, r.note.start);
                lo = std::min(lo, r.note.pitch);
                hi = std::max(hi, r.note.pitch);
            }
            ticks = std::max(ticks, -first);
            pitch = std::clamp(pitch, -lo, 127 - hi);
            if (pitch != dragPitch_) {
                const int audition = pressNote_.note.pitch + pitch;
                if (audition != lastAuditionPitch_) {
                    emit auditionStopped();
                    emit auditionRequested(audition, pressNote_.note.velocity);
                    lastAuditionPitch_ = audition;
                }
            }
            dragTicks_ = ticks;
            dragPitch_ = pitch;
            break;
        }
        case Drag::Resize: {
            const std::int64_t newEnd = RollGeometry::snapRound(pressNote_.note.end() + rawDelta, snap);
            std::int64_t ticks = newEnd - pressNote_.note.end();
            std::int64_t shortest = pressNote_.note.length;
            for (const NoteRef& r : document_->selection()) shortest = std::min(shortest, r.note.length);
            const std::int64_t minLength = std::min<std::int64_t>(snap, shortest);
            dragTicks_ = std::max(ticks, minLength - shortest);
            break;
        }
        case Drag::RubberBand:
            if ((pos - pressPos).manhattanLength() >= kDragThreshold) rubberBand_ = QRect(pressPos, pos).normalized();
            break;
        case Drag::None:
            break;
    }
    viewport()->update();
    velocityLane_->update();
}

void PianoRollWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) finishDrag(true);
}

void PianoRollWidget::finishDrag(bool commit) {
    autoScroll_.stop();
    const Drag drag = drag_;
    drag_ = Drag::None;
    if (commit) {
        switch (drag) {
            case Drag::Create:
                drawLength_ = creating_.length;
                document_->undoStack()->push(
                    new AddNotesCommand(document_, {NoteRef{document_->editTrack(), creating_}}, tr("Draw note")));
                break;
            case Drag::Move:
            case Drag::Resize:
                if (drag == Drag::Move && dragTicks_ == 0 && dragPitch_ == 0 && pressModifiers_ == Qt::NoModifier &&
                    document_->selection().size() > 1) {
                    // A plain click (no drag) on a note of a larger selection selects just it.
                    document_->setSelection({pressNote_});
                } else if (dragTicks_ != 0 || dragPitch_ != 0) {
                    drag_ = drag;  // dragged() reads the drag kind
                    NoteRefs after = draggedSelection();
                    drag_ = Drag::None;
                    if (drag == Drag::Resize) {
                        const Note resized = pressNote_.note.withLength(pressNote_.note.length + dragTicks_);
                        drawLength_ = resized.length;
                    }
                    document_->undoStack()->push(new ModifyNotesCommand(
                        document_, document_->selectedNotes(), after,
                        drag == Drag::Resize ? tr("Resize notes") : tr("Move notes")));
                }
                break;
            case Drag::RubberBand:
                if (!rubberBand_.isNull()) {
                    const std::int64_t from = geometry_.tickAtX(rubberBand_.left());
                    const std::int64_t to = geometry_.tickAtX(rubberBand_.right()) + 1;
                    const int hiPitch = geometry_.pitchAtY(rubberBand_.top());
                    const int loPitch = geometry_.pitchAtY(rubberBand_.bottom());
                    NoteRefs inside;
                    forEachNoteIn(from, to, [&](const NoteRef& r) {
                        if (r.note.pitch >= loPitch && r.note.pitch <= hiPitch) inside.push_back(r);
                    });
                    if (rubberAdd_)
                        document_->addToSelection(inside);
                    else
                        document_->setSelection(inside);
                }
                break;
            case Drag::None:
                break;
        }
    }
    dragTicks_ = 0;
    dragPitch_ = 0;
    rubberBand_ = QRect();
    if (lastAuditionPitch_ >= 0) emit auditionStopped();
    lastAuditionPitch_ = -1;
    updateAll();
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
            moveSelection(-(shift ? document_->ticksPerBar() : snapDivision_ > 0 ? snapTicks() : document_->ticksPerQuarter() / 4));
            return;
        case Qt::Key_Right:
            moveSelection(shift ? document_->ticksPerBar() : snapDivision_ > 0 ? snapTicks() : document_->ticksPerQuarter() / 4);
            return;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            deleteSelection();
            return;
        case Qt::Key_Escape:
            if (drag_ != Drag::None)
                finishDrag(false);
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
