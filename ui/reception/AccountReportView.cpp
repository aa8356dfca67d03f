#include "ui/reception/AccountReportView.h"

#include "ui/theme/TypeScale.h"

#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeItem.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextDocument>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

AccountReportView::AccountReportView(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("accountReportView"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_kind->setAccessibleName(tr("Report"));
    m_kind->addItem(tr("Locked accounts"), QStringLiteral("locked"));
    m_kind->addItem(tr("Passwords near or past expiry"), QStringLiteral("password-expiry"));
    m_kind->addItem(tr("IDs unused for some days"), QStringLiteral("unused"));
    m_kind->addItem(tr("Privileged accounts"), QStringLiteral("privileged"));
    m_kind->addItem(tr("Temporary passwords never used"), QStringLiteral("temporary-expired"));
    m_kind->addItem(tr("IC cards not collected"), QStringLiteral("cards-uncollected"));
    auto* daysLabel = new QLabel(tr("Days unused"), this);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("reportDays"));
    m_days->setAccessibleName(tr("Days unused"));
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    auto* run = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Show"), this);
    run->setObjectName(QStringLiteral("reportRun"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_print = new QPushButton(ThemeIcon::icon(IconName::Print), tr("Print"), this);
    m_print->setObjectName(QStringLiteral("reportPrint"));
    bar->addWidget(m_kind, 1);
    bar->addWidget(daysLabel);
    bar->addWidget(m_days);
    bar->addWidget(run);
    bar->addWidget(m_export);
    bar->addWidget(m_print);
    layout->addLayout(bar);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("reportOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setAccessibleName(tr("Report rows"));
    m_table->setHorizontalHeaderLabels({tr("Staff ID"), tr("Since"), tr("Days"), tr("Privileged"), tr("Detail")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    ThemeItem::follow(m_table);
    layout->addWidget(m_table, 1);
    const auto daysVisible = [this, daysLabel] {
        const bool unused = m_kind->currentData().toString() == QLatin1String("unused");
        daysLabel->setVisible(unused);
        m_days->setVisible(unused);
    };
    daysVisible();
    connect(m_kind, &QComboBox::currentIndexChanged, this, daysVisible);
    connect(run, &QPushButton::clicked, this, qOverload<>(&AccountReportView::run));
    connect(m_export, &QPushButton::clicked, this, &AccountReportView::chooseCsvFile);
    connect(m_print, &QPushButton::clicked, this, &AccountReportView::printNow);
    m_export->setEnabled(false);
    m_print->setEnabled(false);
}

void AccountReportView::run(const QString& kind, int days)
{
    const int index = m_kind->findData(kind);
    if (index >= 0)
        m_kind->setCurrentIndex(index);
    if (days > 0)
        m_days->setValue(days);
    run();
}

void AccountReportView::run()
{
    const QString kind = m_kind->currentData().toString();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("kind"), kind);
    if (kind == QLatin1String("unused"))
        query.addQueryItem(QStringLiteral("days"), QString::number(m_days->value()));
    m_setup.client->get(QStringLiteral("reports"), query, [this, kind](const HubReply& reply) {
        if (!reply.ok()) {
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_outcome->show();
            emit reportShown(-1);
            return;
        }
        showRows(kind, reply.json.value(QStringLiteral("rows")).toArray());
    });
}

void AccountReportView::showRows(const QString& kind, const QJsonArray& rows)
{
    const QLocale locale;
    m_table->setRowCount(0);
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject r = rows.at(row).toObject();
        const QString sinceText = r.value(kind == QLatin1String("password-expiry") ? QStringLiteral("expiresAt")
                                                                                   : QStringLiteral("since"))
                                      .toString();
        const QDateTime since = QDateTime::fromString(sinceText, Qt::ISODateWithMs);
        QString detail;
        if (kind == QLatin1String("password-expiry"))
            detail = r.value(QStringLiteral("expired")).toBool() ? tr("Expired") : tr("Expires soon");
        else if (kind == QLatin1String("locked"))
            detail = r.value(QStringLiteral("lockReason")).toString();
        const QStringList cells{r.value(QStringLiteral("userId")).toString(),
                                since.isValid() ? locale.toString(since.toLocalTime(), QLocale::ShortFormat) : tr("Never"),
                                r.contains(QStringLiteral("days")) ? QString::number(r.value(QStringLiteral("days")).toInt())
                                                                   : QString(),
                                r.value(QStringLiteral("privileged")).toBool() ? tr("Yes") : tr("No"), detail};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (r.value(QStringLiteral("expired")).toBool())
            ThemeItem::setEmphasis(m_table->item(row, DetailColumn), ColorRole::DangerText);
    }
    m_outcome->setStatus(rows.isEmpty() ? StatusTone::Ok : StatusTone::Info, rows.isEmpty() ? IconName::Ok : IconName::Info,
                         tr("%1: %n account(s).", nullptr, int(rows.size())).arg(title()));
    m_outcome->show();
    m_export->setEnabled(true);
    m_print->setEnabled(true);
    emit reportShown(int(rows.size()));
}

QString AccountReportView::title() const
{
    QString t = m_kind->currentText();
    if (m_kind->currentData().toString() == QLatin1String("unused"))
        t = tr("%1 (%2 days)").arg(t).arg(m_days->value());
    return t;
}

QString AccountReportView::csvField(const QString& text)
{
    QString v = text;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

bool AccountReportView::exportCsv(const QString& path, QString* error) const
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header << csvField(m_table->horizontalHeaderItem(column)->text());
    lines << header.join(QLatin1Char(','));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells << csvField(m_table->item(row, column) ? m_table->item(row, column)->text() : QString());
        lines << cells.join(QLatin1Char(','));
    }
    QSaveFile file(path);
    // UTF-8 with a byte-order mark: the spreadsheet programs used in Japanese hospitals read kanji correctly then.
    if (!file.open(QIODevice::WriteOnly) || file.write("\xEF\xBB\xBF") < 0
        || file.write((lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8()) < 0 || !file.commit()) {
        *error = tr("The CSV file could not be written (%1). Choose another folder.").arg(file.errorString());
        return false;
    }
    return true;
}

void AccountReportView::chooseCsvFile()
{
    auto* dialog = new QFileDialog(this, tr("Export report as CSV"), QString(), tr("CSV files (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        QString error;
        if (exportCsv(path, &error))
            m_outcome->setStatus(StatusTone::Ok, IconName::Saved, tr("Exported to %1.").arg(path));
        else
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, error);
    });
    dialog->open();
}

bool AccountReportView::print(QString* error)
{
    std::unique_ptr<QPrinter> printer = m_setup.printer ? m_setup.printer(title()) : nullptr;
    if (!printer || !printer->isValid()) {
        *error = tr("No printer is set up at this terminal. Export the report as CSV instead, or ask IT.");
        return false;
    }
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p><table border=\"1\" cellpadding=\"4\"><tr>")
                       .arg(title().toHtmlEscaped(),
                            QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat).toHtmlEscaped());
    for (int column = 0; column < ColumnCount; ++column)
        html += QStringLiteral("<th>%1</th>").arg(m_table->horizontalHeaderItem(column)->text().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_table->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < ColumnCount; ++column)
            html += QStringLiteral("<td>%1</td>").arg(m_table->item(row, column)->text().toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    QTextDocument document;
    document.setDefaultFont(TypeScale::paperFont());
    document.setHtml(html);
    document.print(printer.get());
    if (printer->printerState() == QPrinter::Error) {
        *error = tr("The printer failed while printing the report.");
        return false;
    }
    return true;
}

void AccountReportView::printNow()
{
    QString error;
    if (print(&error))
        m_outcome->setStatus(StatusTone::Ok, IconName::Print, tr("The report was sent to the printer."));
    else
        m_outcome->setStatus(StatusTone::Danger, IconName::Error, error);
}

} // namespace ward
