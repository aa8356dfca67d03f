#include "ui/chart/BreakGlassPanel.h"

#include "ui/theme/StatusBadge.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

BreakGlassPanel::BreakGlassPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("breakGlassPanel"));
    auto* layout = new QVBoxLayout(this);
    // Opening another ward's chart is an exception that is audited: a danger banner, not a plain title.
    auto* title = new StatusBadge(StatusBadge::Shape::Banner, this);
    title->setObjectName(QStringLiteral("breakGlassTitle"));
    title->setProperty("textStyle", QStringLiteral("title"));
    title->setStatus(StatusTone::Danger, IconName::BreakGlass, tr("Patient outside your wards"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("breakGlassReason"));
    m_reason->setPlaceholderText(tr("Reason for opening this chart (required)"));
    m_reason->setAccessibleName(tr("Reason for opening this chart (required)"));
    m_open = new QPushButton(tr("Open with this reason"), this);
    m_open->setObjectName(QStringLiteral("breakGlassOpen"));
    m_open->setProperty("role", QStringLiteral("danger"));
    m_open->setEnabled(false);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("breakGlassCancel"));
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_reason);
    layout->addWidget(m_open);
    layout->addWidget(cancel);
    layout->addStretch();
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& t) { m_open->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_reason, &QLineEdit::returnPressed, this, &BreakGlassPanel::submit);
    connect(m_open, &QPushButton::clicked, this, &BreakGlassPanel::submit);
    connect(cancel, &QPushButton::clicked, this, &BreakGlassPanel::cancelled);
}

void BreakGlassPanel::ask(const QString& patientId, const QString& message)
{
    m_patientId = patientId;
    m_message->setText(message + QLatin1Char('\n')
                       + tr("The access and your reason are recorded and reviewed by the auditors."));
    m_reason->clear();
    m_reason->setVisible(true);
    m_open->setVisible(true);
    m_reason->setFocus();
}

void BreakGlassPanel::showRefusal(const QString& message)
{
    m_patientId.clear();
    m_message->setText(message);
    m_reason->setVisible(false);
    m_open->setVisible(false);
}

void BreakGlassPanel::submit()
{
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty() || m_patientId.isEmpty())
        return;
    emit reasonGiven(m_patientId, reason);
}

} // namespace ward
