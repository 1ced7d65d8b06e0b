#pragma once

#include <QString>
#include <QWidget>

#include "biaxial/model/Model.h"

class QLabel;
class QTextBrowser;

namespace biaxial {

// Shows a model's card: file, size (config and parameter count), training steps, the data
// it was trained on, its validation NLL and any other metadata the file carries. Takes the
// ModelInfo by value (read on a worker or from a loaded model): never a live model.
// GUI thread only.
class ModelCardView : public QWidget {
    Q_OBJECT
public:
    explicit ModelCardView(QWidget* parent = nullptr);

    void setModel(const QString& path, const ModelInfo& info);
    // No model: shows `message` (why, and how to get one) instead of a card.
    void showMessage(const QString& message);
    void clear();

    // The card as HTML (what is shown; tests read it).
    QString html() const;
    // The card as plain text.
    QString text() const;

    // HTML for one model: a pure function, usable in tooltips and tests.
    static QString cardHtml(const QString& path, const ModelInfo& info);

private:
    QTextBrowser* browser_ = nullptr;
};

}  // namespace biaxial
