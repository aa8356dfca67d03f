#include "vault/DisposalRecord.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ward {

QJsonObject DisposalRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("terminal"), terminal},
                       {QStringLiteral("operator"), operatorId},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("files"), QJsonArray::fromStringList(files)},
                       {QStringLiteral("bytesOverwritten"), bytesOverwritten}};
}

QList<DisposalRecord> DisposalRecord::readAll(const QString& path)
{
    QList<DisposalRecord> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        if (o.isEmpty())
            continue;
        DisposalRecord r;
        r.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        r.terminal = o.value(QStringLiteral("terminal")).toString();
        r.operatorId = o.value(QStringLiteral("operator")).toString();
        r.method = o.value(QStringLiteral("method")).toString();
        r.reason = o.value(QStringLiteral("reason")).toString();
        for (const QJsonValue& v : o.value(QStringLiteral("files")).toArray())
            r.files << v.toString();
        r.bytesOverwritten = o.value(QStringLiteral("bytesOverwritten")).toInteger();
        out.append(r);
    }
    return out;
}

} // namespace ward
