#include "ui/chart/WardView.h"

#include "ui/theme/ThemeItem.h"

#include "records/ChartService.h"
#include "ui/TouchTargets.h"
#include "ui/chart/AlertBadges.h"
#include "ui/chart/RecordPresenter.h"
#include "util/Clock.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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

constexpr int kTimeRole = Qt::UserRole + 1;

// Two lines: temperature, pulse and blood pressure, then SpO2, respiration and the time of the measurement.
QString censusVitals(const VitalSigns& v, const QDateTime& at)
{
    VitalSigns first, second;
    first.temperature = v.temperature;
    first.pulse = v.pulse;
    first.systolic = v.systolic;
    first.diastolic = v.diastolic;
    second.spo2 = v.spo2;
    second.respRate = v.respRate;
    const QString rest = RecordPresenter::vitalsSummary(second);
    return WardView::tr("%1\n%2 (%3)").arg(RecordPresenter::vitalsSummary(first), rest, RecordPresenter::timeOfDay(at)).trimmed();
}

} // namespace

WardView::WardView(ChartService& service, QWidget* parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("wardView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("wardTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_table = new QTableWidget(0, ColCount, this);
    m_table->setObjectName(QStringLiteral("census"));
    m_table->setAccessibleName(tr("Ward census"));
    m_table->setHorizontalHeaderLabels(
        {tr("Bed"), tr("Patient"), tr("Age / sex"), tr("Alerts"), tr("Latest vital signs"), tr("Last nursing note")});
    // The patient column takes what is left; every other column is as wide as its content, so the bed number
    // never competes with the name (issue 11).
    QHeaderView* header = m_table->horizontalHeader();
    for (int c = 0; c < ColCount; ++c)
        header->setSectionResizeMode(c, c == ColPatient  ? QHeaderView::Stretch
                                        : c == ColAlerts ? QHeaderView::Fixed
                                                         : QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);  // Tab leaves the table; arrows move between patients
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
    m_elapsedTimer.setInterval(60 * 1000);
    connect(&m_elapsedTimer, &QTimer::timeout, this, &WardView::updateElapsed);
    m_elapsedTimer.start();
}

void WardView::showCensus(ChartService::CensusReader reader)
{
    QList<Patient> all;
    for (const QString& ward : m_service.user().compartments)
        all += m_service.census(ward, reader);
    QStringList wards;
    for (const QString& ward : m_service.user().compartments)
        wards << m_service.policy().compartmentName(ward);
    m_title->setText(tr("Ward census: %1").arg(wards.join(tr(", "))));
    fill(all);
}

void WardView::showSearchResults(const QString& query)
{
    const QList<Patient> found = m_service.search(query);
    m_title->setText(tr("Search results: %n patient(s)", nullptr, static_cast<int>(found.size())));
    fill(found);
}

void WardView::fill(const QList<Patient>& patients)
{
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(patients.size()));
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    for (int row = 0; row < patients.size(); ++row) {
        const Patient& p = patients.at(row);
        auto* bed = new QTableWidgetItem(QStringLiteral("%1 %2").arg(p.ward, p.bed).trimmed());
        bed->setData(Qt::UserRole, p.patientId);
        bed->setData(Qt::AccessibleTextRole, tr("Bed %1").arg(p.bed));
        // Two lines, so the name is never cut short at 1280 px: name and kana, then the patient ID.
        auto* name = new QTableWidgetItem(tr("%1（%2）\n%3").arg(p.name, p.kana, p.patientId));
        auto* age = new QTableWidgetItem(tr("%1 y / %2").arg(p.ageOn(today)).arg(sexLabel(p.sex)));
        // Summaries only for the user's own wards: a search hit elsewhere shows identity only until the chart is
        // opened with a reason (AC-3).
        const PatientSummary summary = m_service.summary(p.patientId);
        const QList<AlertBadges::Alert> alerts = AlertBadges::fromSummary(summary);
        auto* alertItem = new QTableWidgetItem();
        QStringList words;
        for (const AlertBadges::Alert& a : alerts)
            words << AlertBadges::word(a.kind);
        alertItem->setData(Qt::AccessibleTextRole, words.isEmpty() ? tr("No alerts") : words.join(tr(", ")));
        auto* vitals = new QTableWidgetItem(summary.latestVitals ? censusVitals(*summary.latestVitals, summary.latestVitalsAt)
                                                                 : QString());
        auto* lastNote = new QTableWidgetItem();
        lastNote->setData(kTimeRole, summary.lastNursingNoteAt);
        m_table->setItem(row, ColBed, bed);
        m_table->setItem(row, ColPatient, name);
        m_table->setItem(row, ColAgeSex, age);
        m_table->setItem(row, ColAlerts, alertItem);
        m_table->setItem(row, ColVitals, vitals);
        m_table->setItem(row, ColLastNote, lastNote);
        if (!alerts.isEmpty()) {
            auto* badges = new AlertBadges(AlertBadges::Mode::Compact, m_table);
            badges->setAlerts(alerts);
            badges->ensurePolished();  // the stylesheet's padding counts when the column is sized
            m_table->setCellWidget(row, ColAlerts, badges);
        }
    }
    updateElapsed();
    // Two lines per row (patient and vitals cells) at the current type size, and never below a touch target.
    m_table->ensurePolished();
    m_table->verticalHeader()->setDefaultSectionSize(
        std::max({48, TouchTargets::minimumPixels(this), 2 * m_table->fontMetrics().lineSpacing() + 14}));
    m_table->resizeColumnsToContents();
    // The alert badges are widgets in their cells: the column is as wide as the widest row of badges.
    const QString alertsTitle = m_table->horizontalHeaderItem(ColAlerts)->text();
    int alertsWidth = m_table->horizontalHeader()->fontMetrics().horizontalAdvance(alertsTitle) + 24;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (const AlertBadges* badges = alertsAt(row))
            alertsWidth = std::max(alertsWidth, badges->sizeHint().width() + 24);  // the cell's own margins
    m_table->horizontalHeader()->resizeSection(ColAlerts, alertsWidth);
    if (!patients.isEmpty())
        m_table->selectRow(0);
}

void WardView::updateElapsed()
{
    const QDateTime now = Clock::instance().nowUtc();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* item = m_table->item(row, ColLastNote);
        if (!item)
            continue;
        const QDateTime at = item->data(kTimeRole).toDateTime();
        item->setText(at.isValid() ? RecordPresenter::elapsed(at, now) : tr("none"));
    }
}

int WardView::rowCount() const
{
    return m_table->rowCount();
}

QString WardView::patientIdAt(int row) const
{
    const QTableWidgetItem* item = m_table->item(row, ColBed);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

AlertBadges* WardView::alertsAt(int row) const
{
    return qobject_cast<AlertBadges*>(m_table->cellWidget(row, ColAlerts));
}

} // namespace ward
