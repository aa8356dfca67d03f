#include "ui/it/WipeDialog.h"

#include "ui/it/WipeHandler.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

WipeDialog::WipeDialog(WipeHandler& handler, QWidget* parent) : QDialog(parent), m_handler(handler)
{
    setWindowTitle(tr("Wipe this terminal"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Wiping destroys this terminal's encrypted vault and key slots, writes a disposal record "
                                "and sends it to the hub. The terminal is then no longer enrolled."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_progress = new QLabel(tr("Sending unsent records and audit entries to the hub…"), this);
    m_progress->setObjectName(QStringLiteral("wipeProgress"));
    m_progress->setWordWrap(true);
    layout->addWidget(m_progress);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("unsentSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_confirmLoss = new QCheckBox(tr("I confirm that what has not reached the hub is lost with the wipe"), this);
    m_confirmLoss->setObjectName(QStringLiteral("confirmLossCheck"));
    m_confirmLoss->setVisible(false);
    layout->addWidget(m_confirmLoss);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("lossReasonEdit"));
    m_reason->setPlaceholderText(tr("Reason for the wipe, kept in the disposal record (required when unsent data is lost)"));
    m_reason->setMaximumHeight(80);
    layout->addWidget(m_reason);
    auto* form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("wipePasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setEnabled(false);
    form->addRow(tr("Your password:"), m_password);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("wipeMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_wipe = buttons->addButton(tr("Wipe the terminal"), QDialogButtonBox::DestructiveRole);
    m_wipe->setObjectName(QStringLiteral("confirmWipeButton"));
    m_wipe->setEnabled(false);
    // Enter in the password field is the wipe button (when it is enabled), never Cancel.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_wipe->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_wipe, &QPushButton::clicked, this, &WipeDialog::confirm);
    connect(m_password, &QLineEdit::textChanged, this, &WipeDialog::updateButton);
    connect(m_confirmLoss, &QCheckBox::toggled, this, &WipeDialog::updateButton);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &WipeDialog::updateButton);

    QPointer<WipeDialog> self(this);
    m_handler.sendUnsent([self](const TerminalDisposal::Unsent& left, const QString& hubError) {
        if (self)
            self->sent(left, hubError);
    });
}

void WipeDialog::sent(const TerminalDisposal::Unsent& left, const QString& hubError)
{
    m_unsent = left;
    m_ready = true;
    if (!left.any()) {
        m_progress->setText(tr("Everything this terminal held for the hub has been sent."));
    } else {
        m_progress->setText(hubError.isEmpty() ? tr("Not everything could be sent to the hub.")
                                               : tr("Not everything could be sent to the hub: %1").arg(hubError));
        m_summary->setText(TerminalDisposal::refusal(left, false, QString()));
        m_confirmLoss->setVisible(true);
    }
    m_password->setEnabled(true);
    m_password->setFocus();
    updateButton();
}

void WipeDialog::updateButton()
{
    const bool lossSettled = TerminalDisposal::refusal(m_unsent, m_confirmLoss->isChecked(), m_reason->toPlainText()).isEmpty();
    m_wipe->setEnabled(m_ready && !m_checking && lossSettled && !m_password->text().isEmpty());
}

void WipeDialog::confirm()
{
    if (!m_wipe->isEnabled())
        return;
    m_checking = true;
    updateButton();
    m_message->setText(tr("Checking your password…"));
    SecureBytes password = SecureBytes::fromUtf8(m_password->text());
    m_password->clear();
    QPointer<WipeDialog> self(this);
    m_handler.verifyPassword(password, [self](bool ok, const QString& message) {
        if (!self)
            return;
        self->m_checking = false;
        if (!ok) {
            self->m_message->setText(message);
            self->updateButton();
            return;
        }
        const QString reason = self->m_reason->toPlainText().trimmed();
        const TerminalDisposal::Unsent lost = self->m_unsent;
        WipeHandler& handler = self->m_handler;
        self->accept();
        handler.wipe(reason, lost);
    });
}

} // namespace ward
