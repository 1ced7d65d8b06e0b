#include "ContinueWorker.h"

#include "biaxial/model/ContinueSong.h"

namespace biaxial {

ContinueWorker::ContinueWorker(const std::atomic<bool>* cancel, QObject* parent)
    : QObject(parent), cancel_(cancel) {}

bool ContinueWorker::run(const Model& model, const ContinueRequest& request, ContinueResult* result,
                         QString* error, bool* cancelled, const std::atomic<bool>* cancel,
                         const Progress& progress, const ContinueStream& stream) {
    ContinueResult out = continueSong(model, request, cancel, progress, stream);
    *cancelled = out.cancelled;
    if (!out.ok) {
        if (!out.cancelled)
            *error = QString::fromStdString(out.error);
        return false;
    }
    *result = std::move(out);
    return true;
}

void ContinueWorker::loadModel(const QString& path) {
    std::string error;
    std::optional<Model> loaded = Model::load(path.toStdString(), &error);
    if (!loaded) {
        emit modelLoadFailed(path, QString::fromStdString(error));
        return;
    }
    // Generation is a batch-of-K job: the GPU helps when there is one, else the CPU.
    std::string deviceError;
    if (!loaded->setDevice("auto", &deviceError)) {
        loaded->setDevice("cpu");
    }
    model_ = std::move(*loaded);
    emit modelLoaded(path, model_.info());
}

void ContinueWorker::generate(const biaxial::ContinueRequest& request) {
    ContinueResult result;
    QString error;
    bool wasCancelled = false;
    int lastReported = -1;
    const bool ok = run(
        model_, request, &result, &error, &wasCancelled, cancel_,
        [&](int done, int total) {
            // Throttled to whole percents: a queued signal per step would flood the GUI's queue.
            const int percent = total > 0 ? done * 100 / total : 0;
            if (percent != lastReported) {
                lastReported = percent;
                emit progress(done, total);
            }
        },
        request.stream ? ContinueStream([this](const std::vector<Note>& notes) { emit partial(notes); })
                       : ContinueStream());
    if (wasCancelled) {
        emit cancelled();
    } else if (!ok) {
        emit failed(error);
    } else {
        emit finished(result);
    }
}

}  // namespace biaxial
