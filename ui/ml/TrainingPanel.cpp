#include "TrainingPanel.h"

#include "Quantities.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "LossPlotWidget.h"
#include "TrainingPlan.h"
#include "TrainingSamplesView.h"
#include "biaxial/model/Model.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/QtUserDialogs.h"

namespace biaxial {

TrainingPanel::TrainingPanel(TrainingController* controller, PianoRollWidget* roll, QWidget* parent,
                             IUserDialogs* dialogs)
    : QDockWidget(tr("Training"), parent), controller_(controller), roll_(roll) {
    setObjectName("trainingPanel");
    if (dialogs == nullptr) {
        ownDialogs_ = std::make_unique<QtUserDialogs>();
        dialogs = ownDialogs_.get();
    }
    dialogs_ = dialogs;
    buildUi();
    loadSettings();

    connect(controller_, &TrainingController::stateChanged, this, [this] { updateEnabled(); });
    connect(controller_, &TrainingController::scanProgress, this, [this](int done, int total) {
        scanProgress_->setMaximum(std::max(1, total));
        scanProgress_->setValue(done);
    });
    connect(controller_, &TrainingController::scanFinished, this, &TrainingPanel::onScanFinished);
    connect(controller_, &TrainingController::progress, this, &TrainingPanel::onProgress);
    connect(controller_, &TrainingController::trainingFinished, this, &TrainingPanel::onFinished);
    connect(controller_, &TrainingController::sampleReady, this, &TrainingPanel::onSample);
    connect(controller_, &TrainingController::trainingPointAdded, this,
            [this](QPointF point) { plot_->addTrainingPoint(point.x(), point.y()); });
    connect(controller_, &TrainingController::validationPointAdded, this,
            [this](QPointF point) { plot_->addValidationPoint(point.x(), point.y()); });
    syncFromController();
    updateEstimate();
    updateEnabled();
}

TrainingPanel::~TrainingPanel() {
    saveSettings();
}

void TrainingPanel::buildUi() {
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);

    // --- corpus ---
    auto* corpusBox = new QGroupBox(tr("MIDI folder"));
    auto* corpusLayout = new QVBoxLayout(corpusBox);
    auto* folderRow = new QHBoxLayout;
    folderEdit_ = new QLineEdit;
    folderEdit_->setObjectName("folderEdit");
    folderEdit_->setPlaceholderText(tr("A folder of .mid files (searched recursively)"));
    chooseButton_ = new QPushButton(tr("Choose..."));
    chooseButton_->setObjectName("chooseFolderButton");
    scanButton_ = new QPushButton(tr("Scan"));
    scanButton_->setObjectName("scanButton");
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(chooseButton_);
    folderRow->addWidget(scanButton_);
    corpusLayout->addLayout(folderRow);
    scanProgress_ = new QProgressBar;
    scanProgress_->setRange(0, 1);
    scanProgress_->setValue(0);
    scanProgress_->setMaximumHeight(12);
    scanProgress_->setTextVisible(false);
    corpusLayout->addWidget(scanProgress_);
    scanSummary_ = new QLabel(tr("Not scanned yet."));
    scanSummary_->setObjectName("scanSummary");
    scanSummary_->setWordWrap(true);
    corpusLayout->addWidget(scanSummary_);
    skippedList_ = new QPlainTextEdit;
    skippedList_->setObjectName("skippedList");
    skippedList_->setReadOnly(true);
    skippedList_->setMaximumHeight(80);
    skippedList_->setPlaceholderText(tr("Skipped files and why appear here."));
    corpusLayout->addWidget(skippedList_);
    layout->addWidget(corpusBox);

