#include "ContinuePanel.h"

#include "biaxial/engine/GridConverter.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "ContinueActions.h"
#include "ContinueController.h"
#include "ModelCardView.h"
#include "ModelChooser.h"
#include "ModelLocator.h"
#include "ScaleChooser.h"
#include "VariationPreview.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/QtUserDialogs.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

namespace {

constexpr int kMaxRandomSeed = 999999;

}  // namespace

ContinuePanel::ContinuePanel(SongDocument* document, PianoRollWidget* roll, QWidget* parent,
                             bool loadDefaultModel, IUserDialogs* dialogs)
    : QDockWidget(tr("Continue"), parent), document_(document), roll_(roll) {
    setObjectName("continuePanel");
    if (dialogs == nullptr) {
        ownDialogs_ = std::make_unique<QtUserDialogs>();
        dialogs = ownDialogs_.get();
    }
    dialogs_ = dialogs;
    controller_ = new ContinueController(this);
    preview_ = new VariationPreview(document_, roll_, this);
    buildUi();
    loadSettings();

    connect(controller_, &ContinueController::modelLoaded, this, &ContinuePanel::onModelLoaded);
    connect(controller_, &ContinueController::modelLoadFailed, this, &ContinuePanel::onModelLoadFailed);
    connect(controller_, &ContinueController::progress, this, [this](int done, int total) {
        progress_->setMaximum(std::max(1, total));
        progress_->setValue(done);
    });
    connect(controller_, &ContinueController::finished, this, &ContinuePanel::onFinished);
    connect(controller_, &ContinueController::failed, this,
            [this](const QString& error) { setStatus(tr("Continue failed: %1").arg(error)); });
    connect(controller_, &ContinueController::cancelled, this, [this] {
        setStatus(tr("Cancelled."));
        if (streaming_) {
            streaming_ = false;
            emit streamStopped();
        }
    });
    connect(controller_, &ContinueController::failed, this, [this] {
        if (streaming_) {
            streaming_ = false;
            emit streamStopped();
        }
    });
    connect(controller_, &ContinueController::runningChanged, this, [this] { updateEnabled(); });
    connect(preview_, &VariationPreview::changed, this, [this] { updateEnabled(); });
    connect(preview_, &VariationPreview::accepted, this, [this](int n) {
        const int removed = preview_->removedCount();
        setStatus(removed > 0 ? tr("Replaced %1 note(s) with %2. Undo brings them back.").arg(removed).arg(n)
                              : tr("Added %n note(s). Undo removes them.", nullptr, n));
    });
    connect(document_, &SongDocument::selectionChanged, this, [this] { updateEnabled(); });
    connect(document_, &SongDocument::notesChanged, this, [this] { updateEnabled(); });
    connect(document_, &SongDocument::songReset, this, [this] { songReplacedSinceStart_ = true; });
    if (roll_ != nullptr) {
        connect(roll_, &PianoRollWidget::loopRangeChanged, this, [this] { updateEnabled(); });
    }

    // At start: the model used last time if it is still there, else the default model, else
    // any model opened before; without any, Continue says why and how to get one.
    QString startModel;
    if (loadDefaultModel) {
        const QString last = QSettings().value(QStringLiteral("continue/currentModel")).toString();
        const QString fallback = ModelLocator::defaultModelPath();
        if (!fallback.isEmpty()) {
            addModelFile(fallback, false);
        }
        const bool lastStands = QFileInfo(last).isFile() && !ModelLocator::isAnotherDefault(last);
        startModel = lastStands                   ? last
                     : !fallback.isEmpty()        ? fallback
                     : modelChooser_->count() > 0 ? modelChooser_->pathAt(0)
                                                  : QString();
    }
    if (!startModel.isEmpty()) {
        addModelFile(startModel, true);
    } else {
        modelMissing_ = true;
        card_->showMessage(ModelLocator::howToGetAModel());
    }
    updateEnabled();
}

ContinuePanel::~ContinuePanel() {
    saveSettings();
}

