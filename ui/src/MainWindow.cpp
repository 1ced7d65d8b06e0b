#include "biaxial/ui/MainWindow.h"

#include "biaxial/ui/InstrumentMenu.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/RecordingTake.h"
#include "biaxial/ui/RollDropImport.h"
#include "biaxial/ui/SelectionEdits.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QUrl>
#include <algorithm>
#include <cmath>

#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/AppIcon.h"
#include "biaxial/ui/Autosaver.h"
#include "biaxial/ui/CrashRecovery.h"
#include "biaxial/ui/DocumentFiles.h"
#include "biaxial/ui/MidiPortMenus.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/PreferencesDialog.h"
#include "biaxial/ui/QtUserDialogs.h"
#include "biaxial/ui/RecentFiles.h"
#include "biaxial/ui/SetTempoCommand.h"
#include "biaxial/ui/ShortcutHelp.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/StudioPreferences.h"
#include "biaxial/ui/StudioToolBars.h"
#include "biaxial/ui/ToolIcons.h"
#include "biaxial/ui/Transport.h"
#include "biaxial/ui/WavExportJob.h"

namespace biaxial {

namespace {
constexpr int kSettingsVersion = 1;
}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent),
      dialogs_(options.dialogs ? options.dialogs : std::make_shared<QtUserDialogs>()),
      document_(new SongDocument(this)),
      roll_(new PianoRollWidget(document_, this)),
      transport_(new Transport(this)) {
    const QString autosaveDirectory =
        options.autosaveDirectory.isEmpty() ? Autosaver::defaultDirectory() : options.autosaveDirectory;
    setObjectName("MainWindow");
    setWindowIcon(AppIcon::icon());
    setCentralWidget(roll_);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setAcceptDrops(true);  // drop a MIDI file on the window to open it
    autosaver_ = new Autosaver(document_, autosaveDirectory, this);
    files_ = new DocumentFiles(this, dialogs_.get(), document_, transport_, autosaver_);
    recovery_ = new CrashRecovery(this, dialogs_.get(), document_, autosaver_, autosaveDirectory);
    preferences_ = new StudioPreferences(this, dialogs_.get(), transport_, autosaver_);
    connect(files_, &DocumentFiles::statusMessage, this, &MainWindow::showStatus);
    connect(recovery_, &CrashRecovery::statusMessage, this, &MainWindow::showStatus);
    connect(preferences_, &StudioPreferences::statusMessage, this, &MainWindow::showStatus);
    connect(new RollDropImport(roll_), &RollDropImport::statusMessage, this,
            [this](const QString& text) { showStatus(text, 6000); });

    createActions();
    createMenus();
    toolBars_ = new StudioToolBars(
        this, [this](const QString& name) { return action(name); }, document_, roll_);
    createStatusBar();
    connectDocument();
    updateIcons();
    readSettings();
    updateTitle();
    updateActions();
    transport_->setSong(document_->song());
    if (options.openSynth) {
        transport_->openDefaultSynth();
        preferences_->loadStoredSoundFont();
    }
    soundLabel_->setText(transport_->soundStatus());
    autosaver_->start();
    roll_->setFocus();
}

MainWindow::~MainWindow() = default;

QUndoStack* MainWindow::undoStack() const {
    return document_->undoStack();
}

// ---------------------------------------------------------------- actions, menus, toolbars

QAction* MainWindow::addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                               std::function<void()> slot) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    if (slot)
        connect(a, &QAction::triggered, this, [slot = std::move(slot)] { slot(); });
    actions_.insert(name, a);
    QMainWindow::addAction(a);  // shortcuts work even when the menu bar is hidden
    return a;
}

QToolBar* MainWindow::generateToolBar() const {
    return toolBars_->generateToolBar();
}

QAction* MainWindow::action(const QString& name) const {
    return actions_.value(name, nullptr);
}

