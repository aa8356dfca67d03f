#pragma once

#include "records/RecordContent.h"
#include "records/RecordDiff.h"
#include "records/RecordVersion.h"
#include "records/SignatureStatus.h"
#include "records/SyncOutbox.h"
#include "ui/theme/StatusBadge.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace ward {

// How a record reads on screen: a one-line summary for lists, a formatted body for the detail
// view (SOAP sections, vitals with units), field names a nurse recognises, and badge texts.
class RecordPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordPresenter)

public:
    // From the record's typed content (decoded through the codec; pass it when already decoded).
    static QString summary(const RecordVersion& record);
    static QString summary(const RecordVersion& record, const std::optional<RecordContent>& content);
    static QString bodyHtml(const RecordVersion& record);
    static QString severityLabel(AllergyRecord::Severity severity);
    static QString flagLabel(LabResult::Flag flag);  // "H", "L" or empty
    static QString number(double value, int maxDecimals = 2);
    static QString fieldLabel(const QString& key);
    static QString statusLabel(RecordVersion::Status status);
    // Records never queued here came from the hub, except proxy entries still awaiting approval.
    static QString syncLabel(SyncOutbox::State state, RecordVersion::Status status);
    static QString badgeShort(SignatureStatus::State state);
    // Icon and tone of the signature badge (valid: time-stamped; signed but not yet stamped; invalid).
    static StatusTone signatureTone(SignatureStatus::State state);
    static IconName signatureIcon(SignatureStatus::State state);
    // Icon and tone of the sync state badge (送信待ち / sent / from the hub).
    static StatusTone syncTone(SyncOutbox::State state, RecordVersion::Status status);
    static IconName syncIcon(SyncOutbox::State state, RecordVersion::Status status);
    // Version comparison as HTML using the classes of ThemeStyleSheet::richText() ("added", "removed").
    static QString diffHtml(const QList<FieldChange>& changes);
    static QString dateTime(const QDateTime& utc);
    // When the measurement/observation happened (the resource's clinical time), else the creation time.
    static QDateTime effectiveTime(const RecordVersion& record);
    static QDateTime effectiveTime(const RecordVersion& record, const std::optional<RecordContent>& content);
};

} // namespace ward
