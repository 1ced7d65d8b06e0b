#include "biaxial/ui/QtUserDialogs.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace biaxial {

void QtUserDialogs::showError(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::critical(parent, title, text);
}

void QtUserDialogs::showWarnings(QWidget* parent, const QString& title, const QString& text,
                                 const QStringList& warnings) {
    // Non-modal: the file is open and usable; the list is there to read or dismiss.
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setDetailedText(warnings.join('\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

IUserDialogs::SaveChoice QtUserDialogs::askSaveChanges(QWidget* parent, const QString& documentName,
                                                       const QString& doing) {
    const auto answer = QMessageBox::warning(
        parent, QCoreApplication::translate("biaxial", "Unsaved changes"),
        QCoreApplication::translate("biaxial", "Save the changes to \"%1\" before %2?")
            .arg(documentName, doing),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return SaveChoice::Save;
    if (answer == QMessageBox::Discard)
        return SaveChoice::Discard;
    return SaveChoice::Cancel;
}

bool QtUserDialogs::askYesNo(QWidget* parent, const QString& title, const QString& text) {
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) ==
           QMessageBox::Yes;
}

std::optional<int> QtUserDialogs::askInteger(QWidget* parent, const QString& title, const QString& label,
                                             int value, int min, int max) {
    bool ok = false;
    const int v = QInputDialog::getInt(parent, title, label, value, min, max, 1, &ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

QString QtUserDialogs::openFileName(QWidget* parent, const QString& title, const QString& directory,
                                    const QString& filter) {
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

QString QtUserDialogs::saveFileName(QWidget* parent, const QString& title, const QString& suggestion,
                                    const QString& filter) {
    return QFileDialog::getSaveFileName(parent, title, suggestion, filter);
}

QString QtUserDialogs::existingDirectory(QWidget* parent, const QString& title, const QString& directory) {
    return QFileDialog::getExistingDirectory(parent, title, directory);
}

void QtUserDialogs::showAbout(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::about(parent, title, text);
}

void QtUserDialogs::showHelp(QWidget* parent, const QString& title, const QString& html) {
    // Non-modal: the user reads it while trying the keys in the window.
    auto* box = new QMessageBox(QMessageBox::NoIcon, title, html, QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

}  // namespace biaxial
