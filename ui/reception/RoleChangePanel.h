#pragma once

#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ward {

// Changes the roles, wards and privileged flag of one staff member (issue 12): the boxes start at what the hub
// holds, the panel shows the change as before → after and asks why, then sends it with the version the clerk saw
// (another clerk's change meanwhile: 409 version_conflict, nothing changed). The hub applies it at once, or — a
// role whose permissions are privileged, or the privileged flag (AC-4) — files a request that a second person
// with users.manage approves under 「承認待ち」; the answer says which. Inline, not a dialog, so a lock closes it with
// the desk.
class RoleChangePanel : public QWidget
{
    Q_OBJECT

public:
    explicit RoleChangePanel(const ReceptionSetup& setup, QWidget* parent = nullptr);

    // Starts over for `person` as the hub last described them (staff search / staff/person).
    void ask(const QJsonObject& person);

    QStringList chosenRoles() const;
    QStringList chosenWards() const;
    bool chosenPrivileged() const;
    // "before → after", one line per part; what the clerk confirms.
    QString changeSummary() const;

    // The words of the answer for a 2xx reply (applied at once, or waiting for a second person).
    static QString appliedMessage(const QString& userId);
    static QString pendingMessage(const QString& userId);

signals:
    // The change went to the hub (the finder returns to its list and waits).
    void sent(const QString& userId);
    // The hub answered: ok is applied or filed for approval; message is what the clerk reads.
    void answered(const QString& userId, bool ok, ward::StatusTone tone, const QString& message);
    void cancelled();

private:
    void fill(QGridLayout* grid, QMap<QString, QCheckBox*>* boxes, const QStringList& offered, const QStringList& held,
              const QString& objectPrefix);
    void validate();
    void submit();

    ReceptionSetup m_setup;
    QJsonObject m_person;
    QStringList m_heldRoles;
    QStringList m_heldWards;
    bool m_heldPrivileged = false;
    StatusBadge* m_title;
    QGridLayout* m_roleGrid;
    QGridLayout* m_wardGrid;
    QMap<QString, QCheckBox*> m_roles;
    QMap<QString, QCheckBox*> m_wards;
    QCheckBox* m_privileged;
    QLabel* m_summary;
    QLabel* m_approvalNote;
    QLineEdit* m_reason;
    QLabel* m_hint;
    QPushButton* m_confirm;
};

} // namespace ward
