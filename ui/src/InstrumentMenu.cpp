#include "biaxial/ui/InstrumentMenu.h"

#include <QActionGroup>
#include <QUndoStack>

#include "biaxial/engine/GeneralMidi.h"
#include "biaxial/ui/SetProgramCommand.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

InstrumentMenu::InstrumentMenu(SongDocument* document, QWidget* parent)
    : QMenu(tr("&Instrument"), parent), document_(document) {
    setObjectName("instrumentMenu");
    static const char* const kFamilies[16] = {QT_TR_NOOP("Piano"),         QT_TR_NOOP("Chromatic percussion"),
                                              QT_TR_NOOP("Organ"),         QT_TR_NOOP("Guitar"),
                                              QT_TR_NOOP("Bass"),          QT_TR_NOOP("Strings"),
                                              QT_TR_NOOP("Ensemble"),      QT_TR_NOOP("Brass"),
                                              QT_TR_NOOP("Reed"),          QT_TR_NOOP("Pipe"),
                                              QT_TR_NOOP("Synth lead"),    QT_TR_NOOP("Synth pad"),
                                              QT_TR_NOOP("Synth effects"), QT_TR_NOOP("Ethnic"),
                                              QT_TR_NOOP("Percussive"),    QT_TR_NOOP("Sound effects")};
    auto* group = new QActionGroup(this);
    for (int f = 0; f < 16; ++f) {
        QMenu* family = addMenu(tr(kFamilies[f]));
        for (int p = 8 * f; p < 8 * f + 8; ++p) {
            QAction* a = family->addAction(
                QStringLiteral("%1 %2").arg(p + 1).arg(QString::fromStdString(GeneralMidi::programName(p))));
            a->setCheckable(true);
            a->setData(p);
            group->addAction(a);
            programs_.push_back(a);
            connect(a, &QAction::triggered, this, [this, p] {
                if (document_->program() != p)
                    document_->undoStack()->push(new SetProgramCommand(document_, p));
            });
        }
    }
    connect(document_, &SongDocument::programChanged, this, &InstrumentMenu::showCurrent);
    connect(document_, &SongDocument::songReset, this, &InstrumentMenu::showCurrent);
    showCurrent();
}

void InstrumentMenu::showCurrent() {
    const int p = document_->program();
    if (p >= 0 && p < programs_.size())
        programs_[p]->setChecked(true);
}

}  // namespace biaxial
