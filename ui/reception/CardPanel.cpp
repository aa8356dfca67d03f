#include "ui/reception/CardPanel.h"

#include "ui/reception/CardIssuePage.h"
#include "ui/reception/LetterIssue.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/StaffFinder.h"
#include "ui/theme/ThemeItem.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

CardPanel::CardPanel(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("cardPanel"));
    auto* layout = new QVBoxLayout(this);
    m_who = new QLabel(this);
    m_who->setObjectName(QStringLiteral("cardPerson"));
    m_who->setProperty("textStyle", QStringLiteral("title"));
    m_who->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("cardPersonState"));
    m_state->setProperty("role", QStringLiteral("muted"));
    m_state->setWordWrap(true);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("cardOutcome"));
    m_outcome->hide();
    layout->addWidget(m_who);
    layout->addWidget(m_state);
    layout->addWidget(m_outcome);

    m_pages = new QStackedWidget(this);
    auto* overview = new QWidget(m_pages);
    auto* overviewLayout = new QVBoxLayout(overview);
    overviewLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColumnCount, overview);
    m_table->setObjectName(QStringLiteral("cardTable"));
    m_table->setAccessibleName(tr("Bound IC cards"));
    m_table->setHorizontalHeaderLabels({tr("Card"), tr("Bound on"), tr("Key")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    ThemeItem::follow(m_table);
    overviewLayout->addWidget(m_table, 1);
    auto* actions = new QHBoxLayout();
    auto button = [&](IconName icon, const QString& text, const char* name) {
        auto* b = new QPushButton(ThemeIcon::icon(icon), text, overview);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    m_issueButton = button(IconName::Card, tr("Issue a card…"), "cardIssue");
    m_replaceButton = button(IconName::Refresh, tr("Replace the card…"), "cardReplace");
    m_revokeButton = button(IconName::Delete, tr("Revoke the card…"), "cardRevoke");
    m_codeButton = button(IconName::Password, tr("One-shift fallback code…"), "cardFallbackCode");
    actions->addStretch();
    overviewLayout->addLayout(actions);
    m_issue = new CardIssuePage(setup.readers, setup.sessionReader, m_pages);
    m_change = new CardChangePage(m_pages);
    m_pages->addWidget(overview);
    m_pages->addWidget(m_issue);
    m_pages->addWidget(m_change);
    layout->addWidget(m_pages, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CardPanel::updateButtons);
    connect(m_issueButton, &QPushButton::clicked, this, [this] {
        m_outcome->hide();
        beginIssue(m_person.value(QStringLiteral("cards")).toArray().isEmpty() ? tr("First card") : tr("Additional card"));
    });
    connect(m_replaceButton, &QPushButton::clicked, this, [this] { ask(CardChangePage::Action::Replace); });
    connect(m_revokeButton, &QPushButton::clicked, this, [this] { ask(CardChangePage::Action::Revoke); });
    connect(m_codeButton, &QPushButton::clicked, this, [this] { ask(CardChangePage::Action::FallbackCode); });
    connect(m_change, &CardChangePage::cancelled, this, &CardPanel::showOverview);
    connect(m_change, &CardChangePage::confirmed, this,
            [this](CardChangePage::Action action, const QJsonObject& person, const QJsonObject& card, const QString& reason) {
                if (action == CardChangePage::Action::FallbackCode)
                    issueFallbackCode(person, reason);
                else
                    revoke(action, person, card, reason);
            });
    connect(m_issue, &CardIssuePage::cancelled, this, &CardPanel::showOverview);
    connect(m_issue, &CardIssuePage::confirmed, this, &CardPanel::bind);
    fill();
}

QString CardPanel::who(const QJsonObject& person)
{
    return tr("%1 (%2)").arg(person.value(QStringLiteral("name")).toString(), person.value(QStringLiteral("userId")).toString());
}

void CardPanel::setPerson(const QJsonObject& person)
{
    const bool other = person.value(QStringLiteral("userId")) != m_person.value(QStringLiteral("userId"));
    m_person = person;
    if (other) {
        // A flow belongs to the person it was started for.
        m_issue->stop();
        m_pages->setCurrentIndex(0);
        m_outcome->hide();
    } else if (m_pages->currentWidget() == m_issue) {
        m_issue->setPerson(person);
    }
    fill();
}

void CardPanel::fill()
{
    m_table->setRowCount(0);
    if (m_person.isEmpty()) {
        m_who->setText(tr("Choose a person in \"Find staff\"; their IC cards are shown here."));
        m_state->clear();
        updateButtons();
        return;
    }
    const QString kana = m_person.value(QStringLiteral("kana")).toString();
    m_who->setText(kana.isEmpty() ? who(m_person)
                                  : tr("%1 (%2), %3").arg(m_person.value(QStringLiteral("name")).toString(), kana,
                                                          m_person.value(QStringLiteral("userId")).toString()));
    const int revoked = m_person.value(QStringLiteral("revokedCards")).toInt();
    QString state = tr("Account: %1. IC card: %2.")
                        .arg(StaffFinder::statusWord(m_person), StaffFinder::cardWord(m_person.value(QStringLiteral("cardStatus")).toString()));
    if (revoked > 0)
        state += QLatin1Char(' ') + tr("%n card(s) revoked earlier.", nullptr, revoked);
    m_state->setText(state);
    const QJsonArray cards = m_person.value(QStringLiteral("cards")).toArray();
    m_table->setRowCount(int(cards.size()));
    const QLocale locale;
    for (int row = 0; row < cards.size(); ++row) {
        const QJsonObject card = cards.at(row).toObject();
        const QDateTime bound = QDateTime::fromString(card.value(QStringLiteral("boundAt")).toString(), Qt::ISODateWithMs);
        const QString keyId = card.value(QStringLiteral("keyId")).toString();
        m_table->setItem(row, KindColumn,
                         new QTableWidgetItem(card.value(QStringLiteral("kind")).toString() == QLatin1String("uid") ? tr("ID badge (UID)")
                                                                                                                     : tr("IC card (PIV)")));
        m_table->setItem(row, BoundColumn, new QTableWidgetItem(locale.toString(bound.toLocalTime(), QLocale::ShortFormat)));
        auto* key = new QTableWidgetItem(keyId.left(16) + QStringLiteral("…"));
        key->setData(Qt::AccessibleDescriptionRole, keyId);
        m_table->setItem(row, KeyColumn, key);
    }
    if (cards.size() == 1)
        m_table->selectRow(0);
    updateButtons();
}

QJsonObject CardPanel::selectedCard() const
{
    const int row = m_table->currentRow();
    const QJsonArray cards = m_person.value(QStringLiteral("cards")).toArray();
    if (row < 0 || row >= cards.size() || m_table->selectedItems().isEmpty())
        return {};
    return cards.at(row).toObject();
}

void CardPanel::updateButtons()
{
    const bool someone = !m_person.isEmpty() && !m_busy;
    const bool active = someone && m_person.value(QStringLiteral("status")).toString() == QLatin1String("active");
    const bool card = someone && !selectedCard().isEmpty();
    m_issueButton->setEnabled(active);
    m_replaceButton->setEnabled(active && card);
    // A lost card of a disabled or retired person is revoked all the same.
    m_revokeButton->setEnabled(card);
    m_codeButton->setEnabled(active);
}

void CardPanel::ask(CardChangePage::Action action)
{
    m_outcome->hide();
    m_change->ask(action, m_person, selectedCard(), m_setup.fallbackCodeMinutes);
    m_pages->setCurrentWidget(m_change);
}

void CardPanel::beginIssue(const QString& reason)
{
    m_pages->setCurrentWidget(m_issue);
    m_issue->begin(m_person, reason);
}

void CardPanel::showOverview()
{
    m_issue->stop();
    m_pages->setCurrentIndex(0);
    updateButtons();
}

void CardPanel::bind(const QJsonObject& person, const CardInspection& card, const QString& reason)
{
    m_busy = true;
    m_issue->bindingStarted();
    const QString userId = person.value(QStringLiteral("userId")).toString();
    const QJsonObject body{{QStringLiteral("userId"), userId},
                           {QStringLiteral("version"), person.value(QStringLiteral("version"))},
                           {QStringLiteral("reason"), reason},
                           {QStringLiteral("certificate"), QString::fromLatin1(card.certificatePem)}};
    m_setup.client->post(QStringLiteral("cards/bind"), body, [this, person, card, userId](const HubReply& reply) {
        m_issue->stop();
        m_pages->setCurrentIndex(0);
        if (reply.ok()) {
            finish(userId, true, StatusTone::Ok,
                   tr("The card (serial %1) is now the IC card of %2. It works at every terminal after the terminal's "
                      "next sync, together with the person's own password.")
                       .arg(card.serialHex, who(person)));
            return;
        }
        const QString code = reply.error.hubCode();
        const QString message = code == QLatin1String("card_bound_elsewhere")
                                    ? tr("The hub refused: this card is already bound to another person. Nothing was changed. "
                                         "If it was handed back, revoke it on that person first; otherwise use another card.")
                                    : ReceptionClient::explain(reply);
        // The answer may have been lost after the hub bound the card: the person read again tells.
        finish(userId, false, StatusTone::Danger, message, card.keyId);
    });
}

QJsonObject CardPanel::startChange(const QJsonObject& person, const QString& reason)
{
    m_busy = true;
    m_pages->setCurrentIndex(0);
    updateButtons();
    return {{QStringLiteral("userId"), person.value(QStringLiteral("userId"))},
            {QStringLiteral("version"), person.value(QStringLiteral("version"))},
            {QStringLiteral("reason"), reason}};
}

void CardPanel::revoke(CardChangePage::Action action, const QJsonObject& person, const QJsonObject& card, const QString& reason)
{
    QJsonObject body = startChange(person, reason);
    body.insert(QStringLiteral("keyId"), card.value(QStringLiteral("keyId")));
    const QString userId = person.value(QStringLiteral("userId")).toString();
    m_setup.client->post(QStringLiteral("cards/revoke"), body, [this, action, person, card, reason, userId](const HubReply& reply) {
        if (!reply.ok()) {
            finish(userId, false, StatusTone::Danger, ReceptionClient::explain(reply));
            return;
        }
        const QString done = tr("%1 is revoked: every terminal refuses it after its next sync.").arg(CardChangePage::cardName(card));
        if (action == CardChangePage::Action::Revoke || m_person.value(QStringLiteral("userId")).toString() != userId) {
            finish(userId, true, StatusTone::Ok, done);
            return;
        }
        // Replacement: straight on to the new card, on the version the revocation left.
        m_busy = false;
        QJsonObject now = person;
        now[QStringLiteral("version")] = reply.json.value(QStringLiteral("version"));
        QJsonArray cards;
        for (const QJsonValue& c : person.value(QStringLiteral("cards")).toArray())
            if (c.toObject().value(QStringLiteral("keyId")) != card.value(QStringLiteral("keyId")))
                cards.append(c);
        now[QStringLiteral("cards")] = cards;
        m_person = now;
        fill();
        m_outcome->setStatus(StatusTone::Ok, IconName::Ok, done + QLatin1Char(' ') + tr("Now put the new card in the desk's reader."));
        m_outcome->show();
        beginIssue(tr("Replacement: %1").arg(reason));
        emit personChanged(userId);
    });
}

void CardPanel::issueFallbackCode(const QJsonObject& person, const QString& reason)
{
    QJsonObject body = startChange(person, reason);
    body.insert(QStringLiteral("validMinutes"), m_setup.fallbackCodeMinutes);
    const QString userId = person.value(QStringLiteral("userId")).toString();
    PasswordLetter::Content letter{userId, person.value(QStringLiteral("name")).toString(), person.value(QStringLiteral("kana")).toString(),
                                   QDateTime(), m_setup.helpContact, PasswordLetter::Kind::FallbackCode};
    ReceptionClient* client = m_setup.client;
    LetterIssue::run(
        m_setup, QStringLiteral("fallback-code"), letter,
        [client, body](ReceptionClient::Callback done) { client->post(QStringLiteral("cards/fallback-code"), body, done); },
        [this, person, userId](const LetterIssue::Result& r) {
            if (r.outcome != LetterIssue::Outcome::Printed) {
                finish(userId, false, StatusTone::Danger, r.message);
                return;
            }
            const QDateTime until = QDateTime::fromString(r.reply.json.value(QStringLiteral("validUntil")).toString(), Qt::ISODateWithMs);
            finish(userId, true, StatusTone::Ok,
                   tr("The fallback code letter for %1 is printed: seal it in an envelope and hand it to the person only. "
                      "The code works for one login until %2, and that login is flagged for review.")
                       .arg(who(person), QLocale().toString(until.toLocalTime(), QLocale::ShortFormat)));
        });
}

void CardPanel::finish(const QString& userId, bool ok, StatusTone tone, const QString& message, const QString& keyIdToLookFor)
{
    m_outcome->setStatus(tone, ok ? IconName::Ok : IconName::Error, message);
    m_outcome->show();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("userId"), userId);
    // Whatever the answer, the panel shows what the hub holds now (after a conflict: the other clerk's change).
    m_setup.client->get(QStringLiteral("staff/person"), query, [this, userId, ok, keyIdToLookFor](const HubReply& reply) {
        m_busy = false;
        bool done = ok;
        if (reply.ok() && reply.json.value(QStringLiteral("userId")).toString() == m_person.value(QStringLiteral("userId")).toString()) {
            if (!ok && !keyIdToLookFor.isEmpty())
                for (const QJsonValue& c : reply.json.value(QStringLiteral("cards")).toArray())
                    if (c.toObject().value(QStringLiteral("keyId")).toString() == keyIdToLookFor) {
                        done = true;
                        m_outcome->setStatus(StatusTone::Ok, IconName::Ok,
                                             tr("The hub did bind the card to %1 (its answer was lost on the way).").arg(who(reply.json)));
                    }
            setPerson(reply.json);
        }
        updateButtons();
        emit personChanged(userId);
        emit changeAnswered(done);
    });
}

} // namespace ward
