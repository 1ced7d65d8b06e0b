#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace biaxial {

class IUserDialogs;

// Edit > Preferences: theme, autosave interval and SoundFont. It only edits values; the
// main window reads them back after exec() and applies and stores them (QSettings). The
// SoundFont's Browse button asks through `dialogs` (which must outlive the dialog). GUI thread.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    struct Values {
        QString theme = QStringLiteral("system");  // system, dark or light
        int autosaveSeconds = 30;
        QString soundFont;  // "" = the default General MIDI SoundFont
    };

    PreferencesDialog(const Values& values, IUserDialogs* dialogs, QWidget* parent = nullptr);
    Values values() const;

private:
    QComboBox* theme_;
    QSpinBox* autosave_;
    QLineEdit* soundFont_;
};

}  // namespace biaxial
