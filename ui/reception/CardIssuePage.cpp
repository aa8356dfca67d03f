#include "ui/reception/CardIssuePage.h"

#include "ui/reception/ReceptionSetup.h"
#include "card/ReaderMonitor.h"
#include "ui/theme/ThemeProperty.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ward {

CardIssuePage::CardIssuePage(ReaderMonitor* readers, QString sessionReader, QWidget* parent)
    : QWidget(parent), m_monitor(readers), m_sessionReader(std::move(sessionReader))
{
    setObjectName(QStringLiteral("cardIssuePage"));
    auto* layout = new QVBoxLayout(this);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_title->setObjectName(QStringLiteral("cardIssueTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_status = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_status->setObjectName(QStringLiteral("cardIssueStatus"));

    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("cardIssueDetails"));
    auto* details = new QFormLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    auto label = [this](const char* name) {
        auto* l = new QLabel(m_details);
        l->setObjectName(QLatin1String(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_holder = label("cardIssueHolder");
    m_holder->setProperty("textStyle", QStringLiteral("title"));
    m_holder->setWordWrap(true);
    m_subject = label("cardIssueSubject");
    m_issuer = label("cardIssueIssuer");
    m_serial = label("cardIssueSerial");
    m_validity = label("cardIssueValidity");
    details->addRow(m_holder);
    details->addRow(tr("Staff ID in the card"), m_subject);
    details->addRow(tr("Issued by"), m_issuer);
    details->addRow(tr("Serial number"), m_serial);
    details->addRow(tr("Valid"), m_validity);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("cardIssueReason"));
    m_reason->setMaxLength(kMaxChangeReasonLength);
    m_reason->setAccessibleName(tr("Reason (required)"));
    auto* form = new QFormLayout();
    form->addRow(tr("Reason"), m_reason);

    m_confirm = new QPushButton(ThemeIcon::icon(IconName::Card), tr("Issue this card"), this);
    m_confirm->setObjectName(QStringLiteral("cardIssueConfirm"));
    ThemeProperty::setRole(m_confirm, QStringLiteral("primary"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cardIssueCancel"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    buttons->addStretch();

    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_details);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch();
    showCard(false);

    connect(m_reason, &QLineEdit::textChanged, this, &CardIssuePage::updateConfirm);
    const auto confirm = [this] {
        if (m_confirm->isEnabled())
            emit confirmed(m_person, m_card, m_reason->text().trimmed());
    };
    connect(m_confirm, &QPushButton::clicked, this, confirm);
    connect(m_reason, &QLineEdit::returnPressed, this, confirm);
    connect(cancel, &QPushButton::clicked, this, [this] {
        stop();
        emit cancelled();
    });
    // The watcher thread's signals arrive queued on the UI thread (the receiver lives here).
    if (m_monitor) {
        connect(m_monitor, &ReaderMonitor::cardInserted, this, [this](const QString& reader) { cardInserted(reader); });
        connect(m_monitor, &ReaderMonitor::cardRemoved, this, [this](const QString& reader) { cardRemoved(reader); });
        for (auto signal : {&ReaderMonitor::serviceAvailable, &ReaderMonitor::serviceUnavailable})
            connect(m_monitor, signal, this, [this] {
                if (m_active && m_state != State::Reading && m_state != State::Binding)
                    look();
            });
        connect(m_monitor, &ReaderMonitor::readersChanged, this, [this] {
            if (m_active && m_state != State::Reading && m_state != State::Binding)
                look();
        });
    }
    connect(&m_watcher, &QFutureWatcher<CardInspection>::finished, this,
            [this] { inspected(m_watcher.property("generation").toULongLong()); });
}

QStringList CardIssuePage::deskReaders() const
{
    QStringList out = m_monitor ? m_monitor->readers() : QStringList();
    out.removeAll(m_sessionReader);
    return out;
}

QString CardIssuePage::message() const
{
    return m_status->text();
}

void CardIssuePage::begin(const QJsonObject& person, const QString& reason)
{
    m_person = person;
    m_active = true;
    m_card = CardInspection();
    m_reader.clear();
    m_title->setStatus(StatusTone::Info, IconName::Card,
                       tr("Issue an IC card to %1 (%2)")
                           .arg(person.value(QStringLiteral("name")).toString(), person.value(QStringLiteral("userId")).toString()));
    m_reason->setText(reason);
    look();
}

void CardIssuePage::stop()
{
    m_active = false;
    ++m_generation;  // a read still running is dropped when it ends
    m_card = CardInspection();
    showCard(false);
    m_state = State::Idle;
}

void CardIssuePage::look()
{
    if (!m_monitor || !m_monitor->isServiceAvailable()) {
        setState(State::NoCardService, StatusTone::Danger, IconName::Error,
                 tr("The card service of this terminal is not running, so no card can be read. Ask IT to start the card "
                    "service (pcscd), then try again."));
        return;
    }
    const QStringList desk = deskReaders();
    if (desk.isEmpty()) {
        setState(State::NoReader, StatusTone::Danger, IconName::Error,
                 tr("No card reader for new cards is connected at this desk (the reader with your own card is never "
                    "used for issuing). Connect the desk's second reader, then put the new card in it."));
        return;
    }
    QStringList withCard;
    const auto present = m_monitor->presentCards();
    for (const QString& reader : desk)
        if (present.contains(reader))
            withCard << reader;
    if (withCard.isEmpty()) {
        setState(State::WaitingForCard, StatusTone::Info, IconName::Card,
                 tr("Put the new card in the reader %1 and leave it there until its details appear.").arg(desk.join(tr(", "))));
        return;
    }
    if (withCard.size() > 1) {
        setState(State::Refused, StatusTone::Warning, IconName::Warning,
                 tr("There are cards in more than one reader (%1). Leave only the new card in a reader.").arg(withCard.join(tr(", "))));
        return;
    }
    read(withCard.first());
}

void CardIssuePage::read(const QString& reader)
{
    m_reader = reader;
    m_card = CardInspection();
    m_removedWhileReading = false;
    showCard(false);
    setState(State::Reading, StatusTone::Pending, IconName::Pending, tr("Reading the card in %1…").arg(reader));
    // PC/SC blocks: the card is read on the thread pool, the answer comes back here through the watcher. A watcher
    // deleted with the page (a lock) drops the answer; nothing waits for the card.
    m_watcher.setProperty("generation", QVariant::fromValue(++m_generation));
    m_watcher.setFuture(QtConcurrent::run([reader] { return CardInspection::read(reader); }));
}

void CardIssuePage::inspected(quint64 generation)
{
    if (generation != m_generation || !m_active)
        return;
    m_card = m_watcher.result();
    if (m_removedWhileReading && m_card.ok())
        m_card.error = CardError::CardRemoved;
    if (m_card.error == CardError::NoCard) {
        look();
        return;
    }
    const QString refused = refusal(m_card);
    if (!refused.isEmpty()) {
        // Certificate problems are shown with the certificate, so the clerk can tell IT which card it was.
        showCard(m_card.ok());
        const bool alreadyTheirs = m_card.issuable() && m_card.subjectCommonName == m_person.value(QStringLiteral("userId")).toString();
        setState(State::Refused, alreadyTheirs ? StatusTone::Info : StatusTone::Danger, alreadyTheirs ? IconName::Info : IconName::Error,
                 refused);
        return;
    }
    showCard(true);
    setState(State::Ready, StatusTone::Ok, IconName::Ok,
             tr("Check the name and staff ID, then issue the card. Leave it in the reader until it is issued."));
}

QString CardIssuePage::refusal(const CardInspection& card) const
{
    const QLocale locale;
    switch (card.error) {
    case CardError::None:
        break;
    case CardError::CardRemoved:
    case CardError::CardReset:
        return tr("The card was taken out while it was being read. Nothing was issued. Put it back and leave it in the "
                  "reader until its details appear.");
    case CardError::NotPivCard:
        return tr("This card has no PIV application (an ID badge or another kind of card), so it cannot be issued as a "
                  "staff IC card. Use a staff IC card prepared by IT.");
    case CardError::ObjectNotFound:
    case CardError::CertificateInvalid:
    case CardError::UnsupportedKey:
    case CardError::MalformedResponse:
        return tr("The certificate on this card cannot be read, or is not a staff card certificate (ECDSA P-256). "
                  "Nothing was issued. Give the card to IT to be prepared again.");
    case CardError::SignatureInvalid:
        return tr("This card's key does not match the certificate it holds (the certificate may have been copied from "
                  "another card). Do not issue it; give it to IT.");
    default:
        return tr("%1 Nothing was issued.").arg(CardErrors::message(card.error));
    }
    if (card.validity == CardInspection::Validity::Expired)
        return tr("The certificate on this card expired on %1: an expired card cannot log in. Use another card, or give "
                  "this one to IT to be renewed.")
            .arg(locale.toString(card.notAfter.toLocalTime().date(), QLocale::LongFormat));
    if (card.validity == CardInspection::Validity::NotYetValid)
        return tr("The certificate on this card is valid only from %1. Use another card, or issue this one from that day.")
            .arg(locale.toString(card.notBefore.toLocalTime(), QLocale::LongFormat));
    const QString userId = m_person.value(QStringLiteral("userId")).toString();
    // LoginController takes the staff ID from the certificate: a card made for someone else could never log in
    // as this person.
    if (card.subjectCommonName != userId)
        return tr("This card was prepared for staff ID %1 (the ID in its certificate), not for %2: at login it can only "
                  "be %1's card. Use the card prepared for %2.")
            .arg(card.subjectCommonName, userId);
    for (const QJsonValue& bound : m_person.value(QStringLiteral("cards")).toArray())
        if (bound.toObject().value(QStringLiteral("keyId")).toString() == card.keyId)
            return tr("This card is already the IC card of %1; nothing needs to be issued.").arg(userId);
    return QString();
}

void CardIssuePage::cardInserted(const QString& reader)
{
    if (!m_active || !deskReaders().contains(reader) || m_state == State::Reading || m_state == State::Binding)
        return;
    look();
}

void CardIssuePage::cardRemoved(const QString& reader)
{
    if (!m_active || reader != m_reader)
        return;
    if (m_state == State::Reading) {
        // The read may still finish with what it had; the card is gone all the same.
        m_removedWhileReading = true;
        return;
    }
    if (m_state == State::Refused) {
        // The refusal stays readable; the next card put in is read afresh.
        showCard(false);
        return;
    }
    if (m_state == State::Ready) {
        m_card = CardInspection();
        showCard(false);
        setState(State::WaitingForCard, StatusTone::Warning, IconName::Warning,
                 tr("The card was taken out before it was issued. Put it back in %1 to issue it.").arg(reader));
    }
}

void CardIssuePage::bindingStarted()
{
    setState(State::Binding, StatusTone::Pending, IconName::Pending, tr("Issuing the card at the hub…"));
}

void CardIssuePage::bindingRefused(const QString& message)
{
    setState(State::Refused, StatusTone::Danger, IconName::Error, message);
}

void CardIssuePage::setState(State state, StatusTone tone, IconName icon, const QString& message)
{
    m_state = state;
    m_status->setStatus(tone, icon, message);
    updateConfirm();
    emit stateChanged(state);
}

void CardIssuePage::showCard(bool shown)
{
    m_details->setVisible(shown);
    if (!shown) {
        for (QLabel* l : {m_holder, m_subject, m_issuer, m_serial, m_validity})
            l->clear();
        return;
    }
    const QLocale locale;
    const QString who = tr("%1 (%2)").arg(m_person.value(QStringLiteral("name")).toString(), m_person.value(QStringLiteral("userId")).toString());
    m_holder->setText(refusal(m_card).isEmpty() ? tr("This card will become the IC card of %1.").arg(who)
                                                : tr("This card cannot be issued to %1.").arg(who));
    m_subject->setText(m_card.subjectCommonName);
    m_issuer->setText(m_card.issuerCommonName);
    m_serial->setText(m_card.serialHex);
    m_validity->setText(tr("%1 to %2").arg(locale.toString(m_card.notBefore.toLocalTime().date(), QLocale::ShortFormat),
                                           locale.toString(m_card.notAfter.toLocalTime().date(), QLocale::ShortFormat)));
}

void CardIssuePage::updateConfirm()
{
    m_confirm->setEnabled(m_state == State::Ready && !m_reason->text().trimmed().isEmpty());
}

} // namespace ward
