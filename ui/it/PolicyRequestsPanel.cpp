#include "ui/it/PolicyRequestsPanel.h"

#include "sync/HubReply.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/ThemeIcon.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

namespace {

QTableWidget* readOnlyTable(int columns, const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, columns, parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QStringList strings(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& v : array.toArray())
        out << v.toString();
    return out;
}

} // namespace

PolicyRequestsPanel::PolicyRequestsPanel(ReceptionClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("policyRequests"));
    auto* layout = new QVBoxLayout(this);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("policyRequestOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);
    auto* help = new QLabel(tr("Policy changes that grant privileges wait here for a second IT person (AC-4). Select one to see "
                               "its changes; the person who filed it cannot decide it."),
                            this);
    help->setWordWrap(true);
    help->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(help);
    m_requestsTable = readOnlyTable(4, {tr("Requested at"), tr("Requested by"), tr("Privileges granted"), tr("Reason")}, this);
    m_requestsTable->setObjectName(QStringLiteral("policyRequestsTable"));
    m_requestsTable->setAccessibleName(tr("Policy changes waiting for approval"));
    layout->addWidget(m_requestsTable, 1);
    auto* changesTitle = new QLabel(tr("Changes against the version it was made on"), this);
    changesTitle->setProperty("textStyle", QStringLiteral("heading"));
    layout->addWidget(changesTitle);
    m_changes = readOnlyTable(3, {tr("Setting"), tr("Before"), tr("After")}, this);
    m_changes->setObjectName(QStringLiteral("policyRequestChanges"));
    m_changes->setAccessibleName(tr("Changes against the version it was made on"));
    layout->addWidget(m_changes, 1);

    auto* bar = new QHBoxLayout();
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("policyRequestReason"));
    m_reason->setMaxLength(kMaxChangeReasonLength);
    m_reason->setPlaceholderText(tr("Reason (required to refuse)"));
    m_reason->setAccessibleName(tr("Reason (required to refuse)"));
    m_approve = new QPushButton(ThemeIcon::icon(IconName::Ok), tr("Approve and sign"), this);
    m_approve->setObjectName(QStringLiteral("policyRequestApprove"));
    m_refuse = new QPushButton(tr("Refuse"), this);
    m_refuse->setObjectName(QStringLiteral("policyRequestRefuse"));
    auto* refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("policyRequestsRefresh"));
    bar->addWidget(m_reason, 1);
    bar->addWidget(m_approve);
    bar->addWidget(m_refuse);
    bar->addWidget(refresh);
    layout->addLayout(bar);

    const auto enable = [this] {
        const bool chosen = !selected().isEmpty();
        m_approve->setEnabled(chosen);
        m_refuse->setEnabled(chosen && !m_reason->text().trimmed().isEmpty());
    };
    connect(m_requestsTable, &QTableWidget::itemSelectionChanged, this, [this, enable] {
        showChanges();
        enable();
    });
    connect(m_reason, &QLineEdit::textChanged, this, enable);
    connect(m_approve, &QPushButton::clicked, this, &PolicyRequestsPanel::approve);
    connect(m_refuse, &QPushButton::clicked, this, &PolicyRequestsPanel::refuse);
    connect(refresh, &QPushButton::clicked, this, &PolicyRequestsPanel::refresh);
    enable();
}

void PolicyRequestsPanel::refresh()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("pending"));
    m_client.get(QStringLiteral("policy/requests"), query, [this, self = QPointer<PolicyRequestsPanel>(this)](const HubReply& reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_outcome->show();
            return;
        }
        m_requests.clear();
        m_requestsTable->setRowCount(0);
        for (const QJsonValue& v : reply.json.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject r = v.toObject();
            m_requests.append(r);
            const int row = m_requestsTable->rowCount();
            m_requestsTable->insertRow(row);
            const QDateTime at = QDateTime::fromString(r.value(QStringLiteral("requestedAt")).toString(), Qt::ISODateWithMs).toLocalTime();
            m_requestsTable->setItem(row, 0, new QTableWidgetItem(QLocale().toString(at, QLocale::ShortFormat)));
            m_requestsTable->setItem(row, 1, new QTableWidgetItem(r.value(QStringLiteral("requestedBy")).toString()));
            m_requestsTable->setItem(row, 2, new QTableWidgetItem(strings(r.value(QStringLiteral("grants"))).join(QStringLiteral("\n"))));
            m_requestsTable->setItem(row, 3, new QTableWidgetItem(r.value(QStringLiteral("reason")).toString()));
        }
        m_requestsTable->resizeRowsToContents();
        showChanges();
        emit listed(int(m_requests.size()));
    });
}

