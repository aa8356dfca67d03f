#pragma once

#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ward {



// Segregation of duties (AC-4): privileged registrations and role changes wait here until a second person with
// users.manage approves or refuses them. Approving a registration creates the account and prints its letter
// at this desk; the requester cannot approve their own (the hub answers self_approval).
class PendingRequests : public QWidget
{
    Q_OBJECT

public:
    PendingRequests(const ReceptionSetup& setup, QWidget* parent = nullptr);

    void refresh();
    void approve();
    void refuse();
    QTableWidget* table() const { return m_table; }
    StatusBadge* outcome() const { return m_outcome; }

signals:
    void listed(int rows);
    void decided(bool ok);

private:
    void finished(bool ok, StatusTone tone, const QString& message);
    QJsonObject selected() const;

    ReceptionSetup m_setup;
    QTableWidget* m_table;
    QList<QJsonObject> m_requests;
    QLineEdit* m_reason;
    QPushButton* m_approve;
    QPushButton* m_refuse;
    StatusBadge* m_outcome;
};

} // namespace ward
