#include "ModelChooser.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSettings>

#include "ModelLocator.h"
#include "biaxial/ui/IUserDialogs.h"

namespace biaxial {

ModelChooser::ModelChooser(IUserDialogs* dialogs, QWidget* parent) : QWidget(parent), dialogs_(dialogs) {
    auto* row = new QHBoxLayout(this);
    // No margins of its own: the row lines up with the model card below it, as one layout would.
    row->setContentsMargins(0, 0, 0, 0);
    combo_ = new QComboBox;
    combo_->setObjectName("modelCombo");
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo_->setMinimumContentsLength(12);
    openButton_ = new QPushButton(tr("Open model..."));
    openButton_->setObjectName("openModel");
    row->addWidget(combo_, 1);
    row->addWidget(openButton_);

    connect(openButton_, &QPushButton::clicked, this, &ModelChooser::openModelDialog);
    connect(combo_, &QComboBox::activated, this, [this](int index) { emit modelChosen(pathAt(index)); });
}

QString ModelChooser::addModelFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (combo_->findData(absolute) < 0) {
        combo_->addItem(QFileInfo(absolute).fileName(), absolute);
        combo_->setItemData(combo_->count() - 1, absolute, Qt::ToolTipRole);
    }
    return absolute;
}

void ModelChooser::setCurrentPath(const QString& path) {
    const int index = combo_->findData(path);
    if (index >= 0) {
        combo_->setCurrentIndex(index);
    }
}

int ModelChooser::count() const {
    return combo_->count();
}

QString ModelChooser::pathAt(int index) const {
    return combo_->itemData(index).toString();
}

void ModelChooser::loadSettings(const QSettings& settings) {
    // Models opened before, still on disk (the default model is added at start).
    for (const QString& path : settings.value("models").toStringList()) {
        if (QFileInfo(path).isFile() && !ModelLocator::isAnotherDefault(path) && combo_->findData(path) < 0) {
            combo_->addItem(QFileInfo(path).fileName(), path);
            combo_->setItemData(combo_->count() - 1, path, Qt::ToolTipRole);
        }
    }
}

void ModelChooser::saveSettings(QSettings& settings) const {
    QStringList models;
    for (int i = 0; i < combo_->count(); ++i) {
        models << pathAt(i);
    }
    settings.setValue("models", models);
}

void ModelChooser::openModelDialog() {
    const QString path =
        dialogs_->openFileName(this, tr("Open model"), QString(), tr("Biaxial models (*.pt);;All files (*)"));
    if (!path.isEmpty()) {
        const QString absolute = addModelFile(path);
        setCurrentPath(absolute);
        emit modelChosen(absolute);
    }
}

}  // namespace biaxial