void MainWindow::createActions() {
    QStyle* s = style();
    addAction("file.new", tr("&New"), QKeySequence::New, [this] {
        newDocument();
    })->setIcon(s->standardIcon(QStyle::SP_FileIcon));
    addAction("file.open", tr("&Open..."), QKeySequence::Open, [this] {
        files_->chooseAndOpen();
    })->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
    addAction("file.save", tr("&Save"), QKeySequence::Save, [this] {
        save();
    })->setIcon(s->standardIcon(QStyle::SP_DialogSaveButton));
    addAction("file.saveAs", tr("Save &As..."), QKeySequence::SaveAs, [this] { saveAs(); });
    addAction("file.exportMidi", tr("Export &MIDI..."), QKeySequence(),
              [this] { files_->chooseAndExportMidi(); });
    addAction("file.exportWav", tr("Export &WAV..."), QKeySequence(tr("Ctrl+E")),
              [this] { files_->chooseAndExportWav(); });
    addAction("file.quit", tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName("edit.undo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    actions_.insert("edit.undo", undo);
    QMainWindow::addAction(undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName("edit.redo");
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    actions_.insert("edit.redo", redo);
    QMainWindow::addAction(redo);

    addAction("edit.cut", tr("Cu&t"), QKeySequence::Cut, [this] { roll_->cutSelection(); });
    addAction("edit.copy", tr("&Copy"), QKeySequence::Copy, [this] { roll_->copySelection(); });
    addAction("edit.paste", tr("&Paste"), QKeySequence::Paste, [this] { roll_->paste(); });
    addAction("edit.delete", tr("&Delete"), QKeySequence::Delete, [this] { roll_->deleteSelection(); });
    addAction("edit.selectAll", tr("Select &All"), QKeySequence::SelectAll, [this] { roll_->selectAll(); });
    addAction("edit.selectNone", tr("Select &None"), QKeySequence(tr("Ctrl+Shift+A")),
              [this] { document_->clearSelection(); });
    addAction("edit.quantize", tr("&Quantize"), QKeySequence(tr("Q")),
              [this] { roll_->quantizeSelection(); });
    addAction("edit.lock", tr("&Lock / Unlock Notes"), QKeySequence(tr("K")),
              [this] { roll_->toggleSelectionLock(); });
    action("edit.lock")->setIconText(tr("Lock"));
    action("edit.lock")
        ->setToolTip(tr("Lock the selected notes (K): Continue, Regenerate and Accompany keep "
                        "them and fit the rest to them"));
    addAction("edit.setVelocity", tr("Set &Velocity..."), QKeySequence(tr("V")), [this] {
        // Typed: the selection's median velocity is the starting value.
        const NoteRefs selected = document_->selectedNotes();
        if (selected.empty())
            return;
        if (auto chosen = dialogs()->askInteger(this, tr("Set velocity"),
                                                tr("Velocity of the %n selected note(s) (1-127):", nullptr,
                                                   static_cast<int>(selected.size())),
                                                SelectionEdits::medianVelocity(selected), 1, 127))
            roll_->setSelectionVelocity(*chosen);
    });
    addAction("edit.transposeUp", tr("Transpose Up"), QKeySequence(),
              [this] { roll_->transposeSelection(1); });
    addAction("edit.transposeDown", tr("Transpose Down"), QKeySequence(),
              [this] { roll_->transposeSelection(-1); });
    addAction("edit.octaveUp", tr("Octave Up"), QKeySequence(), [this] { roll_->transposeSelection(12); });
    addAction("edit.octaveDown", tr("Octave Down"), QKeySequence(),
              [this] { roll_->transposeSelection(-12); });
    addAction("edit.velocityUp", tr("Louder (velocity +10)"), QKeySequence(tr("Ctrl+Up")),
              [this] { roll_->changeSelectionVelocity(10); });
    addAction("edit.velocityDown", tr("Softer (velocity -10)"), QKeySequence(tr("Ctrl+Down")),
              [this] { roll_->changeSelectionVelocity(-10); });

    auto* modes = new QActionGroup(this);
    QAction* draw = addAction("edit.modeDraw", tr("&Draw"), QKeySequence(tr("D")),
                              [this] { roll_->setEditMode(PianoRollWidget::EditMode::Draw); });
    QAction* select = addAction("edit.modeSelect", tr("&Select"), QKeySequence(tr("S")),
                                [this] { roll_->setEditMode(PianoRollWidget::EditMode::Select); });
    draw->setToolTip(tr("Draw mode (D): click to add notes"));
    select->setToolTip(tr("Select mode (S): drag to select notes"));
    for (QAction* a : {draw, select}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    draw->setChecked(true);
    connect(roll_, &PianoRollWidget::editModeChanged, this, [draw, select](PianoRollWidget::EditMode m) {
        (m == PianoRollWidget::EditMode::Draw ? draw : select)->setChecked(true);
    });

    addAction("view.zoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, [this] { roll_->zoomTime(1.25); });
    addAction("view.zoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { roll_->zoomTime(0.8); });
    addAction("view.zoomSong", tr("Zoom to &Song"), QKeySequence(tr("Ctrl+0")),
              [this] { roll_->zoomToSong(); });
    addAction("view.zoomSelection", tr("Zoom to S&election"), QKeySequence(tr("Ctrl+Shift+0")),
              [this] { roll_->zoomToSelection(); });
    addAction("view.zoomInPitch", tr("Taller Rows"), QKeySequence(tr("Ctrl+Alt+=")),
              [this] { roll_->zoomPitch(1.2); });
    addAction("view.zoomOutPitch", tr("Shorter Rows"), QKeySequence(tr("Ctrl+Alt+-")),
              [this] { roll_->zoomPitch(1 / 1.2); });
    QAction* follow = addAction("view.follow", tr("&Follow Playhead"), QKeySequence(tr("F")), {});
    follow->setCheckable(true);
    follow->setChecked(true);
    connect(follow, &QAction::toggled, roll_, &PianoRollWidget::setFollowPlayhead);

    QAction* play = addAction("transport.play", tr("&Play"), QKeySequence(Qt::Key_Space),
                              [this] { transport_->togglePlay(); });
    play->setToolTip(tr("Play / Stop (Space)"));
    addAction("transport.stop", tr("S&top"), QKeySequence(), [this] {
        if (transport_->isPlaying())
            transport_->stop();
        else
            transport_->seek(0);  // a second Stop returns to the start, like a tape machine
    });
    addAction("transport.rewind", tr("Return to &Start"), QKeySequence(Qt::Key_Home), [this] {
        transport_->seek(0);
        roll_->scrollToTick(0);  // the view goes with the playhead
    });
    QAction* loop = addAction("transport.loop", tr("&Loop"), QKeySequence(tr("L")), {});
    loop->setCheckable(true);
    loop->setToolTip(tr("Loop the region marked on the ruler (L)"));
    connect(loop, &QAction::toggled, this,
            [this](bool on) { transport_->setLoop(roll_->loopStart(), roll_->loopEnd(), on); });
    addAction("transport.loopSelection", tr("Loop the Selection"), QKeySequence(tr("Ctrl+L")), [this, loop] {
        if (!document_->hasSelection())
            return;
        const NoteExtent selected = extentOf(document_->selection());
        const std::int64_t beat = document_->ticksPerBeat();
        roll_->setLoopRange(RollGeometry::snapFloor(selected.start, beat),
                            RollGeometry::snapFloor(selected.end + beat - 1, beat));
        loop->setChecked(true);
    });

    QAction* record =
        addAction("transport.record", tr("&Record from MIDI Keyboard"), QKeySequence(tr("R")), {});
    record->setCheckable(true);
    record->setToolTip(tr("Record from the MIDI keyboard into the roll (R)"));
    connect(record, &QAction::toggled, this, [this](bool on) { setRecording(on); });
    QAction* metronome = addAction("transport.metronome", tr("&Metronome"), QKeySequence(tr("Shift+M")), {});
    metronome->setCheckable(true);
    metronome->setToolTip(
        tr("A click on every beat, accented on the bar; recording counts in a bar (Shift+M)"));
    connect(metronome, &QAction::toggled, transport_, &Transport::setMetronome);
    QAction* thru = addAction("transport.thru", tr("MIDI &Thru"), QKeySequence(), {});
    thru->setCheckable(true);
    thru->setChecked(true);
    thru->setToolTip(tr("Play what the MIDI keyboard sends through the synth"));
    connect(thru, &QAction::toggled, this, [this](bool on) { transport_->setThru(on); });
    addAction("transport.soundFont", tr("Choose &SoundFont..."), QKeySequence(),
              [this] { preferences_->chooseSoundFont(); });

    addAction("edit.preferences", tr("Pr&eferences..."), QKeySequence::Preferences,
              [this] { preferences_->edit(); });
    addAction("help.shortcuts", tr("&Keyboard and Mouse"), QKeySequence::HelpContents,
              [this] { showShortcuts(); });
    addAction("help.about", tr("&About Biaxial Studio"), QKeySequence(), [this] {
        dialogs_->showAbout(
            this, tr("About Biaxial Studio"),
            tr("<h3>Biaxial Studio %1</h3><p>A piano-roll composer studio around Daniel Johnson's "
               "biaxial LSTM (2015).</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::createMenus() {
    // A menu's actions by name, "-" a separator.
    const auto fill = [this](QMenu* menu, std::initializer_list<const char*> names) {
        for (const char* name : names)
            name[0] == '-' ? (void)menu->addSeparator() : menu->addAction(action(QString::fromLatin1(name)));
    };
    fileMenu_ = menuBar()->addMenu(tr("&File"));
    fill(fileMenu_, {"file.new", "file.open"});
    QMenu* recentMenu = fileMenu_->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName("file.recentMenu");
    files_->recentFiles()->attach(recentMenu);
    fill(fileMenu_,
         {"-", "file.save", "file.saveAs", "-", "file.exportMidi", "file.exportWav", "-", "file.quit"});

    editMenu_ = menuBar()->addMenu(tr("&Edit"));
    fill(editMenu_, {"edit.undo", "edit.redo", "-", "edit.cut", "edit.copy", "edit.paste", "edit.delete", "-",
                     "edit.selectAll", "edit.selectNone", "-"});
    fill(editMenu_->addMenu(tr("&Notes")),
         {"edit.lock", "edit.setVelocity", "edit.quantize", "edit.transposeUp", "edit.transposeDown",
          "edit.octaveUp", "edit.octaveDown", "edit.velocityUp", "edit.velocityDown"});
    fill(editMenu_, {"-", "edit.modeDraw", "edit.modeSelect", "-", "edit.preferences"});

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    fill(viewMenu_, {"view.zoomIn", "view.zoomOut", "view.zoomSong", "view.zoomSelection", "view.zoomInPitch",
                     "view.zoomOutPitch", "-", "view.follow"});
    for (QAction* a : preferences_->addThemeMenu(viewMenu_))
        actions_.insert(a->objectName(), a);
    panelsMenu_ = viewMenu_->addMenu(tr("&Panels"));

    transportMenu_ = menuBar()->addMenu(tr("&Transport"));
    fill(transportMenu_, {"transport.play", "transport.stop", "transport.rewind", "transport.loop",
                          "transport.loopSelection", "-", "transport.record", "transport.metronome"});
    auto* ports = new MidiPortMenus(transportMenu_, transport_, dialogs_.get(), this);
    connect(ports, &MidiPortMenus::statusMessage, this, &MainWindow::showStatus);
    transportMenu_->addAction(action("transport.thru"));
    transportMenu_->addAction(action("transport.soundFont"));
    transportMenu_->addMenu(new InstrumentMenu(document_, transportMenu_));

    generateMenu_ = menuBar()->addMenu(tr("&Generate"));
    generateMenu_->setObjectName("generateMenu");

    fill(menuBar()->addMenu(tr("&Help")), {"help.shortcuts", "help.about"});

    // The undo history, as a panel like any other.
    historyDock_ = new QDockWidget(tr("History"), this);
    historyDock_->setObjectName("historyDock");
    historyDock_->setWidget(new QUndoView(document_->undoStack(), historyDock_));
    addPanel(historyDock_, Qt::RightDockWidgetArea);
    historyDock_->hide();
}

void MainWindow::createStatusBar() {
    positionLabel_ = new QLabel(this);
    positionLabel_->setObjectName("positionLabel");
    positionLabel_->setMinimumWidth(150);
    notesLabel_ = new QLabel(this);
    soundLabel_ = new QLabel(this);
    soundLabel_->setObjectName("soundLabel");
    statusBar()->addPermanentWidget(notesLabel_);
    statusBar()->addPermanentWidget(positionLabel_);
    statusBar()->addPermanentWidget(soundLabel_);
    updatePositionLabel(0);
}

void MainWindow::connectDocument() {
    auto songChanged = [this] {
        transport_->setSong(document_->song());
        notesLabel_->setText(countOf(static_cast<qint64>(document_->noteCount()), tr("note"), tr("notes")));
    };
    connect(document_, &SongDocument::notesChanged, this, songChanged);
    connect(document_, &SongDocument::tempoChanged, this, [this, songChanged] {
        songChanged();
        toolBars_->showTempo(document_->bpm());
    });
    connect(document_, &SongDocument::songReset, this, [this] {
        transport_->stop();
        transport_->seek(0);
        action("transport.loop")->setChecked(false);
        updateTitle();
    });
    connect(document_, &SongDocument::modifiedChanged, this, [this] { updateTitle(); });
    connect(document_, &SongDocument::filePathChanged, this, [this] { updateTitle(); });
    connect(document_, &SongDocument::selectionChanged, this, [this] { updateActions(); });

    connect(transport_, &Transport::positionChanged, this, [this](std::int64_t tick) {
        roll_->setPlayheadTick(tick);
        updatePositionLabel(tick);
    });
    connect(transport_, &Transport::playingChanged, this, [this](bool playing) {
        roll_->setPlaying(playing);
        // Stopping playback ends a recording too: the take goes into the roll.
        if (!playing && action("transport.record")->isChecked())
            action("transport.record")->setChecked(false);
        QAction* play = action("transport.play");
        play->setText(playing ? tr("&Pause") : tr("&Play"));
        updateIcons();
    });
    connect(transport_, &Transport::soundStatusChanged, this, [this](const QString& status) {
        soundLabel_->setText(status);
        if (!transport_->hasSound())
            showStatus(status, 8000);
    });
    connect(roll_, &PianoRollWidget::playheadMoveRequested, transport_, &Transport::seek);
    connect(roll_, &PianoRollWidget::loopRangeChanged, this, [this](std::int64_t a, std::int64_t b) {
        QAction* loop = action("transport.loop");
        if (b > a && !loop->isChecked())
            loop->setChecked(true);  // drawing a loop region means "loop this"
        else
            transport_->setLoop(a, b, loop->isChecked());
    });
    connect(roll_, &PianoRollWidget::auditionRequested, transport_, &Transport::audition);
    connect(roll_, &PianoRollWidget::auditionStopped, transport_, &Transport::stopAudition);
    connect(roll_, &PianoRollWidget::statusMessage, this,
            [this](const QString& text) { showStatus(text, 3000); });
    connect(autosaver_, &Autosaver::failed, this, [this](const QString& error) { showStatus(error, 8000); });
}

void MainWindow::setRecording(bool on) {
    if (on) {
        QString error;
        if (!RecordingTake::start(transport_, document_, &error)) {
            QSignalBlocker block(action("transport.record"));
            action("transport.record")->setChecked(false);
            showStatus(error, 8000);
            return;
        }
        showStatus(tr("Recording from %1").arg(transport_->inputName()));
        return;
    }
    if (const QString said = RecordingTake::finish(transport_, document_); !said.isEmpty())
        showStatus(said);
}

void MainWindow::addPanel(QDockWidget* dock, Qt::DockWidgetArea area) {
    addDockWidget(area, dock);
    panelsMenu_->addAction(dock->toggleViewAction());
    // Docks added after the window state was read take their saved place now.
    restoreDockWidget(dock);
}

void MainWindow::addGenerateAction(QAction* action) {
    if (!action->objectName().isEmpty())
        actions_.insert(action->objectName(), action);
    generateMenu_->addAction(action);
    toolBars_->generateToolBar()->addAction(action);
    toolBars_->generateToolBar()->show();
    QMainWindow::addAction(action);
}

void MainWindow::addCloseGuard(std::function<bool()> guard) {
    closeGuards_.push_back(std::move(guard));
}

void MainWindow::showStatus(const QString& text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::updateIcons() {
    using Kind = ToolIcons::Kind;
    const QPalette pal = palette();
    action("transport.play")
        ->setIcon(ToolIcons::icon(transport_->isPlaying() ? Kind::Pause : Kind::Play, pal));
    action("transport.stop")->setIcon(ToolIcons::icon(Kind::Stop, pal));
    action("transport.rewind")->setIcon(ToolIcons::icon(Kind::Rewind, pal));
    action("transport.loop")->setIcon(ToolIcons::icon(Kind::Loop, pal));
    action("edit.modeDraw")->setIcon(ToolIcons::icon(Kind::Draw, pal));
    action("edit.modeSelect")->setIcon(ToolIcons::icon(Kind::Select, pal));
    action("edit.quantize")->setIcon(ToolIcons::icon(Kind::Quantize, pal));
    action("edit.lock")->setIcon(ToolIcons::icon(Kind::Lock, pal));
    action("transport.record")->setIcon(ToolIcons::icon(Kind::Record, pal));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && !actions_.isEmpty())
        updateIcons();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle() {
    setWindowTitle(QStringLiteral("%1[*] — Biaxial Studio").arg(document_->displayName()));
    setWindowModified(document_->isModified());
}

void MainWindow::updatePositionLabel(std::int64_t tick) {
    const std::int64_t bar = document_->ticksPerBar();
    const std::int64_t beat = document_->ticksPerBeat();
    const double seconds = document_->song().secondsAt(tick);
    positionLabel_->setText(tr("Bar %1.%2  %3:%4")
                                .arg(tick / bar + 1)
                                .arg((tick % bar) / beat + 1)
                                .arg(static_cast<int>(seconds) / 60)
                                .arg(std::fmod(seconds, 60.0), 4, 'f', 1, QLatin1Char('0')));
}

void MainWindow::updateActions() {
    const bool selection = document_->hasSelection();
    for (const char* name :
         {"edit.cut", "edit.copy", "edit.delete", "edit.quantize", "edit.lock", "edit.setVelocity",
          "edit.transposeUp", "edit.transposeDown", "edit.octaveUp", "edit.octaveDown", "edit.velocityUp",
          "edit.velocityDown", "transport.loopSelection", "edit.selectNone"})
        action(name)->setEnabled(selection);
    action("file.exportWav")->setEnabled(WavExportJob::available());
    if (!WavExportJob::available())
        action("file.exportWav")->setToolTip(WavExportJob::unavailableReason());
}

// ---------------------------------------------------------------- settings

void MainWindow::readSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray()))
        resize(1280, 800);
    restoreState(settings.value("window/state").toByteArray(), kSettingsVersion);
    toolBars_->setSnapDivision(settings.value("roll/snap", 16).toInt());
    roll_->setPixelsPerQuarter(settings.value("roll/pixelsPerQuarter", 64.0).toDouble());
    roll_->setKeyHeight(settings.value("roll/keyHeight", 12).toInt());
    action("view.follow")->setChecked(settings.value("roll/follow", true).toBool());
    autosaver_->setIntervalSeconds(settings.value("autosave/intervalSeconds", 30).toInt());
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState(kSettingsVersion));
    settings.setValue("roll/snap", roll_->snapDivision());
    settings.setValue("roll/pixelsPerQuarter", roll_->geometry().pixelsPerQuarter);
    settings.setValue("roll/keyHeight", roll_->geometry().keyHeight);
    settings.setValue("roll/follow", action("view.follow")->isChecked());
    settings.setValue("autosave/intervalSeconds", autosaver_->intervalSeconds());
}

// ---------------------------------------------------------------- files

// The window's file commands are DocumentFiles' and CrashRecovery's; these keep them at hand
// for the app, the panels and the tests.
bool MainWindow::maybeSave() {
    return files_->maybeSave();
}
void MainWindow::newDocument() {
    files_->newDocument();
}
bool MainWindow::openFile(const QString& path) {
    return files_->openFile(path);
}
bool MainWindow::loadFile(const QString& path) {
    return files_->loadFile(path);
}
bool MainWindow::save() {
    return files_->save();
}
bool MainWindow::saveAs() {
    return files_->saveAs();
}
bool MainWindow::saveTo(const QString& path) {
    return files_->saveTo(path);
}
bool MainWindow::exportMidi(const QString& path) {
    return files_->exportMidi(path);
}
void MainWindow::exportWav(const QString& path) {
    files_->exportWav(path);
}
bool MainWindow::offerRecovery() {
    return recovery_->offer();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.front().toLocalFile();
    // After the drop returns, so that the drag source is not kept waiting by a question.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

void MainWindow::applyPreferences(const PreferencesDialog::Values& values) {
    preferences_->apply(values);
}

void MainWindow::showShortcuts() {
    dialogs_->showHelp(this, tr("Keyboard and Mouse"), ShortcutHelp::html());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    for (const auto& guard : closeGuards_)
        if (!guard()) {
            event->ignore();
            return;
        }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    transport_->stop();
    writeSettings();
    autosaver_->discard();
    event->accept();
}

}  // namespace biaxial
