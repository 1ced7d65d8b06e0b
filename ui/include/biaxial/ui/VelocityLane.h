#pragma once

#include <QWidget>
#include <map>

#include "biaxial/ui/NoteRef.h"

namespace biaxial {

class PianoRollWidget;

// The velocity lane under the piano roll: one stem per note. Dragging a stem sets the
// velocity of the notes starting there, or of the whole selection when the stem belongs to
// a selected note; the change becomes one undo step on release. Owned by the roll; GUI thread.
class VelocityLane : public QWidget {
    Q_OBJECT
public:
    explicit VelocityLane(PianoRollWidget* roll);
    int inset() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int velocityAtY(double y) const;
    NoteRefs notesNear(double x) const;

    PianoRollWidget* roll_;
    NoteRefs editing_;   // notes whose velocity the current drag sets
    int velocity_ = -1;  // the value being dragged, -1 when no drag
};

}  // namespace biaxial
