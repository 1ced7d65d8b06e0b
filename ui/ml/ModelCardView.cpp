#include "ModelCardView.h"

#include <QFileInfo>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <set>

namespace biaxial {

namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString& key, const QString& valueHtml) {
    return QStringLiteral(
               "<tr><td style='padding-right:10px; white-space:nowrap;'><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), valueHtml);
}

QString sizes(const std::vector<int>& v) {
    QStringList parts;
    for (int s : v) {
        parts << QString::number(s);
    }
    return parts.join(QLatin1Char(','));
}

// The metadata keys the card names in its own words; any other key is listed as it is.
struct KnownKey {
    const char* key;
    const char* label;
};
constexpr KnownKey kKnownKeys[] = {
    {"name", "Name"},
    {"description", "Description"},
    {"corpus", "Trained on"},
    {"corpus_files", "Files"},
    {"corpus_pieces", "Pieces"},
    {"corpus_steps", "Corpus steps"},
    {"corpus_bars", "Corpus bars"},
    {"size", "Size preset"},
    {"preset", "Size preset"},
    {"valid_nll", "Validation NLL"},
    {"valid_nll_per_note_step", "Validation NLL per note-step"},
    {"valid_nll_per_step", "Validation NLL per step"},
    {"train_nll", "Training NLL"},
    {"device", "Trained on device"},
    {"training_seconds", "Training time (s)"},
    {"optimizer", "Optimiser"},
    {"batch", "Batch"},
    {"created", "Created"},
    {"notes", "Notes"},
};

}  // namespace

ModelCardView::ModelCardView(QWidget* parent) : QWidget(parent) {
    setObjectName("modelCard");
    browser_ = new QTextBrowser(this);
    browser_->setObjectName("modelCardText");
    browser_->setOpenLinks(false);
    browser_->setFrameShape(QFrame::NoFrame);
    browser_->setMinimumHeight(90);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    clear();
}

QString ModelCardView::cardHtml(const QString& path, const ModelInfo& info) {
    const QLocale locale;
    const ModelConfig& c = info.config;
    QString html = QStringLiteral("<table cellspacing='2'>");
    const auto meta = [&](const char* key) -> const std::string* {
        auto it = info.metadata.find(key);
        return it == info.metadata.end() ? nullptr : &it->second;
    };
    if (const std::string* name = meta("name")) {
        html += row(tr("Model"), esc(*name));
    }
    html += row(tr("File"), QFileInfo(path).fileName().toHtmlEscaped());
    html += row(tr("Size"), QStringLiteral("time %1 / note %2, %3 parameters")
                                .arg(sizes(c.timeSizes), sizes(c.noteSizes),
                                     locale.toString(static_cast<qlonglong>(info.parameterCount))));
    html += row(tr("Pitch range"),
                QStringLiteral("MIDI %1..%2 (%3 notes)").arg(c.lowPitch).arg(c.highPitch()).arg(c.numNotes));
    html +=
        row(tr("Trained"), tr("%1 steps").arg(locale.toString(static_cast<qlonglong>(info.trainingSteps))));
    std::set<std::string> shown{"name"};
    for (const KnownKey& k : kKnownKeys) {
        if (shown.count(k.key) != 0) {
            continue;
        }
        if (const std::string* value = meta(k.key)) {
            html += row(tr(k.label), esc(*value));
            shown.insert(k.key);
        }
    }
    for (const auto& [key, value] : info.metadata) {
        if (shown.count(key) == 0) {
            html += row(QString::fromStdString(key), esc(value));
        }
    }
    if (meta("valid_nll") == nullptr && meta("valid_nll_per_note_step") == nullptr) {
        html += row(tr("Validation NLL"), tr("<i>not recorded</i>"));
    }
    if (info.hasTrainingState) {
        html += row(tr("Resumable"), tr("yes (holds optimiser state)"));
    }
    html += QStringLiteral("</table>");
    return html;
}

void ModelCardView::setModel(const QString& path, const ModelInfo& info) {
    browser_->setHtml(cardHtml(path, info));
    browser_->setToolTip(path);
}

void ModelCardView::showMessage(const QString& message) {
    browser_->setHtml(QStringLiteral("<p style='white-space:pre-wrap;'>%1</p>").arg(message.toHtmlEscaped()));
    browser_->setToolTip({});
}

void ModelCardView::clear() {
    showMessage(tr("No model loaded."));
}

QString ModelCardView::html() const {
    return browser_->toHtml();
}

QString ModelCardView::text() const {
    return browser_->toPlainText();
}

}  // namespace biaxial
