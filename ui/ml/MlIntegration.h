#pragma once

namespace biaxial {

class ContinuePanel;
class JamPanel;
class MainWindow;
class TrainingController;
class TrainingPanel;

// Puts the network into the studio: creates the Continue panel, the training controller
// (owned by the main window, so training survives its panel) and the Training panel, docks
// them, adds the Continue actions to the Generate menu and toolbar, plays auditions through
// the window's transport, offers trained models to Continue, opens samples as songs, and asks
// before a quit stops a running training. The app calls it once after creating the window:
//     #ifdef BIAXIAL_HAVE_ML_UI
//     biaxial::MlIntegration::install(&window);
//     #endif
// GUI thread.
class MlIntegration {
public:
    struct Parts {
        ContinuePanel* continuePanel = nullptr;
        TrainingController* trainingController = nullptr;
        TrainingPanel* trainingPanel = nullptr;
        JamPanel* jamPanel = nullptr;  // null where the studio has no sound engine
    };
    // `loadDefaultModel` false: no default model is looked for (tests).
    static Parts install(MainWindow* window, bool loadDefaultModel = true);
};

}  // namespace biaxial
