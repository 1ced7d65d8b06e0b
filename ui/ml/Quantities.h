#pragma once

#include <QObject>
#include <QString>
#include <cmath>

namespace biaxial {

// Durations and sizes as the panels say them: "0.4 s" (a tenth below ten seconds: a small
// network's batch is not "0 s"), "12 s", "3 min 20 s", "2 h 5 min", "3.5 days"; "850 MB", "1.2 GB".
inline QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("?");
    if (seconds < 9.95)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
    const auto s = static_cast<qint64>(std::llround(seconds));
    if (s < 60)
        return QObject::tr("%1 s").arg(s);
    if (s < 3600)
        return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 48 * 3600)
        return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QObject::tr("%1 days").arg(s / 86400.0, 0, 'f', 1);
}

inline QString formatBytes(double bytes) {
    if (bytes >= 1024.0 * 1024 * 1024)
        return QObject::tr("%1 GB").arg(bytes / (1024.0 * 1024 * 1024), 0, 'f', 1);
    return QObject::tr("%1 MB").arg(bytes / (1024.0 * 1024), 0, 'f', 0);
}

}  // namespace biaxial