    // --- network and run settings ---
    auto* settingsBox = new QGroupBox(tr("Network"));
    auto* form = new QFormLayout(settingsBox);
    presetCombo_ = new QComboBox;
    presetCombo_->setObjectName("presetCombo");
    presetCombo_->addItem(tr("Original (300,300 / 100,50)"), QStringLiteral("original"));
    presetCombo_->addItem(tr("Small (128,128 / 64,32), for CPU"), QStringLiteral("small"));
    presetCombo_->addItem(tr("Tiny (24,24 / 12,8), for tests"), QStringLiteral("tiny"));
    presetCombo_->setCurrentIndex(1);
    form->addRow(tr("Size"), presetCombo_);
    stepsSpin_ = new QSpinBox;
    stepsSpin_->setObjectName("stepsSpin");
    stepsSpin_->setRange(1, 1000000);
    stepsSpin_->setValue(2000);
    stepsSpin_->setToolTip(tr("Batches to train (the original trained 10,000 at full size)"));
    form->addRow(tr("Steps"), stepsSpin_);
    batchSpin_ = new QSpinBox;
    batchSpin_->setObjectName("batchSpin");
    batchSpin_->setRange(1, 256);
    batchSpin_->setValue(10);
    batchSpin_->setToolTip(tr("Segments of 128 steps per batch (the original: 10)"));
    form->addRow(tr("Batch"), batchSpin_);
    deviceCombo_ = new QComboBox;
    deviceCombo_->setObjectName("deviceCombo");
    deviceCombo_->addItem(Model::cudaAvailable() ? tr("Automatic (CUDA GPU)") : tr("Automatic (CPU)"),
                          QStringLiteral("auto"));
    for (const std::string& d : Model::availableDevices()) {
        deviceCombo_->addItem(QString::fromStdString(d), QString::fromStdString(d));
    }
    form->addRow(tr("Device"), deviceCombo_);
    auto* outputRow = new QHBoxLayout;
    outputEdit_ = new QLineEdit;
    outputEdit_->setObjectName("outputEdit");
    outputButton_ = new QPushButton(tr("Save as..."));
    outputButton_->setObjectName("outputButton");
    outputRow->addWidget(outputEdit_, 1);
    outputRow->addWidget(outputButton_);
    form->addRow(tr("Model file"), outputRow);
    resumeCheck_ = new QCheckBox(tr("Resume from its checkpoint"));
    resumeCheck_->setObjectName("resumeCheck");
    form->addRow(QString(), resumeCheck_);
    // On by default where it is fast: on JSB Chorales the same 300 batches reached the same
    // validation NLL in bfloat16, 1.9x sooner (README, Performance).
    bf16Check_ = new QCheckBox(tr("Mixed precision (bfloat16 products, faster)"));
    bf16Check_->setObjectName("bf16Check");
    bf16Check_->setChecked(Model::cpuBf16Fast());
    bf16Check_->setToolTip(Model::cpuBf16Fast()
                               ? tr("The LSTM products in bfloat16 with float32 weights; on the CPU only")
                               : tr("This CPU has no AVX-512 BF16: bfloat16 would be slower than float32"));
    form->addRow(QString(), bf16Check_);
    estimateLabel_ = new QLabel;
    estimateLabel_->setObjectName("estimateLabel");
    estimateLabel_->setWordWrap(true);
    form->addRow(tr("Estimate"), estimateLabel_);
    layout->addWidget(settingsBox);

    // --- run ---
    auto* runBox = new QGroupBox(tr("Run"));
    auto* runLayout = new QVBoxLayout(runBox);
    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Start"));
    startButton_->setObjectName("startButton");
    pauseButton_ = new QPushButton(tr("Pause"));
    pauseButton_->setObjectName("pauseButton");
    cancelButton_ = new QPushButton(tr("Cancel"));
    cancelButton_->setObjectName("cancelTrainingButton");
    buttons->addWidget(startButton_);
    buttons->addWidget(pauseButton_);
    buttons->addWidget(cancelButton_);
    runLayout->addLayout(buttons);
    trainProgress_ = new QProgressBar;
    trainProgress_->setObjectName("trainProgress");
    trainProgress_->setRange(0, 1);
    trainProgress_->setValue(0);
    trainProgress_->setFormat(tr("not started"));
    runLayout->addWidget(trainProgress_);
    auto* stats = new QFormLayout;
    rateLabel_ = new QLabel(QStringLiteral("-"));
    rateLabel_->setObjectName("rateLabel");
    etaLabel_ = new QLabel(QStringLiteral("-"));
    etaLabel_->setObjectName("etaLabel");
    deviceLabel_ = new QLabel(QStringLiteral("-"));
    deviceLabel_->setObjectName("deviceLabel");
    lossLabel_ = new QLabel(QStringLiteral("-"));
    lossLabel_->setObjectName("lossLabel");
    stats->addRow(tr("Speed"), rateLabel_);
    stats->addRow(tr("Time left"), etaLabel_);
    stats->addRow(tr("Device"), deviceLabel_);
    stats->addRow(tr("Loss"), lossLabel_);
    runLayout->addLayout(stats);
    plot_ = new LossPlotWidget;
    plot_->setUnit(tr("NLL per note-step (nats)"));
    plot_->setMinimumHeight(160);
    runLayout->addWidget(plot_, 1);
    layout->addWidget(runBox, 1);

