#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QSettings;

namespace biaxial {

// The "Open Recent" list, kept in QSettings (key recentFiles), newest first, at most
// kMax entries, files that no longer exist dropped when the menu is shown. GUI thread.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 10;

    explicit RecentFiles(QObject* parent = nullptr);
    QStringList files() const { return files_; }
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
    // Fills the menu each time it is about to show.
    void attach(QMenu* menu);

signals:
    void openRequested(const QString& path);

private:
    void save() const;
    void fill(QMenu* menu);

    QStringList files_;
};

}  // namespace biaxial
