#include "ui/reception/ChangeReason.h"

#include "ui/reception/ReceptionSetup.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace ward {

ChangeReason::ChangeReason(const QString& prefix, QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(prefix + QStringLiteral("Reason"));
    m_edit->setMaxLength(kMaxChangeReasonLength);
    m_edit->setAccessibleName(tr("Reason (required)"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(prefix + QStringLiteral("ReasonHint"));
    m_hint->setProperty("role", QStringLiteral("muted"));
    m_hint->setWordWrap(true);
    form->addRow(tr("Reason"), m_edit);
    form->addRow(QString(), m_hint);
    showHint();
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        showHint();
        emit changed(isGiven());
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &ChangeReason::submitted);
}

QString ChangeReason::text() const
{
    return m_edit->text().trimmed();
}

void ChangeReason::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void ChangeReason::restart()
{
    m_edit->clear();
    showHint();
    m_edit->setFocus();
}

void ChangeReason::showHint()
{
    m_hint->setText(isGiven() ? tr("Recorded in the hub's audit with your name and this terminal.")
                              : tr("Write why, in a few words (required, at most %1 characters).").arg(kMaxChangeReasonLength));
}

} // namespace ward
