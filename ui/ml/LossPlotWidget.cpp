#include "LossPlotWidget.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <algorithm>
#include <cmath>

namespace biaxial {

namespace {

// A "nice" tick spacing (1, 2 or 5 times a power of ten) giving about `count` ticks.
double niceStep(double span, int count) {
    if (span <= 0 || !std::isfinite(span)) {
        return 1.0;
    }
    const double raw = span / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
    return nice * magnitude;
}

QString tickLabel(double value, double step) {
    const int decimals = step >= 1.0 ? 0 : std::min(4, static_cast<int>(std::ceil(-std::log10(step))));
    return QString::number(value, 'f', decimals);
}

}  // namespace

LossPlotWidget::LossPlotWidget(QWidget* parent) : QWidget(parent), unit_(tr("loss (nats)")) {
    setObjectName("lossPlot");
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LossPlotWidget::setUnit(const QString& unit) {
    unit_ = unit;
    update();
}

void LossPlotWidget::addTrainingPoint(double step, double loss) {
    if (!std::isfinite(step) || !std::isfinite(loss)) {
        return;
    }
    training_.append(QPointF(step, loss));
    update();
}

void LossPlotWidget::addValidationPoint(double step, double loss) {
    if (!std::isfinite(step) || !std::isfinite(loss)) {
        return;
    }
    validation_.append(QPointF(step, loss));
    update();
}

void LossPlotWidget::clear() {
    training_.clear();
    validation_.clear();
    update();
}

LossPlotWidget::Range LossPlotWidget::dataRange() const {
    Range r;
    bool any = false;
    for (const auto* series : {&training_, &validation_}) {
        for (const QPointF& p : *series) {
            if (!any) {
                r = {p.x(), p.x(), p.y(), p.y()};
                any = true;
            }
            r.minX = std::min(r.minX, p.x());
            r.maxX = std::max(r.maxX, p.x());
            r.minY = std::min(r.minY, p.y());
            r.maxY = std::max(r.maxY, p.y());
        }
    }
    if (!any) {
        return {0, 100, 0, 1};
    }
    // Loss axes start at zero unless the curve lives far above it, so that progress reads
    // as the share of the loss removed.
    if (r.minY > 0 && r.minY < 0.5 * r.maxY) {
        r.minY = 0;
    }
    if (r.maxX - r.minX < 1e-9) {
        r.maxX = r.minX + 1;
    }
    if (r.maxY - r.minY < 1e-9) {
        r.maxY = r.minY + std::max(1e-3, std::abs(r.minY) * 0.1);
    }
    const double pad = 0.05 * (r.maxY - r.minY);
    r.maxY += pad;
    if (r.minY != 0) {
        r.minY -= pad;
    }
    return r;
}

QVector<QPointF> LossPlotWidget::smoothedTraining() const {
    // The smoothing factor depends on the count so that short runs are barely smoothed.
    QVector<QPointF> out;
    out.reserve(training_.size());
    const double alpha = std::clamp(20.0 / std::max<qsizetype>(1, training_.size()), 0.02, 0.6);
    double ema = 0;
    for (qsizetype i = 0; i < training_.size(); ++i) {
        ema = i == 0 ? training_[i].y() : alpha * training_[i].y() + (1 - alpha) * ema;
        out.append(QPointF(training_[i].x(), ema));
    }
    return out;
}

void LossPlotWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));

    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("00.000")) + 10;
    const int bottom = fm.height() * 2 + 6;
    const int top = fm.height() + 8;
    const int right = 12;
    const QRectF plot(left, top, std::max(10, width() - left - right), std::max(10, height() - top - bottom));
    const Range r = dataRange();
    auto map = [&](const QPointF& v) {
        return QPointF(plot.left() + (v.x() - r.minX) / (r.maxX - r.minX) * plot.width(),
                       plot.bottom() - (v.y() - r.minY) / (r.maxY - r.minY) * plot.height());
    };

    // Grid and tick labels.
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlpha(40);
    const QColor textColor = pal.color(QPalette::Text);
    p.setFont(font());
    const double yStep = niceStep(r.maxY - r.minY, 5);
    for (double y = std::ceil(r.minY / yStep) * yStep; y <= r.maxY + 1e-12; y += yStep) {
        const QPointF a = map({r.minX, y});
        p.setPen(gridColor);
        p.drawLine(QPointF(plot.left(), a.y()), QPointF(plot.right(), a.y()));
        p.setPen(textColor);
        p.drawText(QRectF(0, a.y() - fm.height() / 2.0, left - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tickLabel(y, yStep));
    }
    const double xStep = std::max(1.0, niceStep(r.maxX - r.minX, 6));
    for (double x = std::ceil(r.minX / xStep) * xStep; x <= r.maxX + 1e-9; x += xStep) {
        const QPointF a = map({x, r.minY});
        p.setPen(gridColor);
        p.drawLine(QPointF(a.x(), plot.top()), QPointF(a.x(), plot.bottom()));
        p.setPen(textColor);
        p.drawText(QRectF(a.x() - 40, plot.bottom() + 2, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   tickLabel(x, xStep));
    }
    p.setPen(textColor);
    p.drawRect(plot);
    p.drawText(QRectF(plot.left(), plot.bottom() + fm.height() + 4, plot.width(), fm.height()),
               Qt::AlignHCenter, tr("step"));
    p.drawText(QRectF(4, 2, width() / 2.0, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, unit_);

    const QColor trainColor = pal.color(QPalette::Highlight);
    const QColor validColor(230, 120, 30);
    if (training_.isEmpty() && validation_.isEmpty()) {
        p.setPen(textColor);
        p.drawText(plot, Qt::AlignCenter, tr("The loss appears here while a model trains."));
        return;
    }

    p.save();
    p.setClipRect(plot.adjusted(-1, -1, 1, 1));
    auto drawSeries = [&](const QVector<QPointF>& pts, const QPen& pen, bool dots) {
        if (pts.isEmpty()) {
            return;
        }
        QPainterPath path(map(pts.front()));
        for (qsizetype i = 1; i < pts.size(); ++i) {
            path.lineTo(map(pts[i]));
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        if (dots || pts.size() == 1) {
            p.setBrush(pen.color());
            for (const QPointF& v : pts) {
                p.drawEllipse(map(v), 2.5, 2.5);
            }
        }
    };
    QColor faint = trainColor;
    faint.setAlpha(70);
    drawSeries(training_, QPen(faint, 1.0), false);
    drawSeries(smoothedTraining(), QPen(trainColor, 2.0), false);
    drawSeries(validation_, QPen(validColor, 2.0), validation_.size() < 40);
    p.restore();

    // Legend with the latest values, inside the plot's top-right corner.
    QString trainText = tr("training");
    if (!training_.isEmpty()) {
        trainText += QStringLiteral(" %1").arg(training_.back().y(), 0, 'f', 3);
    }
    QString validText = tr("validation");
    if (!validation_.isEmpty()) {
        validText += QStringLiteral(" %1").arg(validation_.back().y(), 0, 'f', 3);
    }
    const qreal lineHeight = fm.height() + 2;
    const qreal boxWidth = std::max(fm.horizontalAdvance(trainText), fm.horizontalAdvance(validText)) + 30;
    const QRectF box(plot.right() - boxWidth - 6, plot.top() + 6, boxWidth, lineHeight * 2 + 6);
    QColor boxColor = pal.color(QPalette::Base);
    boxColor.setAlpha(210);
    p.setPen(gridColor);
    p.setBrush(boxColor);
    p.drawRect(box);
    const auto entry = [&](int row, const QColor& color, const QString& text) {
        const qreal y = box.top() + 3 + lineHeight * row + lineHeight / 2;
        p.setPen(QPen(color, 2));
        p.drawLine(QPointF(box.left() + 6, y), QPointF(box.left() + 20, y));
        p.setPen(textColor);
        p.drawText(QRectF(box.left() + 24, y - lineHeight / 2, box.width() - 26, lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    entry(0, trainColor, trainText);
    entry(1, validColor, validText);
}

}  // namespace biaxial
