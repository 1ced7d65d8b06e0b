#include "biaxial/ui/ShortcutHelp.h"

#include <QCoreApplication>

namespace biaxial {

QString ShortcutHelp::html() {
    static const char* const kRows[][2] = {
        {"Click (Draw mode)", "Draw a note; drag to set its length"},
        {"Drag a note / its right edge", "Move / resize (Alt: no snap)"},
        {"Shift+drag, or drag in Select mode", "Rubber-band selection"},
        {"Ctrl+click", "Add to / remove from the selection"},
        {"Right-click a note", "Delete it"},
        {"Up / Down (Shift)", "Transpose a semitone (an octave)"},
        {"Left / Right (Shift)", "Move by a grid step (a bar)"},
        {"Ctrl+Up / Ctrl+Down", "Louder / softer"},
        {"Q", "Quantize the selection"},
        {"D / S", "Draw / Select mode"},
        {"Space", "Play / stop"},
        {"Home", "Return to the start"},
        {"L / Ctrl+L", "Loop on/off / loop the selection"},
        {"R", "Record from the MIDI keyboard"},
        {"Drag on the ruler", "Mark the loop (right-click clears it)"},
        {"Ctrl+wheel / Ctrl+Shift+wheel", "Zoom time / pitch"},
        {"Shift+wheel", "Scroll in time"},
        {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"},
    };
    const auto tr = [](const char* text) { return QCoreApplication::translate("biaxial", text); };
    QString html = QStringLiteral("<table cellspacing=4>");
    for (const auto& row : kRows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr(row[0]), tr(row[1]));
    html += QStringLiteral("</table>");
    return html;
}

}  // namespace biaxial
