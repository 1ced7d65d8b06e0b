#include "biaxial/ui/StudioToolBars.h"

#include <QEvent>

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>
#include <utility>

#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SetTempoCommand.h"
#include "biaxial/ui/SetTimeSignatureCommand.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

StudioToolBars::StudioToolBars(QMainWindow* window, const ActionLookup& action, SongDocument* document,
                               PianoRollWidget* roll)
    : QObject(window), window_(window), document_(document) {
    QToolBar* file = window->addToolBar(tr("File"));
    file->setObjectName("fileToolBar");
    file->addAction(action(QStringLiteral("file.new")));
    file->addAction(action(QStringLiteral("file.open")));
    file->addAction(action(QStringLiteral("file.save")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("edit.undo")));
    file->addAction(action(QStringLiteral("edit.redo")));

    QToolBar* edit = window->addToolBar(tr("Edit"));
    edit->setObjectName("editToolBar");
    edit->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    edit->addAction(action(QStringLiteral("edit.modeDraw")));
    edit->addAction(action(QStringLiteral("edit.modeSelect")));
    edit->addSeparator();
    edit->addWidget(new QLabel(tr(" Snap "), edit));
    snapBox_ = new QComboBox(edit);
    snapBox_->setObjectName("snapBox");
    snapBox_->setToolTip(tr("Grid snap"));
    for (const auto& [label, division] :
         {std::pair{tr("Off"), 0}, std::pair{tr("1/4"), 4}, std::pair{tr("1/8"), 8},
          std::pair{tr("1/16"), 16}, std::pair{tr("1/32"), 32}})
        snapBox_->addItem(label, division);
    snapBox_->setCurrentIndex(snapBox_->findData(16));
    connect(snapBox_, &QComboBox::currentIndexChanged, this,
            [this, roll] { roll->setSnapDivision(snapBox_->currentData().toInt()); });
    edit->addWidget(snapBox_);
    edit->addSeparator();
    // Icons only (their tooltips and the Edit menu name them): at 1280x800 the text pushed the
    // Generate toolbar's Accept and Discard behind the ">>" overflow.
    for (const char* name : {"edit.quantize", "edit.lock"}) {
        edit->addAction(action(QString::fromLatin1(name)));
        if (auto* button =
                qobject_cast<QToolButton*>(edit->widgetForAction(action(QString::fromLatin1(name)))))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }

    QToolBar* transport = window->addToolBar(tr("Transport"));
    transport->setObjectName("transportToolBar");
    transport->addAction(action(QStringLiteral("transport.rewind")));
    transport->addAction(action(QStringLiteral("transport.play")));
    transport->addAction(action(QStringLiteral("transport.stop")));
    transport->addAction(action(QStringLiteral("transport.loop")));
    transport->addAction(action(QStringLiteral("transport.record")));
    transport->addSeparator();
    tempoBox_ = new QDoubleSpinBox(transport);
    tempoBox_->setObjectName("tempoBox");
    tempoBox_->setRange(20.0, 300.0);
    tempoBox_->setDecimals(1);
    tempoBox_->setSuffix(tr(" BPM"));
    tempoBox_->setKeyboardTracking(false);
    tempoBox_->setToolTip(tr("Tempo"));
    tempoBox_->setValue(document_->bpm());
    connect(tempoBox_, &QDoubleSpinBox::valueChanged, this, [this](double bpm) {
        const int micros = static_cast<int>(std::lround(60'000'000.0 / bpm));
        if (micros != document_->microsPerQuarter())
            document_->undoStack()->push(new SetTempoCommand(document_, micros));
    });
    transport->addWidget(tempoBox_);
    // The time signature: a button with the common meters (one undo step each).
    auto* meter = new QToolButton(transport);
    meter->setObjectName("meterButton");
    meter->setText(QStringLiteral("4/4"));
    meter->setToolTip(tr("Time signature: click to change the song's meter"));
    meter->setPopupMode(QToolButton::InstantPopup);
    auto* meters = new QMenu(meter);
    for (const auto& [num, den] :
         {std::pair{2, 4}, {3, 4}, {4, 4}, {5, 4}, {6, 8}, {7, 8}, {9, 8}, {12, 8}}) {
        meters->addAction(QStringLiteral("%1/%2").arg(num).arg(den), this, [this, num, den] {
            const TimeSignature sig = document_->timeSignature();
            if (sig.numerator != num || sig.denominator != den)
                document_->undoStack()->push(new SetTimeSignatureCommand(document_, num, den));
        });
    }
    meter->setMenu(meters);
    transport->addWidget(meter);
    auto showMeter = [this, meter] {
        const TimeSignature sig = document_->timeSignature();
        meter->setText(QStringLiteral("%1/%2").arg(sig.numerator).arg(sig.denominator));
    };
    connect(document_, &SongDocument::songReset, meter, showMeter);
    connect(document_, &SongDocument::meterChanged, meter, showMeter);

    generate_ = window->addToolBar(tr("Generate"));
    generate_->setObjectName("generateToolBar");
    generate_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    generate_->hide();  // shown when the first action arrives
    window->installEventFilter(this);
}

bool StudioToolBars::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window_ && (event->type() == QEvent::Resize || event->type() == QEvent::Show ||
                               event->type() == QEvent::LayoutRequest))
        fitToolBars();
    return QObject::eventFilter(watched, event);
}

void StudioToolBars::fitToolBars() {
    if (!generate_->isVisibleTo(window_))
        return;
    // The toolbars of the top row, side by side at their natural widths.
    int needed = 0;
    for (QToolBar* bar : window_->findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
        if (bar->isVisibleTo(window_) && window_->toolBarArea(bar) == Qt::TopToolBarArea)
            needed += bar->sizeHint().width() + 8;
    const bool ownRow = needed > window_->width();
    if (ownRow == generateOnOwnRow_)
        return;
    generateOnOwnRow_ = ownRow;
    if (ownRow)
        window_->insertToolBarBreak(generate_);
    else
        window_->removeToolBarBreak(generate_);
}

void StudioToolBars::showTempo(double bpm) {
    QSignalBlocker block(tempoBox_);
    tempoBox_->setValue(bpm);
}

void StudioToolBars::setSnapDivision(int division) {
    const int index = snapBox_->findData(division);
    if (index >= 0)
        snapBox_->setCurrentIndex(index);
}

}  // namespace biaxial
