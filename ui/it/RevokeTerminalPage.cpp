#include "ui/it/RevokeTerminalPage.h"

#include "ui/reception/ChangeReason.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QHBoxLayout>
#include <QLabel>
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
    m_reason = new ChangeReason(QStringLiteral("revokeTerminal"), this);
    m_reason->setPlaceholderText(tr("e.g. \"reported stolen\", \"disposed of\", \"replaced by a new PC\""));
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
    layout->addWidget(m_reason);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_reason, &ChangeReason::changed, this, &RevokeTerminalPage::validate);
    connect(m_reason, &ChangeReason::submitted, this, &RevokeTerminalPage::submit);
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
    m_reason->restart();
    setBusy(false);
}

void RevokeTerminalPage::setBusy(bool busy)
{
    m_busy = busy;
    validate();
}

QLineEdit* RevokeTerminalPage::reason() const
{
    return m_reason->edit();
}

void RevokeTerminalPage::validate()
{
    m_confirm->setEnabled(m_reason->isGiven() && !m_busy);
}

void RevokeTerminalPage::submit()
{
    if (m_confirm->isEnabled())
        emit confirmed(m_terminal.value(QStringLiteral("terminalId")).toString(), m_reason->text());
}

} // namespace ward