    samples_ = new TrainingSamplesView(roll_);
    layout->addWidget(samples_);

    status_ = new QLabel;
    status_->setObjectName("trainingStatus");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);

    auto* scroll = new QScrollArea;
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);

    connect(chooseButton_, &QPushButton::clicked, this, &TrainingPanel::chooseFolder);
    connect(scanButton_, &QPushButton::clicked, this, &TrainingPanel::scan);
    connect(folderEdit_, &QLineEdit::returnPressed, this, &TrainingPanel::scan);
    connect(startButton_, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(pauseButton_, &QPushButton::clicked, this, &TrainingPanel::togglePause);
    connect(cancelButton_, &QPushButton::clicked, this, &TrainingPanel::cancel);
    connect(outputButton_, &QPushButton::clicked, this, [this] {
        const QString path =
            dialogs_->saveFileName(this, tr("Model file"), outputEdit_->text(), tr("Biaxial models (*.pt)"));
        if (!path.isEmpty()) {
            setOutputPath(path.endsWith(QLatin1String(".pt")) ? path : path + QStringLiteral(".pt"));
        }
    });
    connect(outputEdit_, &QLineEdit::textChanged, this, [this] { updateEnabled(); });
    connect(folderEdit_, &QLineEdit::textChanged, this, [this] { updateEnabled(); });
    connect(presetCombo_, &QComboBox::currentIndexChanged, this, [this] {
        updateEstimate();
        updateEnabled();
    });
    connect(stepsSpin_, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });
    connect(this, &QDockWidget::visibilityChanged, this, [this] { updateEstimate(); });
    connect(batchSpin_, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });
    connect(deviceCombo_, &QComboBox::currentIndexChanged, this, [this] { updateEstimate(); });
    connect(samples_, &TrainingSamplesView::openRequested, this, &TrainingPanel::openSampleRequested);
    connect(samples_, &TrainingSamplesView::useModelRequested, this, [this] {
        if (!lastModelPath_.isEmpty()) {
            emit useModelRequested(lastModelPath_);
        }
    });
    connect(samples_, &TrainingSamplesView::currentChanged, this, [this] { updateEnabled(); });
    connect(samples_, &TrainingSamplesView::statusMessage, this, &TrainingPanel::setStatus);
}

void TrainingPanel::loadSettings() {
    QSettings s;
    s.beginGroup(QStringLiteral("training"));
    folderEdit_->setText(s.value("folder").toString());
    setPreset(s.value("preset", QStringLiteral("small")).toString());
    stepsSpin_->setValue(s.value("steps", stepsSpin_->value()).toInt());
    batchSpin_->setValue(s.value("batch", batchSpin_->value()).toInt());
    const int device = deviceCombo_->findData(s.value("device", QStringLiteral("auto")));
    deviceCombo_->setCurrentIndex(std::max(0, device));
    outputEdit_->setText(s.value("output").toString());
    s.endGroup();
}

void TrainingPanel::saveSettings() const {
    QSettings s;
    s.beginGroup(QStringLiteral("training"));
    s.setValue("folder", folderEdit_->text());
    s.setValue("preset", presetCombo_->currentData());
    s.setValue("steps", stepsSpin_->value());
    s.setValue("batch", batchSpin_->value());
    s.setValue("device", deviceCombo_->currentData());
    s.setValue("output", outputEdit_->text());
    s.endGroup();
}

