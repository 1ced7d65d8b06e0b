#include "ScaleChooser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <algorithm>

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
    mode_->setToolTip(
        tr("Scale: the seed's key is estimated from the music being continued; "
           "Chromatic means no key"));
    mode_->addItem(tr(Scale::modeName(Scale::Mode::SeedKey)), static_cast<int>(Scale::Mode::SeedKey));
    for (int m = 0; m < Scale::kModeCount; ++m) {
        if (static_cast<Scale::Mode>(m) != Scale::Mode::SeedKey) {
            mode_->addItem(tr(Scale::modeName(static_cast<Scale::Mode>(m))), m);
        }
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(root_);
    layout->addWidget(mode_, 1);
    // The root means nothing for the seed's key (the chooser's first choice) or chromatic.
    root_->setEnabled(false);
    scale_ = Scale{0, Scale::Mode::SeedKey};

    connect(root_, &QComboBox::currentIndexChanged, this, &ScaleChooser::onComboChanged);
    connect(mode_, &QComboBox::currentIndexChanged, this, &ScaleChooser::onComboChanged);
}

void ScaleChooser::setScale(const Scale& scale) {
    {
        const QSignalBlocker blockRoot(root_);
        const QSignalBlocker blockMode(mode_);
        root_->setCurrentIndex(((scale.root % 12) + 12) % 12);
        mode_->setCurrentIndex(std::max(0, mode_->findData(static_cast<int>(scale.mode))));
    }
    onComboChanged();
}

void ScaleChooser::onComboChanged() {
    Scale next;
    next.root = root_->currentData().toInt();
    next.mode = static_cast<Scale::Mode>(mode_->currentData().toInt());
    root_->setEnabled(!next.isChromatic() && !next.isSeedKey());
    if (next == scale_) {
        return;
    }
    scale_ = next;
    emit scaleChanged(scale_);
}

}  // namespace biaxial
