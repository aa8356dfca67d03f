#include "ui/it/NoticesPanel.h"

#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"
#include "util/Clock.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

NoticesPanel::NoticesPanel(ReceptionClient& client, QWidget* parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("noticesPanel"));
    auto* layout = new QVBoxLayout(this);
    m_banner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_banner->setObjectName(QStringLiteral("noticeBanner"));
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* intro = new QLabel(tr("Uses of the wards' emergency accounts in the last 14 days, newest first. Check each with the "
                                "ward, then have a second person issue a new letter for the account."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("noticeTable"));
    m_table->setAccessibleName(tr("Emergency account notices"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("What"), tr("Account"), tr("Ward"), tr("Terminal"), tr("Person at the terminal"),
                                        tr("Reason")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &NoticesPanel::refresh);
    m_timer.start();
}

void NoticesPanel::refresh()
{
    m_client.get(QStringLiteral("notices"), QUrlQuery(), [this](const HubReply& reply) {
        if (!reply.ok()) {
            m_banner->setStatus(StatusTone::Warning, IconName::Error, ReceptionClient::explain(reply));
            m_banner->show();
            emit refreshed(false);
            return;
        }
        show(reply.json.value(QStringLiteral("rows")).toArray());
        emit refreshed(true);
    });
}

QString NoticesPanel::refusalReason(const QJsonObject& detail)
{
    const QString reason = detail.value(QStringLiteral("reason")).toString();
    const QString code = reason.isEmpty() ? detail.value(QStringLiteral("code")).toString() : reason;
    if (code == QLatin1String("terminal_of_another_ward"))
        return tr("Reported by a terminal of another ward, which cannot hold this letter: not accepted.");
    if (code == QLatin1String("unproven_use"))
        return tr("Reported by a terminal without the letter's proof: not accepted. Check that terminal.");
    if (code == QLatin1String("emergency_account_spent"))
        return tr("The account's use period was over.");
    if (code == QLatin1String("emergency_not_active"))
        return detail.value(QStringLiteral("test")).toBool() ? tr("A test login while the account was in use.")
                                                             : tr("The account had no approved letter yet.");
    return code;
}

void NoticesPanel::show(const QJsonArray& rows)
{
    const QLocale locale;
    const QDateTime dayAgo = Clock::instance().nowUtc().addDays(-1);
    int recent = 0;
    QStringList recentAccounts;
    m_table->setRowCount(0);
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject r = rows.at(row).toObject();
        const QJsonObject d = r.value(QStringLiteral("detail")).toObject();
        const QDateTime at = QDateTime::fromString(r.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        const bool use = r.value(QStringLiteral("action")).toString() == QLatin1String("emergency.login");
        const bool offline = d.value(QStringLiteral("mode")).toString() == QLatin1String("offline");
        const QString account = d.value(QStringLiteral("account")).toString();
        if (use && at >= dayAgo) {
            ++recent;
            if (!recentAccounts.contains(account))
                recentAccounts << account;
        }
        const QStringList cells{locale.toString(at.toLocalTime(), QLocale::ShortFormat),
                                use ? (offline ? tr("Used (offline, reported later)") : tr("Used")) : tr("Refused"),
                                account,
                                d.value(QStringLiteral("ward")).toString(),
                                r.value(QStringLiteral("terminalName")).toString().isEmpty()
                                    ? d.value(QStringLiteral("terminal")).toString()
                                    : r.value(QStringLiteral("terminalName")).toString(),
                                d.value(QStringLiteral("realName")).toString(),
                                use ? d.value(QStringLiteral("reason")).toString() : refusalReason(d)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    if (recent > 0) {
        m_banner->setStatus(StatusTone::Danger, IconName::BreakGlass,
                            tr("Emergency account in use: %1 (%n use(s) in the last 24 hours). Check with the ward now.", nullptr, recent)
                                .arg(recentAccounts.join(QStringLiteral(", "))));
        m_banner->show();
    } else {
        m_banner->hide();
    }
    if (recent != m_recentUses) {
        m_recentUses = recent;
        emit recentUsesChanged(recent);
    }
}

} // namespace ward
