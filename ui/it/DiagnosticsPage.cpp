#include "ui/it/DiagnosticsPage.h"

#include "ui/it/WipeDialog.h"
#include "ui/theme/ThemeIcon.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

namespace {

IconName iconFor(DiagnosticReport::Level level)
{
    switch (level) {
    case DiagnosticReport::Level::Ok: return IconName::Ok;
    case DiagnosticReport::Level::Warning: return IconName::Warning;
    case DiagnosticReport::Level::Problem: return IconName::Error;
    case DiagnosticReport::Level::Unavailable: break;
    }
    return IconName::Info;
}

} // namespace

DiagnosticsPage::DiagnosticsPage(TerminalDiagnostics& diagnostics, std::function<TerminalDiagnostics::Setup()> setup,
                                 WipeHandler* wipe, QWidget* parent)
    : QWidget(parent), m_diagnostics(diagnostics), m_setup(std::move(setup)), m_wipe(wipe)
{
    setObjectName(QStringLiteral("diagnosticsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Terminal diagnostics"), this);
    title->setProperty("role", QStringLiteral("heading"));
    layout->addWidget(title);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("diagnosticsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("diagnosticsTable"));
    m_table->setHorizontalHeaderLabels({tr("Check"), tr("Status"), tr("Result")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Check again"), this);
    m_refresh->setObjectName(QStringLiteral("refreshDiagnosticsButton"));
    m_copy = new QPushButton(tr("Copy report"), this);
    m_copy->setObjectName(QStringLiteral("copyReportButton"));
    m_copy->setToolTip(tr("Copies the checks for a support ticket; the report holds no patient data"));
    m_copy->setEnabled(false);
    m_wipeButton = new QPushButton(ThemeIcon::icon(IconName::Delete), tr("Wipe this terminal…"), this);
    m_wipeButton->setObjectName(QStringLiteral("wipeTerminalButton"));
    m_wipeButton->setVisible(m_wipe != nullptr);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    buttons->addWidget(m_wipeButton);
    layout->addLayout(buttons);
    connect(m_refresh, &QPushButton::clicked, this, &DiagnosticsPage::refresh);
    connect(m_copy, &QPushButton::clicked, this, &DiagnosticsPage::copyReport);
    connect(m_wipeButton, &QPushButton::clicked, this, &DiagnosticsPage::openWipe);
    connect(&m_diagnostics, &TerminalDiagnostics::finished, this, &DiagnosticsPage::showReport);
    refresh();
}

void DiagnosticsPage::refresh()
{
    m_refresh->setEnabled(false);
    m_status->setText(tr("Checking the terminal…"));
    m_diagnostics.run(m_setup());
}

void DiagnosticsPage::showReport(const DiagnosticReport& report)
{
    m_report = report;
    m_hasReport = true;
    m_table->setRowCount(0);
    for (const DiagnosticReport::Check& c : report.checks) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(c.title));
        auto* level = new QTableWidgetItem(ThemeIcon::icon(iconFor(c.level)), DiagnosticReport::levelText(c.level));
        level->setData(Qt::UserRole, c.id);
        m_table->setItem(row, 1, level);
        m_table->setItem(row, 2, new QTableWidgetItem(c.value));
    }
    m_table->resizeRowsToContents();
    m_status->setText(report.hasProblems() ? tr("Checked at %1 UTC: some checks found problems.")
                                                 .arg(report.generatedAt.toString(QStringLiteral("HH:mm:ss")))
                                           : tr("Checked at %1 UTC.").arg(report.generatedAt.toString(QStringLiteral("HH:mm:ss"))));
    m_refresh->setEnabled(true);
    m_copy->setEnabled(true);
    emit reportReady();
}

void DiagnosticsPage::copyReport()
{
    if (!m_hasReport)
        return;
    QApplication::clipboard()->setText(m_report.toText());
    m_status->setText(tr("The report was copied; paste it into the support ticket."));
}

void DiagnosticsPage::openWipe()
{
    if (!m_wipe)
        return;
    auto* dialog = new WipeDialog(*m_wipe, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("wipeDialog"));
    dialog->open();
}

} // namespace ward