void TrainingPanel::syncFromController() {
    // A panel opened while a job runs shows its history.
    plot_->clear();
    for (const QPointF& p : controller_->trainingLoss()) {
        plot_->addTrainingPoint(p.x(), p.y());
    }
    for (const QPointF& p : controller_->validationLoss()) {
        plot_->addValidationPoint(p.x(), p.y());
    }
    for (const QString& path : controller_->samples()) {
        onSample(path);
    }
    if (!controller_->lastScan().folder.isEmpty()) {
        onScanFinished(controller_->lastScan());
    }
    if (controller_->isTraining()) {
        const TrainingRequest& r = controller_->currentRequest();
        folderEdit_->setText(r.corpusFolder);
        outputEdit_->setText(QString::fromStdString(r.options.outputPath));
        setPreset(r.preset);
        stepsSpin_->setValue(static_cast<int>(r.options.steps));
        batchSpin_->setValue(r.options.batchSize);
        if (controller_->lastProgress().totalBatches > 0) {
            const TrainingProgress p = controller_->lastProgress();
            onProgress(p);
        }
        deviceLabel_->setText(controller_->device());
    }
}

void TrainingPanel::setCorpusFolder(const QString& folder) {
    folderEdit_->setText(folder);
}

void TrainingPanel::setOutputPath(const QString& path) {
    outputEdit_->setText(path);
}

void TrainingPanel::setPreset(const QString& preset) {
    const int index = presetCombo_->findData(preset);
    if (index >= 0) {
        presetCombo_->setCurrentIndex(index);
    }
}

void TrainingPanel::setSteps(int steps) {
    stepsSpin_->setValue(steps);
}

void TrainingPanel::setBatchSize(int batch) {
    batchSpin_->setValue(batch);
}

void TrainingPanel::chooseFolder() {
    const QString folder = dialogs_->existingDirectory(this, tr("MIDI folder"), folderEdit_->text());
    if (!folder.isEmpty()) {
        folderEdit_->setText(folder);
        scan();
    }
}

void TrainingPanel::scan() {
    const QString folder = folderEdit_->text().trimmed();
    if (folder.isEmpty()) {
        setStatus(tr("Choose a MIDI folder first."));
        return;
    }
    const ModelConfig config = TrainingPlan::config(presetCombo_->currentData().toString());
    scanProgress_->setRange(0, 0);  // busy until the first count arrives
    if (controller_->startScan(folder, config.lowPitch, config.numNotes, 128)) {
        setStatus(tr("Scanning %1...").arg(folder));
    }
}

TrainingPlan::Choices TrainingPanel::choices() const {
    TrainingPlan::Choices c;
    c.corpusFolder = folderEdit_->text().trimmed();
    c.preset = presetCombo_->currentData().toString();
    c.outputPath = outputEdit_->text().trimmed();
    c.device = deviceCombo_->currentData().toString();
    c.resume = resumeCheck_->isChecked();
    c.bf16 = bf16Check_->isChecked();
    c.steps = stepsSpin_->value();
    c.batchSize = batchSpin_->value();
    c.checkpointEvery = checkpointEvery_;
    return c;
}

TrainingRequest TrainingPanel::buildRequest() const {
    return TrainingPlan::request(choices(), controller_ != nullptr ? &controller_->lastScan() : nullptr,
                                 Model::cudaAvailable(), QDateTime::currentDateTimeUtc());
}

TrainingEstimate TrainingPanel::currentEstimate() const {
    const TrainingPlan::Choices c = choices();
    return TrainingEstimate::estimate(TrainingPlan::config(c.preset), c.batchSize, 128, c.steps,
                                      TrainingPlan::resolvedDevice(c.device, Model::cudaAvailable()));
}

QString TrainingPanel::estimateText() const {
    return estimateLabel_->text();
}

QString TrainingPanel::scanText() const {
    return scanSummary_->text();
}

QString TrainingPanel::statusText() const {
    return status_->text();
}

