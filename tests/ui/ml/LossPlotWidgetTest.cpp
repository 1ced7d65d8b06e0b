#include <gtest/gtest.h>

#include <QImage>
#include <cmath>
#include <limits>

#include "LossPlotWidget.h"

TEST(LossPlotWidget, AcceptsPointsAndPaints) {
    biaxial::LossPlotWidget plot;
    plot.resize(400, 200);
    QImage empty(plot.size(), QImage::Format_ARGB32);
    plot.render(&empty);  // the empty state paints a hint, not a crash

    for (int i = 0; i < 200; ++i) {
        plot.addTrainingPoint(i, 3.0 * std::exp(-i / 50.0) + 0.1 * (i % 3));
    }
    plot.addValidationPoint(50, 1.5);
    plot.addValidationPoint(100, 1.0);
    plot.addTrainingPoint(201, std::numeric_limits<double>::quiet_NaN());
    plot.addValidationPoint(std::numeric_limits<double>::infinity(), 1.0);
    EXPECT_EQ(plot.trainingPoints().size(), 200);
    EXPECT_EQ(plot.validationPoints().size(), 2);
    EXPECT_DOUBLE_EQ(plot.validationPoints().back().y(), 1.0);

    QImage image(plot.size(), QImage::Format_ARGB32);
    image.fill(Qt::black);
    plot.render(&image);
    EXPECT_NE(image, empty);  // something was drawn besides the hint

    plot.clear();
    EXPECT_TRUE(plot.trainingPoints().isEmpty());
    EXPECT_TRUE(plot.validationPoints().isEmpty());
}

TEST(LossPlotWidget, SinglePointAndFlatCurve) {
    biaxial::LossPlotWidget plot;
    plot.resize(300, 150);
    plot.addTrainingPoint(0, 2.0);
    QImage image(plot.size(), QImage::Format_ARGB32);
    plot.render(&image);
    plot.addTrainingPoint(1, 2.0);
    plot.addTrainingPoint(2, 2.0);
    plot.render(&image);
    EXPECT_EQ(plot.trainingPoints().size(), 3);
}
