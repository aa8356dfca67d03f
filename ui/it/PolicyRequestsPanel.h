#pragma once

#include "ui/theme/StatusBadge.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ward {

class ReceptionClient;

// AC-4 for the hospital policy: versions that grant a privileged permission (users.manage, cards.manage,
// terminals.manage, policy.manage…) wait here, each with its changes against the version it was made on, until a
// second IT person (policy.manage) approves (the hub signs and applies it) or refuses it with a reason. The hub
// refuses an approval by the person who filed it (self_approval); the panel says so.
class PolicyRequestsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyRequestsPanel(ReceptionClient& client, QWidget* parent = nullptr);

    void refresh();
    void approve();
    void refuse();

    QTableWidget* requestsTable() const { return m_requestsTable; }
    QTableWidget* changesTable() const { return m_changes; }
    StatusBadge* outcome() const { return m_outcome; }

signals:
    void listed(int rows);
    // ok: the request was approved (a new policy version) or refused.
    void decided(bool ok);

private:
    QJsonObject selected() const;
    void showChanges();
    void decide(const QString& path, bool approving);
    void finished(bool ok, StatusTone tone, const QString& message);
    static QString valueText(const QJsonValue& value);

    ReceptionClient& m_client;
    QList<QJsonObject> m_requests;
    QTableWidget* m_requestsTable;
    QTableWidget* m_changes;
    QLineEdit* m_reason;
    QPushButton* m_approve;
    QPushButton* m_refuse;
    StatusBadge* m_outcome;
};

} // namespace ward
