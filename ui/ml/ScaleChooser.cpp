#include "ScaleChooser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace biaxial {

ScaleChooser::ScaleChooser(QWidget* parent) : QWidget(parent) {
    root_ = new QComboBox(this);
    root_->setObjectName("scaleRoot");
    root_->setToolTip(tr("Key (root of the scale)"));
    for (int pc = 0; pc < 12; ++pc) {
        root_->addItem(QString::fromLatin1(Scale::pitchClassName(pc)), pc);
    }
    mode_ = new QComboBox(this);
    mode_->setObjectName("scaleMode");
    mode_->setToolTip(tr("Scale: Chromatic means no constraint"));
    for (int m = 0; m < Scale::kModeCount; ++m) {
        mode_->addItem(tr(Scale::modeName(static_cast<Scale::Mode>(m))), m);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(root_);
    layout->addWidget(mode_, 1);
    // The root means nothing for the chromatic scale.
    root_->setEnabled(false);

    connect(root_, &QComboBox::currentIndexChanged, this, &ScaleChooser::onComboChanged);
    connect(mode_, &QComboBox::currentIndexChanged, this, &ScaleChooser::onComboChanged);
}

void ScaleChooser::setScale(const Scale& scale) {
    {
        const QSignalBlocker blockRoot(root_);
        const QSignalBlocker blockMode(mode_);
        root_->setCurrentIndex(((scale.root % 12) + 12) % 12);
        mode_->setCurrentIndex(static_cast<int>(scale.mode));
    }
    onComboChanged();
}

void ScaleChooser::onComboChanged() {
    Scale next;
    next.root = root_->currentData().toInt();
    next.mode = static_cast<Scale::Mode>(mode_->currentData().toInt());
    root_->setEnabled(!next.isChromatic());
    if (next == scale_) {
        return;
    }
    scale_ = next;
    emit scaleChanged(scale_);
}

}  // namespace biaxial
