#pragma once

#include "card/CardInspection.h"
#include "ui/reception/CardChangePage.h"
#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ward {

class CardIssuePage;

// The IC cards of the person chosen in the staff finder (issue 12, cards.manage): their bound cards, and issuing
// a new card from the desk's reader (CardIssuePage), revoking a lost or broken one, replacing one (revoke, then
// issue) and a one-shift fallback code printed as a sealed letter (AUTH-2), each with a reason (CardChangePage).
// Every change carries the version of the person the clerk saw (409 version_conflict when another clerk changed
// them) and is audited at the hub with the clerk; afterwards the person is read again from the hub.
class CardPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { KindColumn, BoundColumn, KeyColumn, ColumnCount };

    CardPanel(const ReceptionSetup& setup, QWidget* parent = nullptr);

    // The person as the hub describes them (staff search / staff/person), or an empty object for nobody.
    void setPerson(const QJsonObject& person);
    QJsonObject person() const { return m_person; }

    QTableWidget* cards() const { return m_table; }
    StatusBadge* outcome() const { return m_outcome; }
    CardIssuePage* issuePage() const { return m_issue; }
    CardChangePage* changePage() const { return m_change; }
    QStackedWidget* pages() const { return m_pages; }

signals:
    // A change was answered by the hub and the person read again (ok: the change was made).
    void changeAnswered(bool ok);
    // A change to this person was answered (made or refused, perhaps after another clerk's): other views of them
    // should read them again.
    void personChanged(const QString& userId);

private:
    void fill();
    void updateButtons();
    QJsonObject selectedCard() const;
    void ask(CardChangePage::Action action);
    // The panel busy on its overview; the body every change to `person` carries (userId, version seen, reason).
    QJsonObject startChange(const QJsonObject& person, const QString& reason);
    void beginIssue(const QString& reason);
    void bind(const QJsonObject& person, const CardInspection& card, const QString& reason);
    void revoke(CardChangePage::Action action, const QJsonObject& person, const QJsonObject& card, const QString& reason);
    void issueFallbackCode(const QJsonObject& person, const QString& reason);
    void showOverview();
    void finish(const QString& userId, bool ok, StatusTone tone, const QString& message, const QString& keyIdToLookFor = QString());
    static QString who(const QJsonObject& person);

    ReceptionSetup m_setup;
    QJsonObject m_person;
    bool m_busy = false;
    QLabel* m_who;
    QLabel* m_state;
    StatusBadge* m_outcome;
    QStackedWidget* m_pages;
    QTableWidget* m_table;
    QPushButton* m_issueButton;
    QPushButton* m_replaceButton;
    QPushButton* m_revokeButton;
    QPushButton* m_codeButton;
    CardIssuePage* m_issue;
    CardChangePage* m_change;
};

} // namespace ward
