#include "biaxial/ui/MidiPortMenus.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QWidget>

#include "biaxial/ui/IUserDialogs.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {

MidiPortMenus::MidiPortMenus(QMenu* parentMenu, Transport* transport, IUserDialogs* dialogs, QWidget* window)
    : QObject(window), transport_(transport), dialogs_(dialogs), window_(window) {
    QMenu* output = parentMenu->addMenu(tr("MIDI &Output"));
    output->setObjectName("transport.outputMenu");
    connect(output, &QMenu::aboutToShow, this, [this, output] { fill(output, false); });
    QMenu* input = parentMenu->addMenu(tr("MIDI &Input"));
    input->setObjectName("transport.inputMenu");
    connect(input, &QMenu::aboutToShow, this, [this, input] { fill(input, true); });
}

void MidiPortMenus::fill(QMenu* menu, bool input) {
    menu->clear();
    QString message;
    const QStringList ports = input ? transport_->inputPorts(&message) : transport_->outputPorts(&message);
    const QString current = input ? transport_->inputName() : transport_->outputName();
    auto* group = new QActionGroup(menu);
    QAction* none = menu->addAction(input ? tr("None") : tr("Built-in Synth"));
    none->setCheckable(true);
    none->setChecked(input ? current.isEmpty() : !ports.contains(current));
    group->addAction(none);
    connect(none, &QAction::triggered, this, [this, input] {
        if (input)
            transport_->closeInput();
        else
            transport_->playToSynth();
    });
    if (!ports.isEmpty())
        menu->addSeparator();
    for (int i = 0; i < ports.size(); ++i) {
        QAction* a = menu->addAction(ports[i]);
        a->setCheckable(true);
        a->setChecked(ports[i] == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, input, i, name = ports[i]] {
            QString error;
            const bool ok = input ? transport_->openInput(i, &error) : transport_->playToMidiPort(i, &error);
            if (ok)
                emit statusMessage(input ? tr("MIDI input: %1").arg(name) : tr("Playing to %1").arg(name),
                                   4000);
            else
                dialogs_->showError(window_, tr("MIDI port"), error);
        });
    }
    if (ports.isEmpty()) {
        QAction* why = menu->addAction(message.isEmpty() ? tr("No MIDI ports found") : message);
        why->setEnabled(false);
    }
    // The studio's own port, for a DAW to record from (output) or to play into it (input).
    menu->addSeparator();
    QAction* virt = menu->addAction(input ? tr("Virtual Input Port (Biaxial Studio:in)")
                                          : tr("Virtual Output Port (Biaxial Studio:out)"));
    virt->setCheckable(true);
    virt->setChecked(current.contains(QStringLiteral("(virtual)")));
    group->addAction(virt);
    connect(virt, &QAction::triggered, this, [this, input] {
        QString error;
        const bool ok = input ? transport_->openInput(-1, &error) : transport_->playToMidiPort(-1, &error);
        if (ok)
            emit statusMessage(input ? tr("MIDI input: the virtual port Biaxial Studio:in")
                                     : tr("Playing to the virtual port Biaxial Studio:out"),
                               4000);
        else
            dialogs_->showError(window_, tr("MIDI port"), error);
    });
}

}  // namespace biaxial