void ContinuePanel::buildUi() {
    const ContinueRequest defaults;  // the studio's Continue defaults, written once
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);

    // --- model ---
    auto* modelBox = new QGroupBox(tr("Model"));
    auto* modelLayout = new QVBoxLayout(modelBox);
    modelChooser_ = new ModelChooser(dialogs_);
    modelLayout->addWidget(modelChooser_);
    card_ = new ModelCardView;
    modelLayout->addWidget(card_);
    layout->addWidget(modelBox);

    // --- options ---
    auto* optionsBox = new QGroupBox(tr("Options"));
    auto* form = new QFormLayout(optionsBox);
    fromCombo_ = new QComboBox;
    fromCombo_->setObjectName("fromCombo");
    fromCombo_->addItem(tr("Selection, loop or song end"), static_cast<int>(From::Auto));
    fromCombo_->addItem(tr("End of the song"), static_cast<int>(From::SongEnd));
    fromCombo_->addItem(tr("End of the selection"), static_cast<int>(From::SelectionEnd));
    fromCombo_->addItem(tr("End of the loop region"), static_cast<int>(From::LoopEnd));
    form->addRow(tr("Continue from"), fromCombo_);
    fromCombo_->setToolTip(tr("Where the new bars start: the flag marked C on the ruler shows it"));
    connect(fromCombo_, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
    barsSpin_ = new QSpinBox;
    barsSpin_->setObjectName("barsSpin");
    barsSpin_->setRange(1, 64);
    barsSpin_->setValue(defaults.bars);
    form->addRow(tr("Bars to add"), barsSpin_);

    auto* consRow = new QHBoxLayout;
    conservativitySpin_ = new QDoubleSpinBox;
    conservativitySpin_->setObjectName("conservativitySpin");
    conservativitySpin_->setRange(0.2, 3.0);
    conservativitySpin_->setSingleStep(0.05);
    conservativitySpin_->setValue(defaults.conservativity);
    conservativitySpin_->setToolTip(tr("Above 1 the network plays fewer notes, below 1 more"));
    adaptiveCheck_ = new QCheckBox(tr("Adaptive"));
    adaptiveCheck_->setObjectName("adaptiveCheck");
    adaptiveCheck_->setToolTip(
        tr("The original's anti-silence mode: lowers conservativity while fewer than two "
           "notes sound"));
    consRow->addWidget(conservativitySpin_, 1);
    consRow->addWidget(adaptiveCheck_);
    form->addRow(tr("Conservativity"), consRow);

    temperatureSpin_ = new QDoubleSpinBox;
    temperatureSpin_->setObjectName("temperatureSpin");
    temperatureSpin_->setRange(0.1, 3.0);
    temperatureSpin_->setSingleStep(0.05);
    temperatureSpin_->setValue(defaults.temperature);
    temperatureSpin_->setToolTip(tr("1 keeps the network's own odds; higher is wilder, lower is safer"));
    form->addRow(tr("Temperature"), temperatureSpin_);

    variationsSpin_ = new QSpinBox;
    variationsSpin_->setObjectName("variationsSpin");
    variationsSpin_->setRange(1, 16);
    variationsSpin_->setValue(defaults.variations);
    form->addRow(tr("Variations"), variationsSpin_);

    auto* seedRow = new QHBoxLayout;
    seedSpin_ = new QSpinBox;
    seedSpin_->setObjectName("seedSpin");
    seedSpin_->setRange(0, kMaxRandomSeed);
    seedSpin_->setValue(static_cast<int>(defaults.randomSeed));
    newSeedCheck_ = new QCheckBox(tr("New each time"));
    newSeedCheck_->setObjectName("newSeedCheck");
    newSeedCheck_->setChecked(true);
    newSeedCheck_->setToolTip(
        tr("Pick a fresh random seed for every run; untick to repeat a result exactly"));
    seedRow->addWidget(seedSpin_, 1);
    seedRow->addWidget(newSeedCheck_);
    form->addRow(tr("Random seed"), seedRow);

    scaleChooser_ = new ScaleChooser;
    form->addRow(tr("Key / scale"), scaleChooser_);
    auto* scaleRow = new QHBoxLayout;
    // The weights were chosen by measurement (resources/default-model.md): at 0.2 about 97% of the
    // new notes lie in the seed's key, more than the composers' own ~83%; at 1 (the network
    // alone) about 70%, as it drifts to other keys.
    outOfKeyCombo_ = new QComboBox;
    outOfKeyCombo_->setObjectName("outOfKeyCombo");
    outOfKeyCombo_->addItem(tr("Never"), 0.0);
    outOfKeyCombo_->addItem(tr("Rarely"), 0.2);
    outOfKeyCombo_->addItem(tr("Now and then"), 0.5);
    outOfKeyCombo_->addItem(tr("Freely"), 1.0);
    outOfKeyCombo_->setCurrentIndex(std::max(0, outOfKeyCombo_->findData(defaults.outOfScaleWeight)));
    adaptiveCheck_->setChecked(defaults.adaptiveConservativity);
    outOfKeyCombo_->setToolTip(
        tr("How often the network may play a note outside the key or scale: Never keeps "
           "strictly to it, Rarely allows a passing chromatic note, Freely ignores it"));
    highlightCheck_ = new QCheckBox(tr("Highlight rows"));
    highlightCheck_->setObjectName("highlightCheck");
    highlightCheck_->setChecked(true);
    scaleRow->addWidget(outOfKeyCombo_, 1);
    scaleRow->addWidget(highlightCheck_);
    form->addRow(tr("Out-of-key notes"), scaleRow);
    // Chosen by biaxial evaluate (resources/default-model.md): on, the new bars keep the seed's
    // density and no chord is held for bars; off is the original's sampling.
    followSeedCheck_ = new QCheckBox(tr("Follow the seed's texture"));
    followSeedCheck_->setObjectName("followSeedCheck");
    followSeedCheck_->setChecked(defaults.followSeedDensity && defaults.followSeedRhythm &&
                                 defaults.holdLimit > 0);
    followSeedCheck_->setToolTip(
        tr("Keep about as many notes sounding as the seed does, striking where in the bar the seed "
           "strikes, and release a note held much longer than the seed's longest; off samples as the "
           "original model did"));
    form->addRow(tr("Texture"), followSeedCheck_);
    layout->addWidget(optionsBox);

    // --- run ---
    auto* runRow = new QHBoxLayout;
    continueButton_ = new QPushButton(tr("Continue"));
    continueButton_->setObjectName("continueButton");
    continueButton_->setDefault(true);
    regenerateButton_ = new QPushButton(tr("Regenerate selection"));
    regenerateButton_->setObjectName("regenerateButton");
    runRow->addWidget(continueButton_);
    runRow->addWidget(regenerateButton_);
    layout->addLayout(runRow);
    auto* progressRow = new QHBoxLayout;
    progress_ = new QProgressBar;
    progress_->setObjectName("continueProgress");
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("%p%"));
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName("cancelButton");
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(cancelButton_);
    layout->addLayout(progressRow);

    // --- variations ---
    auto* variationsBox = new QGroupBox(tr("Variations"));
    auto* varLayout = new QVBoxLayout(variationsBox);
    auto* flipRow = new QHBoxLayout;
    previousButton_ = new QToolButton;
    previousButton_->setObjectName("previousVariation");
    previousButton_->setArrowType(Qt::LeftArrow);
    nextButton_ = new QToolButton;
    nextButton_->setObjectName("nextVariation");
    nextButton_->setArrowType(Qt::RightArrow);
    variationLabel_ = new QLabel(tr("None yet"));
    variationLabel_->setObjectName("variationLabel");
    variationLabel_->setAlignment(Qt::AlignCenter);
    flipRow->addWidget(previousButton_);
    flipRow->addWidget(variationLabel_, 1);
    flipRow->addWidget(nextButton_);
    varLayout->addLayout(flipRow);
    auto* decideRow = new QHBoxLayout;
    auditionButton_ = new QPushButton(tr("Audition"));
    auditionButton_->setObjectName("auditionButton");
    acceptButton_ = new QPushButton(tr("Accept"));
    acceptButton_->setObjectName("acceptButton");
    discardButton_ = new QPushButton(tr("Discard"));
    discardButton_->setObjectName("discardButton");
    decideRow->addWidget(auditionButton_);
    decideRow->addWidget(acceptButton_);
    decideRow->addWidget(discardButton_);
    varLayout->addLayout(decideRow);
    layout->addWidget(variationsBox);

    status_ = new QLabel;
    status_->setObjectName("continueStatus");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);

    // --- actions (the main window puts them in a menu, which makes their shortcuts live) ---
    actions_ = ContinueActions::create(this);
    continueButton_->setToolTip(
        actions_.continueAction->toolTip() +
        QStringLiteral(" (%1)").arg(actions_.continueAction->shortcut().toString(QKeySequence::NativeText)));
    regenerateButton_->setToolTip(actions_.regenerate->toolTip());
    acceptButton_->setToolTip(actions_.accept->toolTip());

    connect(actions_.continueAction, &QAction::triggered, this, &ContinuePanel::startContinue);
    connect(actions_.continueAndPlay, &QAction::triggered, this, [this] {
        streaming_ = true;
        start(ContinueRequest::Mode::Continue);
        if (!controller_->isRunning())
            streaming_ = false;
    });
    connect(controller_, &ContinueController::partial, this, [this](const std::vector<Note>& notes) {
        if (streaming_)
            emit streamRequested(streamFrom_, streamTrack_, notes);
    });
    connect(actions_.regenerate, &QAction::triggered, this, &ContinuePanel::startRegenerate);
    connect(actions_.accompany, &QAction::triggered, this,
            [this] { start(ContinueRequest::Mode::Accompany); });
    connect(actions_.next, &QAction::triggered, preview_, &VariationPreview::next);
    connect(actions_.previous, &QAction::triggered, preview_, &VariationPreview::previous);
    connect(actions_.accept, &QAction::triggered, preview_, &VariationPreview::accept);
    // Discarding also clears the finished job's "3 variation(s) ... Accept or Discard" text.
    auto discard = [this] {
        if (preview_->isActive()) {
            preview_->discard();
            setStatus(tr("Variations discarded."));
        }
    };
    connect(actions_.discard, &QAction::triggered, this, discard);
    connect(actions_.cancel, &QAction::triggered, this, &ContinuePanel::cancel);

    connect(continueButton_, &QPushButton::clicked, this, &ContinuePanel::startContinue);
    connect(regenerateButton_, &QPushButton::clicked, this, &ContinuePanel::startRegenerate);
    connect(cancelButton_, &QPushButton::clicked, this, &ContinuePanel::cancel);
    connect(nextButton_, &QToolButton::clicked, preview_, &VariationPreview::next);
    connect(previousButton_, &QToolButton::clicked, preview_, &VariationPreview::previous);
    connect(acceptButton_, &QPushButton::clicked, preview_, &VariationPreview::accept);
    connect(discardButton_, &QPushButton::clicked, this, discard);
    connect(auditionButton_, &QPushButton::clicked, this, [this] {
        if (preview_->isActive()) {
            // Start a bar before the new material so that the ear hears the join.
            const std::int64_t from =
                std::max<std::int64_t>(0, preview_->result().startTick - document_->ticksPerBar());
            emit auditionRequested(from, preview_->currentNotes());
        }
    });
    connect(modelChooser_, &ModelChooser::modelChosen, this, &ContinuePanel::onModelChosen);
    connect(scaleChooser_, &ScaleChooser::scaleChanged, this, &ContinuePanel::onScaleChanged);
    connect(highlightCheck_, &QCheckBox::toggled, this, [this] { onScaleChanged(scaleChooser_->scale()); });
    connect(adaptiveCheck_, &QCheckBox::toggled, this, [this] { updateEnabled(); });
}

