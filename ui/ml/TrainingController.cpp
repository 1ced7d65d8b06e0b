#include "TrainingController.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include "PauseGate.h"
#include "TrainingWorker.h"
#include "biaxial/model/Model.h"

namespace biaxial {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), gate_(std::make_unique<PauseGate>()) {
    qRegisterMetaType<biaxial::CorpusReport>();
    qRegisterMetaType<biaxial::TrainingRequest>();
    qRegisterMetaType<biaxial::TrainingProgress>();
    qRegisterMetaType<biaxial::TrainingResult>();

    thread_.setObjectName("TrainingWorker");
    worker_ = new TrainingWorker(&cancel_, gate_.get());
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &TrainingWorker::scanProgress, this, &TrainingController::scanProgress);
    connect(worker_, &TrainingWorker::scanFinished, this, [this](const CorpusReport& report) {
        lastScan_ = report;
        if (!training_) {
            setState(State::Idle);
        }
        emit scanFinished(report);
    });
    connect(worker_, &TrainingWorker::progress, this, [this](TrainingProgress p) {
        if (firstBatch_ < 0) {
            firstBatch_ = p.batch - 1;  // the job reports its first batch (also after a resume)
        }
        if (pausedSeconds_ > 0 && p.stepsPerSecond > 0) {
            const double done = static_cast<double>(p.batch - firstBatch_);
            const double working = done / p.stepsPerSecond - pausedSeconds_;
            if (working > 0) {
                p.stepsPerSecond = done / working;
                p.etaSeconds = static_cast<double>(p.totalBatches - p.batch) / p.stepsPerSecond;
            }
        }
        lastProgress_ = p;
        const double step = static_cast<double>(p.batch);
        // The one place loss points are de-duplicated: a batch adds at most one training point,
        // and a validation point only where a validation pass ran.
        if (p.trainLoss > 0 && (trainLoss_.isEmpty() || trainLoss_.back().x() != step)) {
            trainLoss_.append(QPointF(step, p.trainLoss));
            emit trainingPointAdded(trainLoss_.back());
        }
        if (p.validated && p.validLoss >= 0 && (validLoss_.isEmpty() || validLoss_.back().x() != step)) {
            validLoss_.append(QPointF(step, p.validLoss));
            emit validationPointAdded(validLoss_.back());
        }
        checkpointWritten_ = checkpointWritten_ || p.checkpointWritten;
        emit progress(p);
    });
    connect(worker_, &TrainingWorker::sampleReady, this, [this](const QString& path) {
        samples_.append(path);
        emit sampleReady(path);
    });
    connect(worker_, &TrainingWorker::trainingFinished, this,
            [this](const TrainingResult& result, const QString& output) {
                training_ = false;
                if (!result.device.empty()) {
                    device_ = QString::fromStdString(result.device);
                }
                setState(State::Idle);
                emit trainingFinished(result, output);
                // A cancelled run leaves the model of its last checkpoint on disk.
                if ((result.ok || checkpointWritten_) && QFileInfo(output).isFile()) {
                    emit modelReady(output);
                }
            });
    thread_.start();
}

TrainingController::~TrainingController() {
    cancel_ = true;
    gate_->resume();
    thread_.quit();
    thread_.wait();
}

void TrainingController::setState(State state) {
    if (state_ == state) {
        return;
    }
    state_ = state;
    emit stateChanged(state);
}

bool TrainingController::startScan(const QString& folder, int lowPitch, int numNotes, int segmentSteps) {
    if (isRunning()) {
        return false;
    }
    cancel_ = false;
    setState(State::Scanning);
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, folder, lowPitch, numNotes, segmentSteps] {
            worker->scan(folder, lowPitch, numNotes, segmentSteps);
        },
        Qt::QueuedConnection);
    return true;
}

bool TrainingController::startTraining(const TrainingRequest& request) {
    if (isRunning()) {
        return false;
    }
    cancel_ = false;
    gate_->resume();
    training_ = true;
    checkpointWritten_ = false;
    request_ = request;
    trainLoss_.clear();
    validLoss_.clear();
    samples_.clear();
    lastProgress_ = {};
    pausedSeconds_ = 0.0;
    firstBatch_ = -1;
    const std::string& device = request.options.device;
    device_ = QString::fromStdString(device == "auto" ? (Model::cudaAvailable() ? "cuda" : "cpu") : device);
    setState(State::Training);
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, request] { worker->train(request); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::pause() {
    if (state_ == State::Training) {
        gate_->pause();
        pausedSince_.start();
        setState(State::Paused);
    }
}

void TrainingController::resume() {
    if (state_ == State::Paused) {
        gate_->resume();
        pausedSeconds_ += static_cast<double>(pausedSince_.elapsed()) / 1000.0;
        setState(State::Training);
    }
}

void TrainingController::cancel() {
    if (!isRunning()) {
        return;
    }
    cancel_ = true;
    gate_->resume();
    gate_->wake();
    setState(State::Stopping);
}

bool TrainingController::stopAndWait(int timeoutMs) {
    if (!isRunning()) {
        return true;
    }
    cancel();
    // The job ends on the worker thread; its last signal is queued to this thread, so the
    // event loop must run for the state to become Idle.
    QEventLoop loop;
    connect(this, &TrainingController::stateChanged, &loop, [&loop](State s) {
        if (s == State::Idle) {
            loop.quit();
        }
    });
    if (timeoutMs >= 0) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    }
    if (isRunning()) {
        loop.exec();
    }
    return !isRunning();
}

}  // namespace biaxial
