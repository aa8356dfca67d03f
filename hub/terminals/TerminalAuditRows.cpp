#include "hub/terminals/TerminalAuditRows.h"

#include "hub/HubError.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubDatabase.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

TerminalAuditRows::TerminalAuditRows(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

QString TerminalAuditRows::terminalWard(const QString& terminalId)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ward FROM terminals WHERE id = ?"), {terminalId});
    return q.next() ? q.value(0).toString() : QString();
}

QByteArray TerminalAuditRows::sealAad(const QString& terminalId, qint64 seq)
{
    return QByteArrayLiteral("terminal_audit/") + terminalId.toUtf8() + '/' + QByteArray::number(seq);
}

QString TerminalAuditRows::patientIndex(const QString& patientId) const
{
    return QString::fromLatin1(m_keys.auditPatientMac(patientId).toHex());
}

TerminalAuditRows::Sealed TerminalAuditRows::seal(const QString& terminalId, const AuditEntry& e) const
{
    const QByteArray json = e.toJsonBytes();
    Sealed out;
    if (e.patient.isEmpty()) {
        out.plain = QString::fromUtf8(json);
        return out;
    }
    out.plain = QStringLiteral(""); // empty, not NULL (entry is NOT NULL): the entry is in `sealed`
    out.patientMac = patientIndex(e.patient);
    out.sealed = m_keys.sealHealth(json, sealAad(terminalId, e.seq));
    return out;
}

QVariantList TerminalAuditRows::columns(const QString& terminalWard, const AuditEntry& e, const Sealed& sealed)
{
    const QVariant none(QMetaType(QMetaType::QString));
    QVariant patientWard = none, patientMac = none, sealedColumn(QMetaType(QMetaType::QByteArray));
    if (!e.patient.isEmpty()) {
        // The patient's ward as the hub knows it; a break-the-glass entry names the compartment it opened.
        auto cached = m_patientWards.constFind(e.patient);
        if (cached == m_patientWards.constEnd()) {
            lookUpPatientWards({e});
            cached = m_patientWards.constFind(e.patient);
        }
        const QString known = cached->isValid() ? cached->toString() : e.detail.value(QStringLiteral("compartment")).toString();
        if (!known.isEmpty())
            patientWard = known;
        patientMac = sealed.patientMac;
        sealedColumn = sealed.sealed;
    }
    return {sealed.plain, e.time.toMSecsSinceEpoch(), e.user, e.action, e.outcome, terminalWard.isEmpty() ? none : QVariant(terminalWard),
            patientWard, patientMac, sealedColumn};
}

void TerminalAuditRows::lookUpPatientWards(const QList<AuditEntry>& entries)
{
    QStringList unknown;
    for (const AuditEntry& e : entries)
        if (!e.patient.isEmpty() && !m_patientWards.contains(e.patient)) {
            m_patientWards.insert(e.patient, QVariant());  // stays invalid when the hub does not know the patient
            unknown << e.patient;
        }
    constexpr qsizetype kPerQuery = 100;
    for (qsizetype first = 0; first < unknown.size(); first += kPerQuery) {
        const QStringList ids = unknown.mid(first, kPerQuery);
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, ward FROM patients WHERE id IN (%1)")
                                    .arg(QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(','))),
                                QVariantList(ids.cbegin(), ids.cend()));
        while (q.next())
            m_patientWards.insert(q.value(0).toString(), q.value(1));
    }
}

void TerminalAuditRows::store(const QString& terminalId, const QString& terminalWard, const QList<AuditEntry>& entries,
                              const QList<Sealed>& sealed, qint64 receivedAtMs)
{
    static const QStringList kColumns{QStringLiteral("terminal_id"), QStringLiteral("seq"),          QStringLiteral("hash"),
                                      QStringLiteral("received_at"), QStringLiteral("entry"),        QStringLiteral("at"),
                                      QStringLiteral("user_id"),     QStringLiteral("action"),       QStringLiteral("outcome"),
                                      QStringLiteral("terminal_ward"), QStringLiteral("patient_ward"), QStringLiteral("patient_mac"),
                                      QStringLiteral("sealed")};
    Q_ASSERT(sealed.size() == entries.size());
    m_patientWards.clear();
    lookUpPatientWards(entries);
    QList<QVariantList> rows;
    rows.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries.at(i);
        rows.append(QVariantList{terminalId, e.seq, QString::fromLatin1(e.hash.toHex()), receivedAtMs} + columns(terminalWard, e, sealed.at(i)));
    }
    m_db.appendRows(QStringLiteral("terminal_audit"), kColumns, rows);
    m_patientWards.clear();
}

int TerminalAuditRows::indexEarlierRows()
{
    m_patientWards.clear();
    return m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT terminal_id, seq, entry FROM terminal_audit WHERE at IS NULL") + m_db.forUpdate());
        QList<QPair<QString, QString>> earlier;
        while (q.next())
            earlier.append({q.value(0).toString(), q.value(2).toString()});
        QHash<QString, QString> wards;
        for (const auto& row : earlier) {
            const AuditEntry e = AuditEntry::fromJson(QJsonDocument::fromJson(row.second.toUtf8()).object());
            if (!wards.contains(row.first))
                wards.insert(row.first, terminalWard(row.first));
            m_db.exec(QStringLiteral("UPDATE terminal_audit SET entry = ?, at = ?, user_id = ?, action = ?, outcome = ?, terminal_ward = ?,"
                                     " patient_ward = ?, patient_mac = ?, sealed = ? WHERE terminal_id = ? AND seq = ?"),
                      columns(wards.value(row.first), e, seal(row.first, e)) + QVariantList{row.first, e.seq});
        }
        return int(earlier.size());
    });
}

QList<AuditEntry> TerminalAuditRows::after(const QString& terminalId, qint64 seq, int limit) const
{
    QList<AuditEntry> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT seq, entry, sealed FROM terminal_audit WHERE terminal_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                            {terminalId, seq, limit});
    while (q.next())
        out << entry(terminalId, q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray());
    return out;
}

AuditEntry TerminalAuditRows::entry(const QString& terminalId, qint64 seq, const QString& plain, const QByteArray& sealed) const
{
    QByteArray json = plain.toUtf8();
    if (!sealed.isEmpty() && !m_keys.openHealth(sealed, sealAad(terminalId, seq), &json))
        throw HubError(QStringLiteral("storage"),
                       QStringLiteral("audit entry %1/%2 does not open under its row (moved or altered)").arg(terminalId).arg(seq));
    return AuditEntry::fromJson(QJsonDocument::fromJson(json).object());
}

} // namespace ward::hub
