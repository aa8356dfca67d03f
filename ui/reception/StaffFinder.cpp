#include "ui/reception/StaffFinder.h"

#include "ui/reception/LetterIssue.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeItem.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

StaffFinder::StaffFinder(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("staffFinder"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("staffQuery"));
    m_query->setAccessibleName(tr("Find staff"));
    m_query->setPlaceholderText(tr("Staff ID, name or kana"));
    m_query->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("staffStatusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Disabled"), QStringLiteral("disabled"));
    m_status->addItem(tr("Retired"), QStringLiteral("retired"));
    auto* find = new QPushButton(ThemeIcon::icon(IconName::Search), tr("Find"), this);
    find->setObjectName(QStringLiteral("staffFind"));
    bar->addWidget(m_query, 1);
    bar->addWidget(m_status);
    bar->addWidget(find);
    layout->addLayout(bar);

    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("staffOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);

    m_pages = new QStackedWidget(this);
    auto* listPage = new QWidget(m_pages);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColumnCount, listPage);
    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setAccessibleName(tr("Staff found"));
    m_table->setHorizontalHeaderLabels({tr("Staff ID"), tr("Name (kana)"), tr("Status"), tr("Roles"), tr("Wards"),
                                        tr("IC card"), tr("Last login"), tr("Password age")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    ThemeItem::follow(m_table);
    listLayout->addWidget(m_table, 1);
    auto* actions = new QHBoxLayout();
    const QList<QPair<QString, IconName>> labels{{tr("Disable…"), IconName::Warning},  {tr("Enable…"), IconName::Ok},
                                                 {tr("Retire…"), IconName::Delete},    {tr("Unlock…"), IconName::Lock},
                                                 {tr("Reset password…"), IconName::Password}};
    const QStringList names{QStringLiteral("staffDisable"), QStringLiteral("staffEnable"), QStringLiteral("staffRetire"),
                            QStringLiteral("staffUnlock"), QStringLiteral("staffResetPassword")};
    for (int i = 0; i < labels.size(); ++i) {
        auto* button = new QPushButton(ThemeIcon::icon(labels.at(i).second), labels.at(i).first, listPage);
        button->setObjectName(names.at(i));
        const auto action = static_cast<StaffChangePanel::Action>(i);
        connect(button, &QPushButton::clicked, this, [this, action] { begin(action); });
        actions->addWidget(button);
        m_actions << button;
    }
    actions->addStretch();
    listLayout->addLayout(actions);
    m_change = new StaffChangePanel(m_pages);
    m_pages->addWidget(listPage);
    m_pages->addWidget(m_change);
    layout->addWidget(m_pages, 1);

    m_delay.setSingleShot(true);
    m_delay.setInterval(250);
    connect(&m_delay, &QTimer::timeout, this, &StaffFinder::search);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_delay.start(); });
    connect(m_query, &QLineEdit::returnPressed, this, &StaffFinder::search);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StaffFinder::search);
    connect(find, &QPushButton::clicked, this, &StaffFinder::search);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffFinder::updateButtons);
    connect(m_change, &StaffChangePanel::cancelled, this, [this] { m_pages->setCurrentIndex(0); });
    connect(m_change, &StaffChangePanel::confirmed, this, &StaffFinder::apply);
    updateButtons();
}

void StaffFinder::search()
{
    m_delay.stop();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), m_query->text().trimmed());
    if (!m_status->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_status->currentData().toString());
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_setup.client->get(QStringLiteral("staff"), query, [this](const HubReply& reply) {
        if (!reply.ok()) {
            m_outcome->setStatus(StatusTone::Danger, IconName::Error, ReceptionClient::explain(reply));
            m_outcome->show();
            emit searched(-1);
            return;
        }
        showPeople(reply.json.value(QStringLiteral("staff")).toArray());
        const int total = reply.json.value(QStringLiteral("total")).toInt();
        if (total > m_people.size()) {
            m_outcome->setStatus(StatusTone::Info, IconName::Info,
                                 tr("%1 people match; the first %2 are listed. Type more of the name or ID.")
                                     .arg(total)
                                     .arg(m_people.size()));
            m_outcome->show();
        }
        emit searched(int(m_people.size()));
    });
}

