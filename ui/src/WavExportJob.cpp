#include "biaxial/ui/WavExportJob.h"

#include <QFile>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#ifdef BIAXIAL_HAVE_AUDIO
#include "biaxial/audio/WavRenderer.h"
#endif

namespace biaxial {

struct WavExportJob::Impl {
    Song song;
    QString path;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<QString> watcher;
    QPointer<QProgressDialog> dialog;
};

bool WavExportJob::available() {
#ifdef BIAXIAL_HAVE_AUDIO
    return WavRenderer::available();
#else
    return false;
#endif
}

QString WavExportJob::unavailableReason() {
#ifdef BIAXIAL_HAVE_AUDIO
    return available() ? QString() : tr("WAV export needs FluidSynth, which this build lacks");
#else
    return tr("WAV export needs biaxial::audio, which this build lacks");
#endif
}

WavExportJob::WavExportJob(Song song, QString path, QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>()) {
    impl_->song = std::move(song);
    impl_->path = std::move(path);
    connect(&impl_->watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = impl_->watcher.result();
        // Read before closing the dialog: QProgressDialog emits canceled() when it closes, which
        // made every finished export report "WAV export cancelled".
        const bool cancelled = impl_->cancel->load();
        if (impl_->dialog) {
            QObject::disconnect(impl_->dialog, nullptr, this, nullptr);
            impl_->dialog->close();
        }
        emit finished(error.isEmpty() && !cancelled, cancelled ? QString() : error);
    });
}

WavExportJob::~WavExportJob() {
    impl_->cancel->store(true);
    impl_->watcher.waitForFinished();
}

void WavExportJob::start(QWidget* dialogParent) {
    if (dialogParent) {
        auto* dialog = new QProgressDialog(tr("Rendering %1...").arg(impl_->path.section('/', -1)),
                                           tr("Cancel"), 0, 1000, dialogParent);
        dialog->setWindowTitle(tr("Export WAV"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setMinimumDuration(300);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        connect(dialog, &QProgressDialog::canceled, this, &WavExportJob::cancel);
        connect(this, &WavExportJob::progress, dialog,
                [dialog](double f) { dialog->setValue(static_cast<int>(f * 1000)); });
        impl_->dialog = dialog;
    }
    QPointer<WavExportJob> self(this);
    auto cancel = impl_->cancel;
    Song song = impl_->song;
    const std::string path = QFile::encodeName(impl_->path).toStdString();
    impl_->watcher.setFuture(QtConcurrent::run([self, cancel, song = std::move(song), path]() -> QString {
#ifdef BIAXIAL_HAVE_AUDIO
        // Worker thread: progress hops to the GUI thread by a queued call.
        auto progress = [self](double f) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, f] {
                    if (self)
                        emit self->progress(f);
                },
                Qt::QueuedConnection);
        };
        WavRenderOptions options;
        options.normalize = true;  // peaks at -1 dBFS however sparse or dense the music
        const std::string error = WavRenderer::renderSong(song, path, options, cancel.get(), progress);
        return QString::fromStdString(error);
#else
        (void)self;
        (void)cancel;
        (void)song;
        (void)path;
        return QObject::tr("WAV export needs biaxial::audio");
#endif
    }));
}

void WavExportJob::cancel() {
    impl_->cancel->store(true);
}

void WavExportJob::wait() {
    impl_->watcher.waitForFinished();
}

}  // namespace biaxial
