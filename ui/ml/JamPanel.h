#pragma once

#include <QDockWidget>
#include <QPointer>
#include <functional>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace biaxial {

class JamSession;
class Model;
class PianoRollWidget;
class SongDocument;
class Transport;

// The Jam panel (issue 18): the network answers the musician's phrases (call and response) or
// plays along, live, through a JamSession on the transport's sound engine. The player plays a
// MIDI keyboard (Transport > MIDI Input), the roll's on-screen keys, or the computer keyboard
// as a piano (A W S E D F T G Y H U J K: C4 to C5; Z/X move an octave) while a jam runs.
// Stopping puts the take after the song's end, from a bar line, as one undo step: the
// player's notes on the edited track, the network's on a track of their own (channel 2).
// GUI thread.
class JamPanel : public QDockWidget {
    Q_OBJECT
public:
    // `modelPath`: the model Continue uses now ("" = none loaded).
    JamPanel(SongDocument* document, Transport* transport, PianoRollWidget* roll,
             std::function<QString()> modelPath, QWidget* parent = nullptr);
    ~JamPanel() override;

    bool isJamming() const;
    // Starts or stops (the button).
    void start();
    void stop();
    // For tests and the on-screen keys: a key of the player's, now.
    void playerKey(int pitch, bool down);

signals:
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateHint();
    int computerKeyPitch(int key) const;  // -1: not a piano key

    SongDocument* document_;
    QPointer<Transport> transport_;
    PianoRollWidget* roll_;
    std::function<QString()> modelPath_;
    QComboBox* mode_ = nullptr;
    QSpinBox* restBars_ = nullptr;
    QSpinBox* answerBars_ = nullptr;
    QCheckBox* metronome_ = nullptr;
    QPushButton* button_ = nullptr;
    QLabel* hint_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* poll_ = nullptr;
    std::unique_ptr<Model> model_;
    std::unique_ptr<JamSession> session_;
    std::int64_t startTick_ = 0;
    int rollPitch_ = -1;           // the on-screen key held down
    int octave_ = 0;               // computer keyboard: octaves above or below C4
    std::map<int, int> heldKeys_;  // computer keyboard: key -> the pitch it struck
};

}  // namespace biaxial