void StaffFinder::showPeople(const QJsonArray& people)
{
    m_people.clear();
    m_table->setRowCount(0);
    m_table->setRowCount(int(people.size()));
    for (int row = 0; row < people.size(); ++row) {
        m_people << people.at(row).toObject();
        fillRow(row, m_people.last());
    }
    updateButtons();
}

QString StaffFinder::statusWord(const QJsonObject& person)
{
    const QString status = person.value(QStringLiteral("status")).toString();
    QString word = status == QLatin1String("active")     ? tr("Active")
                   : status == QLatin1String("disabled") ? tr("Disabled")
                   : status == QLatin1String("retired")  ? tr("Retired")
                                                         : status;
    if (person.value(QStringLiteral("locked")).toBool())
        word = tr("%1, locked").arg(word);
    if (person.value(QStringLiteral("temporaryPassword")).toBool())
        word = tr("%1, temporary password").arg(word);
    return word;
}

QString StaffFinder::cardWord(const QString& cardStatus)
{
    if (cardStatus == QLatin1String("active"))
        return tr("Issued");
    if (cardStatus == QLatin1String("revoked"))
        return tr("Revoked, none active");
    return tr("None");
}

void StaffFinder::fillRow(int row, const QJsonObject& p)
{
    auto set = [&](int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        m_table->setItem(row, column, item);
        return item;
    };
    const QLocale locale;
    set(IdColumn, p.value(QStringLiteral("userId")).toString());
    const QString kana = p.value(QStringLiteral("kana")).toString();
    set(NameColumn, kana.isEmpty() ? p.value(QStringLiteral("name")).toString()
                                   : tr("%1 (%2)").arg(p.value(QStringLiteral("name")).toString(), kana));
    auto* status = set(StatusColumn, statusWord(p));
    if (p.value(QStringLiteral("locked")).toBool())
        ThemeItem::setEmphasis(status, ColorRole::DangerText);
    else if (p.value(QStringLiteral("status")).toString() != QLatin1String("active"))
        ThemeItem::setEmphasis(status, ColorRole::InfoText);
    QStringList roles;
    for (const QJsonValue& r : p.value(QStringLiteral("roles")).toArray())
        roles << r.toString();
    if (p.value(QStringLiteral("privileged")).toBool())
        roles << tr("(privileged)");
    set(RolesColumn, roles.join(QStringLiteral(", ")));
    QStringList wards;
    for (const QJsonValue& w : p.value(QStringLiteral("wards")).toArray())
        wards << w.toString();
    set(WardsColumn, wards.join(QStringLiteral(", ")));
    set(CardColumn, cardWord(p.value(QStringLiteral("cardStatus")).toString()));
    const QDateTime last = QDateTime::fromString(p.value(QStringLiteral("lastLoginAt")).toString(), Qt::ISODateWithMs);
    // The terminal's id is long (a UUID): the date is the column, the terminal its accessible description.
    auto* lastLogin = set(LastLoginColumn, last.isValid() ? locale.toString(last.toLocalTime(), QLocale::ShortFormat) : tr("Never"));
    if (last.isValid())
        lastLogin->setData(Qt::AccessibleDescriptionRole,
                           tr("at terminal %1").arg(p.value(QStringLiteral("lastLoginTerminal")).toString()));
    const int age = p.value(QStringLiteral("passwordAgeDays")).toInt(-1);
    set(PasswordAgeColumn, age < 0 ? tr("No password yet") : tr("%n day(s)", nullptr, age));
}

int StaffFinder::rowOf(const QString& userId) const
{
    for (int row = 0; row < m_people.size(); ++row)
        if (m_people.at(row).value(QStringLiteral("userId")).toString() == userId)
            return row;
    return -1;
}

