#include "AuditChainBuilder.h"

using ward::AuditEntry;

const AuditEntry& AuditChainBuilder::add(const QDateTime& at, const QString& user, const QString& action, const QString& patientId,
                                         const QString& outcome, const QJsonObject& detail, const QString& object)
{
    AuditEntry e;
    e.seq = m_chain.size() + 1;
    e.time = at;
    e.terminal = m_terminal;
    e.user = user;
    e.action = action;
    e.patient = patientId;
    e.object = object;
    e.outcome = outcome;
    e.detail = detail;
    e.prevHash = m_chain.isEmpty() ? AuditEntry::genesisHash() : m_chain.last().hash;
    e.hash = e.computeHash();
    m_chain << e;
    return m_chain.last();
}

QJsonArray AuditChainBuilder::json() const
{
    QJsonArray out;
    for (const AuditEntry& e : m_chain)
        out.append(e.toJson());
    return out;
}
