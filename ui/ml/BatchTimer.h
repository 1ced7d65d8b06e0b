#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QString>

#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// Times one training batch of a network on this machine in the background (the model's
// Benchmark::timeTrainingBatch), so that the Training panel's estimate starts from a measured
// batch instead of a FLOP count (which small networks run far below). One measurement at a
// time; results are kept per configuration. GUI thread.
class BatchTimer : public QObject {
    Q_OBJECT
public:
    explicit BatchTimer(QObject* parent = nullptr);
    ~BatchTimer() override;

    // Seconds per batch when measured, else < 0 (and, with `measure`, a measurement starts or
    // is queued after the running one).
    double secondsFor(const ModelConfig& config, int batchSize, const QString& device, bool bf16,
                      bool measure);
    bool isMeasuring() const { return watcher_.isRunning(); }

signals:
    void measured();

private:
    static QString keyOf(const ModelConfig& config, int batchSize, const QString& device, bool bf16);
    QHash<QString, double> seconds_;
    QFutureWatcher<double> watcher_;
    QString runningKey_;
    std::function<void()> next_;  // the measurement asked for while one ran
};

}  // namespace biaxial
