#include "TrainingPlan.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

namespace biaxial {

ModelConfig TrainingPlan::config(const QString& preset) {
    return ModelConfig::preset(preset.toStdString()).value_or(ModelConfig::small());
}

QString TrainingPlan::defaultOutputPath(const QString& corpusFolder, const QString& preset) {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString corpus = QFileInfo(corpusFolder).fileName();
    if (corpus.isEmpty()) {
        corpus = QStringLiteral("model");
    }
    return QDir(base).filePath(QStringLiteral("models/%1-%2.pt").arg(corpus, preset));
}

QString TrainingPlan::outputPath(const Choices& choices) {
    return choices.outputPath.isEmpty() ? defaultOutputPath(choices.corpusFolder, choices.preset)
                                        : choices.outputPath;
}

int TrainingPlan::checkpointEvery(std::int64_t steps) {
    return static_cast<int>(std::clamp<std::int64_t>(steps / 10, 1, 500));
}

int TrainingPlan::logEvery(std::int64_t steps) {
    return static_cast<int>(std::clamp<std::int64_t>(steps / 20000, 1, 100));
}

bool TrainingPlan::useBf16(bool wanted, const QString& device, bool cudaAvailable) {
    return wanted && device != QStringLiteral("cuda") && !(device == QStringLiteral("auto") && cudaAvailable);
}

std::string TrainingPlan::resolvedDevice(const QString& device, bool cudaAvailable) {
    if (device == QStringLiteral("auto")) {
        return cudaAvailable ? "cuda" : "cpu";
    }
    return device.toStdString();
}

TrainingRequest TrainingPlan::request(const Choices& choices, const CorpusReport* lastScan,
                                      bool cudaAvailable, const QDateTime& createdUtc) {
    TrainingRequest r;
    r.corpusFolder = choices.corpusFolder;
    r.preset = choices.preset;
    r.config = config(r.preset);
    TrainingOptions& o = r.options;
    const QString output = outputPath(choices);
    o.outputPath = output.toStdString();
    o.resume = choices.resume;
    o.bf16 = useBf16(choices.bf16, choices.device, cudaAvailable);
    o.steps = choices.steps;
    o.batchSize = choices.batchSize;
    o.device = choices.device.toStdString();
    const int every = choices.checkpointEvery > 0 ? choices.checkpointEvery : checkpointEvery(o.steps);
    o.checkpointEvery = every;
    o.sampleEvery = every;
    // Validation (40 fixed segments, forward only: ~1.3 batches of work) at each checkpoint,
    // so that a short run does not spend its time validating.
    o.validationEvery = every;
    o.logEvery = logEvery(o.steps);
    const QFileInfo out(output);
    o.sampleFolder =
        QDir(out.absolutePath()).filePath(out.completeBaseName() + QStringLiteral("-samples")).toStdString();
    const QString corpusName = QFileInfo(r.corpusFolder).fileName();
    o.metadata["name"] = QStringLiteral("%1 (%2)").arg(corpusName, r.preset).toStdString();
    o.metadata["corpus"] = corpusName.toStdString();
    o.metadata["size"] = r.preset.toStdString();
    o.metadata["created"] = createdUtc.toString(Qt::ISODate).toStdString();
    o.metadata["trained_with"] = "Biaxial Studio";
    if (lastScan != nullptr && lastScan->folder == r.corpusFolder && lastScan->ok) {
        o.metadata["corpus_files"] = std::to_string(lastScan->loaded);
        o.metadata["corpus_bars"] = std::to_string(static_cast<long long>(lastScan->totalBars));
    }
    return r;
}

}  // namespace biaxial
