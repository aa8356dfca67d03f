#include "ui/reception/StaffChangePanel.h"

#include "ui/reception/ChangeReason.h"
#include "ui/reception/ReceptionSetup.h"
#include "ui/reception/VerificationMethods.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

namespace {
constexpr int kMaxDocumentLength = 128; // hub: documentRef
} // namespace

StaffChangePanel::StaffChangePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("staffChangePanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_title->setObjectName(QStringLiteral("staffChangeTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_consequence = new QLabel(this);
    m_consequence->setObjectName(QStringLiteral("staffChangeConsequence"));
    m_consequence->setWordWrap(true);
    m_reason = new ChangeReason(QStringLiteral("staffChange"), this);
    m_reason->setPlaceholderText(tr("Why this change is made, e.g. \"on leave until 1 April\""));

    m_verification = new QWidget(this);
    auto* verification = new QFormLayout(m_verification);
    verification->setContentsMargins(0, 0, 0, 0);
    m_method = new QComboBox(m_verification);
    m_method->setObjectName(QStringLiteral("staffChangeMethod"));
    m_method->setAccessibleName(tr("Identity checked with"));
    VerificationMethods::fill(m_method);
    m_document = new QLineEdit(m_verification);
    m_document->setObjectName(QStringLiteral("staffChangeDocument"));
    m_document->setMaxLength(kMaxDocumentLength);
    m_document->setAccessibleName(tr("Document reference"));
    m_documentHint = new QLabel(m_verification);
    m_documentHint->setProperty("role", QStringLiteral("muted"));
    m_documentHint->setWordWrap(true);
    verification->addRow(tr("Identity checked with"), m_method);
    verification->addRow(tr("Document reference"), m_document);
    verification->addRow(QString(), m_documentHint);

    auto* buttons = new QHBoxLayout();
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(QStringLiteral("staffChangeConfirm"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("staffChangeCancel"));
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    buttons->addStretch();

    layout->addWidget(m_title);
    layout->addWidget(m_consequence);
    layout->addWidget(m_reason);
    layout->addWidget(m_verification);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_reason, &ChangeReason::changed, this, &StaffChangePanel::validate);
    connect(m_document, &QLineEdit::textChanged, this, &StaffChangePanel::validate);
    connect(m_reason, &ChangeReason::submitted, this, &StaffChangePanel::submit);
    connect(m_confirm, &QPushButton::clicked, this, &StaffChangePanel::submit);
    connect(cancel, &QPushButton::clicked, this, &StaffChangePanel::cancelled);
}

QString StaffChangePanel::actionName(Action action)
{
    switch (action) {
    case Action::Disable: return QStringLiteral("disable");
    case Action::Enable: return QStringLiteral("enable");
    case Action::Retire: return QStringLiteral("retire");
    case Action::Unlock: return QStringLiteral("unlock");
    case Action::ResetPassword: return QStringLiteral("password-reset");
    }
    return QString();
}

void StaffChangePanel::ask(Action action, const QJsonObject& person)
{
    m_action = action;
    m_person = person;
    const QString who = tr("%1 (%2)").arg(person.value(QStringLiteral("name")).toString(),
                                         person.value(QStringLiteral("userId")).toString());
    QString title;
    QString consequence;
    StatusTone tone = StatusTone::Warning;
    IconName icon = IconName::Warning;
    switch (action) {
    case Action::Disable:
        title = tr("Disable %1").arg(who);
        consequence = tr("Every terminal refuses this person's card and password after its next sync, and their "
                         "signing certificates are revoked. The account, its history and its cards stay; it can be "
                         "enabled again.");
        m_confirm->setText(tr("Disable"));
        break;
    case Action::Enable:
        title = tr("Enable %1").arg(who);
        consequence = tr("The person can log in again with their card and password (a new signing key is made at "
                         "their next login).");
        tone = StatusTone::Info;
        icon = IconName::Info;
        m_confirm->setText(tr("Enable"));
        break;
    case Action::Retire:
        title = tr("Retire %1 (final)").arg(who);
        consequence = tr("Final: the ID is closed for good and never reused; login is refused everywhere, signing "
                         "certificates are revoked, and the ID cannot be enabled again. Collect the IC card.");
        tone = StatusTone::Danger;
        icon = IconName::Delete;
        m_confirm->setText(tr("Retire for good"));
        break;
    case Action::Unlock:
        title = tr("Unlock %1").arg(who);
        consequence = tr("The lockout after failed passwords ends and the failure count starts again. The password "
                         "stays the same; reset it too if the person has forgotten it.");
        tone = StatusTone::Info;
        icon = IconName::Lock;
        m_confirm->setText(tr("Unlock"));
        break;
    case Action::ResetPassword:
        title = tr("Reset the password of %1").arg(who);
        consequence = tr("The current password stops working now. A new temporary password is printed as a sealed "
                         "letter at this desk (it is never shown on screen); the person must choose their own at "
                         "the first login. Signing certificates are revoked.");
        icon = IconName::Password;
        m_confirm->setText(tr("Reset and print the letter"));
        break;
    }
    m_title->setStatus(tone, icon, title);
    m_consequence->setText(consequence);
    ThemeProperty::setRole(m_confirm, tone == StatusTone::Danger || tone == StatusTone::Warning ? QStringLiteral("danger")
                                                                                                 : QStringLiteral("primary"));
    m_verification->setVisible(action == Action::ResetPassword);
    m_document->clear();
    m_reason->restart();
    validate();
}

void StaffChangePanel::validate()
{
    const bool reasonOk = m_reason->isGiven();
    bool documentOk = true;
    if (m_action == Action::ResetPassword) {
        documentOk = !m_document->text().trimmed().isEmpty();
        m_documentHint->setText(documentOk ? QString()
                                           : tr("Enter the number of the document you checked (e.g. the licence "
                                                "number), so the check can be traced."));
        ThemeProperty::setInvalid(m_document, !documentOk);
    }
    m_confirm->setEnabled(reasonOk && documentOk);
}

void StaffChangePanel::submit()
{
    if (!m_confirm->isEnabled())
        return;
    emit confirmed(m_action, m_person, m_reason->text(),
                   m_action == Action::ResetPassword ? m_method->currentData().toString() : QString(),
                   m_action == Action::ResetPassword ? m_document->text().trimmed() : QString());
}

} // namespace ward
