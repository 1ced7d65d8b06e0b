#pragma once

#include <QDateTime>
#include <QString>
#include <cstdint>
#include <string>

#include "CorpusReport.h"
#include "TrainingRequest.h"

namespace biaxial {

// The Training panel's choices turned into a training run: the network of the size preset,
// the model file (chosen or a default in the app's data folder), how often checkpoints,
// samples, validation and progress reports come, when bfloat16 is used, and the entries of
// the model card. No widgets, so that these rules are tested without a panel; the panel
// reads its controls into Choices and asks here.
class TrainingPlan {
public:
    struct Choices {
        QString corpusFolder;
        QString preset = QStringLiteral("small");  // "original", "small", "tiny"
        QString outputPath;                        // empty: defaultOutputPath()
        QString device = QStringLiteral("auto");   // "auto" or a Model::availableDevices() name
        bool resume = false;
        bool bf16 = false;  // asked for; useBf16() decides
        std::int64_t steps = 2000;
        int batchSize = 10;
        int checkpointEvery = 0;  // batches; 0: checkpointEvery(steps)
    };

    // The run. `lastScan` (may be null) adds its counts to the model card when it is a good
    // scan of this corpus folder; `createdUtc` is the card's creation time.
    static TrainingRequest request(const Choices& choices, const CorpusReport* lastScan, bool cudaAvailable,
                                   const QDateTime& createdUtc);

    // The network of a size preset; Small for a name that is not one.
    static ModelConfig config(const QString& preset);
    // The chosen model file, else the default one.
    static QString outputPath(const Choices& choices);
    // <app data>/models/<corpus folder name>-<preset>.pt ("model" when there is no folder).
    static QString defaultOutputPath(const QString& corpusFolder, const QString& preset);
    // Checkpoints (with a sample and a validation NLL each) about ten times per run, at most
    // every 500 batches like the original.
    static int checkpointEvery(std::int64_t steps);
    // A report per batch, so that Pause takes effect soon; very long runs report less often
    // so that the loss plot keeps at most ~20,000 points.
    static int logEvery(std::int64_t steps);
    // bfloat16 products help on the CPU only: never on CUDA, chosen or automatic.
    static bool useBf16(bool wanted, const QString& device, bool cudaAvailable);
    // The device "auto" stands for: "cuda" when there is one, else "cpu".
    static std::string resolvedDevice(const QString& device, bool cudaAvailable);
};

}  // namespace biaxial
