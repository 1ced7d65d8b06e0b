#pragma once

#include <QWidget>
#include <cstdint>

namespace biaxial {

class PianoRollWidget;

// The bar/beat ruler above the piano roll. A click moves the playhead; a drag marks the
// loop region (snapped to the grid); a right-click clears it. Owned by the roll; GUI thread.
class TimeRuler : public QWidget {
    Q_OBJECT
public:
    explicit TimeRuler(PianoRollWidget* roll);
    // The ruler's left strip above the keyboard is this wide.
    int inset() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    std::int64_t tickAt(double x) const;

    PianoRollWidget* roll_;
    bool pressed_ = false;
    bool dragging_ = false;
    double pressX_ = 0;
};

}  // namespace biaxial
