#pragma once

#include <QString>

namespace biaxial {

// "1 note", "12 notes": English plurals without a translator loaded (tr()'s %n needs one).
inline QString countOf(qint64 n, const QString& singular, const QString& plural) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

}  // namespace biaxial
