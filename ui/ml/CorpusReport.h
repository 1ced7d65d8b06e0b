#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>

namespace biaxial {

// What a corpus scan found, for the Training panel: counts, skipped files with their
// reasons, and the usable pieces. A value: sent from the training worker to the GUI by a
// queued signal (the grids themselves stay on the worker).
struct CorpusReport {
    QString folder;
    bool ok = false;
    bool cancelled = false;
    QString error;  // the folder could not be read / nothing usable
    int loaded = 0;
    int skipped = 0;
    int usable = 0;  // long enough for one training segment
    std::int64_t totalSteps = 0;
    double totalBars = 0.0;    // 16 steps per 4/4 bar
    int warnings = 0;          // repaired problems in loaded files
    QStringList skippedFiles;  // "name: reason"
    double seconds = 0.0;
};

}  // namespace biaxial
