#pragma once

#include <QWidget>

namespace biaxial {

class PianoRollWidget;

// The keyboard at the left of the piano roll, scrolled with it. Pressing a key auditions
// its pitch through the roll's auditionRequested/auditionStopped signals. Owned by the
// roll; GUI thread.
class PianoKeyboard : public QWidget {
    Q_OBJECT
public:
    explicit PianoKeyboard(PianoRollWidget* roll);
    int pressedPitch() const { return pressed_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void press(int pitch);

    PianoRollWidget* roll_;
    int pressed_ = -1;
};

}  // namespace biaxial
