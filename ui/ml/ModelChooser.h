#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QPushButton;
class QSettings;

namespace biaxial {

class IUserDialogs;

// The Continue panel's choice of model: a list of model files (the default model, those
// opened before, those the Training panel wrote) and an "Open model..." button. It only
// chooses; the panel loads the chosen file and shows its card. The list is kept in the
// settings as "models" (in the caller's settings group). `dialogs` must outlive it. GUI thread.
class ModelChooser : public QWidget {
    Q_OBJECT
public:
    explicit ModelChooser(IUserDialogs* dialogs, QWidget* parent = nullptr);

    // Adds the file (once, by absolute path) and returns that path.
    QString addModelFile(const QString& path);
    // Shows `path` as the current choice when it is in the list (no modelChosen()).
    void setCurrentPath(const QString& path);
    int count() const;
    QString pathAt(int index) const;

    // Adds the models stored in `settings` that are still on disk / stores the list.
    void loadSettings(const QSettings& settings);
    void saveSettings(QSettings& settings) const;

public slots:
    // Asks for a model file; a chosen one is added and chosen.
    void openModelDialog();

signals:
    // The user chose a model in the list or opened one (an absolute path).
    void modelChosen(const QString& path);

private:
    IUserDialogs* dialogs_;
    QComboBox* combo_;
    QPushButton* openButton_;
};

}  // namespace biaxial
