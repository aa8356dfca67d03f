#pragma once

#include "audit/AuditEntry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A terminal's audit chain made in a test (hub review, auditor workspace, FHIR export samples): each entry numbered,
// linked to the one before and hashed by AuditEntry's own rule, as the terminal's AuditLog makes them.
class AuditChainBuilder
{
public:
    explicit AuditChainBuilder(QString terminal = QString())
        : m_terminal(std::move(terminal))
    {
    }

    void setTerminal(const QString& terminal) { m_terminal = terminal; }

    const ward::AuditEntry& add(const QDateTime& at, const QString& user, const QString& action, const QString& patientId,
                                const QString& outcome, const QJsonObject& detail = {}, const QString& object = {});

    const QList<ward::AuditEntry>& entries() const { return m_chain; }
    QJsonArray json() const;
    bool isEmpty() const { return m_chain.isEmpty(); }
    qsizetype size() const { return m_chain.size(); }
    const ward::AuditEntry& at(qsizetype i) const { return m_chain.at(i); }
    const ward::AuditEntry& last() const { return m_chain.last(); }
    QList<ward::AuditEntry>::const_iterator begin() const { return m_chain.cbegin(); }
    QList<ward::AuditEntry>::const_iterator end() const { return m_chain.cend(); }
    void clear() { m_chain.clear(); }

private:
    QString m_terminal;
    QList<ward::AuditEntry> m_chain;
};
