#pragma once

#include <QStringList>
#include <algorithm>

#include "biaxial/ui/IUserDialogs.h"

namespace biaxial::test {

// Answers every question at once and records what was shown, so that tests never block on
// a modal dialog.
class RecordingDialogs : public IUserDialogs {
public:
    QStringList errors;
    QStringList warnings;
    int saveQuestions = 0;
    int yesNoQuestions = 0;
    SaveChoice saveAnswer = SaveChoice::Cancel;
    bool yesNoAnswer = true;
    QString nextOpenName;
    QString nextSaveName;
    QString nextDirectory;
    QStringList chooserTitles;    // the title of every file or folder chooser shown
    QStringList saveSuggestions;  // what each save chooser offered
    QStringList abouts;
    QStringList helps;

    void showError(QWidget*, const QString& title, const QString& text) override {
        errors << title + ": " + text;
    }
    void showWarnings(QWidget*, const QString&, const QString&, const QStringList& list) override {
        warnings << list;
    }
    SaveChoice askSaveChanges(QWidget*, const QString&, const QString& doing) override {
        ++saveQuestions;
        lastSaveQuestion = doing;
        return saveAnswer;
    }
    bool askYesNo(QWidget*, const QString&, const QString&) override {
        ++yesNoQuestions;
        return yesNoAnswer;
    }
    std::optional<int> askInteger(QWidget*, const QString& title, const QString&, int value, int min,
                                  int max) override {
        chooserTitles << title;
        lastIntegerAsked = value;
        if (!integerAnswer)
            return std::nullopt;
        return std::clamp(*integerAnswer, min, max);
    }
    std::optional<int> integerAnswer;
    QString lastSaveQuestion;
    int lastIntegerAsked = -1;
    QString openFileName(QWidget*, const QString& title, const QString&, const QString&) override {
        chooserTitles << title;
        return nextOpenName;
    }
    QString saveFileName(QWidget*, const QString& title, const QString& suggestion, const QString&) override {
        chooserTitles << title;
        saveSuggestions << suggestion;
        return nextSaveName;
    }
    QString existingDirectory(QWidget*, const QString& title, const QString&) override {
        chooserTitles << title;
        return nextDirectory;
    }
    void showAbout(QWidget*, const QString& title, const QString& text) override {
        abouts << title + ": " + text;
    }
    void showHelp(QWidget*, const QString& title, const QString& html) override {
        helps << title + ": " + html;
    }
};

}  // namespace biaxial::test