QJsonObject PolicyRequestsPanel::selected() const
{
    const int row = m_requestsTable->currentRow();
    if (row < 0 || row >= m_requests.size() || m_requestsTable->selectedItems().isEmpty())
        return {};
    return m_requests.at(row);
}

QString PolicyRequestsPanel::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return tr("(not set)");
    case QJsonValue::Bool: return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        if (a.isEmpty())
            return tr("(none)");
        if (std::all_of(a.begin(), a.end(), [](const QJsonValue& v) { return v.isString(); }))
            return strings(value).join(QStringLiteral(", "));
        return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    }
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

void PolicyRequestsPanel::showChanges()
{
    m_changes->setRowCount(0);
    for (const QJsonValue& v : selected().value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        const int row = m_changes->rowCount();
        m_changes->insertRow(row);
        auto* field = new QTableWidgetItem(c.value(QStringLiteral("field")).toString());
        field->setData(Qt::UserRole, c.value(QStringLiteral("field")).toString());
        m_changes->setItem(row, 0, field);
        m_changes->setItem(row, 1, new QTableWidgetItem(valueText(c.value(QStringLiteral("before")))));
        m_changes->setItem(row, 2, new QTableWidgetItem(valueText(c.value(QStringLiteral("after")))));
    }
    m_changes->resizeRowsToContents();
}

void PolicyRequestsPanel::approve()
{
    decide(QStringLiteral("policy/requests/approve"), true);
}

void PolicyRequestsPanel::refuse()
{
    if (m_reason->text().trimmed().isEmpty())
        return;
    decide(QStringLiteral("policy/requests/refuse"), false);
}

void PolicyRequestsPanel::decide(const QString& path, bool approving)
{
    const QJsonObject request = selected();
    if (request.isEmpty())
        return;
    m_approve->setEnabled(false);
    m_refuse->setEnabled(false);
    QJsonObject body{{QStringLiteral("requestId"), request.value(QStringLiteral("requestId")).toString()}};
    if (!m_reason->text().trimmed().isEmpty())
        body.insert(QStringLiteral("reason"), m_reason->text().trimmed());
    m_client.post(path, body, [this, approving, self = QPointer<PolicyRequestsPanel>(this)](const HubReply& reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            const QString code = reply.error.hubCode();
            const QString message =
                code == QLatin1String("self_approval")
                    ? tr("You filed this policy change yourself: a second IT person must approve or refuse it (AC-4).")
                : code == QLatin1String("version_conflict")
                    ? tr("Another policy version came into force after this request was filed. Refuse it; the change is made again "
                         "on the version in force.")
                    : ReceptionClient::explain(reply);
            finished(false, StatusTone::Danger, message);
            if (code == QLatin1String("request_decided"))
                refresh();
            else
                m_approve->setEnabled(true);
            return;
        }
        m_reason->clear();
        finished(true, StatusTone::Ok,
                 approving ? tr("Approved: the hub signed it as policy version %1; terminals apply it at their next sync.")
                                 .arg(reply.json.value(QStringLiteral("version")).toInt())
                           : tr("Refused: the policy in force is unchanged."));
        refresh();
    });
}

void PolicyRequestsPanel::finished(bool ok, StatusTone tone, const QString& message)
{
    m_outcome->setStatus(tone, ok ? IconName::Ok : IconName::Error, message);
    m_outcome->show();
    emit decided(ok);
}

} // namespace ward
