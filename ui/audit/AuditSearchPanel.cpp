#include "ui/audit/AuditSearchPanel.h"

#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

AuditSearchPanel::AuditSearchPanel(ReceptionClient& client, AuditResults::PrinterFactory printers, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_printers(std::move(printers))
{
    setObjectName(QStringLiteral("auditSearch"));
    m_report = new QComboBox(this);
    m_report->setObjectName(QStringLiteral("auditReport"));
    m_report->addItem(tr("Search all entries"), QString());
    m_report->addItem(tr("Who accessed this patient (disclosure request)"), QStringLiteral("patient"));
    m_report->addItem(tr("One staff member's activity"), QStringLiteral("user"));
    m_report->addItem(tr("Access outside the user's wards or after hours"), QStringLiteral("outside"));
    m_report->addItem(tr("Logins without card and emergency unlocks"), QStringLiteral("fallback"));
    m_report->addItem(tr("Emergency accounts: uses, tests and letters"), QStringLiteral("emergency"));
    m_report->addItem(tr("Bursts of failed logins"), QStringLiteral("failed-logins"));
    m_report->addItem(tr("Records with invalid signatures"), QStringLiteral("invalid-signatures"));
    const auto field = [this](const char* name, const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::returnPressed, this, &AuditSearchPanel::run);
        return edit;
    };
    m_patient = field("auditPatient", tr("Patient ID"));
    m_user = field("auditUser", tr("Staff ID"));
    m_terminal = field("auditTerminal", tr("Terminal ID"));
    m_ward = field("auditWard", tr("Ward"));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->addItem(tr("All events"), QString());
    for (const auto& a : AuditResults::searchableActions())
        m_action->addItem(a.second, a.first);
    m_period = new QCheckBox(tr("Only from"), this);
    m_period->setObjectName(QStringLiteral("auditPeriod"));
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
        connect(m_period, &QCheckBox::toggled, d, &QWidget::setEnabled);
    }
    m_search = new QPushButton(ThemeIcon::icon(IconName::Search), tr("Search"), this);
    m_search->setObjectName(QStringLiteral("auditSearchButton"));
    m_search->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Report"), m_report);
    auto* who = new QHBoxLayout;
    who->addWidget(m_patient);
    who->addWidget(m_user);
    form->addRow(tr("Patient / staff"), who);
    auto* where = new QHBoxLayout;
    where->addWidget(m_terminal);
    where->addWidget(m_ward);
    where->addWidget(m_action);
    form->addRow(tr("Terminal / ward / event"), where);
    auto* when = new QHBoxLayout;
    when->addWidget(m_period);
    when->addWidget(m_from);
    when->addWidget(new QLabel(tr("to"), this));
    when->addWidget(m_to);
    when->addStretch();
    when->addWidget(m_search);
    form->addRow(tr("Period"), when);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("auditResults"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    AuditResults::fill(m_table, AuditResults::Kind::Entries, {});
    m_previous = new QPushButton(ThemeIcon::icon(IconName::ArrowUp), tr("Newer"), this);
    m_previous->setObjectName(QStringLiteral("auditPrevious"));
    m_next = new QPushButton(ThemeIcon::icon(IconName::ArrowDown), tr("Older"), this);
    m_next->setObjectName(QStringLiteral("auditNext"));
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("auditPage"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_print = new QPushButton(ThemeIcon::icon(IconName::Print), tr("Print"), this);
    m_print->setObjectName(QStringLiteral("auditPrint"));
    for (QPushButton* b : {m_previous, m_next, m_export, m_print})
        b->setEnabled(false);
    m_message = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->hide();
    auto* pager = new QHBoxLayout;
    pager->addWidget(m_previous);
    pager->addWidget(m_next);
    pager->addWidget(m_pageLabel, 1);
    pager->addWidget(m_export);
    pager->addWidget(m_print);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(pager);

    connect(m_search, &QPushButton::clicked, this, &AuditSearchPanel::run);
    connect(m_previous, &QPushButton::clicked, this, &AuditSearchPanel::previousPage);
    connect(m_next, &QPushButton::clicked, this, &AuditSearchPanel::nextPage);
    connect(m_export, &QPushButton::clicked, this, &AuditSearchPanel::chooseCsvFile);
    connect(m_print, &QPushButton::clicked, this, &AuditSearchPanel::printAll);
    connect(m_report, &QComboBox::currentIndexChanged, this, &AuditSearchPanel::updateFields);
    updateFields();
}

QString AuditSearchPanel::reportKind() const
{
    return m_report->currentData().toString();
}

void AuditSearchPanel::chooseReport(const QString& kind)
{
    m_report->setCurrentIndex(qMax(0, m_report->findData(kind)));
}

void AuditSearchPanel::updateFields()
{
    // A report fixes what it looks for: the event type is its own, and the patient report needs no staff ID.
    const QString kind = reportKind();
    m_action->setEnabled(kind.isEmpty() || kind == QLatin1String("user") || kind == QLatin1String("patient"));
    m_patient->setEnabled(kind != QLatin1String("failed-logins") && kind != QLatin1String("fallback"));
}

QString AuditSearchPanel::title() const
{
    QString t = m_report->currentText();
    if (!m_patient->text().trimmed().isEmpty() && m_patient->isEnabled())
        t += QStringLiteral(" — ") + tr("patient %1").arg(m_patient->text().trimmed());
    if (!m_user->text().trimmed().isEmpty())
        t += QStringLiteral(" — ") + tr("staff %1").arg(m_user->text().trimmed());
    return t;
}

QUrlQuery AuditSearchPanel::query() const
{
    QUrlQuery q;
    const auto put = [&q](const char* name, const QString& value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(QLatin1String(name), value.trimmed());
    };
    if (m_patient->isEnabled())
        put("patient", m_patient->text());
    put("user", m_user->text());
    put("terminal", m_terminal->text());
    put("ward", m_ward->text());
    if (m_action->isEnabled())
        put("action", m_action->currentData().toString());
    if (m_period->isChecked()) {
        // Whole local days: from the start of the first to the start of the day after the last.
        put("from", QDateTime(m_from->date(), QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs));
        put("to", QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs));
    }
    return q;
}

