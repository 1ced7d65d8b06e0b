#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QString>
#include <memory>

#include "BatchTimer.h"
#include "CorpusReport.h"
#include "TrainingController.h"
#include "TrainingEstimate.h"
#include "TrainingPlan.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace biaxial {

class IUserDialogs;
class LossPlotWidget;
class PianoRollWidget;
class TrainingSamplesView;

// The Training dock: choose a MIDI folder and see its scan (files loaded, skipped with
// reasons, total bars), choose a size preset, steps, batch and device with an estimate of
// time and memory, then start, pause, resume or cancel, watching the loss plot, steps/s, ETA
// and device, and preview the samples written at checkpoints (TrainingSamplesView). A view
// of a TrainingController that the main window owns: closing or deleting the panel does not
// stop training, and a new panel shows the running job's history. TrainingPlan turns the
// controls into the run. GUI thread only.
class TrainingPanel : public QDockWidget {
    Q_OBJECT
public:
    // `roll` (optional) receives sample previews as ghost notes. `dialogs` asks for the
    // folder and the model file (null: the real file dialogs) and must outlive the panel.
    TrainingPanel(TrainingController* controller, PianoRollWidget* roll = nullptr, QWidget* parent = nullptr,
                  IUserDialogs* dialogs = nullptr);
    ~TrainingPanel() override;

    TrainingController* controller() const { return controller_; }
    LossPlotWidget* lossPlot() const { return plot_; }

    // The run the controls describe now.
    TrainingRequest buildRequest() const;
    TrainingEstimate currentEstimate() const;
    QString estimateText() const;
    QString scanText() const;
    QString statusText() const;

    void setCorpusFolder(const QString& folder);
    void setOutputPath(const QString& path);
    void setPreset(const QString& preset);
    void setSteps(int steps);
    void setBatchSize(int batch);
    // How often (batches) checkpoints, samples and validation NLLs are made; 0 picks from the
    // step count (about ten per run, at most every 500 batches).
    void setCheckpointEvery(int batches) { checkpointEvery_ = batches; }

public slots:
    void chooseFolder();
    void scan();
    void start();
    void togglePause();
    void cancel();

signals:
    // The user wants a sample as a new document (the main window opens it).
    void openSampleRequested(const QString& path);
    // The user wants the trained model in the Continue panel.
    void useModelRequested(const QString& path);
    void statusMessage(const QString& text);

private:
    void buildUi();
    void loadSettings();
    void saveSettings() const;
    void syncFromController();
    void updateEstimate();
    void updateEnabled();
    void setStatus(const QString& text);
    void onScanFinished(const CorpusReport& report);
    void onProgress(const TrainingProgress& progress);
    void onFinished(const TrainingResult& result, const QString& outputPath);
    void onSample(const QString& path);
    // What the controls say now.
    TrainingPlan::Choices choices() const;

    QPointer<TrainingController> controller_;
    QPointer<PianoRollWidget> roll_;
    std::unique_ptr<IUserDialogs> ownDialogs_;  // when none was given
    IUserDialogs* dialogs_ = nullptr;

    QLineEdit* folderEdit_ = nullptr;
    QPushButton* chooseButton_ = nullptr;
    QPushButton* scanButton_ = nullptr;
    QProgressBar* scanProgress_ = nullptr;
    QLabel* scanSummary_ = nullptr;
    QPlainTextEdit* skippedList_ = nullptr;
    QComboBox* presetCombo_ = nullptr;
    QSpinBox* stepsSpin_ = nullptr;
    QSpinBox* batchSpin_ = nullptr;
    QComboBox* deviceCombo_ = nullptr;
    QLineEdit* outputEdit_ = nullptr;
    QPushButton* outputButton_ = nullptr;
    QCheckBox* bf16Check_ = nullptr;
    QCheckBox* resumeCheck_ = nullptr;
    QLabel* estimateLabel_ = nullptr;
    BatchTimer* batchTimer_ = nullptr;  // the estimate's measured batch
    QPushButton* startButton_ = nullptr;
    QPushButton* pauseButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* trainProgress_ = nullptr;
    QLabel* rateLabel_ = nullptr;
    QLabel* etaLabel_ = nullptr;
    QLabel* deviceLabel_ = nullptr;
    QLabel* lossLabel_ = nullptr;
    LossPlotWidget* plot_ = nullptr;
    TrainingSamplesView* samples_ = nullptr;
    QLabel* status_ = nullptr;

    QString lastModelPath_;
    int checkpointEvery_ = 0;
};

}  // namespace biaxial