QList<QAction*> ContinuePanel::menuActions() const {
    return actions_.all();
}

void ContinuePanel::loadSettings() {
    const ContinueRequest defaults;
    QSettings s;
    s.beginGroup(QStringLiteral("continue"));
    barsSpin_->setValue(s.value("bars", barsSpin_->value()).toInt());
    conservativitySpin_->setValue(s.value("conservativity", conservativitySpin_->value()).toDouble());
    adaptiveCheck_->setChecked(s.value("adaptive", defaults.adaptiveConservativity).toBool());
    followSeedCheck_->setChecked(s.value("followSeed", followSeedCheck_->isChecked()).toBool());
    temperatureSpin_->setValue(s.value("temperature", temperatureSpin_->value()).toDouble());
    variationsSpin_->setValue(s.value("variations", variationsSpin_->value()).toInt());
    seedSpin_->setValue(s.value("seed", seedSpin_->value()).toInt());
    newSeedCheck_->setChecked(s.value("newSeed", true).toBool());
    {
        // "constrain" is the setting of the old yes/no box: yes meant Never.
        const double old = s.value("constrain", false).toBool() ? 0.0 : defaults.outOfScaleWeight;
        const int index = outOfKeyCombo_->findData(s.value("outOfKey", old).toDouble());
        outOfKeyCombo_->setCurrentIndex(index >= 0 ? index
                                                   : outOfKeyCombo_->findData(defaults.outOfScaleWeight));
    }
    highlightCheck_->setChecked(s.value("highlight", true).toBool());
    Scale scale;
    scale.root = s.value("scaleRoot", defaults.scale.root).toInt();
    scale.mode = static_cast<Scale::Mode>(std::clamp(
        s.value("scaleMode", static_cast<int>(defaults.scale.mode)).toInt(), 0, Scale::kModeCount - 1));
    scaleChooser_->setScale(scale);
    fromCombo_->setCurrentIndex(std::clamp(s.value("from", 0).toInt(), 0, fromCombo_->count() - 1));
    modelChooser_->loadSettings(s);
    s.endGroup();
}

