#pragma once

#include "sync/SyncError.h"

#include <QDateTime>
#include <QMetaType>

namespace ward {

// What the status bar shows about sync: a value, sent whole with SyncEngine::statusChanged.
struct SyncStatus
{
    bool online = false;
    QDateTime lastSuccessfulSync; // UTC; invalid before the first
    qint64 queueLength = 0;       // confirmed versions not yet accepted by the hub
    qint64 clockSkewMs = 0;       // hub time minus this terminal's time at the last answer (AUD-3)
    bool clockSkewWarning = false;
    SyncError::Kind lastErrorKind = SyncError::Kind::None;
    QString lastError;            // human-readable, translated; empty when the last cycle succeeded
    bool hubStorageFull = false;  // issue 14: the hub refused the last push with 507 (its disk is full); nothing is lost

    bool operator==(const SyncStatus& o) const
    {
        return online == o.online && lastSuccessfulSync == o.lastSuccessfulSync && queueLength == o.queueLength
            && clockSkewMs == o.clockSkewMs && clockSkewWarning == o.clockSkewWarning && lastErrorKind == o.lastErrorKind
            && lastError == o.lastError && hubStorageFull == o.hubStorageFull;
    }
    bool operator!=(const SyncStatus& o) const { return !(*this == o); }
};

} // namespace ward

Q_DECLARE_METATYPE(ward::SyncStatus)
