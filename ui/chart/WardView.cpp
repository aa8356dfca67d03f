#include "ui/chart/WardView.h"

#include "ui/theme/ThemeItem.h"

#include "records/ChartService.h"
#include "util/Clock.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

namespace {

QString sexLabel(const QString& sex)
{
    if (sex == QLatin1String("M"))
        return WardView::tr("M");
    if (sex == QLatin1String("F"))
        return WardView::tr("F");
    return WardView::tr("–");
}

} // namespace

WardView::WardView(ChartService& service, QWidget* parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("wardView"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("wardTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("census"));
    m_table->setHorizontalHeaderLabels({tr("Bed"), tr("Patient"), tr("Age / sex"), tr("Alerts")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(48);  // touch target
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Ward census"));
    ThemeItem::follow(m_table);
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        const QString id = patientIdAt(row);
        if (!id.isEmpty())
            emit patientActivated(id);
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QString id = patientIdAt(row);
        if (!id.isEmpty())
            emit patientActivated(id);
    });
}

void WardView::showCensus(ChartService::CensusReader reader)
{
    QList<Patient> all;
    for (const QString& ward : m_service.user().compartments)
        all += m_service.census(ward, reader);
    m_title->setText(tr("Ward census: %1").arg(m_service.user().compartments.join(QStringLiteral(", "))));
    fill(all, true);
}

void WardView::showSearchResults(const QString& query)
{
    const QList<Patient> found = m_service.search(query);
    m_title->setText(tr("Search results: %n patient(s)", nullptr, static_cast<int>(found.size())));
    fill(found, true);
}

void WardView::fill(const QList<Patient>& patients, bool withAlerts)
{
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(patients.size()));
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    for (int row = 0; row < patients.size(); ++row) {
        const Patient& p = patients.at(row);
        auto* bed = new QTableWidgetItem(QStringLiteral("%1 %2").arg(p.ward, p.bed));
        bed->setData(Qt::UserRole, p.patientId);
        auto* name = new QTableWidgetItem(QStringLiteral("%1（%2）  %3").arg(p.name, p.kana, p.patientId));
        auto* age = new QTableWidgetItem(tr("%1 y / %2").arg(p.ageOn(today)).arg(sexLabel(p.sex)));
        QString alertText;
        if (withAlerts) {
            const QStringList allergies = m_service.allergyAlerts(p.patientId);
            if (!allergies.isEmpty())
                alertText = tr("Allergy: %1").arg(allergies.join(QStringLiteral(", ")));
        }
        auto* alert = new QTableWidgetItem(alertText.isEmpty() ? QString() : QStringLiteral("⚠ ") + alertText);
        if (!alertText.isEmpty()) {
            // 注意事項: the census is where a night nurse sees a patient's allergies before walking in.
            ThemeItem::setEmphasis(alert, ColorRole::DangerText);
        }
        m_table->setItem(row, 0, bed);
        m_table->setItem(row, 1, name);
        m_table->setItem(row, 2, age);
        m_table->setItem(row, 3, alert);
    }
    if (!patients.isEmpty())
        m_table->selectRow(0);
}

int WardView::rowCount() const
{
    return m_table->rowCount();
}

QString WardView::patientIdAt(int row) const
{
    const QTableWidgetItem* item = m_table->item(row, 0);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace ward
