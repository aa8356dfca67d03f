#pragma once

#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"
#include "ui/reception/StaffChangePanel.h"
#include "ui/reception/RoleChangePanel.h"

#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ward {



// Find a staff member (ID prefix, name or kana, folded as the hub folds them) and change their account:
// disable, enable, retire, unlock, reset password (StaffChangePanel), roles and wards (RoleChangePanel), issue 12.
// Each change carries the version the clerk saw, so a change made meanwhile by another clerk is refused (409) and shown.
class StaffFinder : public QWidget
{
    Q_OBJECT

public:
    enum Column { IdColumn, NameColumn, StatusColumn, RolesColumn, WardsColumn, CardColumn, LastLoginColumn,
                  PasswordAgeColumn, ColumnCount };

    StaffFinder(const ReceptionSetup& setup, QWidget* parent = nullptr);

    void search();
    QTableWidget* table() const { return m_table; }
    StaffChangePanel* changePanel() const { return m_change; }
    RoleChangePanel* rolePanel() const { return m_roles; }
    StatusBadge* outcome() const { return m_outcome; }
    // The person in `row` as the hub last described them.
    QJsonObject personAt(int row) const { return m_people.value(row); }
    int rowOf(const QString& userId) const;
    // Reads this person's row again from the hub (personRefreshed follows).
    void refreshPerson(const QString& userId);

    static QString statusWord(const QJsonObject& person);
    static QString cardWord(const QString& cardStatus);

signals:
    // A search or a change answered (tests and the screenshot wait for it).
    void searched(int rows);
    void changeAnswered(bool ok);
    // The row of this person was read again from the hub (after every change, refused or not).
    void personRefreshed(const QString& userId);

private:
    void showPeople(const QJsonArray& people);
    void fillRow(int row, const QJsonObject& person);
    void updateButtons();
    void begin(StaffChangePanel::Action action);
    void apply(StaffChangePanel::Action action, const QJsonObject& person, const QString& reason, const QString& method,
               const QString& documentRef);
    void answered(const QString& userId, bool ok, StatusTone tone, const QString& message);

    ReceptionSetup m_setup;
    QLineEdit* m_query;
    QComboBox* m_status;
    QTimer m_delay;
    StatusBadge* m_outcome;
    QStackedWidget* m_pages;
    QTableWidget* m_table;
    QList<QJsonObject> m_people;
    QList<QPushButton*> m_actions;  // indexed by StaffChangePanel::Action
    StaffChangePanel* m_change;
    QPushButton* m_rolesButton;
    RoleChangePanel* m_roles;
    bool m_busy = false;
};

} // namespace ward
