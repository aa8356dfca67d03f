#include "ui/it/DisposalRecordsPage.h"

#include "ui/theme/StatusBadge.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

DisposalRecordsPage::DisposalRecordsPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("disposalRecordsPage"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("disposalRecordsTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_message = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_message->setObjectName(QStringLiteral("disposalRecordsMessage"));
    m_message->hide();
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("disposalRecordsTable"));
    m_table->setHorizontalHeaderLabels({tr("Wiped at"), tr("Terminal"), tr("IT staff"), tr("Reason"), tr("Unsent records lost"),
                                        tr("Audit entries lost"), tr("Loss")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Disposal records"));
    m_back = new QPushButton(tr("Back to the terminals"), this);
    m_back->setObjectName(QStringLiteral("disposalRecordsBack"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_back);
    buttons->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, &DisposalRecordsPage::closed);
}

void DisposalRecordsPage::loading(const QString& terminalName)
{
    m_title->setText(terminalName.isEmpty() ? tr("Disposal records of every terminal")
                                            : tr("Disposal records of terminal \"%1\"").arg(terminalName));
    m_table->setRowCount(0);
    m_message->setStatus(StatusTone::Info, IconName::Refresh, tr("Reading the disposal records from the hub…"));
    m_message->show();
}

void DisposalRecordsPage::showRecords(const QJsonArray& disposals, const QJsonArray& terminals)
{
    QHash<QString, QString> names;
    for (const QJsonValue& t : terminals)
        names.insert(t.toObject().value(QStringLiteral("terminalId")).toString(), t.toObject().value(QStringLiteral("name")).toString());
    m_table->clearContents();
    m_table->setRowCount(int(disposals.size()));
    for (int row = 0; row < disposals.size(); ++row) {
        const QJsonObject d = disposals.at(row).toObject();
        auto set = [&](int column, const QString& text) { m_table->setItem(row, column, new QTableWidgetItem(text)); };
        const QDateTime at = QDateTime::fromString(d.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        set(Time, at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("?"));
        const QString terminal = d.value(QStringLiteral("terminal")).toString();
        const QString terminalName = names.value(terminal);
        set(Terminal, terminalName.isEmpty() ? terminal : QStringLiteral("%1 (%2)").arg(terminalName, terminal));
        const QString operatorId = d.value(QStringLiteral("operator")).toString();
        const QString operatorName = d.value(QStringLiteral("operatorName")).toString();
        // An id the hub's directory does not know (anymore) is shown as the terminal reported it.
        set(Operator, operatorName.isEmpty() ? tr("%1 (not in the directory)").arg(operatorId)
                                             : QStringLiteral("%1 (%2)").arg(operatorName, operatorId));
        const QString reason = d.value(QStringLiteral("reason")).toString();
        set(Reason, reason.trimmed().isEmpty() ? tr("none given") : reason);
        const qint64 records = d.value(QStringLiteral("lostRecords")).toInteger();
        const qint64 audit = d.value(QStringLiteral("lostAudit")).toInteger();
        set(LostRecords, QLocale().toString(records));
        set(LostAudit, QLocale().toString(audit));
        // The hub stores a loss only with the IT person's reason: a record that lost something had its loss confirmed.
        set(Loss, records + audit > 0 ? tr("Loss confirmed by IT with a reason") : tr("Nothing lost: all was sent first"));
    }
    m_table->resizeColumnsToContents();
    if (disposals.isEmpty()) {
        m_message->setStatus(StatusTone::Info, IconName::Info, tr("The hub holds no disposal record here."));
        m_message->show();
    } else {
        m_message->hide();
    }
}

void DisposalRecordsPage::showFailure(const QString& message)
{
    m_message->setStatus(StatusTone::Danger, IconName::Error, message);
    m_message->show();
}

} // namespace ward