void AuditSearchPanel::run()
{
    fetch(0);
}

void AuditSearchPanel::nextPage()
{
    if (m_nextOffset > 0)
        fetch(m_nextOffset);
}

void AuditSearchPanel::previousPage()
{
    if (m_offset > 0)
        fetch(qMax(0, m_offset - kPageSize));
}

void AuditSearchPanel::fetch(int offset)
{
    const QString kind = reportKind();
    if (kind == QLatin1String("patient") && m_patient->text().trimmed().isEmpty()) {
        m_message->setStatus(StatusTone::Warning, IconName::Warning, tr("Enter the patient's ID for the disclosure report."));
        m_message->show();
        emit searched(false);
        return;
    }
    if (kind == QLatin1String("user") && m_user->text().trimmed().isEmpty()) {
        m_message->setStatus(StatusTone::Warning, IconName::Warning, tr("Enter the staff ID whose activity you want to see."));
        m_message->show();
        emit searched(false);
        return;
    }
    QUrlQuery q = query();
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    q.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    QString path = QStringLiteral("audit/search");
    if (!kind.isEmpty()) {
        path = QStringLiteral("audit/report");
        q.addQueryItem(QStringLiteral("kind"), kind);
    }
    m_search->setEnabled(false);
    m_client.get(path, q, [this, offset](const HubReply& reply) {
        m_search->setEnabled(true);
        if (!reply.ok()) {
            m_message->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_message->show();
            emit searched(false);
            return;
        }
        m_rows = reply.json.value(QStringLiteral("rows")).toArray();
        m_offset = offset;
        const QJsonValue next = reply.json.value(QStringLiteral("next"));
        m_nextOffset = next.isDouble() ? next.toInt() : -1;
        AuditResults::fill(m_table, AuditResults::Kind::Entries, m_rows);
        m_previous->setEnabled(m_offset > 0);
        m_next->setEnabled(m_nextOffset > 0);
        m_export->setEnabled(!m_rows.isEmpty());
        m_print->setEnabled(!m_rows.isEmpty());
        m_pageLabel->setText(m_rows.isEmpty() ? tr("Nothing found.")
                                              : tr("Entries %1–%2").arg(m_offset + 1).arg(m_offset + m_rows.size()));
        m_message->hide();
        emit searched(true);
    });
}

QUrlQuery AuditSearchPanel::exportQuery() const
{
    QUrlQuery q = query();
    const QString kind = reportKind();
    q.addQueryItem(QStringLiteral("view"), kind.isEmpty() ? QStringLiteral("search") : QStringLiteral("report"));
    if (!kind.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), kind);
    return q;
}

void AuditSearchPanel::exportTo(const QString& path)
{
    const QUrlQuery q = exportQuery();
    AuditResults::exportCsv(m_client, q, AuditResults::Kind::Entries, path, [this](bool ok, const QString& message) {
        m_message->setStatus(ok ? StatusTone::Ok : StatusTone::Danger, ok ? IconName::Saved : IconName::Error, message);
        m_message->show();
        emit exported(ok);
    });
}

void AuditSearchPanel::chooseCsvFile()
{
    AuditResults::askForCsvFile(this, tr("Export audit entries as CSV"), [this](const QString& path) { exportTo(path); });
}

void AuditSearchPanel::printAll()
{
    const QUrlQuery q = exportQuery();
    AuditResults::printAll(m_client, q, AuditResults::Kind::Entries, title(), m_printers, [this](bool ok, const QString& message) {
        m_message->setStatus(ok ? StatusTone::Ok : StatusTone::Danger, ok ? IconName::Print : IconName::Error, message);
        m_message->show();
        emit printed(ok);
    });
}

} // namespace ward
