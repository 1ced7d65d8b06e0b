#pragma once

#include <QList>
#include <QObject>

#include "biaxial/ui/PreferencesDialog.h"

class QAction;
class QMenu;
class QWidget;

namespace biaxial {

class Autosaver;
class IUserDialogs;
class Transport;

// The studio's preferences as the user changes them: the theme (View > Theme and the
// dialog), the autosave interval and the SoundFont (Transport > Choose SoundFont and the
// dialog). Each change is applied at once and stored in QSettings ("theme",
// "autosave/intervalSeconds", "sound/soundFont"); the main window reads the rest of its
// settings itself. Everything passed in must outlive this object. GUI thread.
class StudioPreferences : public QObject {
    Q_OBJECT
public:
    StudioPreferences(QWidget* window, IUserDialogs* dialogs, Transport* transport, Autosaver* autosaver);

    // Adds View > Theme to `viewMenu`; returns its actions ("view.theme.system", ".dark",
    // ".light") for the window's action list.
    QList<QAction*> addThemeMenu(QMenu* viewMenu);
    // Loads the stored SoundFont, if one was chosen and still exists (at start, with sound).
    void loadStoredSoundFont();
    // Transport > Choose SoundFont...: asks for a file, loads and stores it.
    void chooseSoundFont();
    // Edit > Preferences...: the dialog, then apply() of what it returns.
    void edit();
    void apply(const PreferencesDialog::Values& values);

signals:
    // For the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    QWidget* window_;
    IUserDialogs* dialogs_;
    Transport* transport_;
    Autosaver* autosaver_;
    QList<QAction*> themeActions_;
};

}  // namespace biaxial
