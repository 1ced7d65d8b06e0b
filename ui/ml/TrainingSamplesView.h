#pragma once

#include <QGroupBox>
#include <QPointer>
#include <QString>

class QListWidget;
class QPushButton;

namespace biaxial {

class PianoRollWidget;

// "Samples at checkpoints" of the Training panel: the sample MIDI files a run wrote, newest
// current, with Show as ghost notes (after the song in the roll, at the document's
// resolution, to compare by ear), Open as song and Use for Continue. The panel says which
// buttons may act (updateButtons) and does what the last two ask. GUI thread.
class TrainingSamplesView : public QGroupBox {
    Q_OBJECT
public:
    // `roll` (optional) receives the previews.
    explicit TrainingSamplesView(PianoRollWidget* roll, QWidget* parent = nullptr);

    // Lists a sample and makes it current.
    void addSample(const QString& path);
    void clear();
    // The current sample's path; empty when there is none.
    QString currentSample() const;
    // Enables the buttons: the sample ones need a current sample, Use for Continue needs
    // `modelAvailable` (a model file written, no training running).
    void updateButtons(bool modelAvailable);
    // Shows the current sample as ghost notes after the song.
    void previewCurrentSample();

signals:
    void openRequested(const QString& path);
    void useModelRequested();
    // The current sample changed (the panel updates the buttons).
    void currentChanged();
    void statusMessage(const QString& text);

private:
    QPointer<PianoRollWidget> roll_;
    QListWidget* list_ = nullptr;
    QPushButton* previewButton_ = nullptr;
    QPushButton* openButton_ = nullptr;
    QPushButton* useModelButton_ = nullptr;
};

}  // namespace biaxial
