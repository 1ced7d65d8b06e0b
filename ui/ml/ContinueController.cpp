#include "ContinueController.h"

#include "ContinueWorker.h"

namespace biaxial {

ContinueController::ContinueController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<biaxial::ContinueRequest>();
    qRegisterMetaType<biaxial::ContinueResult>();
    qRegisterMetaType<biaxial::ModelInfo>();
    qRegisterMetaType<std::vector<biaxial::Note>>();

    thread_.setObjectName("ContinueWorker");
    worker_ = new ContinueWorker(&cancel_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &ContinueWorker::modelLoaded, this, [this](const QString& path, const ModelInfo& info) {
        loading_ = false;
        modelPath_ = path;
        modelInfo_ = info;
        emit modelLoaded(path, info);
    });
    connect(worker_, &ContinueWorker::modelLoadFailed, this,
            [this](const QString& path, const QString& error) {
                loading_ = false;
                emit modelLoadFailed(path, error);
            });
    connect(worker_, &ContinueWorker::progress, this, &ContinueController::progress);
    connect(worker_, &ContinueWorker::partial, this, &ContinueController::partial);
    connect(worker_, &ContinueWorker::finished, this, [this](const ContinueResult& result) {
        onWorkerDone();
        emit finished(result);
    });
    connect(worker_, &ContinueWorker::failed, this, [this](const QString& error) {
        onWorkerDone();
        emit failed(error);
    });
    connect(worker_, &ContinueWorker::cancelled, this, [this] {
        onWorkerDone();
        emit cancelled();
    });
    thread_.start();
}

ContinueController::~ContinueController() {
    cancel_ = true;
    thread_.quit();
    thread_.wait();
}

void ContinueController::loadModel(const QString& path) {
    loading_ = true;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, path] { worker->loadModel(path); }, Qt::QueuedConnection);
}

bool ContinueController::start(const ContinueRequest& request) {
    if (running_ || !hasModel()) {
        return false;
    }
    cancel_ = false;
    running_ = true;
    emit started();
    emit runningChanged(true);
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, request] { worker->generate(request); }, Qt::QueuedConnection);
    return true;
}

void ContinueController::cancel() {
    if (running_) {
        cancel_ = true;
    }
}

void ContinueController::onWorkerDone() {
    running_ = false;
    emit runningChanged(false);
}

}  // namespace biaxial
