#include "VariationPreview.h"

#include <QUndoCommand>

#include "biaxial/engine/RegionEdit.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

VariationPreview::VariationPreview(SongDocument* document, PianoRollWidget* roll, QObject* parent)
    : QObject(parent), document_(document), roll_(roll) {
    // Ghosts belong to the song they continue: a new or opened song drops them.
    connect(document_, &SongDocument::songReset, this, &VariationPreview::discard);
}

void VariationPreview::setResult(ContinueResult result) {
    result_ = std::move(result);
    index_ = 0;
    showCurrent();
    emit changed();
}

const std::vector<Note>& VariationPreview::currentNotes() const {
    static const std::vector<Note> kNone;
    return isActive() ? result_.variations[static_cast<std::size_t>(index_)] : kNone;
}

void VariationPreview::setIndex(int index) {
    if (!isActive()) {
        return;
    }
    const int wrapped = ((index % count()) + count()) % count();
    if (wrapped == index_) {
        return;
    }
    index_ = wrapped;
    showCurrent();
    emit changed();
}

void VariationPreview::next() {
    setIndex(index_ + 1);
}

void VariationPreview::previous() {
    setIndex(index_ - 1);
}

bool VariationPreview::accept() {
    if (!isActive()) {
        return false;
    }
    removedCount_ = 0;
    NoteRefs added;
    for (const Note& n : currentNotes()) {
        added.push_back(NoteRef{result_.track, n});
    }
    QUndoStack* stack = document_->undoStack();
    if (result_.mode == ContinueRequest::Mode::Regenerate) {
        NoteRefs removed;
        for (const NoteRef& ref : document_->notesInRange(result_.startTick, result_.endTick)) {
            if (RegionEdit::replaces(ref.note, result_.startTick, result_.endTick)) {
                removed.push_back(ref);
            }
        }
        removedCount_ = static_cast<int>(removed.size());
        // A parent command with two children: one undo step for the whole replacement.
        auto* replace =
            new QUndoCommand(tr("Regenerate: %1 note(s) out, %2 in").arg(removed.size()).arg(added.size()));
        new RemoveNotesCommand(document_, removed, {}, replace);
        new AddNotesCommand(document_, added, {}, replace);
        stack->push(replace);
    } else if (!added.empty()) {
        // A silent variation adds nothing, so it pushes no empty undo step.
        stack->push(new AddNotesCommand(
            document_, added,
            (result_.mode == ContinueRequest::Mode::Accompany
                 ? tr("Accompany: add %n note(s)", nullptr, static_cast<int>(added.size()))
                 : tr("Continue: add %n note(s)", nullptr, static_cast<int>(added.size())))));
    }
    const int noteCount = static_cast<int>(added.size());
    result_ = {};
    index_ = 0;
    showCurrent();
    emit accepted(noteCount);
    emit changed();
    return true;
}

void VariationPreview::discard() {
    if (!isActive()) {
        return;
    }
    result_ = {};
    index_ = 0;
    showCurrent();
    emit changed();
}

void VariationPreview::showCurrent() {
    if (roll_ == nullptr) {
        return;
    }
    if (isActive()) {
        roll_->setGhostNotes(currentNotes());
        if (result_.mode == ContinueRequest::Mode::Regenerate)
            roll_->setReplacedRange(result_.startTick, result_.endTick);
    } else {
        roll_->clearGhostNotes();
        roll_->setReplacedRange(0, 0);
    }
}

}  // namespace biaxial
