#pragma once

#include <QJsonObject>

#include "records/RecordDiff.h"
#include "records/RecordVersion.h"
#include "records/SignatureStatus.h"
#include "records/SyncOutbox.h"

#include <QCoreApplication>
#include <QString>

namespace ward {

// How a record reads on screen: a one-line summary for lists, a formatted body for the detail
// view (SOAP sections, vitals with units), field names a nurse recognises, and badge texts.
class RecordPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordPresenter)

public:
    static QString summary(const RecordVersion& record);
    static QString bodyHtml(const RecordVersion& record);
    static QString fieldLabel(const QString& key);
    static QString statusLabel(RecordVersion::Status status);
    // Records never queued here came from the hub, except proxy entries still awaiting approval.
    static QString syncLabel(SyncOutbox::State state, RecordVersion::Status status);
    static QString badgeShort(SignatureStatus::State state);
    static QString badgeStyle(SignatureStatus::State state);
    static QString diffHtml(const QList<FieldChange>& changes);
    // A stored version\'s content as named fields (RecordCodec::fields; numbers as numbers, "effective" = clinical time).
    static QJsonObject fieldsOf(const RecordVersion& record);
    static QString dateTime(const QDateTime& utc);
    // When the measurement/observation happened: body "effective" if present, else creation time.
    static QDateTime effectiveTime(const RecordVersion& record);
};

} // namespace ward
