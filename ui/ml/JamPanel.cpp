#include "JamPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include "biaxial/audio/AudioSession.h"
#include "biaxial/model/JamSession.h"
#include "biaxial/model/Model.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {

JamPanel::JamPanel(SongDocument* document, Transport* transport, PianoRollWidget* roll,
                   std::function<QString()> modelPath, QWidget* parent)
    : QDockWidget(tr("Jam"), parent),
      document_(document),
      transport_(transport),
      roll_(roll),
      modelPath_(std::move(modelPath)) {
    setObjectName(QStringLiteral("jamPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    auto* form = new QFormLayout;
    mode_ = new QComboBox(body);
    mode_->addItem(tr("Answer my phrases"));
    mode_->addItem(tr("Play along with me"));
    mode_->setObjectName(QStringLiteral("jamMode"));
    restBars_ = new QSpinBox(body);
    restBars_->setRange(1, 8);
    restBars_->setValue(1);
    restBars_->setSuffix(tr(" bar(s)"));
    answerBars_ = new QSpinBox(body);
    answerBars_->setRange(1, 16);
    answerBars_->setValue(2);
    answerBars_->setSuffix(tr(" bar(s)"));
    restBars_->setObjectName(QStringLiteral("jamRestBars"));
    answerBars_->setObjectName(QStringLiteral("jamAnswerBars"));
    form->addRow(tr("Mode"), mode_);
    form->addRow(tr("Answer after a rest of"), restBars_);
    form->addRow(tr("Answer for"), answerBars_);
    metronome_ = new QCheckBox(tr("Metronome, with a bar of count-in"), body);
    metronome_->setChecked(true);
    metronome_->setObjectName(QStringLiteral("jamMetronome"));
    form->addRow(QString(), metronome_);
    layout->addLayout(form);
    button_ = new QPushButton(tr("Start Jam"), body);
    button_->setObjectName(QStringLiteral("jamButton"));
    layout->addWidget(button_);
    hint_ = new QLabel(body);
    hint_->setWordWrap(true);
    layout->addWidget(hint_);
    status_ = new QLabel(body);
    status_->setWordWrap(true);
    status_->setObjectName(QStringLiteral("jamStatus"));
    layout->addWidget(status_);
    layout->addStretch(1);
    setWidget(body);

    connect(button_, &QPushButton::clicked, this, [this] { isJamming() ? stop() : start(); });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this](int index) {
        restBars_->setEnabled(index == 0);
        answerBars_->setEnabled(index == 0);
    });
    // The roll's on-screen keys are the player's keys while a jam runs.
    connect(roll, &PianoRollWidget::auditionRequested, this, [this](int pitch, int) {
        if (rollPitch_ >= 0)
            playerKey(rollPitch_, false);
        rollPitch_ = pitch;
        playerKey(pitch, true);
    });
    connect(roll, &PianoRollWidget::auditionStopped, this, [this] {
        if (rollPitch_ >= 0)
            playerKey(rollPitch_, false);
        rollPitch_ = -1;
    });
    poll_ = new QTimer(this);
    poll_->setInterval(50);
    connect(poll_, &QTimer::timeout, this, [this] {
        if (!session_)
            return;
        roll_->setPlayheadTick(session_->tickNow());  // the roll follows the jam (pages along)
        status_->setText(
            (session_->answering() ? tr("The network is answering.") : tr("Listening.")) +
            (session_->lateSteps() > 0
                 ? QLatin1Char(' ') +
                       tr("%1 step(s) came too late and were left out.").arg(session_->lateSteps())
                 : QString()));
    });
    updateHint();
}

JamPanel::~JamPanel() {
    if (session_)
        stop();
}

bool JamPanel::isJamming() const {
    return session_ != nullptr;
}

void JamPanel::updateHint() {
    AudioSession* audio = transport_ ? transport_->audioSession() : nullptr;
    const QString keys =
        tr("the computer keyboard while the jam runs (A W S E D F T G Y H U J K from C4; Z and X change "
           "the octave), or click the keys at the roll's left.");
    if (!audio)
        hint_->setText(tr("Jamming needs the sound engine, which this build does not have."));
    else if (audio->inputName().empty())
        hint_->setText(tr("No MIDI keyboard is open (Transport > MIDI Input): play ") + keys);
    else
        hint_->setText(tr("Play on %1, or on ").arg(QString::fromStdString(audio->inputName())) + keys);
}

