#include "BatchTimer.h"

#include <QtConcurrent>

#include "biaxial/model/Benchmark.h"

namespace biaxial {

BatchTimer::BatchTimer(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<double>::finished, this, [this] {
        const double s = watcher_.result();
        // A device that cannot run is remembered as unmeasurable (0): no retry loop.
        seconds_.insert(runningKey_, s > 0 ? s : 0.0);
        runningKey_.clear();
        if (next_) {
            auto next = std::move(next_);
            next_ = nullptr;
            next();
        }
        emit measured();
    });
}

BatchTimer::~BatchTimer() {
    watcher_.waitForFinished();  // the measurement holds no pointer to this object
}

QString BatchTimer::keyOf(const ModelConfig& config, int batchSize, const QString& device, bool bf16) {
    return QString::fromStdString(config.describe()) +
           QStringLiteral("|%1|%2|%3").arg(batchSize).arg(device).arg(bf16);
}

double BatchTimer::secondsFor(const ModelConfig& config, int batchSize, const QString& device, bool bf16,
                              bool measure) {
    const QString key = keyOf(config, batchSize, device, bf16);
    if (const auto it = seconds_.constFind(key); it != seconds_.constEnd())
        return *it > 0 ? *it : -1.0;
    if (key == runningKey_ || !measure)
        return -1.0;
    auto start = [this, key, config, batchSize, device, bf16] {
        if (seconds_.contains(key))
            return;
        runningKey_ = key;
        watcher_.setFuture(QtConcurrent::run([config, batchSize, device, bf16] {
            return Benchmark::timeTrainingBatch(config, batchSize, 128, device.toStdString(), bf16);
        }));
    };
    if (watcher_.isRunning())
        next_ = start;  // only the latest request waits
    else
        start();
    return -1.0;
}

}  // namespace biaxial
