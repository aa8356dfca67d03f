#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ward {

// Unsigned work in progress (SES-4). Drafts belong to their author and are restored only to them.
struct Draft
{
    QString draftId;
    QString author;
    QString patientId;
    QString type;
    QString baseRecordId;  // set when the draft corrects an existing record
    int baseVersion = 0;
    QByteArray body;
    QDateTime savedAt;
};

} // namespace ward
