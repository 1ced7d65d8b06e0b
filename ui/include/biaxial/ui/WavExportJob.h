#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "biaxial/engine/Song.h"

class QWidget;

namespace biaxial {

// Renders a song to a WAV file through biaxial::audio's WavRenderer on a worker thread
// (QtConcurrent), with a progress dialog whose Cancel sets the renderer's cancel flag. A
// cancelled or failed render leaves no file (the renderer writes to a temporary name).
// Created, started and finished on the GUI thread; the song is copied, never shared.
class WavExportJob : public QObject {
    Q_OBJECT
public:
    // False when the build has no biaxial::audio or no FluidSynth.
    static bool available();
    static QString unavailableReason();

    WavExportJob(Song song, QString path, QObject* parent = nullptr);
    ~WavExportJob() override;
    // Starts the worker; shows a progress dialog over `dialogParent` (null: no dialog).
    void start(QWidget* dialogParent);
    void cancel();
    // Blocks until the worker ends (tests).
    void wait();

signals:
    // ok, or the error ("" when cancelled). GUI thread.
    void finished(bool ok, const QString& error);
    // 0..1, GUI thread.
    void progress(double fraction);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
