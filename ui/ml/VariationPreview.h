#pragma once

#include <QObject>
#include <QPointer>
#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/model/ContinueResult.h"

namespace biaxial {

class SongDocument;
class PianoRollWidget;

// The variations of a finished Continue job while the user auditions them: shows the
// current one as ghost notes in the piano roll, flips through them, and on accept turns the
// current one into ONE undo step on the document's stack (Continue: add the notes;
// Regenerate: remove the notes that start in the range and add the new ones). Discard, or a
// new song, drops them. GUI thread only. Does not own the document or the roll (the roll
// may be null, e.g. in tests).
class VariationPreview : public QObject {
    Q_OBJECT
public:
    VariationPreview(SongDocument* document, PianoRollWidget* roll, QObject* parent = nullptr);

    void setResult(ContinueResult result);
    bool isActive() const { return !result_.variations.empty(); }
    int count() const { return static_cast<int>(result_.variations.size()); }
    int index() const { return index_; }
    // Notes the last accepted Regenerate removed (0 for Continue and Accompany).
    int removedCount() const { return removedCount_; }
    const ContinueResult& result() const { return result_; }
    const std::vector<Note>& currentNotes() const;

public slots:
    void setIndex(int index);
    void next();
    void previous();
    // Adds the current variation to the document as one undoable command; false when there
    // is nothing to accept.
    bool accept();
    void discard();

signals:
    // The result, the index, or the active state changed.
    void changed();
    void accepted(int noteCount);

private:
    void showCurrent();

    SongDocument* document_;
    QPointer<PianoRollWidget> roll_;
    ContinueResult result_;
    int index_ = 0;
    int removedCount_ = 0;
};

}  // namespace biaxial
