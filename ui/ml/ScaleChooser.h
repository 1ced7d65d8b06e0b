#pragma once

#include <QWidget>

#include "biaxial/engine/Scale.h"

class QComboBox;

namespace biaxial {

// Two combo boxes, root and mode, that choose a Scale. GUI thread only.
// Emits scaleChanged whenever the user (or setScale) changes either part.
class ScaleChooser : public QWidget {
    Q_OBJECT
public:
    explicit ScaleChooser(QWidget* parent = nullptr);

    Scale scale() const { return scale_; }
    void setScale(const Scale& scale);

signals:
    void scaleChanged(const biaxial::Scale& scale);

private:
    void onComboChanged();

    QComboBox* root_ = nullptr;
    QComboBox* mode_ = nullptr;
    Scale scale_;
};

}  // namespace biaxial
