#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <vector>

#include "CorpusReport.h"
#include "TrainingRequest.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

class PauseGate;

// Lives on TrainingController's worker thread: scans corpora (CorpusScanner) and runs
// training jobs (Trainer::run) there. Keeps the last scanned pieces on that thread so that
// training does not scan twice; everything it sends to the GUI is a value. Its slots are
// invoked from the GUI thread by queued calls.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // `cancel` and `gate` belong to the controller, which outlives this worker's thread.
    TrainingWorker(const std::atomic<bool>* cancel, PauseGate* gate, QObject* parent = nullptr);

public slots:
    // Worker thread. Emits scanProgress, then scanFinished.
    void scan(const QString& folder, int lowPitch, int numNotes, int segmentSteps);
    // Worker thread. Scans when needed, then trains; emits progress (and sampleReady when the
    // trainer reports a sample file it wrote), then trainingFinished. Blocks in its progress callback while
    // paused.
    void train(const biaxial::TrainingRequest& request);

signals:
    void scanProgress(int done, int total);
    void scanFinished(const biaxial::CorpusReport& report);
    void progress(const biaxial::TrainingProgress& progress);
    void sampleReady(const QString& path);
    void trainingFinished(const biaxial::TrainingResult& result, const QString& outputPath);

private:
    CorpusReport scanNow(const QString& folder, int lowPitch, int numNotes, int segmentSteps);

    const std::atomic<bool>* cancel_;
    PauseGate* gate_;
    std::vector<TrainingPiece> pieces_;  // of the last scan
    QString scannedFolder_;
    int scannedLowPitch_ = -1;
    int scannedNumNotes_ = -1;
};

}  // namespace biaxial
