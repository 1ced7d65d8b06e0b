#pragma once

#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

namespace biaxial {

// Paints training and validation loss against the training step, live: points are appended
// as progress arrives and the axes rescale to fit. The training curve is drawn raw (faint)
// and smoothed (an exponential moving average), because per-batch loss is noisy.
// GUI thread only.
class LossPlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit LossPlotWidget(QWidget* parent = nullptr);

    QSize sizeHint() const override { return {420, 220}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

    const QVector<QPointF>& trainingPoints() const { return training_; }
    const QVector<QPointF>& validationPoints() const { return validation_; }
    void setUnit(const QString& unit);  // y axis label, e.g. "NLL (nats)"

public slots:
    // Non-finite values are ignored (a diverging run must not break the axes).
    void addTrainingPoint(double step, double loss);
    void addValidationPoint(double step, double loss);
    void clear();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Range {
        double minX = 0, maxX = 1, minY = 0, maxY = 1;
    };
    Range dataRange() const;
    QVector<QPointF> smoothedTraining() const;

    QVector<QPointF> training_;
    QVector<QPointF> validation_;
    QString unit_;
};

}  // namespace biaxial