void StaffFinder::updateButtons()
{
    const int row = m_table->currentRow();
    const bool chosen = row >= 0 && row < m_people.size() && !m_table->selectedItems().isEmpty() && !m_busy;
    const QJsonObject p = chosen ? m_people.at(row) : QJsonObject();
    const QString status = p.value(QStringLiteral("status")).toString();
    const bool retired = status == QLatin1String("retired");
    m_actions.at(int(StaffChangePanel::Action::Disable))->setEnabled(chosen && status == QLatin1String("active"));
    m_actions.at(int(StaffChangePanel::Action::Enable))->setEnabled(chosen && status == QLatin1String("disabled"));
    m_actions.at(int(StaffChangePanel::Action::Retire))->setEnabled(chosen && !retired);
    m_actions.at(int(StaffChangePanel::Action::Unlock))->setEnabled(chosen && !retired && p.value(QStringLiteral("locked")).toBool());
    m_actions.at(int(StaffChangePanel::Action::ResetPassword))->setEnabled(chosen && !retired);
}

void StaffFinder::begin(StaffChangePanel::Action action)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_people.size())
        return;
    m_change->ask(action, m_people.at(row));
    m_pages->setCurrentWidget(m_change);
}

void StaffFinder::apply(StaffChangePanel::Action action, const QJsonObject& person, const QString& reason,
                        const QString& method, const QString& documentRef)
{
    m_pages->setCurrentIndex(0);
    m_busy = true;
    updateButtons();
    const QString userId = person.value(QStringLiteral("userId")).toString();
    QJsonObject body{{QStringLiteral("userId"), userId},
                     {QStringLiteral("version"), person.value(QStringLiteral("version"))},
                     {QStringLiteral("reason"), reason}};
    if (action != StaffChangePanel::Action::ResetPassword) {
        body.insert(QStringLiteral("action"), StaffChangePanel::actionName(action));
        m_setup.client->post(QStringLiteral("staff/status"), body, [this, userId, action](const HubReply& reply) {
            const QStringList done{tr("%1 is disabled."), tr("%1 is enabled."), tr("%1 is retired."), tr("%1 is unlocked.")};
            answered(userId, reply.ok(), reply.ok() ? StatusTone::Ok : StatusTone::Danger,
                     reply.ok() ? done.at(int(action)).arg(userId) : ReceptionClient::explain(reply));
        });
        return;
    }
    body.insert(QStringLiteral("verificationMethod"), method);
    body.insert(QStringLiteral("documentRef"), documentRef);
    PasswordLetter::Content letter{userId, person.value(QStringLiteral("name")).toString(),
                                   person.value(QStringLiteral("kana")).toString(), QDateTime(), m_setup.helpContact};
    ReceptionClient* client = m_setup.client;
    LetterIssue::run(
        m_setup, QStringLiteral("password-reset"), letter,
        [client, body](ReceptionClient::Callback done) { client->post(QStringLiteral("staff/password-reset"), body, done); },
        [this, userId](const LetterIssue::Result& r) {
            if (r.outcome == LetterIssue::Outcome::Printed)
                answered(userId, true, StatusTone::Ok,
                         tr("The password of %1 is reset. The letter is printed: seal it in an envelope and hand it to "
                            "the person only.")
                             .arg(userId));
            else
                answered(userId, false, StatusTone::Danger, r.message);
        });
}

void StaffFinder::answered(const QString& userId, bool ok, StatusTone tone, const QString& message)
{
    m_busy = false;
    m_outcome->setStatus(tone, ok ? IconName::Ok : IconName::Error, message);
    m_outcome->show();
    // Whatever the answer, the row shows what the hub holds now (after a conflict: the other clerk's change).
    refreshPerson(userId);
    emit changeAnswered(ok);
}

void StaffFinder::refreshPerson(const QString& userId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("userId"), userId);
    m_setup.client->get(QStringLiteral("staff/person"), query, [this, userId](const HubReply& reply) {
        const int row = rowOf(userId);
        if (reply.ok() && row >= 0) {
            m_people[row] = reply.json;
            fillRow(row, reply.json);
        }
        updateButtons();
        emit personRefreshed(userId);
    });
}

} // namespace ward
