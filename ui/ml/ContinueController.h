#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/ContinueResult.h"
#include "biaxial/model/Model.h"

namespace biaxial {

class ContinueWorker;

// Runs Continue jobs on its own worker thread (STYLE rule 7): owns the QThread and the
// ContinueWorker (which owns the model there) and the cancel flag. One job at a time.
// Lives on the GUI thread; every method is called there, every signal arrives there.
// The destructor cancels a running job and waits for the thread (quit() + wait()).
// Value types cross threads through queued signals: Qt 6 derives their QMetaType at compile
// time, so the registration in the constructor is all that is needed.
class ContinueController : public QObject {
    Q_OBJECT
public:
    explicit ContinueController(QObject* parent = nullptr);
    ~ContinueController() override;

    // Loads a model file on the worker thread; modelLoaded or modelLoadFailed follows.
    // Queued behind a running job.
    void loadModel(const QString& path);
    bool hasModel() const { return !modelPath_.isEmpty(); }
    bool isLoadingModel() const { return loading_; }
    QString modelPath() const { return modelPath_; }
    const ModelInfo& modelInfo() const { return modelInfo_; }

    // Starts a job; false (and nothing happens) while one runs or without a model.
    bool start(const ContinueRequest& request);
    bool isRunning() const { return running_; }

public slots:
    // Asks the running job to stop; `cancelled` follows within one generated step.
    void cancel();

signals:
    void modelLoaded(const QString& path, const biaxial::ModelInfo& info);
    void modelLoadFailed(const QString& path, const QString& error);
    void started();
    void progress(int done, int total);
    void partial(const std::vector<biaxial::Note>& firstVariationSoFar);
    void finished(const biaxial::ContinueResult& result);
    void failed(const QString& error);
    void cancelled();
    // After finished, failed or cancelled.
    void runningChanged(bool running);

private:
    void onWorkerDone();

    QThread thread_;
    ContinueWorker* worker_ = nullptr;  // lives on thread_, deleted when it finishes
    std::atomic<bool> cancel_{false};
    bool running_ = false;
    bool loading_ = false;
    QString modelPath_;
    ModelInfo modelInfo_;
};

}  // namespace biaxial
