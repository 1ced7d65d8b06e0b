#include "biaxial/ui/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace biaxial {

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    files_ = QSettings().value("recentFiles").toStringList();
    while (files_.size() > kMax)
        files_.removeLast();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > kMax)
        files_.removeLast();
    save();
}

void RecentFiles::remove(const QString& path) {
    files_.removeAll(QFileInfo(path).absoluteFilePath());
    save();
}

void RecentFiles::clear() {
    files_.clear();
    save();
}

void RecentFiles::save() const {
    QSettings().setValue("recentFiles", files_);
}

void RecentFiles::attach(QMenu* menu) {
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fill(menu); });
    fill(menu);
}

void RecentFiles::fill(QMenu* menu) {
    menu->clear();
    QStringList existing;
    for (const QString& f : files_)
        if (QFileInfo::exists(f))
            existing << f;
    if (existing != files_) {
        files_ = existing;
        save();
    }
    int index = 1;
    for (const QString& f : files_) {
        QAction* a =
            menu->addAction(QStringLiteral("&%1  %2").arg(index++ % 10).arg(QFileInfo(f).fileName()));
        a->setToolTip(QDir::toNativeSeparators(f));
        a->setStatusTip(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { emit openRequested(f); });
    }
    if (files_.isEmpty())
        menu->addAction(tr("No recent files"))->setEnabled(false);
    menu->addSeparator();
    QAction* clearAction = menu->addAction(tr("Clear list"));
    clearAction->setEnabled(!files_.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

}  // namespace biaxial
