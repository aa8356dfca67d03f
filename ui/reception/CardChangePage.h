#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ward {

class ChangeReason;
class StatusBadge;

// Asks for one change to a person's IC cards before it is made (issue 12): revoke a lost or broken card, replace it
// (revoke, then issue the new one), or print a one-shift fallback code (AUTH-2). Says what will happen and asks why
// (the reason goes into the hub's audit with the clerk's name). Inline in the card panel, so a lock closes it.
class CardChangePage : public QWidget
{
    Q_OBJECT

public:
    enum class Action { Revoke, Replace, FallbackCode };

    explicit CardChangePage(QWidget* parent = nullptr);

    // `card` is the person's bound card (kind, keyId, boundAt) for Revoke and Replace; `codeMinutes` how long a
    // fallback code lasts (one shift).
    void ask(Action action, const QJsonObject& person, const QJsonObject& card, int codeMinutes);
    Action action() const { return m_action; }

    // How a bound card is named to the clerk: kind, binding date and the start of its key id.
    static QString cardName(const QJsonObject& card);

signals:
    void confirmed(ward::CardChangePage::Action action, const QJsonObject& person, const QJsonObject& card, const QString& reason);
    void cancelled();

private:
    void validate();
    void submit();

    Action m_action = Action::Revoke;
    QJsonObject m_person;
    QJsonObject m_card;
    StatusBadge* m_title;
    QLabel* m_consequence;
    ChangeReason* m_reason;
    QPushButton* m_confirm;
};

} // namespace ward
