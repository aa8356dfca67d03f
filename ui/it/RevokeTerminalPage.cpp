#include "ui/it/RevokeTerminalPage.h"

#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

RevokeTerminalPage::RevokeTerminalPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("revokeTerminalPage"));
    auto* layout = new QVBoxLayout(this);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_title->setObjectName(QStringLiteral("revokeTerminalTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_consequence = new QLabel(this);
    m_consequence->setObjectName(QStringLiteral("revokeTerminalConsequence"));
    m_consequence->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("revokeTerminalReason"));
    m_reason->setMaxLength(kMaxChangeReasonLength);
    m_reason->setAccessibleName(tr("Reason (required)"));
    m_reason->setPlaceholderText(tr("e.g. \"reported stolen\", \"disposed of\", \"replaced by a new PC\""));
    m_reasonHint = new QLabel(this);
    m_reasonHint->setObjectName(QStringLiteral("revokeTerminalReasonHint"));
    m_reasonHint->setProperty("role", QStringLiteral("muted"));
    m_reasonHint->setWordWrap(true);
    auto* form = new QFormLayout();
    form->addRow(tr("Reason"), m_reason);
    form->addRow(QString(), m_reasonHint);
    m_confirm = new QPushButton(tr("Revoke the terminal"), this);
    m_confirm->setObjectName(QStringLiteral("revokeTerminalConfirm"));
    ThemeProperty::setRole(m_confirm, QStringLiteral("danger"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("revokeTerminalCancel"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    buttons->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_consequence);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_reason, &QLineEdit::textChanged, this, &RevokeTerminalPage::validate);
    connect(m_reason, &QLineEdit::returnPressed, this, &RevokeTerminalPage::submit);
    connect(m_confirm, &QPushButton::clicked, this, &RevokeTerminalPage::submit);
    connect(cancel, &QPushButton::clicked, this, &RevokeTerminalPage::cancelled);
}

void RevokeTerminalPage::ask(const QJsonObject& terminal, bool isThisTerminal)
{
    m_terminal = terminal;
    const QString name = terminal.value(QStringLiteral("name")).toString();
    const QString ward = terminal.value(QStringLiteral("ward")).toString();
    m_title->setStatus(StatusTone::Danger, IconName::Delete, tr("Revoke terminal \"%1\" (ward %2)").arg(name, ward));
    QString consequence = tr("The hub refuses this terminal from its next request: it can no longer log anyone in online, "
                             "sync records or fetch its vault's network key, which is never released again. Records it "
                             "has not sent stay on it. To use the PC again, enrol it anew with a fresh code. This cannot "
                             "be undone.");
    if (isThisTerminal)
        consequence += QStringLiteral("\n\n") + tr("This is the terminal you are using: your session here loses the hub at once.");
    m_consequence->setText(consequence);
    m_reason->clear();
    setBusy(false);
    m_reason->setFocus();
}

void RevokeTerminalPage::setBusy(bool busy)
{
    m_busy = busy;
    validate();
}

void RevokeTerminalPage::validate()
{
    const bool given = !m_reason->text().trimmed().isEmpty();
    m_reasonHint->setText(given ? tr("Recorded in the hub's audit with your name and this terminal.")
                                : tr("Write why, in a few words (required, at most %1 characters).").arg(kMaxChangeReasonLength));
    m_confirm->setEnabled(given && !m_busy);
}

void RevokeTerminalPage::submit()
{
    if (m_confirm->isEnabled())
        emit confirmed(m_terminal.value(QStringLiteral("terminalId")).toString(), m_reason->text().trimmed());
}

} // namespace ward
