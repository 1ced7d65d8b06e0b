#include "biaxial/ui/StudioPreferences.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

#include "biaxial/ui/AppStyle.h"
#include "biaxial/ui/Autosaver.h"
#include "biaxial/ui/IUserDialogs.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {

StudioPreferences::StudioPreferences(QWidget* window, IUserDialogs* dialogs, Transport* transport,
                                     Autosaver* autosaver)
    : QObject(window), window_(window), dialogs_(dialogs), transport_(transport), autosaver_(autosaver) {}

QList<QAction*> StudioPreferences::addThemeMenu(QMenu* viewMenu) {
    QMenu* theme = viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(window_);
    const QString current = QSettings().value("theme", "system").toString();
    for (const auto& [key, label] : {std::pair{"system", tr("Follow the System")},
                                     std::pair{"dark", tr("Dark")}, std::pair{"light", tr("Light")}}) {
        QAction* a = theme->addAction(label);
        a->setObjectName(QStringLiteral("view.theme.") + key);
        a->setCheckable(true);
        a->setChecked(current == QLatin1String(key));
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [key = QString(key)] {
            QSettings().setValue("theme", key);
            AppStyle::apply(*qApp, key);
        });
        themeActions_ << a;
    }
    return themeActions_;
}

void StudioPreferences::loadStoredSoundFont() {
    const QString soundFont = QSettings().value("sound/soundFont").toString();
    if (!soundFont.isEmpty() && QFileInfo::exists(soundFont))
        transport_->setSoundFont(soundFont, nullptr);
}

void StudioPreferences::chooseSoundFont() {
    const QString path =
        dialogs_->openFileName(window_, tr("Choose a SoundFont"), QStringLiteral("/usr/share/sounds/sf2"),
                               tr("SoundFonts (*.sf2 *.SF2);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (transport_->setSoundFont(path, &error)) {
        QSettings().setValue("sound/soundFont", path);
        emit statusMessage(tr("SoundFont: %1").arg(QFileInfo(path).fileName()), 4000);
    } else {
        dialogs_->showError(window_, tr("Cannot load SoundFont"), error);
    }
}

void StudioPreferences::edit() {
    QSettings settings;
    PreferencesDialog::Values before;
    before.theme = settings.value("theme", "system").toString();
    before.autosaveSeconds = autosaver_->intervalSeconds();
    before.soundFont = settings.value("sound/soundFont").toString();
    PreferencesDialog dialog(before, dialogs_, window_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    apply(dialog.values());
}

void StudioPreferences::apply(const PreferencesDialog::Values& values) {
    QSettings settings;
    if (values.theme != settings.value("theme", "system").toString()) {
        settings.setValue("theme", values.theme);
        AppStyle::apply(*qApp, values.theme);
        for (QAction* a : themeActions_)
            if (a->objectName() == QStringLiteral("view.theme.") + values.theme)
                a->setChecked(true);
    }
    autosaver_->setIntervalSeconds(values.autosaveSeconds);
    settings.setValue("autosave/intervalSeconds", values.autosaveSeconds);
    if (values.soundFont != settings.value("sound/soundFont").toString()) {
        if (values.soundFont.isEmpty()) {
            settings.remove("sound/soundFont");
            emit statusMessage(tr("The default SoundFont is used from the next start"), 4000);
        } else {
            QString error;
            if (transport_->setSoundFont(values.soundFont, &error))
                settings.setValue("sound/soundFont", values.soundFont);
            else
                dialogs_->showError(window_, tr("Cannot load SoundFont"), error);
        }
    }
}

}  // namespace biaxial
