#pragma once

#include <QHash>
#include <QMainWindow>
#include <functional>
#include <memory>
#include <vector>

#include "biaxial/ui/IUserDialogs.h"
#include "biaxial/ui/PreferencesDialog.h"

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QToolBar;
class QUndoStack;

namespace biaxial {

class Autosaver;
class CrashRecovery;
class DocumentFiles;
class PianoRollWidget;
class SongDocument;
class StudioPreferences;
class StudioToolBars;
class Transport;

// The studio's main window: menus, toolbars, transport, the piano roll in the centre, file
// handling (a project is a MIDI file), autosave and recovery, settings. GUI thread.
//
// Extending it (the Continue and Training panels of ui/ml/ do this): take document(),
// undoStack(), pianoRoll() and transport(); add a panel with addPanel(); add actions to the
// Generate menu and toolbar with addGenerateAction(); stop a quit with addCloseGuard().
// Every action has an object name ("file.open", "edit.undo", "transport.play" ...) and can
// be found with action().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        // Null: the real QMessageBox/QFileDialog dialogs. Tests pass a recorder.
        std::shared_ptr<IUserDialogs> dialogs;
        // Empty: Autosaver::defaultDirectory().
        QString autosaveDirectory;
        // Open FluidSynth (tests leave it off: no sound card needed).
        bool openSynth = true;
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // --- hooks for panels ---
    SongDocument* document() const { return document_; }
    QUndoStack* undoStack() const;
    PianoRollWidget* pianoRoll() const { return roll_; }
    Transport* transport() const { return transport_; }
    Autosaver* autosaver() const { return autosaver_; }
    IUserDialogs* dialogs() const { return dialogs_.get(); }
    // Docks `dock` at `area` (restoring its saved place) and lists it under View > Panels.
    // Give the dock an objectName so that its place is remembered.
    void addPanel(QDockWidget* dock, Qt::DockWidgetArea area = Qt::RightDockWidgetArea);
    // Adds the action to the Generate menu and the Generate toolbar.
    void addGenerateAction(QAction* action);
    QMenu* generateMenu() const { return generateMenu_; }
    QToolBar* generateToolBar() const;
    // Before closing, each guard is asked; one returning false keeps the window open.
    void addCloseGuard(std::function<bool()> guard);
    // The action with this object name, or null.
    QAction* action(const QString& name) const;
    void showStatus(const QString& text, int timeoutMs = 4000);

    // --- files (DocumentFiles and CrashRecovery do the work) ---
    // Each asks about unsaved changes first (except loadFile/saveTo) and returns success.
    void newDocument();
    bool openFile(const QString& path);
    // Reads `path`; only on success replaces the document (warnings shown). No question asked.
    bool loadFile(const QString& path);
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    bool exportMidi(const QString& path);
    // Renders the song to a WAV file on a worker thread with a progress dialog.
    void exportWav(const QString& path);
    // The unsaved-changes prompt: true when the caller may go on (saved or discarded).
    bool maybeSave();
    // Looks for the autosave of a studio that crashed and offers to recover it. True when a
    // song was recovered.
    bool offerRecovery();
    // Applies and stores what Edit > Preferences returned.
    void applyPreferences(const PreferencesDialog::Values& values);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectDocument();
    void readSettings();
    void writeSettings() const;
    void updateTitle();
    void updateIcons();
    void setRecording(bool on);
    void showShortcuts();
    void updatePositionLabel(std::int64_t tick);
    void updateActions();
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                       std::function<void()> slot);

    std::shared_ptr<IUserDialogs> dialogs_;
    SongDocument* document_;
    PianoRollWidget* roll_;
    Transport* transport_;
    Autosaver* autosaver_;
    DocumentFiles* files_;
    CrashRecovery* recovery_;
    StudioPreferences* preferences_;
    QHash<QString, QAction*> actions_;
    std::vector<std::function<bool()>> closeGuards_;

    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* panelsMenu_ = nullptr;
    QMenu* transportMenu_ = nullptr;
    QMenu* generateMenu_ = nullptr;
    StudioToolBars* toolBars_ = nullptr;
    QLabel* positionLabel_ = nullptr;
    QLabel* soundLabel_ = nullptr;
    QLabel* notesLabel_ = nullptr;
    QDockWidget* historyDock_ = nullptr;
};

}  // namespace biaxial
