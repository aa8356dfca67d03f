#include "ui/chart/ApprovalList.h"

#include "records/ChartService.h"
#include "records/StaffDirectory.h"
#include "ui/chart/RecordPresenter.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

ApprovalList::ApprovalList(ChartService& service, const StaffDirectory* staff, QWidget* parent)
    : QWidget(parent), m_service(service), m_staff(staff)
{
    setObjectName(QStringLiteral("approvalList"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("approvalTable"));
    m_table->setHorizontalHeaderLabels({tr("Entered"), tr("Patient"), tr("Type"), tr("Entered by"), tr("Summary")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(44);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Entries awaiting your approval"));
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    auto open = [this](int row, int) {
        const QTableWidgetItem* it = m_table->item(row, 0);
        if (it)
            emit openRequested(it->data(Qt::UserRole + 1).toString(), it->data(Qt::UserRole).toString());
    };
    connect(m_table, &QTableWidget::cellActivated, this, open);
    connect(m_table, &QTableWidget::cellClicked, this, open);
}

void ApprovalList::refresh()
{
    const auto pending = m_service.pendingApprovals();
    m_title->setText(tr("Proxy entries awaiting your approval: %1").arg(pending.size()));
    m_table->setRowCount(static_cast<int>(pending.size()));
    for (int i = 0; i < pending.size(); ++i) {
        const RecordVersion& r = pending.at(i);
        auto* when = new QTableWidgetItem(RecordPresenter::dateTime(r.createdAt));
        when->setData(Qt::UserRole, r.recordId);
        when->setData(Qt::UserRole + 1, r.patientId);
        m_table->setItem(i, 0, when);
        // Who the entry is for and who entered it, by name (issue 9): the doctor signs for a person, not an ID.
        const QString name = m_service.patientName(r.patientId);
        m_table->setItem(i, 1, new QTableWidgetItem(name.isEmpty() ? r.patientId : tr("%1 (%2)").arg(name, r.patientId)));
        m_table->setItem(i, 2, new QTableWidgetItem(ChartService::typeLabel(r.type)));
        m_table->setItem(i, 3, new QTableWidgetItem(m_staff ? m_staff->label(r.proxyAuthor) : r.proxyAuthor));
        m_table->setItem(i, 4, new QTableWidgetItem(RecordPresenter::summary(r)));
    }
}

int ApprovalList::count() const
{
    return m_table->rowCount();
}

} // namespace ward
