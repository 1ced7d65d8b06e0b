#include "biaxial/ui/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "biaxial/ui/IUserDialogs.h"

namespace biaxial {

PreferencesDialog::PreferencesDialog(const Values& values, IUserDialogs* dialogs, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout;

    theme_ = new QComboBox(this);
    theme_->setObjectName("themeBox");
    theme_->addItem(tr("Follow the system"), QStringLiteral("system"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->setCurrentIndex(std::max(0, theme_->findData(values.theme)));
    form->addRow(tr("Theme"), theme_);

    autosave_ = new QSpinBox(this);
    autosave_->setObjectName("autosaveBox");
    autosave_->setRange(5, 600);
    autosave_->setSuffix(tr(" s"));
    autosave_->setValue(values.autosaveSeconds);
    autosave_->setToolTip(tr("How often unsaved changes are kept for recovery after a crash"));
    form->addRow(tr("Autosave every"), autosave_);

    soundFont_ = new QLineEdit(values.soundFont, this);
    soundFont_->setObjectName("soundFontEdit");
    soundFont_->setPlaceholderText(tr("Default General MIDI SoundFont"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    browse->setObjectName("soundFontBrowse");
    connect(browse, &QPushButton::clicked, this, [this, dialogs] {
        const QString path =
            dialogs->openFileName(this, tr("Choose a SoundFont"), QStringLiteral("/usr/share/sounds/sf2"),
                                  tr("SoundFonts (*.sf2 *.SF2);;All files (*)"));
        if (!path.isEmpty())
            soundFont_->setText(path);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(soundFont_, 1);
    row->addWidget(browse);
    form->addRow(tr("SoundFont"), row);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

PreferencesDialog::Values PreferencesDialog::values() const {
    Values v;
    v.theme = theme_->currentData().toString();
    v.autosaveSeconds = autosave_->value();
    v.soundFont = soundFont_->text().trimmed();
    return v;
}

}  // namespace biaxial
