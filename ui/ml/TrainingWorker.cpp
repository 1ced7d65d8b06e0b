#include "TrainingWorker.h"

#include <QDir>
#include <QFileInfo>
#include <chrono>

#include "PauseGate.h"
#include "biaxial/engine/CorpusScanner.h"

namespace biaxial {

TrainingWorker::TrainingWorker(const std::atomic<bool>* cancel, PauseGate* gate, QObject* parent)
    : QObject(parent), cancel_(cancel), gate_(gate) {}

CorpusReport TrainingWorker::scanNow(const QString& folder, int lowPitch, int numNotes, int segmentSteps) {
    CorpusReport report;
    report.folder = folder;
    pieces_.clear();
    scannedFolder_.clear();

    CorpusScanOptions options;
    options.grid.lowPitch = lowPitch;
    options.grid.numNotes = numNotes;
    options.minSteps = 1;     // short pieces are counted as loaded; `usable` says how many can train
    options.useCache = true;  // an unchanged folder loads from the corpus cache
    std::atomic<int> lastPercent{-1};
    Corpus corpus = CorpusScanner::scan(folder.toStdString(), options, cancel_, [&](int done, int total) {
        // Called from the scanner's threads: a queued signal is thread-safe; throttle it.
        const int percent = total > 0 ? done * 100 / total : 0;
        if (lastPercent.exchange(percent) != percent) {
            emit scanProgress(done, total);
        }
    });
    if (cancel_->load()) {
        report.cancelled = true;
        report.error = tr("Scan cancelled.");
        return report;
    }
    if (corpus.error) {
        report.error = QString::fromStdString(*corpus.error);
        return report;
    }
    for (const CorpusEntry& entry : corpus.entries) {
        const QString name = QDir(folder).relativeFilePath(QString::fromStdString(entry.path));
        if (!entry.loaded) {
            ++report.skipped;
            report.skippedFiles << QStringLiteral("%1: %2").arg(name, QString::fromStdString(entry.reason));
            continue;
        }
        ++report.loaded;
        report.warnings += static_cast<int>(entry.warnings.size());
        report.totalSteps += entry.grid.steps();
    }
    report.seconds = corpus.summary.seconds;
    pieces_ = Trainer::piecesFromCorpus(std::move(corpus), folder.toStdString());
    report.totalBars = static_cast<double>(report.totalSteps) / 16.0;
    report.usable = Trainer::usablePieces(pieces_, segmentSteps);
    report.ok = report.usable > 0;
    if (report.loaded == 0 && report.skipped == 0) {
        report.error = tr("No MIDI files (.mid, .midi) in %1.").arg(folder);
    } else if (report.usable == 0) {
        report.error = tr("No piece is long enough to train on (a piece needs at least %1 steps, %2 bars).")
                           .arg(segmentSteps)
                           .arg(segmentSteps / 16.0);
    }
    scannedFolder_ = folder;
    scannedLowPitch_ = lowPitch;
    scannedNumNotes_ = numNotes;
    return report;
}

void TrainingWorker::scan(const QString& folder, int lowPitch, int numNotes, int segmentSteps) {
    emit scanFinished(scanNow(folder, lowPitch, numNotes, segmentSteps));
}

void TrainingWorker::train(const biaxial::TrainingRequest& request) {
    TrainingResult result;
    const QString output = QString::fromStdString(request.options.outputPath);
    if (scannedFolder_ != request.corpusFolder || scannedLowPitch_ != request.config.lowPitch ||
        scannedNumNotes_ != request.config.numNotes) {
        const CorpusReport report = scanNow(request.corpusFolder, request.config.lowPitch,
                                            request.config.numNotes, request.options.segmentSteps);
        emit scanFinished(report);
        if (!report.ok) {
            result.cancelled = report.cancelled;
            result.error = report.error.toStdString();
            emit trainingFinished(result, output);
            return;
        }
    }

    result = Trainer::run(request.config, pieces_, request.options, cancel_, [&](const TrainingProgress& p) {
        emit progress(p);
        if (!p.samplePath.empty()) {
            emit sampleReady(QFileInfo(QString::fromStdString(p.samplePath)).absoluteFilePath());
        }
        // Pausing happens here, between batches, on the training thread.
        gate_->waitWhilePaused(cancel_);
    });
    emit trainingFinished(result, output);
}

}  // namespace biaxial