void JamPanel::start() {
    if (session_)
        return;
    updateHint();
    AudioSession* audio = transport_ ? transport_->audioSession() : nullptr;
    if (!audio) {
        status_->setText(hint_->text());
        return;
    }
    const QString path = modelPath_ ? modelPath_() : QString();
    if (path.isEmpty()) {
        status_->setText(tr("No model is loaded: choose one in the Continue panel."));
        return;
    }
    std::string why;
    auto model = Model::load(path.toStdString(), &why);
    if (!model) {
        status_->setText(tr("Cannot load the model: %1").arg(QString::fromStdString(why)));
        return;
    }
    model_ = std::make_unique<Model>(*model);
    const Song song = document_->song();
    JamSessionOptions o;
    o.timing = song;
    o.policy.mode = mode_->currentIndex() == 1 ? JamPolicy::Mode::Along : JamPolicy::Mode::Answer;
    o.policy.restBars = restBars_->value();
    o.policy.answerBars = answerBars_->value();
    o.metronome = metronome_->isChecked();
    o.randomSeed = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    // The take goes after the song, from a bar line.
    const TimeSignature& meter =
        o.timing.timeSignatures.empty() ? TimeSignature{} : o.timing.timeSignatures.front();
    const std::int64_t bar =
        static_cast<std::int64_t>(song.ticksPerQuarter) * 4 * meter.numerator / meter.denominator;
    startTick_ = (song.endTick() + bar - 1) / bar * bar;
    o.startTick = startTick_;
    session_ = std::make_unique<JamSession>(*model_, audio->clock(), audio->liveOutput(), o);
    JamSession* session = session_.get();
    audio->setInputListener([session](const MidiMessage& m, double seconds) { session->handle(m, seconds); });
    if (!session_->start(audio->clock().now() + 0.1, &why)) {
        audio->setInputListener(nullptr);
        session_.reset();
        status_->setText(QString::fromStdString(why));
        return;
    }
    qApp->installEventFilter(this);
    roll_->setPlaying(true);
    octave_ = 0;
    heldKeys_.clear();
    poll_->start();
    button_->setText(tr("Stop Jam"));
    for (QWidget* w : {static_cast<QWidget*>(mode_), static_cast<QWidget*>(restBars_),
                       static_cast<QWidget*>(answerBars_), static_cast<QWidget*>(metronome_)})
        w->setEnabled(false);
    status_->setText(o.policy.mode == JamPolicy::Mode::Along
                         ? tr("Play: the network joins in with your first note.")
                         : tr("Play a phrase, then rest a bar."));
    emit statusMessage(tr("Jam started"));
}

void JamPanel::stop() {
    if (!session_)
        return;
    qApp->removeEventFilter(this);
    poll_->stop();
    if (AudioSession* audio = transport_ ? transport_->audioSession() : nullptr)
        audio->setInputListener(nullptr);
    const JamTake take = session_->stop();
    session_.reset();
    roll_->setPlaying(false);
    if (transport_)
        roll_->setPlayheadTick(transport_->position());  // back where the transport is
    button_->setText(tr("Start Jam"));
    mode_->setEnabled(true);
    metronome_->setEnabled(true);
    restBars_->setEnabled(mode_->currentIndex() == 0);
    answerBars_->setEnabled(mode_->currentIndex() == 0);
    NoteRefs refs;
    const int playerTrack = document_->editTrack();
    const int networkTrack = std::max(static_cast<int>(document_->song().tracks.size()), playerTrack + 1);
    for (const Note& n : take.player)
        refs.push_back({playerTrack, n});
    for (const Note& n : take.network)
        refs.push_back({networkTrack, n});
    QString text = tr("Jam: %1 of yours, %2 of the network's")
                       .arg(countOf(static_cast<qint64>(take.player.size()), tr("note"), tr("notes")))
                       .arg(countOf(static_cast<qint64>(take.network.size()), tr("note"), tr("notes")));
    if (take.lateSteps > 0)
        text += tr("; %1 late step(s) left out").arg(take.lateSteps);
    status_->setText(text);
    if (!refs.empty()) {
        document_->undoStack()->push(new AddNotesCommand(document_, refs, tr("Jam")));
        document_->setSelection(refs);  // the take, selected and in view
        roll_->scrollToTick(startTick_);
    }
    emit statusMessage(text);
}

void JamPanel::playerKey(int pitch, bool down) {
    AudioSession* audio = transport_ ? transport_->audioSession() : nullptr;
    if (!session_ || !audio || pitch < 0 || pitch > 127)
        return;
    const MidiMessage m = down ? MidiMessage::noteOn(0, pitch, 90) : MidiMessage::noteOff(0, pitch);
    session_->handle(m, audio->clock().now());
}

int JamPanel::computerKeyPitch(int key) const {
    static const int keys[] = {Qt::Key_A, Qt::Key_W, Qt::Key_S, Qt::Key_E, Qt::Key_D, Qt::Key_F, Qt::Key_T,
                               Qt::Key_G, Qt::Key_Y, Qt::Key_H, Qt::Key_U, Qt::Key_J, Qt::Key_K};
    for (int i = 0; i < 13; ++i)
        if (keys[i] == key)
            return 60 + 12 * octave_ + i;
    return -1;
}

bool JamPanel::eventFilter(QObject* watched, QEvent* event) {
    // While jamming the letter keys are a piano (shortcuts wait until the jam stops).
    const auto type = event->type();
    if (!session_ ||
        (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride))
        return QDockWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return QDockWidget::eventFilter(watched, event);
    const int k = key->key();
    int pitch = computerKeyPitch(k);
    if (type == QEvent::KeyRelease && heldKeys_.count(k))
        pitch = heldKeys_[k];  // the pitch it struck, whatever the octave is now
    const bool octaveKey = k == Qt::Key_Z || k == Qt::Key_X;
    if (pitch < 0 && !octaveKey)
        return QDockWidget::eventFilter(watched, event);
    if (type == QEvent::ShortcutOverride) {
        event->accept();  // the key is ours, not a menu shortcut's
        return true;
    }
    if (key->isAutoRepeat())
        return true;
    AudioSession* audio = transport_ ? transport_->audioSession() : nullptr;
    if (octaveKey) {
        if (type == QEvent::KeyPress)
            octave_ = std::clamp(octave_ + (k == Qt::Key_X ? 1 : -1), -3, 3);
        return true;
    }
    const bool down = type == QEvent::KeyPress;
    if (down)
        heldKeys_[k] = pitch;
    else
        heldKeys_.erase(k);
    if (audio) {  // the player hears their key at once, as MIDI thru does for a keyboard
        if (down)
            audio->liveOutput().noteOn(0, pitch, 90);
        else
            audio->liveOutput().noteOff(0, pitch);
    }
    playerKey(pitch, down);
    return true;
}

}  // namespace biaxial
