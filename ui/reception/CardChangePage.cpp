#include "ui/reception/CardChangePage.h"

#include "ui/reception/ChangeReason.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

CardChangePage::CardChangePage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cardChangePage"));
    auto* layout = new QVBoxLayout(this);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_title->setObjectName(QStringLiteral("cardChangeTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_consequence = new QLabel(this);
    m_consequence->setObjectName(QStringLiteral("cardChangeConsequence"));
    m_consequence->setWordWrap(true);
    m_reason = new ChangeReason(QStringLiteral("cardChange"), this);
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(QStringLiteral("cardChangeConfirm"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cardChangeCancel"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    buttons->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_consequence);
    layout->addWidget(m_reason);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_reason, &ChangeReason::changed, this, &CardChangePage::validate);
    connect(m_reason, &ChangeReason::submitted, this, &CardChangePage::submit);
    connect(m_confirm, &QPushButton::clicked, this, &CardChangePage::submit);
    connect(cancel, &QPushButton::clicked, this, &CardChangePage::cancelled);
}

QString CardChangePage::cardName(const QJsonObject& card)
{
    const QDateTime bound = QDateTime::fromString(card.value(QStringLiteral("boundAt")).toString(), Qt::ISODateWithMs);
    const QString kind = card.value(QStringLiteral("kind")).toString() == QLatin1String("uid") ? tr("ID badge") : tr("IC card");
    return tr("%1 bound on %2 (key %3…)")
        .arg(kind, QLocale().toString(bound.toLocalTime().date(), QLocale::ShortFormat),
             card.value(QStringLiteral("keyId")).toString().left(8));
}

void CardChangePage::ask(Action action, const QJsonObject& person, const QJsonObject& card, int codeMinutes)
{
    m_action = action;
    m_person = person;
    m_card = card;
    const QString who = tr("%1 (%2)").arg(person.value(QStringLiteral("name")).toString(),
                                         person.value(QStringLiteral("userId")).toString());
    // What a revocation does, in the words of the hub's rules (issue 10: sessions end, signing keys die with it).
    const QString revoked = tr("The card is refused at every terminal after its next sync (within one sync interval). The "
                               "person's open sessions end now and their signing certificates are revoked; a new signing "
                               "key is made at their next login. A revoked card is never issued again.");
    switch (action) {
    case Action::Revoke:
        m_title->setStatus(StatusTone::Danger, IconName::Delete, tr("Revoke the card of %1").arg(who));
        m_consequence->setText(tr("%1\n\n%2\n\nCollect the card if it is here (broken card).").arg(cardName(card), revoked));
        m_reason->setPlaceholderText(tr("e.g. \"lost on 3 December\", \"card broken\""));
        m_confirm->setText(tr("Revoke the card"));
        ThemeProperty::setRole(m_confirm, QStringLiteral("danger"));
        break;
    case Action::Replace:
        m_title->setStatus(StatusTone::Warning, IconName::Card, tr("Replace the card of %1").arg(who));
        m_consequence->setText(tr("%1\n\nFirst the old card is revoked: %2\n\nThen put the new card in the desk's reader to "
                                  "issue it to the same person.")
                                   .arg(cardName(card), revoked));
        m_reason->setPlaceholderText(tr("e.g. \"lost on 3 December\", \"card broken\""));
        m_confirm->setText(tr("Revoke and issue a new card"));
        ThemeProperty::setRole(m_confirm, QStringLiteral("danger"));
        break;
    case Action::FallbackCode: {
        const QString until = QLocale().toString(Clock::instance().nowUtc().addSecs(qint64(codeMinutes) * 60).toLocalTime().time(),
                                                 QLocale::ShortFormat);
        m_title->setStatus(StatusTone::Warning, IconName::Password, tr("One-shift fallback code for %1").arg(who));
        m_consequence->setText(tr("A one-time code for a login without the IC card, valid for one shift (%n hour(s), until "
                                  "about %1), is printed as a sealed letter at this desk; it is never shown on screen. The "
                                  "person logs in once with their staff ID, the code and their own password, and that login "
                                  "is recorded and flagged for review. Check the person's identity before you issue it.",
                                  nullptr, codeMinutes / 60)
                                   .arg(until));
        m_reason->setPlaceholderText(tr("e.g. \"card forgotten at home\", \"card broken, replacement ordered\""));
        m_confirm->setText(tr("Print the code letter"));
        ThemeProperty::setRole(m_confirm, QStringLiteral("primary"));
        break;
    }
    }
    m_reason->restart();
    validate();
}

void CardChangePage::validate()
{
    m_confirm->setEnabled(m_reason->isGiven());
}

void CardChangePage::submit()
{
    if (m_confirm->isEnabled())
        emit confirmed(m_action, m_person, m_card, m_reason->text());
}

} // namespace ward
