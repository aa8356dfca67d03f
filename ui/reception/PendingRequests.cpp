#include "ui/reception/PendingRequests.h"

#include "ui/reception/LetterIssue.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

PendingRequests::PendingRequests(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("pendingRequests"));
    auto* layout = new QVBoxLayout(this);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("requestOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("requestTable"));
    m_table->setAccessibleName(tr("Requests waiting for approval"));
    m_table->setHorizontalHeaderLabels({tr("Staff ID"), tr("Change"), tr("Roles"), tr("Requested by"), tr("Requested at")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto* bar = new QHBoxLayout();
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("requestReason"));
    m_reason->setAccessibleName(tr("Reason (required to refuse)"));
    m_reason->setPlaceholderText(tr("Reason (required to refuse)"));
    m_approve = new QPushButton(ThemeIcon::icon(IconName::Ok), tr("Approve"), this);
    m_approve->setObjectName(QStringLiteral("requestApprove"));
    m_refuse = new QPushButton(tr("Refuse"), this);
    m_refuse->setObjectName(QStringLiteral("requestRefuse"));
    auto* refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("requestRefresh"));
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
    connect(m_table, &QTableWidget::itemSelectionChanged, this, enable);
    connect(m_reason, &QLineEdit::textChanged, this, enable);
    connect(m_approve, &QPushButton::clicked, this, &PendingRequests::approve);
    connect(m_refuse, &QPushButton::clicked, this, &PendingRequests::refuse);
    connect(refresh, &QPushButton::clicked, this, &PendingRequests::refresh);
    enable();
}

QJsonObject PendingRequests::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_requests.size() && !m_table->selectedItems().isEmpty() ? m_requests.at(row) : QJsonObject();
}

void PendingRequests::refresh()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("pending"));
    m_setup.client->get(QStringLiteral("requests"), query, [this](const HubReply& reply) {
        if (!reply.ok()) {
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_outcome->show();
            emit listed(-1);
            return;
        }
        const QJsonArray requests = reply.json.value(QStringLiteral("requests")).toArray();
        const QLocale locale;
        m_requests.clear();
        m_table->setRowCount(0);
        m_table->setRowCount(int(requests.size()));
        for (int row = 0; row < requests.size(); ++row) {
            const QJsonObject r = requests.at(row).toObject();
            m_requests << r;
            const QJsonObject change = r.value(QStringLiteral("change")).toObject();
            QStringList roles;
            for (const QJsonValue& v : change.value(QStringLiteral("roles")).toArray())
                roles << v.toString();
            const bool registration = r.value(QStringLiteral("kind")).toString() == QLatin1String("register");
            const QStringList cells{
                r.value(QStringLiteral("userId")).toString(),
                registration ? tr("Register %1").arg(change.value(QStringLiteral("name")).toString()) : tr("Change roles"),
                roles.join(QStringLiteral(", ")), r.value(QStringLiteral("requestedBy")).toString(),
                locale.toString(QDateTime::fromString(r.value(QStringLiteral("requestedAt")).toString(), Qt::ISODateWithMs).toLocalTime(),
                                QLocale::ShortFormat)};
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        emit listed(int(requests.size()));
    });
}

void PendingRequests::approve()
{
    const QJsonObject request = selected();
    if (request.isEmpty())
        return;
    const QJsonObject change = request.value(QStringLiteral("change")).toObject();
    const QJsonObject body{{QStringLiteral("requestId"), request.value(QStringLiteral("requestId"))},
                           {QStringLiteral("reason"), m_reason->text().trimmed()}};
    ReceptionClient* client = m_setup.client;
    const auto call = [client, body](ReceptionClient::Callback done) { client->post(QStringLiteral("requests/approve"), body, done); };
    const QString userId = request.value(QStringLiteral("userId")).toString();
    if (request.value(QStringLiteral("kind")).toString() != QLatin1String("register")) {
        call([this, userId](const HubReply& reply) {
            finished(reply.ok(), reply.ok() ? StatusTone::Ok : StatusTone::Danger,
                     reply.ok() ? tr("Approved: the roles of %1 are changed.").arg(userId) : ReceptionClient::explain(reply));
        });
        return;
    }
    // Approving a registration creates the account: its temporary password goes onto a letter printed here.
    PasswordLetter::Content letter{userId, change.value(QStringLiteral("name")).toString(),
                                   change.value(QStringLiteral("kana")).toString(), QDateTime(), m_setup.helpContact};
    LetterIssue::run(m_setup, QStringLiteral("register-approved"), letter, call, [this, userId](const LetterIssue::Result& r) {
        if (r.outcome == LetterIssue::Outcome::Printed)
            finished(true, StatusTone::Ok,
                     tr("Approved: %1 is registered and the letter is printed. Seal it in an envelope.").arg(userId));
        else
            finished(false, StatusTone::Danger, r.message);
    });
}

void PendingRequests::refuse()
{
    const QJsonObject request = selected();
    if (request.isEmpty() || m_reason->text().trimmed().isEmpty())
        return;
    m_setup.client->post(QStringLiteral("requests/refuse"),
                         {{QStringLiteral("requestId"), request.value(QStringLiteral("requestId"))},
                          {QStringLiteral("reason"), m_reason->text().trimmed()}},
                         [this](const HubReply& reply) {
                             finished(reply.ok(), reply.ok() ? StatusTone::Ok : StatusTone::Danger,
                                      reply.ok() ? tr("Refused. Nothing was changed for this person.")
                                                 : ReceptionClient::explain(reply));
                         });
}

void PendingRequests::finished(bool ok, StatusTone tone, const QString& message)
{
    m_outcome->setStatus(tone, ok ? IconName::Ok : IconName::Error, message);
    m_outcome->show();
    m_reason->clear();
    refresh();
    emit decided(ok);
}

} // namespace ward
