#include "ui/reception/EmergencyAccountsPanel.h"

#include "ui/reception/LetterIssue.h"
#include "ui/reception/ReceptionClient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

namespace {

QString localTime(const QJsonValue& iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

EmergencyAccountsPanel::EmergencyAccountsPanel(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("emergencyAccounts"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Each ward keeps one emergency account in a sealed letter in its safe, for when nobody can log in "
                                "with an IC card. One person asks for a letter; another approves it at their own desk, where "
                                "the letter is printed. Using the account alerts IT and the auditors."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("emergencyOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("emergencyTable"));
    m_table->setAccessibleName(tr("Emergency accounts"));
    m_table->setHorizontalHeaderLabels({tr("Account"), tr("Ward"), tr("State"), tr("Letter no."), tr("Waiting for approval"),
                                        tr("Last test")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* bar = new QHBoxLayout();
    m_ward = new QComboBox(this);
    m_ward->setObjectName(QStringLiteral("emergencyWard"));
    m_ward->setAccessibleName(tr("Ward"));
    m_ward->addItems(m_setup.wards);
    m_newAccount = new QPushButton(tr("Ask for this ward's account"), this);
    m_newAccount->setObjectName(QStringLiteral("emergencyNewAccount"));
    m_newLetter = new QPushButton(tr("Ask for a new letter"), this);
    m_newLetter->setObjectName(QStringLiteral("emergencyNewLetter"));
    m_approve = new QPushButton(ThemeIcon::icon(IconName::Ok), tr("Approve and print the letter"), this);
    m_approve->setObjectName(QStringLiteral("emergencyApprove"));
    auto* refresh = new QPushButton(ThemeIcon::icon(IconName::Refresh), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("emergencyRefresh"));
    bar->addWidget(m_ward);
    bar->addWidget(m_newAccount);
    bar->addStretch(1);
    bar->addWidget(m_newLetter);
    bar->addWidget(m_approve);
    bar->addWidget(refresh);
    layout->addLayout(bar);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &EmergencyAccountsPanel::updateButtons);
    connect(m_ward, &QComboBox::currentIndexChanged, this, &EmergencyAccountsPanel::updateButtons);
    connect(m_newAccount, &QPushButton::clicked, this, &EmergencyAccountsPanel::askForAccount);
    connect(m_newLetter, &QPushButton::clicked, this, &EmergencyAccountsPanel::askForLetter);
    connect(m_approve, &QPushButton::clicked, this, &EmergencyAccountsPanel::approve);
    connect(refresh, &QPushButton::clicked, this, &EmergencyAccountsPanel::refresh);
    updateButtons();
}

QString EmergencyAccountsPanel::accountIdFor(const QString& ward)
{
    QString base = QStringLiteral("EMERG");
    for (const QChar c : ward.toUpper())
        if ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            base += c;
    return base.left(9).leftJustified(9, QLatin1Char('0')) + QLatin1Char('1');
}

int EmergencyAccountsPanel::rowOf(const QString& accountId) const
{
    for (int row = 0; row < m_accounts.size(); ++row)
        if (m_accounts.at(row).value(QStringLiteral("id")).toString() == accountId)
            return row;
    return -1;
}

QJsonObject EmergencyAccountsPanel::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_accounts.size() && !m_table->selectedItems().isEmpty() ? m_accounts.at(row) : QJsonObject();
}

void EmergencyAccountsPanel::updateButtons()
{
    const QJsonObject account = selected();
    const bool waiting = !account.value(QStringLiteral("requestedBy")).toString().isEmpty();
    m_newLetter->setEnabled(!account.isEmpty() && !waiting);
    m_approve->setEnabled(waiting);
    bool wardHasOne = false;
    for (const QJsonObject& a : m_accounts)
        wardHasOne = wardHasOne || a.value(QStringLiteral("ward")).toString() == m_ward->currentText();
    m_newAccount->setEnabled(m_ward->count() > 0 && !wardHasOne);
}

void EmergencyAccountsPanel::refresh()
{
    m_setup.client->get(QStringLiteral("emergency"), QUrlQuery(), [this](const HubReply& reply) {
        if (!reply.ok()) {
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_outcome->show();
            emit listed(-1);
            return;
        }
        const QJsonArray accounts = reply.json.value(QStringLiteral("accounts")).toArray();
        m_accounts.clear();
        m_table->setRowCount(0);
        m_table->setRowCount(int(accounts.size()));
        for (int row = 0; row < accounts.size(); ++row) {
            const QJsonObject a = accounts.at(row).toObject();
            m_accounts << a;
            const QString state = a.value(QStringLiteral("state")).toString();
            const QString stateText = state == QLatin1String("awaiting") ? tr("No letter yet")
                                      : state == QLatin1String("active") ? tr("Ready (sealed letter)")
                                      : state == QLatin1String("in-use") ? tr("In use until %1").arg(localTime(a.value(QStringLiteral("usableUntil"))))
                                      : state == QLatin1String("spent")  ? tr("Used on %1: needs a new letter").arg(localTime(a.value(QStringLiteral("firstUsedAt"))))
                                                                         : state;
            const QString asked = a.value(QStringLiteral("requestedBy")).toString();
            const QStringList cells{a.value(QStringLiteral("id")).toString(),
                                    a.value(QStringLiteral("ward")).toString(),
                                    stateText,
                                    QString::number(a.value(QStringLiteral("letterSerial")).toInt()),
                                    asked.isEmpty() ? QString()
                                                    : tr("Asked by %1 at %2").arg(asked, localTime(a.value(QStringLiteral("requestedAt")))),
                                    localTime(a.value(QStringLiteral("lastTestAt")))};
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        updateButtons();
        emit listed(int(accounts.size()));
    });
}

void EmergencyAccountsPanel::askForAccount()
{
    const QString ward = m_ward->currentText();
    if (ward.isEmpty())
        return;
    const QString id = accountIdFor(ward);
    m_setup.client->post(QStringLiteral("emergency/request"), {{QStringLiteral("accountId"), id}, {QStringLiteral("ward"), ward}},
                         [this, id](const HubReply& reply) {
                             finished(reply.ok(), reply.ok() ? tr("Asked for %1. Another person approves it at their own desk, where "
                                                                  "the sealed letter is printed.")
                                                                   .arg(id)
                                                             : ReceptionClient::explain(reply));
                         });
}

void EmergencyAccountsPanel::askForLetter()
{
    const QString id = selected().value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return;
    m_setup.client->post(QStringLiteral("emergency/request"), {{QStringLiteral("accountId"), id}}, [this, id](const HubReply& reply) {
        finished(reply.ok(), reply.ok() ? tr("Asked for a new letter for %1. The current letter works until another person "
                                             "approves the new one.")
                                              .arg(id)
                                        : ReceptionClient::explain(reply));
    });
}

void EmergencyAccountsPanel::approve()
{
    const QJsonObject account = selected();
    const QString id = account.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return;
    PasswordLetter::Content letter;
    letter.userId = id;
    letter.name = account.value(QStringLiteral("displayName")).toString();
    letter.contact = m_setup.helpContact;
    letter.kind = PasswordLetter::Kind::EmergencyLetter;
    ReceptionClient* client = m_setup.client;
    const auto call = [client, id](ReceptionClient::Callback done) {
        client->post(QStringLiteral("emergency/approve"), {{QStringLiteral("accountId"), id}}, done);
    };
    LetterIssue::run(m_setup, QStringLiteral("emergency-letter"), letter, call, [this, id](const LetterIssue::Result& r) {
        if (r.outcome == LetterIssue::Outcome::Printed)
            finished(true, tr("Approved: the letter for %1 is printed. Seal it and take it to the ward's safe; the previous "
                              "letter no longer works.")
                               .arg(id));
        else
            finished(false, r.message);
    });
}

void EmergencyAccountsPanel::finished(bool ok, const QString& message)
{
    m_outcome->setStatus(ok ? StatusTone::Ok : StatusTone::Danger, ok ? IconName::Ok : IconName::Error, message);
    m_outcome->show();
    refresh();
    emit answered(ok);
}

} // namespace ward
