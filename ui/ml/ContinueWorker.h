#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>

#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/ContinueResult.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Model.h"

namespace biaxial {

// Lives on ContinueController's worker thread and owns the loaded model there, so that
// loading and generating never block the GUI and the model handle is used by one thread only.
// Its slots are invoked from the GUI thread through queued calls; its signals reach the
// controller as queued signals carrying values (never pointers into the model).
class ContinueWorker : public QObject {
    Q_OBJECT
public:
    // `cancel` belongs to the controller, which outlives this worker's thread.
    explicit ContinueWorker(const std::atomic<bool>* cancel, QObject* parent = nullptr);

    // The whole job (any thread; tests call it directly): continueSong() with its failure as a
    // QString. Returns false with `error` set on failure; a cancelled job returns false with
    // `*cancelled` set and no result.
    using Progress = std::function<void(int done, int total)>;
    static bool run(const Model& model, const ContinueRequest& request, ContinueResult* result,
                    QString* error, bool* cancelled, const std::atomic<bool>* cancel = nullptr,
                    const Progress& progress = {}, const ContinueStream& stream = {});

public slots:
    // Worker thread. Loads a model file; emits modelLoaded or modelLoadFailed.
    void loadModel(const QString& path);
    // Worker thread. Emits progress, then exactly one of finished, failed or cancelled.
    void generate(const biaxial::ContinueRequest& request);

signals:
    void modelLoaded(const QString& path, const biaxial::ModelInfo& info);
    void modelLoadFailed(const QString& path, const QString& error);
    void progress(int done, int total);
    // request.stream: the first variation so far (ContinueStream), every beat of new steps.
    void partial(const std::vector<biaxial::Note>& firstVariationSoFar);
    void finished(const biaxial::ContinueResult& result);
    void failed(const QString& error);
    void cancelled();

private:
    const std::atomic<bool>* cancel_;
    Model model_;
};

}  // namespace biaxial
