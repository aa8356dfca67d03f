#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

// Proof that a terminal's cache was destroyed (DATA-5, JAHIS §6.3): when, by whom, how, and which
// files. Kept outside the vault (which no longer exists) in disposal-records.jsonl, and sent to the
// hub's trail when the terminal next syncs.
struct DisposalRecord
{
    QDateTime time;
    QString terminal;
    QString operatorId;
    QString method;
    QString reason;
    QStringList files;
    qint64 bytesOverwritten = 0;

    QJsonObject toJson() const;
    static QList<DisposalRecord> readAll(const QString& path);
};

} // namespace ward
