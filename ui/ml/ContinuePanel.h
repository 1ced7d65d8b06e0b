#pragma once

#include <QDockWidget>
#include <QString>
#include <cstdint>
#include <memory>

#include "ContinueRequestBuilder.h"

#include "ContinueActions.h"
#include "biaxial/engine/Scale.h"
#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/ContinueResult.h"
#include "biaxial/model/Model.h"

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace biaxial {

class ContinueController;
class IUserDialogs;
class ModelCardView;
class ModelChooser;
class PianoRollWidget;
class ScaleChooser;
class SongDocument;
class VariationPreview;

// The Continue dock: model choice and card, where to continue from, bars, conservativity
// (fixed or adaptive), temperature, variations, random seed, key/scale; Continue and
// Regenerate selection with a progress bar and Cancel; then the variations as ghost notes to
// flip through, audition, accept (one undo step) or discard.
// Owns its ContinueController (worker thread) and VariationPreview; ContinueRequestBuilder
// makes the requests and ModelChooser the model list. The document, the roll and the dialogs
// belong to the main window and must outlive the panel. GUI thread only.
class ContinuePanel : public QDockWidget {
    Q_OBJECT
public:
    using From = ContinueRequestBuilder::From;

    // Loads the default model (ModelLocator) unless `loadDefaultModel` is false (tests).
    // `dialogs` asks for model files; null: the real file dialog.
    ContinuePanel(SongDocument* document, PianoRollWidget* roll, QWidget* parent = nullptr,
                  bool loadDefaultModel = true, IUserDialogs* dialogs = nullptr);
    ~ContinuePanel() override;

    ContinueController* controller() const { return controller_; }
    VariationPreview* preview() const { return preview_; }

    // For the main window's menu and toolbar (they carry the shortcuts):
    QAction* continueAction() const { return actions_.continueAction; }
    QAction* regenerateAction() const { return actions_.regenerate; }
    QAction* accompanyAction() const { return actions_.accompany; }
    QAction* continueAndPlayAction() const { return actions_.continueAndPlay; }
    // A Continue and Play is sounding its first variation as it comes (until it is shown).
    bool isStreaming() const { return streaming_; }
    QAction* acceptAction() const { return actions_.accept; }
    QAction* discardAction() const { return actions_.discard; }
    QAction* nextVariationAction() const { return actions_.next; }
    QAction* previousVariationAction() const { return actions_.previous; }
    QAction* cancelAction() const { return actions_.cancel; }
    QList<QAction*> menuActions() const;

    // The request the controls describe now (GUI thread; copies the song).
    ContinueRequest buildRequest(ContinueRequest::Mode mode) const;
    // Where Continue starts for a choice of From (ticks), and the range Regenerate replaces.
    std::int64_t seedEndTick(From from) const;
    bool regenerateRange(std::int64_t* start, std::int64_t* end) const;
    QString statusText() const;

public slots:
    // Adds a model file to the choice (e.g. one the Training panel just wrote) and, when
    // `select` is true, loads it.
    void addModelFile(const QString& path, bool select = true);
    void openModelDialog();
    void startContinue();
    void startRegenerate();
    void cancel();

signals:
    // The user wants to hear the current variation with the song: play from `fromTick`
    // with the ghost notes (the main window's transport mixes PianoRollWidget::ghostNotes()).
    void auditionRequested(std::int64_t fromTick, const std::vector<biaxial::Note>& ghostNotes);
    // Continue and Play: the first variation so far, to sound from `fromTick` (the continue
    // point) with the song; the transport starts there at the first call and plays on after.
    void streamRequested(std::int64_t fromTick, int track, const std::vector<biaxial::Note>& notesSoFar);
    // Continue and Play was cancelled or failed: its playback stops with it.
    void streamStopped();
    void statusMessage(const QString& text);

public:
    // GUI thread. An audition is about to play with no sound device: says so in the panel, where
    // the musician is looking, the first time only (the playhead would run silently).
    void noteSilentAudition(const QString& soundStatus);

private:
    void buildUi();
    void loadSettings();
    void saveSettings() const;
    void start(ContinueRequest::Mode mode);
    void setStatus(const QString& text);
    void updateEnabled();
    ContinueRequestBuilder requestBuilder() const;
    void onModelChosen(const QString& path);
    void onModelLoaded(const QString& path, const ModelInfo& info);
    void onModelLoadFailed(const QString& path, const QString& error);
    void onFinished(const ContinueResult& result);
    void onScaleChanged(const Scale& scale);

    SongDocument* document_;
    PianoRollWidget* roll_;
    std::unique_ptr<IUserDialogs> ownDialogs_;  // when none was given
    IUserDialogs* dialogs_ = nullptr;
    ContinueController* controller_ = nullptr;
    VariationPreview* preview_ = nullptr;

    ModelChooser* modelChooser_ = nullptr;
    ModelCardView* card_ = nullptr;
    QComboBox* fromCombo_ = nullptr;
    QSpinBox* barsSpin_ = nullptr;
    QDoubleSpinBox* conservativitySpin_ = nullptr;
    QCheckBox* adaptiveCheck_ = nullptr;
    QCheckBox* followSeedCheck_ = nullptr;
    bool silentAuditionNoted_ = false;
    ContinueActions actions_;
    QDoubleSpinBox* temperatureSpin_ = nullptr;
    QSpinBox* variationsSpin_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
    QCheckBox* newSeedCheck_ = nullptr;
    ScaleChooser* scaleChooser_ = nullptr;
    QComboBox* outOfKeyCombo_ = nullptr;  // data: GenerationOptions::outOfScaleWeight
    QCheckBox* highlightCheck_ = nullptr;
    QPushButton* continueButton_ = nullptr;
    QPushButton* regenerateButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* variationLabel_ = nullptr;
    QToolButton* previousButton_ = nullptr;
    QToolButton* nextButton_ = nullptr;
    QPushButton* auditionButton_ = nullptr;
    QPushButton* acceptButton_ = nullptr;
    QPushButton* discardButton_ = nullptr;
    QLabel* status_ = nullptr;

    QString pendingModelPath_;  // being loaded
    bool modelMissing_ = false;
    bool songReplacedSinceStart_ = false;
    bool streaming_ = false;       // Continue and Play: the first variation is played as it comes
    std::int64_t streamFrom_ = 0;  // where its new notes begin (the seed's end, on the step grid)
    int streamTrack_ = 0;          // a result for a song no longer open is dropped
};

}  // namespace biaxial
