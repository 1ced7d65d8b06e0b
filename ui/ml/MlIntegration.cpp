#include "MlIntegration.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <algorithm>

#include "ContinuePanel.h"
#if defined(BIAXIAL_HAVE_JAM_UI)
#include "JamPanel.h"
#endif
#include "ContinueController.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "VariationPreview.h"
#include "biaxial/ui/MainWindow.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {

MlIntegration::Parts MlIntegration::install(MainWindow* window, bool loadDefaultModel) {
    Parts parts;
    SongDocument* document = window->document();
    PianoRollWidget* roll = window->pianoRoll();
    Transport* transport = window->transport();

    parts.continuePanel = new ContinuePanel(document, roll, window, loadDefaultModel, window->dialogs());
    parts.trainingController = new TrainingController(window);
    parts.trainingPanel = new TrainingPanel(parts.trainingController, roll, window, window->dialogs());
    window->addPanel(parts.continuePanel, Qt::RightDockWidgetArea);
    window->addPanel(parts.trainingPanel, Qt::RightDockWidgetArea);
    window->tabifyDockWidget(parts.continuePanel, parts.trainingPanel);
    parts.continuePanel->raise();

    // The toolbar gets the main steps; the menu (which makes every shortcut live) gets all.
    ContinuePanel* cp = parts.continuePanel;
    const std::pair<QAction*, const char*> toolbarActions[] = {
        {cp->continueAction(), "generate.continue"},
        {cp->regenerateAction(), "generate.regenerate"},
        {cp->acceptAction(), "generate.accept"},
        {cp->discardAction(), "generate.discard"}};
    for (const auto& [action, name] : toolbarActions) {
        action->setObjectName(QString::fromLatin1(name));
        window->addGenerateAction(action);
    }
    window->generateMenu()->addSeparator();
    const std::pair<QAction*, const char*> menuActions[] = {
        {cp->continueAndPlayAction(), "generate.continueandplay"},
        {cp->accompanyAction(), "generate.accompany"},
        {cp->previousVariationAction(), "generate.previous"},
        {cp->nextVariationAction(), "generate.next"},
        {cp->cancelAction(), "generate.cancel"}};
    for (const auto& [action, name] : menuActions) {
        action->setObjectName(QString::fromLatin1(name));
        window->generateMenu()->addAction(action);
    }

#if defined(BIAXIAL_HAVE_JAM_UI)
    ContinueController* continueController = cp->controller();
    parts.jamPanel = new JamPanel(
        document, transport, roll, [continueController] { return continueController->modelPath(); }, window);
    window->addPanel(parts.jamPanel, Qt::RightDockWidgetArea);
    window->tabifyDockWidget(parts.trainingPanel, parts.jamPanel);
    parts.continuePanel->raise();
    auto* jam = new QAction(QCoreApplication::translate("biaxial", "&Jam with the Network..."), window);
    jam->setObjectName(QStringLiteral("generate.jam"));
    jam->setToolTip(QCoreApplication::translate(
        "biaxial", "Play phrases and let the network answer them, or play along with you, live"));
    JamPanel* jamPanel = parts.jamPanel;
    QObject::connect(jam, &QAction::triggered, jamPanel, [jamPanel] {
        jamPanel->show();
        jamPanel->raise();
    });
    window->generateMenu()->addAction(jam);
    QObject::connect(jamPanel, &JamPanel::statusMessage, window,
                     [window](const QString& text) { window->showStatus(text, 6000); });
    // A jam plays on the transport's sound engine: it ends (its take kept) before that goes.
    window->addCloseGuard([jamPanel] {
        jamPanel->stop();
        return true;
    });
#endif

    ContinuePanel* continuePanel = parts.continuePanel;
    TrainingController* training = parts.trainingController;
    QObject::connect(continuePanel, &ContinuePanel::statusMessage, window,
                     [window](const QString& text) { window->showStatus(text, 6000); });
    QObject::connect(parts.trainingPanel, &TrainingPanel::statusMessage, window,
                     [window](const QString& text) { window->showStatus(text, 6000); });

    // Audition: the transport plays the song with the variation mixed in; when the variation
    // goes away (accept, discard, flip), the transport gets the document's song back.
    QObject::connect(
        continuePanel, &ContinuePanel::auditionRequested, transport,
        [transport, document, continuePanel](std::int64_t from, const std::vector<Note>& ghosts) {
            Song song = document->song();
            const int track = continuePanel->preview()->result().track;
            if (song.tracks.empty()) {
                song.tracks.emplace_back();
            }
            Track& target = song.tracks[static_cast<std::size_t>(
                std::clamp(track, 0, static_cast<int>(song.tracks.size()) - 1))];
            target.notes.insert(target.notes.end(), ghosts.begin(), ghosts.end());
            std::sort(target.notes.begin(), target.notes.end(), noteLess);
            if (!transport->hasSound())
                continuePanel->noteSilentAudition(transport->soundStatus());
            transport->stop();
            transport->setSong(song);
            transport->seek(from);
            transport->play();
        });
    QObject::connect(continuePanel->preview(), &VariationPreview::changed, transport,
                     [transport, document, continuePanel] {
                         if (!continuePanel->isStreaming())  // Continue and Play plays on (below)
                             transport->setSong(document->song());
                     });
    // Continue and Play: the song with the first variation so far; playback starts at the
    // continue point with the first beat and plays on while the network writes the rest (the
    // scheduler keeps sounding notes across each update).
    QObject::connect(
        continuePanel, &ContinuePanel::streamRequested, transport,
        [transport, document, continuePanel](std::int64_t from, int track, const std::vector<Note>& notes) {
            Song song = document->song();
            if (song.tracks.empty())
                song.tracks.emplace_back();
            Track& target = song.tracks[static_cast<std::size_t>(
                std::clamp(track, 0, static_cast<int>(song.tracks.size()) - 1))];
            target.notes.insert(target.notes.end(), notes.begin(), notes.end());
            std::sort(target.notes.begin(), target.notes.end(), noteLess);
            transport->setSong(song);
            if (!transport->isPlaying()) {
                if (!transport->hasSound())
                    continuePanel->noteSilentAudition(transport->soundStatus());
                transport->seek(from);
                transport->play();
            }
        });
    QObject::connect(continuePanel, &ContinuePanel::streamStopped, transport, [transport, document] {
        transport->stop();
        transport->setSong(document->song());
    });

    // Trained models become choices for Continue; "Use for Continue" also loads it.
    QObject::connect(training, &TrainingController::modelReady, continuePanel,
                     [continuePanel](const QString& path) { continuePanel->addModelFile(path, false); });
    QObject::connect(parts.trainingPanel, &TrainingPanel::useModelRequested, continuePanel,
                     [continuePanel](const QString& path) {
                         continuePanel->addModelFile(path, true);
                         continuePanel->show();
                         continuePanel->raise();
                     });
    QObject::connect(parts.trainingPanel, &TrainingPanel::openSampleRequested, window,
                     [window](const QString& path) { window->openFile(path); });

    window->addCloseGuard([window, training] {
        if (!training->isRunning()) {
            return true;
        }
        const bool stop = window->dialogs()->askYesNo(
            window, QCoreApplication::translate("biaxial", "Training is running"),
            QCoreApplication::translate("biaxial",
                                        "A model is training. Stop it and quit? The last checkpoint stays on "
                                        "disk and can be resumed."));
        if (!stop) {
            return false;
        }
        window->showStatus(QCoreApplication::translate("biaxial", "Stopping training..."));
        return training->stopAndWait();
    });
    return parts;
}

}  // namespace biaxial
