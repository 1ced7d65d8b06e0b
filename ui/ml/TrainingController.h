#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>
#include <atomic>
#include <memory>

#include "CorpusReport.h"
#include "TrainingRequest.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

class PauseGate;
class TrainingWorker;

// Runs corpus scans and training on its own worker thread and remembers what happened
// (scan report, loss history, last progress, samples), so that a TrainingPanel can be
// closed and opened again while a job runs. Owned by the main window, not by the panel:
// training survives the panel. GUI thread: every method is called there and every signal
// arrives there. The destructor cancels a running job and waits for the thread.
class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Scanning, Training, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return state_; }
    // A scan or a training job is under way (paused counts as running). The main window
    // asks this before quitting.
    bool isRunning() const { return state_ != State::Idle; }
    bool isTraining() const {
        return state_ == State::Training || state_ == State::Paused ||
               (state_ == State::Stopping && training_);
    }
    bool isPaused() const { return state_ == State::Paused; }

    // The history a newly opened panel shows.
    const CorpusReport& lastScan() const { return lastScan_; }
    const TrainingProgress& lastProgress() const { return lastProgress_; }
    const QVector<QPointF>& trainingLoss() const { return trainLoss_; }
    const QVector<QPointF>& validationLoss() const { return validLoss_; }
    const QStringList& samples() const { return samples_; }
    const TrainingRequest& currentRequest() const { return request_; }
    QString device() const { return device_; }

    // Starts a scan or a training run; false while another job runs.
    bool startScan(const QString& folder, int lowPitch = 24, int numNotes = 78, int segmentSteps = 128);
    bool startTraining(const TrainingRequest& request);

public slots:
    void pause();
    void resume();
    // Asks the job to stop (within one batch); `trainingFinished` with cancelled follows.
    void cancel();
    // For quitting: cancels and blocks until the job has stopped (up to one batch), or until
    // `timeoutMs` (-1 = no limit) passes. Returns true when idle.
    bool stopAndWait(int timeoutMs = -1);

signals:
    void stateChanged(biaxial::TrainingController::State state);
    void scanProgress(int done, int total);
    void scanFinished(const biaxial::CorpusReport& report);
    void progress(const biaxial::TrainingProgress& progress);
    void sampleReady(const QString& path);
    // A new point of the loss curves (already de-duplicated), after progress().
    void trainingPointAdded(QPointF point);
    void validationPointAdded(QPointF point);
    void trainingFinished(const biaxial::TrainingResult& result, const QString& outputPath);
    // A model file the run wrote (on success, and the last checkpoint's model when cancelled
    // after one was written): the Continue panel can offer it.
    void modelReady(const QString& path);

private:
    void setState(State state);

    QThread thread_;
    TrainingWorker* worker_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::unique_ptr<PauseGate> gate_;
    State state_ = State::Idle;
    bool training_ = false;
    TrainingRequest request_;
    CorpusReport lastScan_;
    TrainingProgress lastProgress_;
    QVector<QPointF> trainLoss_;
    QVector<QPointF> validLoss_;
    QStringList samples_;
    QString device_;
    bool checkpointWritten_ = false;
    // The job's rate counts paused time as training time; the controller takes it out so
    // that steps/s and ETA stay right after a pause.
    QElapsedTimer pausedSince_;
    double pausedSeconds_ = 0.0;
    std::int64_t firstBatch_ = -1;
};

}  // namespace biaxial

Q_DECLARE_METATYPE(biaxial::TrainingResult)