void ContinuePanel::saveSettings() const {
    QSettings s;
    s.beginGroup(QStringLiteral("continue"));
    s.setValue("bars", barsSpin_->value());
    s.setValue("conservativity", conservativitySpin_->value());
    s.setValue("adaptive", adaptiveCheck_->isChecked());
    s.setValue("followSeed", followSeedCheck_->isChecked());
    s.setValue("temperature", temperatureSpin_->value());
    s.setValue("variations", variationsSpin_->value());
    s.setValue("seed", seedSpin_->value());
    s.setValue("newSeed", newSeedCheck_->isChecked());
    s.setValue("outOfKey", outOfKeyCombo_->currentData().toDouble());
    s.setValue("highlight", highlightCheck_->isChecked());
    s.setValue("scaleRoot", scaleChooser_->scale().root);
    s.setValue("scaleMode", static_cast<int>(scaleChooser_->scale().mode));
    s.setValue("from", fromCombo_->currentIndex());
    modelChooser_->saveSettings(s);
    if (controller_->hasModel()) {
        s.setValue("currentModel", controller_->modelPath());
    }
    s.endGroup();
}

ContinueRequestBuilder ContinuePanel::requestBuilder() const {
    const bool loop = roll_ != nullptr && roll_->hasLoopRange();
    return ContinueRequestBuilder(document_->song(), extentOf(document_->selection()),
                                  loop ? roll_->loopStart() : 0, loop ? roll_->loopEnd() : 0,
                                  document_->editTrack());
}

