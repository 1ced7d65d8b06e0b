#pragma once

#include "biaxial/ui/IUserDialogs.h"

namespace biaxial {

// The real dialogs: QMessageBox and QFileDialog. GUI thread.
class QtUserDialogs final : public IUserDialogs {
public:
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    void showWarnings(QWidget* parent, const QString& title, const QString& text,
                      const QStringList& warnings) override;
    SaveChoice askSaveChanges(QWidget* parent, const QString& documentName, const QString& doing) override;
    bool askYesNo(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<int> askInteger(QWidget* parent, const QString& title, const QString& label, int value,
                                  int min, int max) override;
    QString openFileName(QWidget* parent, const QString& title, const QString& directory,
                         const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& title, const QString& suggestion,
                         const QString& filter) override;
    QString existingDirectory(QWidget* parent, const QString& title, const QString& directory) override;
    void showAbout(QWidget* parent, const QString& title, const QString& text) override;
    void showHelp(QWidget* parent, const QString& title, const QString& html) override;
};

}  // namespace biaxial
