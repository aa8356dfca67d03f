#pragma once

#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTableWidget;

namespace ward {

// BCP-1 at the reception desk: the wards' emergency accounts and their sealed letters. One person (users.manage)
// asks for a ward's account or for a new letter of one (after a use, or periodically); a second person approves at
// their own desk, and the letter with the new password is printed there for the ward's safe (never shown on
// screen). The hub refuses the approval by the person who asked (second_person_required).
class EmergencyAccountsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EmergencyAccountsPanel(const ReceptionSetup& setup, QWidget* parent = nullptr);

    void refresh();
    // For the chosen ward: a new account when it has none (EMERG + ward, e.g. EMERGW3001).
    void askForAccount();
    // For the selected account: a new letter (the current one stays valid until the new one is approved).
    void askForLetter();
    // Approves the selected account's waiting request and prints its letter.
    void approve();

    QTableWidget* table() const { return m_table; }
    StatusBadge* outcome() const { return m_outcome; }
    int rowOf(const QString& accountId) const;
    // The account ID the desk proposes for a ward's emergency account (10 characters, EMERG…).
    static QString accountIdFor(const QString& ward);

signals:
    void listed(int rows);
    void answered(bool ok);

private:
    void finished(bool ok, const QString& message);
    void updateButtons();
    QJsonObject selected() const;

    ReceptionSetup m_setup;
    QTableWidget* m_table;
    QList<QJsonObject> m_accounts;
    QComboBox* m_ward;
    QPushButton* m_newAccount;
    QPushButton* m_newLetter;
    QPushButton* m_approve;
    StatusBadge* m_outcome;
};

} // namespace ward
