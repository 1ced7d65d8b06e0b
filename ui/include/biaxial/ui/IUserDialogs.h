#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace biaxial {

// Every question and message box of the main window goes through this interface, so that
// tests replace the modal dialogs with a recorder that answers at once (QtUserDialogs is
// the real one). GUI thread.
class IUserDialogs {
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~IUserDialogs() = default;

    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    // Repairable problems of an opened file: shown without blocking the user.
    virtual void showWarnings(QWidget* parent, const QString& title, const QString& text,
                              const QStringList& warnings) = 0;
    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) = 0;
    virtual bool askYesNo(QWidget* parent, const QString& title, const QString& text) = 0;
    // Empty when cancelled.
    virtual QString openFileName(QWidget* parent, const QString& title, const QString& directory,
                                 const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggestion,
                                 const QString& filter) = 0;
};

}  // namespace biaxial