void TrainingPanel::updateEstimate() {
    const TrainingEstimate e = currentEstimate();
    if (batchTimer_ == nullptr) {
        batchTimer_ = new BatchTimer(this);
        connect(batchTimer_, &BatchTimer::measured, this, [this] { updateEstimate(); });
    }
    // A batch timed on this machine when there is one (the FLOP count meanwhile, said so);
    // timed only while the panel is seen and no run uses the CPU.
    const TrainingPlan::Choices c = choices();
    const bool measure = isVisible() && (controller_ == nullptr || !controller_->isRunning());
    const double measured =
        batchTimer_->secondsFor(TrainingPlan::config(c.preset), c.batchSize, QString::fromStdString(e.device),
                                TrainingPlan::useBf16(c.bf16, c.device, Model::cudaAvailable()), measure);
    const QString how =
        measured > 0 ? tr("one batch timed here; validations and checkpoints add about a tenth")
                     : tr("from the network's size%1").arg(measure ? tr("; timing a batch...") : QString());
    const double perBatch = measured > 0 ? measured : e.secondsPerBatch;
    estimateLabel_->setText(
        tr("about %1 per batch, %2 in all on %3 (%4); memory about %5 (%6 parameters)")
            .arg(formatDuration(perBatch), formatDuration(perBatch * static_cast<double>(c.steps)),
                 QString::fromStdString(e.device).toUpper(), how, formatBytes(e.memoryBytes))
            .arg(QLocale().toString(static_cast<qlonglong>(e.parameterCount))));
    estimateLabel_->setToolTip(QString::fromStdString(e.assumptions));
}

void TrainingPanel::updateEnabled() {
    if (controller_ == nullptr) {
        return;
    }
    const auto state = controller_->state();
    const bool idle = state == TrainingController::State::Idle;
    const bool training = controller_->isTraining();
    scanButton_->setEnabled(idle);
    chooseButton_->setEnabled(idle);
    folderEdit_->setEnabled(idle);
    for (QWidget* w : std::initializer_list<QWidget*>{presetCombo_, stepsSpin_, batchSpin_, deviceCombo_,
                                                      outputEdit_, bf16Check_, outputButton_}) {
        w->setEnabled(idle);
    }
    const TrainingPlan::Choices c = choices();
    const QString output = TrainingPlan::outputPath(c);
    const bool canResume =
        QFileInfo::exists(QString::fromStdString(Trainer::checkpointPathFor(output.toStdString())));
    resumeCheck_->setEnabled(idle && canResume);
    if (!canResume) {
        resumeCheck_->setChecked(false);
    }
    startButton_->setEnabled(idle);
    pauseButton_->setEnabled(state == TrainingController::State::Training ||
                             state == TrainingController::State::Paused);
    pauseButton_->setText(state == TrainingController::State::Paused ? tr("Resume") : tr("Pause"));
    cancelButton_->setEnabled(state != TrainingController::State::Idle &&
                              state != TrainingController::State::Stopping);
    if (state == TrainingController::State::Paused) {
        etaLabel_->setText(tr("paused"));
    }
    if (state != TrainingController::State::Scanning) {
        scanProgress_->setRange(0, 1);
        scanProgress_->setValue(controller_->lastScan().folder.isEmpty() ? 0 : 1);
    }
    outputEdit_->setPlaceholderText(TrainingPlan::defaultOutputPath(c.corpusFolder, c.preset));
    samples_->updateButtons(!lastModelPath_.isEmpty() && !training);
}

void TrainingPanel::start() {
    const TrainingRequest request = buildRequest();
    if (request.corpusFolder.isEmpty()) {
        setStatus(tr("Choose a MIDI folder first."));
        return;
    }
    QDir().mkpath(QFileInfo(QString::fromStdString(request.options.outputPath)).absolutePath());
    QDir().mkpath(QString::fromStdString(request.options.sampleFolder));
    if (outputEdit_->text().trimmed().isEmpty()) {
        outputEdit_->setText(QString::fromStdString(request.options.outputPath));
    }
    plot_->clear();
    samples_->clear();
    trainProgress_->setRange(0, static_cast<int>(std::min<std::int64_t>(request.options.steps, INT32_MAX)));
    trainProgress_->setValue(0);
    trainProgress_->setFormat(tr("%v / %m batches"));
    if (controller_->startTraining(request)) {
        deviceLabel_->setText(controller_->device());
        rateLabel_->setText(tr("starting..."));
        etaLabel_->setText(QStringLiteral("-"));
        setStatus(tr("Training %1 on %2 for %3 steps...")
                      .arg(request.preset, QFileInfo(request.corpusFolder).fileName())
                      .arg(request.options.steps));
    }
}

void TrainingPanel::togglePause() {
    if (controller_->isPaused()) {
        controller_->resume();
        setStatus(tr("Resumed."));
    } else {
        controller_->pause();
        setStatus(tr("Pausing after this batch..."));
    }
}

