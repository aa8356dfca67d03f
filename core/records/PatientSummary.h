#pragma once

#include "records/PatientFlag.h"
#include "records/VitalSigns.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

namespace ward {

// What the ward census shows of one patient besides identity (issue 11): the alerts a nurse must see before
// walking in (allergies and active flags), the latest vital signs and when the last nursing note was written.
// Built by ChartService::summary from the latest confirmed versions the user may read; no clinical free text
// beyond the alert words.
struct PatientSummary
{
    QStringList allergies;     // substances, latest versions, not withdrawn
    QList<PatientFlag> flags;  // active flags only (latest version confirmed and active)
    std::optional<VitalSigns> latestVitals;
    QDateTime latestVitalsAt;     // clinical time (UTC); invalid when none
    QDateTime lastNursingNoteAt;  // clinical time (UTC); invalid when none

    bool hasFlag(PatientFlag::Kind kind) const
    {
        for (const PatientFlag& f : flags)
            if (f.kind == kind)
                return true;
        return false;
    }
};

} // namespace ward
