#include "records/RecordVersion.h"

#include "crypto/Digest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ward {

QByteArray RecordVersion::versionHash() const
{
    const QJsonArray fields{recordId,
                            version,
                            patientId,
                            type,
                            classification,
                            compartment,
                            author,
                            proxyAuthor,
                            approver,
                            QString::fromLatin1(prevHash.toHex()),
                            QString::fromLatin1(Digest::sha256(body).toHex()),
                            QString::fromLatin1(Digest::sha256(signature).toHex())};
    return Digest::sha256(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

QString RecordVersion::statusName(Status s)
{
    switch (s) {
    case Status::Confirmed:
        return QStringLiteral("confirmed");
    case Status::PendingApproval:
        return QStringLiteral("pending-approval");
    case Status::EnteredInError:
        return QStringLiteral("entered-in-error");
    }
    return QString();
}

bool RecordVersion::statusFromName(const QString& name, Status* out)
{
    for (Status s : {Status::Confirmed, Status::PendingApproval, Status::EnteredInError}) {
        if (statusName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

} // namespace ward