void TrainingPanel::cancel() {
    controller_->cancel();
    setStatus(tr("Stopping after this batch..."));
}

void TrainingPanel::onScanFinished(const CorpusReport& report) {
    QString summary;
    if (report.cancelled) {
        summary = tr("Scan cancelled.");
    } else if (!report.error.isEmpty() && report.loaded == 0 && report.skipped == 0) {
        summary = report.error;
    } else {
        summary = tr("%1 files loaded, %2 skipped; %3 bars in all; %4 pieces long enough to train on (%5 s).")
                      .arg(report.loaded)
                      .arg(report.skipped)
                      .arg(report.totalBars, 0, 'f', 0)
                      .arg(report.usable)
                      .arg(report.seconds, 0, 'f', 1);
        if (report.warnings > 0) {
            summary += tr(" %n repaired problem(s) in loaded files.", nullptr, report.warnings);
        }
        if (!report.error.isEmpty()) {
            summary += QLatin1Char('\n') + report.error;
        }
    }
    scanSummary_->setText(summary);
    skippedList_->setPlainText(report.skippedFiles.join(QLatin1Char('\n')));
    setStatus(report.ok ? tr("Scan done.") : tr("Nothing usable to train on."));
    updateEnabled();
}

void TrainingPanel::onProgress(const TrainingProgress& p) {
    trainProgress_->setFormat(tr("%v / %m batches"));
    trainProgress_->setRange(
        0, static_cast<int>(std::min<std::int64_t>(std::max<std::int64_t>(1, p.totalBatches), INT32_MAX)));
    trainProgress_->setValue(static_cast<int>(std::min<std::int64_t>(p.batch, INT32_MAX)));
    if (p.stepsPerSecond > 0) {
        rateLabel_->setText(p.stepsPerSecond >= 1.0 ? tr("%1 steps/s").arg(p.stepsPerSecond, 0, 'f', 2)
                                                    : tr("%1 s/step").arg(1.0 / p.stepsPerSecond, 0, 'f', 2));
    }
    if (!controller_->isPaused()) {
        etaLabel_->setText(formatDuration(p.etaSeconds));
    }
    QString loss = tr("training %1").arg(p.trainLoss, 0, 'f', 4);
    if (p.validLoss >= 0) {
        loss += tr(", validation %1").arg(p.validLoss, 0, 'f', 4);
    }
    lossLabel_->setText(loss);
    if (!p.message.empty()) {
        setStatus(QString::fromStdString(p.message));
    }
    if (p.checkpointWritten) {
        lastModelPath_ = QString::fromStdString(controller_->currentRequest().options.outputPath);
        updateEnabled();
    }
}

void TrainingPanel::onFinished(const TrainingResult& result, const QString& outputPath) {
    if (result.ok) {
        lastModelPath_ = outputPath;
        setStatus(tr("Done: %1 batches in %2 on %3, training loss %4%5. The model is in %6.")
                      .arg(result.batches)
                      .arg(formatDuration(result.seconds), QString::fromStdString(result.device))
                      .arg(result.trainLoss, 0, 'f', 4)
                      .arg(result.validLoss >= 0 ? tr(", validation %1").arg(result.validLoss, 0, 'f', 4)
                                                 : QString())
                      .arg(outputPath));
    } else if (result.cancelled) {
        setStatus(QFileInfo(outputPath).isFile()
                      ? tr("Cancelled after %1 batches; %2 holds the last checkpoint (tick Resume to go on).")
                            .arg(result.batches)
                            .arg(outputPath)
                      : tr("Cancelled; nothing was written."));
    } else {
        setStatus(tr("Training failed: %1").arg(QString::fromStdString(result.error)));
    }
    if (!result.device.empty()) {
        deviceLabel_->setText(QString::fromStdString(result.device));
    }
    etaLabel_->setText(QStringLiteral("-"));
    updateEnabled();
}

void TrainingPanel::onSample(const QString& path) {
    samples_->addSample(path);
    updateEnabled();
}

void TrainingPanel::setStatus(const QString& text) {
    status_->setText(text);
    emit statusMessage(text);
}

}  // namespace biaxial