std::int64_t ContinuePanel::seedEndTick(From from) const {
    return requestBuilder().seedEndTick(from);
}

bool ContinuePanel::regenerateRange(std::int64_t* start, std::int64_t* end) const {
    return requestBuilder().regenerateRange(start, end);
}

ContinueRequest ContinuePanel::buildRequest(ContinueRequest::Mode mode) const {
    ContinueRequest choices;
    choices.bars = barsSpin_->value();
    choices.conservativity = conservativitySpin_->value();
    choices.adaptiveConservativity = adaptiveCheck_->isChecked();
    if (!followSeedCheck_->isChecked()) {
        choices.followSeedDensity = false;
        choices.followSeedRhythm = false;
        choices.holdLimit = 0.0;
    }
    choices.temperature = temperatureSpin_->value();
    choices.variations = variationsSpin_->value();
    choices.randomSeed = static_cast<std::uint64_t>(seedSpin_->value());
    choices.scale = scaleChooser_->scale();
    choices.outOfScaleWeight = outOfKeyCombo_->currentData().toDouble();
    return requestBuilder().build(mode, static_cast<From>(fromCombo_->currentData().toInt()), choices);
}

void ContinuePanel::startContinue() {
    start(ContinueRequest::Mode::Continue);
}

void ContinuePanel::startRegenerate() {
    start(ContinueRequest::Mode::Regenerate);
}

