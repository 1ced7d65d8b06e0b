#include "TrainingSamplesView.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

TrainingSamplesView::TrainingSamplesView(PianoRollWidget* roll, QWidget* parent)
    : QGroupBox(tr("Samples at checkpoints"), parent), roll_(roll) {
    auto* layout = new QVBoxLayout(this);
    list_ = new QListWidget;
    list_->setObjectName("samplesList");
    list_->setMaximumHeight(90);
    layout->addWidget(list_);
    auto* buttons = new QHBoxLayout;
    previewButton_ = new QPushButton(tr("Show as ghost notes"));
    openButton_ = new QPushButton(tr("Open as song"));
    useModelButton_ = new QPushButton(tr("Use for Continue"));
    useModelButton_->setObjectName("useModelButton");
    buttons->addWidget(previewButton_);
    buttons->addWidget(openButton_);
    buttons->addWidget(useModelButton_);
    layout->addLayout(buttons);

    connect(list_, &QListWidget::itemDoubleClicked, this, [this] { previewCurrentSample(); });
    connect(previewButton_, &QPushButton::clicked, this, &TrainingSamplesView::previewCurrentSample);
    connect(openButton_, &QPushButton::clicked, this, [this] {
        if (const QString path = currentSample(); !path.isEmpty()) {
            emit openRequested(path);
        }
    });
    connect(useModelButton_, &QPushButton::clicked, this, &TrainingSamplesView::useModelRequested);
    connect(list_, &QListWidget::currentRowChanged, this, &TrainingSamplesView::currentChanged);
}

void TrainingSamplesView::addSample(const QString& path) {
    auto* item = new QListWidgetItem(QFileInfo(path).fileName(), list_);
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
    list_->setCurrentItem(item);
}

void TrainingSamplesView::clear() {
    list_->clear();
}

QString TrainingSamplesView::currentSample() const {
    const QListWidgetItem* item = list_->currentItem();
    return item != nullptr ? item->data(Qt::UserRole).toString() : QString();
}

void TrainingSamplesView::updateButtons(bool modelAvailable) {
    const bool haveSample = list_->currentItem() != nullptr;
    previewButton_->setEnabled(haveSample && roll_ != nullptr);
    openButton_->setEnabled(haveSample);
    useModelButton_->setEnabled(modelAvailable);
}

void TrainingSamplesView::previewCurrentSample() {
    const QString path = currentSample();
    if (path.isEmpty() || roll_ == nullptr) {
        return;
    }
    const Result<Song> read = MidiFileReader::readFile(path.toStdString());
    if (!read) {
        emit statusMessage(
            tr("Cannot read the sample: %1").arg(QString::fromStdString(read.error().message())));
        return;
    }
    // Shown after the song, at the document's resolution, so that it can be compared by ear.
    const Song& sample = read.value();
    SongDocument* document = roll_->document();
    const int tpq = document->ticksPerQuarter();
    const std::int64_t bar = std::max<std::int64_t>(1, document->ticksPerBar());
    const std::int64_t offset = (document->song().endTick() + bar - 1) / bar * bar;
    std::vector<Note> notes;
    for (const Track& track : sample.tracks) {
        for (const Note& n : track.notes) {
            Note scaled = n;
            scaled.start = offset + n.start * tpq / std::max(1, sample.ticksPerQuarter);
            scaled.length = std::max<std::int64_t>(1, n.length * tpq / std::max(1, sample.ticksPerQuarter));
            notes.push_back(scaled);
        }
    }
    roll_->setGhostNotes(std::move(notes));
    roll_->scrollToTick(offset);
    emit statusMessage(tr("Showing %1 as ghost notes after the song.").arg(QFileInfo(path).fileName()));
}

}  // namespace biaxial
