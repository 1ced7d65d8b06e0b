#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace biaxial {

// Every question, message box and file chooser of the studio (main window, panels,
// preferences) goes through this interface, so that tests replace the modal dialogs with a
// recorder that answers at once (QtUserDialogs is the real one). GUI thread.
class IUserDialogs {
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~IUserDialogs() = default;

    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    // Repairable problems of an opened file: shown without blocking the user.
    virtual void showWarnings(QWidget* parent, const QString& title, const QString& text,
                              const QStringList& warnings) = 0;
    // "Save the changes to NAME before DOING?" (doing: "closing", "opening x.mid" ...).
    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& documentName, const QString& doing) = 0;
    virtual bool askYesNo(QWidget* parent, const QString& title, const QString& text) = 0;
    // A whole number in [min, max], starting at `value`; nullopt when cancelled.
    virtual std::optional<int> askInteger(QWidget* parent, const QString& title, const QString& label,
                                          int value, int min, int max) = 0;
    // Empty when cancelled.
    virtual QString openFileName(QWidget* parent, const QString& title, const QString& directory,
                                 const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggestion,
                                 const QString& filter) = 0;
    virtual QString existingDirectory(QWidget* parent, const QString& title, const QString& directory) = 0;
    // Help > About: rich text, modal.
    virtual void showAbout(QWidget* parent, const QString& title, const QString& text) = 0;
    // A help page (rich text) that stays open beside the window without blocking it.
    virtual void showHelp(QWidget* parent, const QString& title, const QString& html) = 0;
};

}  // namespace biaxial