void ContinuePanel::start(ContinueRequest::Mode mode) {
    if (controller_->isRunning()) {
        return;
    }
    if (!controller_->hasModel()) {
        setStatus(modelMissing_ ? ModelLocator::howToGetAModel() : tr("The model is still loading."));
        return;
    }
    std::int64_t from = 0;
    std::int64_t to = 0;
    if (mode == ContinueRequest::Mode::Regenerate && !regenerateRange(&from, &to)) {
        setStatus(tr("Select notes or set a loop region to regenerate."));
        return;
    }
    if (newSeedCheck_->isChecked()) {
        seedSpin_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(kMaxRandomSeed + 1)));
    }
    preview_->discard();
    songReplacedSinceStart_ = false;
    progress_->setRange(0, 1);
    progress_->setValue(0);
    ContinueRequest request = buildRequest(mode);
    request.stream = streaming_ && mode == ContinueRequest::Mode::Continue;
    streamFrom_ =
        GridConverter::ceilTickToStep(request.seedEndTick, std::max(1, request.song.ticksPerQuarter));
    streamTrack_ = request.track;
    if (controller_->start(request)) {
        setStatus(mode == ContinueRequest::Mode::Regenerate  ? tr("Regenerating...")
                  : mode == ContinueRequest::Mode::Accompany ? tr("Accompanying the melody...")
                                                             : tr("Continuing..."));
    }
}

void ContinuePanel::cancel() {
    if (controller_->isRunning()) {
        controller_->cancel();
        setStatus(tr("Cancelling..."));
    }
}

void ContinuePanel::onFinished(const ContinueResult& result) {
    progress_->setValue(progress_->maximum());
    if (songReplacedSinceStart_) {
        setStatus(tr("The song was replaced while the network was working: its variations were dropped."));
        return;
    }
    preview_->setResult(result);
    if (streaming_) {
        // Playback goes on with the first variation, now shown: its notes are the streamed ones.
        emit streamRequested(result.startTick, result.track, preview_->currentNotes());
        streaming_ = false;
    }
    if (roll_ != nullptr) {
        // Bring the new material into view, with a bar of what it continues.
        roll_->scrollToTick(std::max<std::int64_t>(0, result.startTick - document_->ticksPerBar()));
    }
    std::size_t notes = 0;
    for (const auto& v : result.variations) {
        notes += v.size();
    }
    QString key;
    if (!result.seedKey.empty()) {
        key = tr(" Kept to the seed's key, %1.").arg(QString::fromStdString(result.seedKey));
        if (roll_ != nullptr && highlightCheck_->isChecked() && scaleChooser_->scale().isSeedKey()) {
            roll_->setScaleHighlight(result.seedKeyPitchClasses);
        }
    }
    setStatus(
        tr("%n variation(s) in %1 s.", nullptr, static_cast<int>(result.variations.size()))
            .arg(result.seconds, 0, 'f', 2) +
        key + tr(" Flip through them, then Accept or Discard.") +
        (notes == 0 ? tr(" The network stayed silent: try a lower conservativity or Adaptive.") : QString()));
}

void ContinuePanel::addModelFile(const QString& path, bool select) {
    const QString absolute = modelChooser_->addModelFile(path);
    if (select) {
        modelChooser_->setCurrentPath(absolute);
        onModelChosen(absolute);
    }
}

void ContinuePanel::openModelDialog() {
    modelChooser_->openModelDialog();
}

void ContinuePanel::onModelChosen(const QString& path) {
    if (path.isEmpty() || path == controller_->modelPath()) {
        return;
    }
    pendingModelPath_ = path;
    card_->showMessage(tr("Loading %1...").arg(QFileInfo(path).fileName()));
    controller_->loadModel(path);
    updateEnabled();
}

void ContinuePanel::onModelLoaded(const QString& path, const ModelInfo& info) {
    modelMissing_ = false;
    card_->setModel(path, info);
    setStatus(tr("Model loaded: %1").arg(QFileInfo(path).fileName()));
    updateEnabled();
}

