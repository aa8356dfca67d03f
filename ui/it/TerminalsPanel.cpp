#include "ui/it/TerminalsPanel.h"

#include "sync/HubReply.h"
#include "ui/it/DisposalRecordsPage.h"
#include "ui/it/EnrolCodePage.h"
#include "ui/it/RevokeTerminalPage.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QUrlQuery>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

namespace {
QString timeText(const QJsonValue& iso, const QString& none)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : none;
}
} // namespace

TerminalsPanel::TerminalsPanel(ReceptionClient& client, QString thisTerminalId, QWidget* parent)
    : QWidget(parent), m_client(client), m_thisTerminal(std::move(thisTerminalId))
{
    setObjectName(QStringLiteral("terminalsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    auto* listPage = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(listPage);
    m_message = new StatusBadge(StatusBadge::Shape::Banner, listPage);
    m_message->setObjectName(QStringLiteral("terminalsMessage"));
    m_message->hide();
    m_refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Refresh"), listPage);
    m_refresh->setObjectName(QStringLiteral("terminalsRefresh"));
    m_issue = new QPushButton(ThemeIcon::icon(IconName::Password), tr("Enrolment code…"), listPage);
    m_issue->setObjectName(QStringLiteral("terminalsEnrolCode"));
    ThemeProperty::setRole(m_issue, QStringLiteral("primary"));
    m_revoke = new QPushButton(ThemeIcon::icon(IconName::Delete), tr("Revoke…"), listPage);
    m_revoke->setObjectName(QStringLiteral("terminalsRevoke"));
    m_revoke->setEnabled(false);
    m_disposals = new QPushButton(ThemeIcon::icon(IconName::History), tr("Disposal records…"), listPage);
    m_disposals->setObjectName(QStringLiteral("terminalsDisposals"));
    m_disposals->setToolTip(tr("Wipes reported to the hub: of the selected terminal, or of every terminal when none is selected."));
    auto* tools = new QHBoxLayout();
    tools->addWidget(m_refresh);
    tools->addWidget(m_issue);
    tools->addWidget(m_revoke);
    tools->addWidget(m_disposals);
    tools->addStretch();
    m_table = new QTableWidget(0, ColumnCount, listPage);
    m_table->setObjectName(QStringLiteral("terminalsTable"));
    m_table->setHorizontalHeaderLabels({tr("Ward"), tr("Name"), tr("Status"), tr("Version"), tr("Last contact"),
                                        tr("Last sync"), tr("Clock vs hub"), tr("Audit head acknowledged"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Terminals"));
    layout->addWidget(m_message);
    layout->addLayout(tools);
    layout->addWidget(m_table, 1);
    m_pages->addWidget(listPage);

    m_enrolPage = new EnrolCodePage(m_pages);
    m_pages->addWidget(m_enrolPage);
    m_revokePage = new RevokeTerminalPage(m_pages);
    m_pages->addWidget(m_revokePage);
    m_disposalsPage = new DisposalRecordsPage(m_pages);
    m_pages->addWidget(m_disposalsPage);

    connect(m_refresh, &QPushButton::clicked, this, &TerminalsPanel::refresh);
    connect(m_issue, &QPushButton::clicked, this, &TerminalsPanel::askEnrolCode);
    connect(m_revoke, &QPushButton::clicked, this, &TerminalsPanel::askRevoke);
    connect(m_disposals, &QPushButton::clicked, this, &TerminalsPanel::showDisposals);
    connect(m_disposalsPage, &DisposalRecordsPage::closed, this, [this] { m_pages->setCurrentIndex(0); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TerminalsPanel::selectionChanged);
    connect(m_enrolPage, &EnrolCodePage::requested, this, &TerminalsPanel::issueCode);
    connect(m_enrolPage, &EnrolCodePage::finished, this, [this] { m_pages->setCurrentIndex(0); });
    connect(m_revokePage, &RevokeTerminalPage::confirmed, this, &TerminalsPanel::revoke);
    connect(m_revokePage, &RevokeTerminalPage::cancelled, this, [this] { m_pages->setCurrentIndex(0); });
}

QString TerminalsPanel::clockText(const QJsonValue& skewMs)
{
    if (!skewMs.isDouble())
        return tr("not reported");
    const qint64 ms = skewMs.toInteger();
    const qint64 secs = qAbs(ms) / 1000;
    // Below two seconds the difference is the network's, not the clock's.
    if (secs < 2)
        return tr("in step");
    const QString amount = secs < 120 ? tr("%n s", nullptr, int(secs)) : tr("%n min", nullptr, int(secs / 60));
    return ms > 0 ? tr("%1 ahead").arg(amount) : tr("%1 behind").arg(amount);
}

void TerminalsPanel::refresh()
{
    m_refresh->setEnabled(false);
    m_client.get(QStringLiteral("terminals"), {}, [this](const HubReply& reply) {
        m_refresh->setEnabled(true);
        if (!reply.ok()) {
            showFailure(reply);
            emit refreshed(false);
            return;
        }
        showTerminals(reply.json.value(QStringLiteral("terminals")).toArray(), reply.json.value(QStringLiteral("wards")).toArray());
        emit refreshed(true);
    });
}

void TerminalsPanel::showTerminals(const QJsonArray& terminals, const QJsonArray& wards)
{
    const QString selected = terminalAt(m_table->currentRow()).value(QStringLiteral("terminalId")).toString();
    m_terminals = terminals;
    m_wards = wards;
    m_table->clearContents();
    m_table->setRowCount(int(terminals.size()));
    const QString notReported = tr("not reported");
    for (int row = 0; row < terminals.size(); ++row) {
        const QJsonObject t = terminals.at(row).toObject();
        const bool revoked = t.value(QStringLiteral("status")).toString() == QLatin1String("revoked");
        const bool self = t.value(QStringLiteral("terminalId")).toString() == m_thisTerminal;
        auto set = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(t.value(QStringLiteral("terminalId")).toString());
            m_table->setItem(row, column, item);
        };
        set(Ward, t.value(QStringLiteral("ward")).toString());
        set(Name, t.value(QStringLiteral("name")).toString());
        // The status as icon + colour + word (issue 11); the cell itself carries the word for screen readers only,
        // so no text shows behind the badge.
        const QString word = revoked ? tr("Revoked") : tr("Enrolled");
        set(Status, QString());
        m_table->item(row, Status)->setData(Qt::AccessibleTextRole, word);
        auto* badge = new StatusBadge(m_table);
        badge->setStatus(revoked ? StatusTone::Danger : StatusTone::Ok, revoked ? IconName::Error : IconName::Ok, word);
        badge->ensurePolished();  // the stylesheet's padding and weight count when the column is sized
        m_table->setCellWidget(row, Status, badge);
        const QJsonValue version = t.value(QStringLiteral("programVersion"));
        set(Version, version.isString() ? version.toString() : notReported);
        set(LastContact, timeText(t.value(QStringLiteral("lastContactAt")), tr("never")));
        set(LastSync, timeText(t.value(QStringLiteral("lastSyncAt")), tr("never")));
        set(Clock, clockText(t.value(QStringLiteral("clockSkewMs"))));
        const QJsonValue head = t.value(QStringLiteral("auditHeadAcknowledged"));
        set(AuditHead, head.isString() ? tr("entry %1").arg(head.toString()) : notReported);
        QStringList note;
        if (self)
            note << tr("This terminal");
        if (revoked) {
            const QJsonObject r = t.value(QStringLiteral("revocation")).toObject();
            const QString by = r.value(QStringLiteral("by")).toString();
            const QString reason = r.value(QStringLiteral("reason")).toString();
            note << tr("Revoked %1 by %2: %3")
                        .arg(timeText(r.value(QStringLiteral("at")), QStringLiteral("?")), by.isEmpty() ? tr("the hub console") : by,
                             reason.isEmpty() ? tr("no reason recorded") : reason);
        }
        set(Note, note.join(QStringLiteral(" · ")));
    }
    m_table->resizeColumnsToContents();
    // The badges are widgets in their cells: the column and the rows make room for them (and the cell's margins).
    QSize badgeSize;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (auto* badge = m_table->cellWidget(row, Status))
            badgeSize = badgeSize.expandedTo(badge->sizeHint());
    m_table->horizontalHeader()->resizeSection(Status, qMax(m_table->columnWidth(Status), badgeSize.width() + 24));
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->setRowHeight(row, qMax(m_table->rowHeight(row), badgeSize.height() + 8));
    const int again = rowOf(selected);
    if (again >= 0)
        m_table->selectRow(again);
    selectionChanged();
    if (m_message->tone() != StatusTone::Ok)
        m_message->hide();
}

void TerminalsPanel::showFailure(const HubReply& reply)
{
    m_message->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
    m_message->show();
}

QJsonObject TerminalsPanel::terminalAt(int row) const
{
    return row >= 0 && row < m_terminals.size() ? m_terminals.at(row).toObject() : QJsonObject();
}

int TerminalsPanel::rowOf(const QString& terminalId) const
{
    for (int row = 0; row < m_terminals.size(); ++row)
        if (!terminalId.isEmpty() && m_terminals.at(row).toObject().value(QStringLiteral("terminalId")).toString() == terminalId)
            return row;
    return -1;
}

void TerminalsPanel::selectionChanged()
{
    const int row = m_table->selectedItems().isEmpty() ? -1 : m_table->currentRow();
    m_revoke->setEnabled(terminalAt(row).value(QStringLiteral("status")).toString() == QLatin1String("enrolled"));
}

void TerminalsPanel::askEnrolCode()
{
    const QJsonObject self = terminalAt(rowOf(m_thisTerminal));
    const int row = m_table->selectedItems().isEmpty() ? -1 : m_table->currentRow();
    const QString ward = row >= 0 ? terminalAt(row).value(QStringLiteral("ward")).toString() : self.value(QStringLiteral("ward")).toString();
    m_enrolPage->ask(m_wards, ward);
    m_pages->setCurrentWidget(m_enrolPage);
}

void TerminalsPanel::askRevoke()
{
    const QJsonObject t = terminalAt(m_table->currentRow());
    if (t.isEmpty())
        return;
    m_revokePage->ask(t, t.value(QStringLiteral("terminalId")).toString() == m_thisTerminal);
    m_pages->setCurrentWidget(m_revokePage);
}

void TerminalsPanel::showDisposals()
{
    const int row = m_table->selectedItems().isEmpty() ? -1 : m_table->currentRow();
    const QJsonObject t = terminalAt(row);
    QUrlQuery query;
    if (!t.isEmpty())
        query.addQueryItem(QStringLiteral("terminal"), t.value(QStringLiteral("terminalId")).toString());
    m_disposalsPage->loading(t.value(QStringLiteral("name")).toString());
    m_pages->setCurrentWidget(m_disposalsPage);
    m_client.get(QStringLiteral("terminals/disposals"), query, [this](const HubReply& reply) {
        if (!reply.ok()) {
            m_disposalsPage->showFailure(ReceptionClient::explain(reply));
            return;
        }
        m_disposalsPage->showRecords(reply.json.value(QStringLiteral("disposals")).toArray(), m_terminals);
    });
}

void TerminalsPanel::issueCode(const QString& ward, int validMinutes)
{
    m_enrolPage->setBusy(true);
    m_client.post(QStringLiteral("terminals/enrol-code"), {{QStringLiteral("ward"), ward}, {QStringLiteral("validMinutes"), validMinutes}},
                  [this](const HubReply& reply) {
                      m_enrolPage->setBusy(false);
                      if (!reply.ok()) {
                          m_pages->setCurrentIndex(0);
                          showFailure(reply);
                          return;
                      }
                      m_enrolPage->showCode(reply.json);
                  });
}

void TerminalsPanel::revoke(const QString& terminalId, const QString& reason)
{
    m_revokePage->setBusy(true);
    m_client.post(QStringLiteral("terminals/revoke"), {{QStringLiteral("terminalId"), terminalId}, {QStringLiteral("reason"), reason}},
                  [this, terminalId](const HubReply& reply) {
                      m_revokePage->setBusy(false);
                      m_pages->setCurrentIndex(0);
                      if (!reply.ok()) {
                          showFailure(reply);
                          return;
                      }
                      const QString name = terminalAt(rowOf(terminalId)).value(QStringLiteral("name")).toString();
                      m_message->setStatus(StatusTone::Ok, IconName::Ok,
                                           tr("Terminal \"%1\" is revoked: the hub refuses its next request.").arg(name));
                      m_message->show();
                      emit revoked(terminalId);
                      refresh();
                  });
}

} // namespace ward