void ContinuePanel::onModelLoadFailed(const QString& path, const QString& error) {
    // The file stays in the list (it may be fixed); the previous model, if any, stays loaded.
    card_->showMessage(tr("Could not load %1:\n%2").arg(QFileInfo(path).fileName(), error) +
                       (controller_->hasModel()
                            ? tr("\n\nStill using %1.").arg(QFileInfo(controller_->modelPath()).fileName())
                            : QStringLiteral("\n\n") + ModelLocator::howToGetAModel()));
    modelChooser_->setCurrentPath(controller_->modelPath());
    setStatus(tr("Could not load the model."));
    updateEnabled();
}

void ContinuePanel::onScaleChanged(const Scale& scale) {
    if (roll_ == nullptr) {
        return;
    }
    // The seed's key is known once a Continue ran (onFinished highlights it).
    if (highlightCheck_->isChecked() && !scale.isChromatic() && !scale.isSeedKey()) {
        roll_->setScaleHighlight(scale.pitchClassMask());
    } else {
        roll_->clearScaleHighlight();
    }
}

void ContinuePanel::noteSilentAudition(const QString& soundStatus) {
    if (silentAuditionNoted_)
        return;
    silentAuditionNoted_ = true;
    setStatus(tr("The playhead runs, but nothing sounds here (%1). Choose a MIDI output in the Transport "
                 "menu, or Export WAV to listen.")
                  .arg(soundStatus));
}

void ContinuePanel::setStatus(const QString& text) {
    status_->setText(text);
    emit statusMessage(text.section(QLatin1Char('\n'), 0, 0));
}

QString ContinuePanel::statusText() const {
    return status_->text();
}

void ContinuePanel::updateEnabled() {
    if (roll_ != nullptr)
        roll_->setContinueMarker(seedEndTick(static_cast<From>(fromCombo_->currentData().toInt())));
    const bool running = controller_->isRunning();
    const bool model = controller_->hasModel();
    const bool previewing = preview_->isActive();
    std::int64_t from = 0;
    std::int64_t to = 0;
    const bool canRegenerate = regenerateRange(&from, &to);
    continueButton_->setEnabled(model && !running);
    actions_.continueAction->setEnabled(model && !running);
    regenerateButton_->setEnabled(model && !running && canRegenerate);
    actions_.regenerate->setEnabled(model && !running && canRegenerate);
    actions_.accompany->setEnabled(model && !running && document_->song().noteCount() > 0);
    actions_.continueAndPlay->setEnabled(actions_.continueAction->isEnabled());
    cancelButton_->setEnabled(running);
    actions_.cancel->setEnabled(running);
    progress_->setEnabled(running);
    conservativitySpin_->setToolTip(adaptiveCheck_->isChecked()
                                        ? tr("Starting conservativity; Adaptive moves it while generating")
                                        : tr("Above 1 the network plays fewer notes, below 1 more"));
    for (QWidget* w : {static_cast<QWidget*>(previousButton_), static_cast<QWidget*>(nextButton_)}) {
        w->setEnabled(previewing && preview_->count() > 1);
    }
    actions_.next->setEnabled(previewing && preview_->count() > 1);
    actions_.previous->setEnabled(previewing && preview_->count() > 1);
    auditionButton_->setEnabled(previewing);
    acceptButton_->setEnabled(previewing && !running);
    actions_.accept->setEnabled(previewing && !running);
    discardButton_->setEnabled(previewing);
    actions_.discard->setEnabled(previewing);
    if (previewing) {
        variationLabel_->setText(
            tr("Variation %1 of %2 (%n note(s))", nullptr, static_cast<int>(preview_->currentNotes().size()))
                .arg(preview_->index() + 1)
                .arg(preview_->count()));
    } else {
        variationLabel_->setText(running ? tr("Generating...") : tr("None yet"));
    }
    if (!model) {
        const QString why = modelMissing_ ? tr("No model: see the model card for how to get one")
                                          : tr("Waiting for the model to load");
        continueButton_->setToolTip(why);
    } else {
        continueButton_->setToolTip(actions_.continueAction->toolTip());
    }
}

}  // namespace biaxial
