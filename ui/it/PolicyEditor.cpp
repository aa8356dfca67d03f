#include "ui/it/PolicyEditor.h"

#include "session/LockPolicy.h"
#include "sync/HubReply.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/ReceptionSetup.h"
#include "ui/theme/StatusBadge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

namespace {

QJsonValue valueAt(const QJsonObject& policy, const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue v = policy;
    for (const QString& part : parts) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

void setValueAt(QJsonObject* policy, const QStringList& parts, const QJsonValue& value)
{
    if (parts.size() == 1) {
        policy->insert(parts.first(), value);
        return;
    }
    QJsonObject child = policy->value(parts.first()).toObject();
    setValueAt(&child, parts.mid(1), value);
    policy->insert(parts.first(), child);
}

QStringList listOf(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& v : array.toArray())
        out << v.toString();
    return out;
}

QJsonArray arrayOf(const QString& commaSeparated)
{
    QJsonArray out;
    for (const QString& s : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!s.trimmed().isEmpty())
            out.append(s.trimmed());
    return out;
}

// The access policy the terminals apply until the hub sends one (AC-1): what the tables start from.
QJsonObject shippedAccessPolicy()
{
    QFile f(QStringLiteral(":/policy/default-policy.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QTableWidgetItem* cell(const QString& text)
{
    return new QTableWidgetItem(text);
}

} // namespace

PolicyEditor::PolicyEditor(ReceptionClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("policyEditor"));
    auto* layout = new QVBoxLayout(this);
    m_status = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_status->setObjectName(QStringLiteral("policyStatus"));
    m_status->setProperty("textStyle", QStringLiteral("title"));
    layout->addWidget(m_status);

    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("policySections"));
    m_sections->addTab(passwordPage(), tr("Passwords"));
    m_sections->addTab(sessionPage(), tr("Lock and session times"));
    m_sections->addTab(cardsPage(), tr("Cards and help"));
    m_sections->addTab(rolesPage(), tr("Roles and permissions"));
    m_sections->addTab(compartmentsPage(), tr("Compartments"));
    m_sections->addTab(gracePage(), tr("Offline grace"));
    layout->addWidget(m_sections, 3);

    m_otherErrors = new QLabel(this);
    m_otherErrors->setObjectName(QStringLiteral("policyOtherErrors"));
    m_otherErrors->setProperty("role", QStringLiteral("error"));
    m_otherErrors->setWordWrap(true);
    m_otherErrors->hide();
    layout->addWidget(m_otherErrors);

    auto* diffTitle = new QLabel(tr("Changes against the version in force"), this);
    diffTitle->setProperty("textStyle", QStringLiteral("heading"));
    layout->addWidget(diffTitle);
    m_diff = new QTableWidget(0, 3, this);
    m_diff->setObjectName(QStringLiteral("policyDiff"));
    m_diff->setHorizontalHeaderLabels({tr("Setting"), tr("Before"), tr("After")});
    m_diff->horizontalHeader()->setStretchLastSection(true);
    m_diff->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diff->setAccessibleName(tr("Changes against the version in force"));
    layout->addWidget(m_diff, 2);

    auto* reasonRow = new QFormLayout();
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("policyReason"));
    m_reason->setMaxLength(kMaxChangeReasonLength);
    m_reason->setPlaceholderText(tr("Why the policy changes, e.g. \"infection control committee, 12 March\""));
    m_reason->setAccessibleName(tr("Reason (required)"));
    reasonRow->addRow(tr("Reason"), m_reason);
    layout->addLayout(reasonRow);

    auto* buttons = new QHBoxLayout();
    m_review = new QPushButton(tr("Review changes"), this);
    m_review->setObjectName(QStringLiteral("policyReview"));
    m_save = new QPushButton(tr("Save and sign"), this);
    m_save->setObjectName(QStringLiteral("policySave"));
    m_save->setProperty("role", QStringLiteral("primary"));
    m_save->setEnabled(false);
    m_reload = new QPushButton(tr("Discard edits"), this);
    m_reload->setObjectName(QStringLiteral("policyReload"));
    buttons->addWidget(m_review);
    buttons->addWidget(m_save);
    buttons->addWidget(m_reload);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("policyOutcome"));
    m_outcome->setWordWrap(true);
    layout->addWidget(m_outcome);

    connect(m_review, &QPushButton::clicked, this, &PolicyEditor::review);
    connect(m_save, &QPushButton::clicked, this, &PolicyEditor::save);
    connect(m_reload, &QPushButton::clicked, this, &PolicyEditor::reload);
    connect(m_reason, &QLineEdit::textChanged, this, [this] {
        m_save->setEnabled(m_diff->rowCount() > 0 && m_problems.isEmpty() && !m_reason->text().trimmed().isEmpty());
    });
    // Nothing to edit until the version in force is here; "Discard edits" stays, to read it again.
    m_sections->setEnabled(false);
    m_review->setEnabled(false);
    reload();
}

QLabel* PolicyEditor::addErrorLabel(QFormLayout* form, const QString& path)
{
    auto* error = new QLabel(form->parentWidget());
    error->setObjectName(QStringLiteral("policyError_") + path);
    error->setProperty("role", QStringLiteral("error"));
    error->setWordWrap(true);
    error->hide();
    form->addRow(QString(), error);
    return error;
}

QSpinBox* PolicyEditor::addNumber(QFormLayout* form, const QString& path, const QString& label, int shownWhenAbsent, int max,
                                  const QString& suffix)
{
    // Wide ranges on purpose: the policy rules, not the spin box, say what is allowed, and say it next to the field.
    auto* spin = new QSpinBox(form->parentWidget());
    spin->setObjectName(QStringLiteral("policy_") + path);
    spin->setRange(0, max);
    spin->setSuffix(suffix);
    spin->setAccessibleName(label);
    form->addRow(label, spin);
    Field f;
    f.path = path;
    f.label = label;
    f.shownWhenAbsent = shownWhenAbsent;
    f.read = [spin] { return QJsonValue(spin->value()); };
    f.write = [spin, shownWhenAbsent](const QJsonValue& v) { spin->setValue(v.isDouble() ? v.toInt() : shownWhenAbsent); };
    f.error = addErrorLabel(form, path);
    m_fields.append(f);
    connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, &PolicyEditor::checkLocally);
    return spin;
}

QWidget* PolicyEditor::passwordPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    const QString days = tr(" days"), hours = tr(" hours");
    addNumber(form, QStringLiteral("password.minLength"), tr("Minimum length"), 8, 1000, tr(" characters"));
    addNumber(form, QStringLiteral("password.minCharacterClasses"), tr("Character kinds required (of 4)"), 3, 100, QString());
    addNumber(form, QStringLiteral("password.historyGenerations"), tr("Earlier passwords that cannot be reused"), 5, 1000, QString());
    addNumber(form, QStringLiteral("password.maxAgeDays"), tr("Password valid for"), 60, 100000, days);
    addNumber(form, QStringLiteral("password.privilegedMaxAgeDays"), tr("Privileged ID: password valid for"), 30, 100000, days);
    addNumber(form, QStringLiteral("password.warnDays"), tr("Warn before expiry"), 7, 100000, days);
    addNumber(form, QStringLiteral("password.lockoutThreshold"), tr("Failed attempts before the account locks"), 5, 1000, QString());
    addNumber(form, QStringLiteral("password.privilegedLockoutThreshold"), tr("Privileged ID: failed attempts before it locks"), 3, 1000, QString());
    addNumber(form, QStringLiteral("password.temporaryPasswordValidHours"), tr("Temporary password valid for"), 72, 100000, hours);
    return page;
}

QWidget* PolicyEditor::sessionPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    const LockPolicy d;
    const QString seconds = tr(" s"), minutes = tr(" min");
    addNumber(form, QStringLiteral("session.idleLockSeconds"), tr("Idle lock after"), int(d.idleTimeoutMs / 1000), 100000, seconds);
    addNumber(form, QStringLiteral("session.idleWarningSeconds"), tr("Countdown shown before the idle lock"), int(d.warningMs / 1000), 100000, seconds);
    addNumber(form, QStringLiteral("session.privilegedIdleLockSeconds"), tr("Privileged session: idle lock after"),
              int(d.privilegedIdleTimeoutMs / 1000), 100000, seconds);
    addNumber(form, QStringLiteral("session.lockedLogoutMinutes"), tr("A locked session ends after"), int(d.lockedLogoutMs / 60000), 100000, minutes);
    addNumber(form, QStringLiteral("session.privilegedSessionMinutes"), tr("Privileged session: time limit"),
              int(d.privilegedSessionLimitMs / 60000), 100000, minutes);
    addNumber(form, QStringLiteral("session.screensaverSeconds"), tr("Lock screen dims after (0: never)"), int(d.screensaverDelayMs / 1000), 100000, seconds);
    addNumber(form, QStringLiteral("admin.idleMinutes"), tr("Administration session: idle end after"), 3, 1000, minutes);

    auto* removal = new QComboBox(page);
    removal->setObjectName(QStringLiteral("policy_session.cardRemoval"));
    removal->addItem(tr("Lock the session"), QStringLiteral("lock"));
    removal->addItem(tr("Log out"), QStringLiteral("logout"));
    removal->setAccessibleName(tr("When the card is removed"));
    form->addRow(tr("When the card is removed"), removal);
    Field f;
    f.path = QStringLiteral("session.cardRemoval");
    f.label = tr("When the card is removed");
    f.shownWhenAbsent = QStringLiteral("lock");
    f.read = [removal] { return QJsonValue(removal->currentData().toString()); };
    f.write = [removal](const QJsonValue& v) { removal->setCurrentIndex(qMax(0, removal->findData(v.toString(QStringLiteral("lock"))))); };
    f.error = addErrorLabel(form, f.path);
    m_fields.append(f);
    connect(removal, qOverload<int>(&QComboBox::currentIndexChanged), this, &PolicyEditor::checkLocally);
    return page;
}

QWidget* PolicyEditor::cardsPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    auto* uid = new QCheckBox(tr("Allow UID badges (any reader can copy them: only where no IC card is issued)"), page);
    uid->setObjectName(QStringLiteral("policy_cards.allowUidBadges"));
    form->addRow(tr("UID badges"), uid);
    Field f;
    f.path = QStringLiteral("cards.allowUidBadges");
    f.label = tr("UID badges allowed");
    f.shownWhenAbsent = false;
    f.read = [uid] { return QJsonValue(uid->isChecked()); };
    f.write = [uid](const QJsonValue& v) { uid->setChecked(v.toBool(false)); };
    f.error = addErrorLabel(form, f.path);
    m_fields.append(f);
    connect(uid, &QCheckBox::toggled, this, &PolicyEditor::checkLocally);

    auto* contact = new QLineEdit(page);
    contact->setObjectName(QStringLiteral("policy_help.contact"));
    contact->setPlaceholderText(tr("e.g. IT office, extension 2345"));
    contact->setAccessibleName(tr("Whom staff call about cards and passwords"));
    form->addRow(tr("Whom staff call about cards and passwords"), contact);
    Field h;
    h.path = QStringLiteral("help.contact");
    h.label = tr("Help contact");
    h.shownWhenAbsent = QString();
    h.read = [contact] { return QJsonValue(contact->text()); };
    h.write = [contact](const QJsonValue& v) { contact->setText(v.toString()); };
    h.error = addErrorLabel(form, h.path);
    m_fields.append(h);
    connect(contact, &QLineEdit::textChanged, this, &PolicyEditor::checkLocally);
    return page;
}

QWidget* PolicyEditor::tablePage(const QString& helpText, QTableWidget* table, const QString& addText, const QString& removeText,
                                  QLabel* error, const std::function<void(int row)>& fillNewRow)
{
    auto* page = new QWidget(this);
    table->setParent(page);
    auto* layout = new QVBoxLayout(page);
    auto* help = new QLabel(helpText, page);
    help->setWordWrap(true);
    help->setProperty("role", QStringLiteral("muted"));
    auto* buttons = new QHBoxLayout();
    auto* add = new QPushButton(addText, page);
    add->setObjectName(table->objectName() + QStringLiteral("Add"));
    auto* remove = new QPushButton(removeText, page);
    remove->setObjectName(table->objectName() + QStringLiteral("Remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    error->setParent(page);
    error->setProperty("role", QStringLiteral("error"));
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(help);
    layout->addWidget(table);
    layout->addLayout(buttons);
    layout->addWidget(error);
    connect(add, &QPushButton::clicked, this, [this, table, fillNewRow] {
        const int row = table->rowCount();
        m_filling = true;
        table->insertRow(row);
        fillNewRow(row);
        m_filling = false;
        table->setCurrentCell(row, 0);
        table->editItem(table->item(row, 0));
        checkLocally();
    });
    connect(remove, &QPushButton::clicked, this, [this, table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
        checkLocally();
    });
    connect(table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            checkLocally();
    });
    return page;
}

QWidget* PolicyEditor::rolesPage()
{
    m_roles = new QTableWidget(0, 4, this);
    m_roles->setObjectName(QStringLiteral("policyRoles"));
    m_roles->setHorizontalHeaderLabels({tr("Role"), tr("Actions"), tr("Record types"), tr("Highest classification")});
    m_roles->horizontalHeader()->setStretchLastSection(true);
    m_roles->setAccessibleName(tr("Roles and permissions"));
    m_accessError = new QLabel(this);
    m_accessError->setObjectName(QStringLiteral("policyError_access"));
    QWidget* chart = tablePage(tr("One row per permission of a role (AC-1). Actions: read, write, confirm, approve, proxy-enter, export. "
                                  "Record types: names such as nursing-note, or * for every type. Highest classification: 1 to 4 (I–IV)."),
                               m_roles, tr("Add a permission row"), tr("Remove the selected row"), m_accessError, [this](int row) {
                                   for (int c = 0; c < 3; ++c)
                                       m_roles->setItem(row, c, cell(QString()));
                                   m_roles->setItem(row, 3, cell(QStringLiteral("2")));
                               });
    // AC-1: the same roles' permissions at the hub (the reception desk assigns every role named in either table).
    m_hubRoles = new QTableWidget(0, 2, this);
    m_hubRoles->setObjectName(QStringLiteral("policyRoleHubPermissions"));
    m_hubRoles->setHorizontalHeaderLabels({tr("Role"), tr("Hub permissions")});
    m_hubRoles->horizontalHeader()->setStretchLastSection(true);
    m_hubRoles->setAccessibleName(tr("Hub permissions of each role"));
    m_hubRolesError = new QLabel(this);
    m_hubRolesError->setObjectName(QStringLiteral("policyError_admin.rolePermissions"));
    QWidget* hub = tablePage(tr("What each role may do at the hub: users.manage, cards.manage, terminals.manage, policy.manage, audit.read, "
                                "records.review (comma-separated, empty for none). Granting users.manage, cards.manage, terminals.manage "
                                "or policy.manage needs a second IT person's approval (AC-4). A role is removed by removing its rows "
                                "from both tables; a role somebody holds cannot be removed."),
                             m_hubRoles, tr("Add a role"), tr("Remove the selected role"), m_hubRolesError, [this](int row) {
                                 m_hubRoles->setItem(row, 0, cell(QString()));
                                 m_hubRoles->setItem(row, 1, cell(QString()));
                             });
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    chart->setParent(page);
    hub->setParent(page);
    layout->addWidget(chart, 3);
    layout->addWidget(hub, 2);
    return page;
}

QWidget* PolicyEditor::compartmentsPage()
{
    m_compartments = new QTableWidget(0, 3, this);
    m_compartments->setObjectName(QStringLiteral("policyCompartments"));
    m_compartments->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Special")});
    m_compartments->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_compartments->setAccessibleName(tr("Compartments"));
    m_compartmentsError = new QLabel(this);
    return tablePage(tr("Wards and departments whose records are kept apart (AC-2). A special compartment is "
                        "open only to its assigned staff, without break-the-glass (AC-3)."),
                     m_compartments, tr("Add a compartment"), tr("Remove the selected compartment"), m_compartmentsError,
                     [this](int row) { setCompartmentRow(row, QString(), QString(), false); });
}

QWidget* PolicyEditor::gracePage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    auto* help = new QLabel(tr("Records signed on a terminal that was offline longer than this are held at the hub for review."), page);
    help->setWordWrap(true);
    help->setProperty("role", QStringLiteral("muted"));
    form->addRow(help);
    addNumber(form, QStringLiteral("records.offlineGraceHours"), tr("Offline grace"), PolicyRules::kDefaultOfflineGraceHours, 100000, tr(" hours"));
    addNumber(form, QStringLiteral("clock.skewWarningSeconds"), tr("Warn when a terminal's clock is off by"), 60, 100000, tr(" s"));
    return page;
}

void PolicyEditor::reload()
{
    m_outcome->clear();
    m_status->setStatus(StatusTone::Pending, IconName::Pending, tr("Reading the policy in force from the hub…"));
    // The editor may be closed (a lock) before the hub answers: the answer is then dropped.
    QPointer<PolicyEditor> self(this);
    m_client.get(QStringLiteral("policy"), QUrlQuery(), [self](const HubReply& reply) {
        if (self)
            self->onLoaded(reply);
    });
}

void PolicyEditor::onLoaded(const HubReply& reply)
{
    if (!reply.ok()) {
        m_status->setStatus(StatusTone::Danger, IconName::Error, tr("The policy could not be read"));
        m_outcome->setText(ReceptionClient::explain(reply));
        return;
    }
    m_baseVersion = reply.json.value(QStringLiteral("version")).toInt();
    m_base = reply.json.value(QStringLiteral("policy")).toObject();
    fillForm();
    m_sections->setEnabled(true);
    m_review->setEnabled(true);
    m_status->setStatus(StatusTone::Ok, IconName::Ok,
                        m_baseVersion > 0 ? tr("Policy version %1 in force").arg(m_baseVersion)
                                          : tr("No policy set yet: the terminals use their shipped defaults"));
    emit loaded(m_baseVersion);
}

void PolicyEditor::fillForm()
{
    m_filling = true;
    for (const Field& f : m_fields)
        f.write(valueAt(m_base, f.path));
    m_initialAccess = m_base.contains(QStringLiteral("access")) ? m_base.value(QStringLiteral("access")).toObject() : shippedAccessPolicy();
    fillRoles(m_initialAccess);
    fillCompartments(m_initialAccess);
    fillHubRoles(m_base.value(QStringLiteral("admin")).toObject().value(QStringLiteral("rolePermissions")).toObject());
    m_filling = false;
    m_diff->setRowCount(0);
    m_reason->clear();
    m_save->setEnabled(false);
    checkLocally();
}

void PolicyEditor::fillRoles(const QJsonObject& access)
{
    m_roles->setRowCount(0);
    const QJsonObject roles = access.value(QStringLiteral("roles")).toObject();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        for (const QJsonValue& grant : it.value().toArray()) {
            const QJsonObject g = grant.toObject();
            const int row = m_roles->rowCount();
            m_roles->insertRow(row);
            m_roles->setItem(row, 0, cell(it.key()));
            m_roles->setItem(row, 1, cell(listOf(g.value(QStringLiteral("actions"))).join(QStringLiteral(", "))));
            m_roles->setItem(row, 2, cell(listOf(g.value(QStringLiteral("types"))).join(QStringLiteral(", "))));
            m_roles->setItem(row, 3, cell(QString::number(g.value(QStringLiteral("maxClassification")).toInt())));
        }
    }
    m_roles->resizeColumnsToContents();
}

void PolicyEditor::fillHubRoles(const QJsonObject& rolePermissions)
{
    m_hubRoles->setRowCount(0);
    for (auto it = rolePermissions.begin(); it != rolePermissions.end(); ++it) {
        const int row = m_hubRoles->rowCount();
        m_hubRoles->insertRow(row);
        m_hubRoles->setItem(row, 0, cell(it.key()));
        m_hubRoles->setItem(row, 1, cell(listOf(it.value()).join(QStringLiteral(", "))));
    }
    m_hubRoles->resizeColumnsToContents();
}

QJsonObject PolicyEditor::editedHubRoles() const
{
    QJsonObject roles;
    for (int row = 0; row < m_hubRoles->rowCount(); ++row) {
        const QString role = m_hubRoles->item(row, 0) ? m_hubRoles->item(row, 0)->text().trimmed() : QString();
        const QString permissions = m_hubRoles->item(row, 1) ? m_hubRoles->item(row, 1)->text() : QString();
        if (role.isEmpty() && permissions.trimmed().isEmpty())
            continue;
        roles.insert(role, arrayOf(permissions));
    }
    return roles;
}

void PolicyEditor::fillCompartments(const QJsonObject& access)
{
    m_compartments->setRowCount(0);
    for (const QJsonValue& v : access.value(QStringLiteral("compartments")).toArray()) {
        const QJsonObject c = v.toObject();
        const int row = m_compartments->rowCount();
        m_compartments->insertRow(row);
        setCompartmentRow(row, c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("name")).toString(),
                          c.value(QStringLiteral("special")).toBool());
    }
}

void PolicyEditor::setCompartmentRow(int row, const QString& id, const QString& name, bool special)
{
    m_compartments->setItem(row, 0, cell(id));
    m_compartments->setItem(row, 1, cell(name));
    auto* box = cell(QString());
    box->setFlags(box->flags() | Qt::ItemIsUserCheckable);
    box->setCheckState(special ? Qt::Checked : Qt::Unchecked);
    m_compartments->setItem(row, 2, box);
}

QJsonObject PolicyEditor::editedAccess() const
{
    QJsonObject access = m_initialAccess;
    QJsonObject roles;
    for (int row = 0; row < m_roles->rowCount(); ++row) {
        auto text = [&](int column) { return m_roles->item(row, column) ? m_roles->item(row, column)->text().trimmed() : QString(); };
        const QString role = text(0);
        if (role.isEmpty() && text(1).isEmpty() && text(2).isEmpty())
            continue; // an added row not filled in yet
        QJsonArray grants = roles.value(role).toArray();
        bool isNumber = false;
        const int level = text(3).toInt(&isNumber);
        grants.append(QJsonObject{{QStringLiteral("actions"), arrayOf(text(1))},
                                  {QStringLiteral("types"), arrayOf(text(2))},
                                  {QStringLiteral("maxClassification"), isNumber ? QJsonValue(level) : QJsonValue(text(3))}});
        roles.insert(role, grants);
    }
    access.insert(QStringLiteral("roles"), roles);
    QJsonArray compartments;
    for (int row = 0; row < m_compartments->rowCount(); ++row) {
        const QString id = m_compartments->item(row, 0) ? m_compartments->item(row, 0)->text().trimmed() : QString();
        const QString name = m_compartments->item(row, 1) ? m_compartments->item(row, 1)->text().trimmed() : QString();
        if (id.isEmpty() && name.isEmpty())
            continue;
        QJsonObject c{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
        if (m_compartments->item(row, 2) && m_compartments->item(row, 2)->checkState() == Qt::Checked)
            c.insert(QStringLiteral("special"), true);
        compartments.append(c);
    }
    access.insert(QStringLiteral("compartments"), compartments);
    return access;
}

QJsonObject PolicyEditor::editedPolicy() const
{
    QJsonObject policy = m_base;
    for (const Field& f : m_fields) {
        const QJsonValue v = f.read();
        // A setting the policy leaves to the terminals' default stays unset unless IT changes it.
        if (!valueAt(m_base, f.path).isUndefined() || v != f.shownWhenAbsent)
            setValueAt(&policy, f.path.split(QLatin1Char('.')), v);
    }
    const QJsonObject access = editedAccess();
    if (m_base.contains(QStringLiteral("access")) || access != m_initialAccess)
        policy.insert(QStringLiteral("access"), access);
    QJsonObject admin = policy.value(QStringLiteral("admin")).toObject();
    const QJsonObject hubRoles = editedHubRoles();
    if (admin.contains(QStringLiteral("rolePermissions")) || !hubRoles.isEmpty()) {
        admin.insert(QStringLiteral("rolePermissions"), hubRoles);
        policy.insert(QStringLiteral("admin"), admin);
    }
    return policy;
}

void PolicyEditor::checkLocally()
{
    if (m_filling)
        return;
    // The terminals' own rules, at once; the hub checks again (with its administration rules) on review and save.
    showProblems(PolicyRules::check(editedPolicy()));
    m_diff->setRowCount(0);
    m_save->setEnabled(false);
}

void PolicyEditor::showProblems(const QList<PolicyFieldError>& problems)
{
    m_problems = problems;
    QStringList unplaced;
    for (Field& f : m_fields) {
        QStringList messages;
        for (const PolicyFieldError& e : problems)
            if (e.field == f.path)
                messages << e.message;
        f.error->setText(messages.join(QLatin1Char('\n')));
        f.error->setVisible(!messages.isEmpty());
    }
    QStringList access, hubRoles;
    for (const PolicyFieldError& e : problems) {
        const bool placed = std::any_of(m_fields.begin(), m_fields.end(), [&](const Field& f) { return f.path == e.field; });
        if (e.field == QLatin1String("access"))
            access << e.message;
        else if (e.field == QLatin1String("admin.rolePermissions"))
            hubRoles << e.message;
        else if (!placed)
            unplaced << tr("%1: %2").arg(fieldLabel(e.field), e.message);
    }
    for (QLabel* label : {m_accessError, m_compartmentsError}) {
        label->setText(access.join(QLatin1Char('\n')));
        label->setVisible(!access.isEmpty());
    }
    m_hubRolesError->setText(hubRoles.join(QLatin1Char('\n')));
    m_hubRolesError->setVisible(!hubRoles.isEmpty());
    m_otherErrors->setText(unplaced.join(QLatin1Char('\n')));
    m_otherErrors->setVisible(!unplaced.isEmpty());
    if (!problems.isEmpty())
        m_status->setStatus(StatusTone::Warning, IconName::Warning,
                            tr("%n setting(s) need correcting before the policy can be saved", nullptr, int(problems.size())));
    else if (m_baseVersion >= 0)
        m_status->setStatus(StatusTone::Ok, IconName::Ok,
                            m_baseVersion > 0 ? tr("Policy version %1 in force").arg(m_baseVersion)
                                              : tr("No policy set yet: the terminals use their shipped defaults"));
}

void PolicyEditor::review()
{
    m_outcome->clear();
    const QJsonObject policy = editedPolicy();
    QPointer<PolicyEditor> self(this);
    m_client.post(QStringLiteral("policy/validate"), {{QStringLiteral("policy"), policy}}, [this, self, policy](const HubReply& reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            m_outcome->setText(ReceptionClient::explain(reply));
            emit reviewed(false);
            return;
        }
        if (policy != editedPolicy())
            return; // edited again meanwhile: that edit's own review decides
        QList<PolicyFieldError> problems;
        for (const QJsonValue& v : reply.json.value(QStringLiteral("errors")).toArray())
            problems.append({v.toObject().value(QStringLiteral("field")).toString(), v.toObject().value(QStringLiteral("message")).toString()});
        showProblems(problems);
        if (problems.isEmpty())
            showDiff();
        emit reviewed(problems.isEmpty());
    });
}

void PolicyEditor::showDiff()
{
    // Against what the terminals apply now: a section the policy leaves unset is shown as the shipped default.
    QJsonObject before = m_base;
    if (!before.contains(QStringLiteral("access")))
        before.insert(QStringLiteral("access"), m_initialAccess);
    const QList<PolicyFieldChange> changes = PolicyRules::diff(before, editedPolicy());
    m_diff->setRowCount(0);
    for (const PolicyFieldChange& c : changes) {
        const int row = m_diff->rowCount();
        m_diff->insertRow(row);
        auto* name = cell(fieldLabel(c.field));
        name->setToolTip(c.field);
        name->setData(Qt::UserRole, c.field);
        m_diff->setItem(row, 0, name);
        m_diff->setItem(row, 1, cell(valueText(c.field, c.before)));
        m_diff->setItem(row, 2, cell(valueText(c.field, c.after)));
    }
    m_diff->resizeRowsToContents();
    if (changes.isEmpty())
        m_outcome->setText(tr("Nothing was changed: the edited policy is the version in force."));
    m_save->setEnabled(!changes.isEmpty() && !m_reason->text().trimmed().isEmpty());
}

void PolicyEditor::save()
{
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty() || m_diff->rowCount() == 0 || !m_problems.isEmpty())
        return;
    m_save->setEnabled(false);
    m_outcome->setText(tr("Saving…"));
    m_client.post(QStringLiteral("policy"),
                  {{QStringLiteral("policy"), editedPolicy()}, {QStringLiteral("baseVersion"), m_baseVersion}, {QStringLiteral("reason"), reason}},
                  [this, self = QPointer<PolicyEditor>(this)](const HubReply& reply) {
                      if (!self)
                          return;
                      if (!reply.ok()) {
                          const QString code = reply.error.hubCode();
                          const QString message =
                              code == QLatin1String("version_conflict")
                                  ? tr("A colleague saved another version of the policy meanwhile. Nothing was saved: choose "
                                       "\"Discard edits\" to see the version in force, then make the change again.")
                              // AC-1: the hub names the role and how many people hold it.
                              : code == QLatin1String("role_in_use")
                                  ? tr("Nothing was saved: a role you removed is still held by staff. Change their roles at the "
                                       "reception desk first. (%1)")
                                        .arg(reply.error.message())
                                  : ReceptionClient::explain(reply);
                          m_outcome->setText(message);
                          m_save->setEnabled(true);
                          emit saveFailed(message);
                          return;
                      }
                      if (reply.json.value(QStringLiteral("pending")).toBool()) {
                          // AC-4: nothing changed yet; the form shows the version in force again.
                          const QString requestId = reply.json.value(QStringLiteral("requestId")).toString();
                          reload();
                          m_outcome->setText(tr("This change grants privileges (%1). It was not applied: it waits for a second IT "
                                                "person to approve or refuse it under \"Policy approvals\".")
                                                 .arg(listOf(reply.json.value(QStringLiteral("grants"))).join(QStringLiteral("; "))));
                          emit filed(requestId);
                          return;
                      }
                      const int version = reply.json.value(QStringLiteral("version")).toInt();
                      reload();
                      m_outcome->setText(tr("Saved and signed by the hub as policy version %1. Terminals apply it at their next sync.").arg(version));
                      emit saved(version);
                  });
}

QString PolicyEditor::fieldLabel(const QString& path) const
{
    for (const Field& f : m_fields)
        if (f.path == path)
            return f.label;
    if (path.startsWith(QLatin1String("access.roles.")))
        return tr("Role %1: permissions").arg(path.mid(13));
    if (path.startsWith(QLatin1String("admin.rolePermissions.")))
        return tr("Role %1: hub permissions").arg(path.mid(22));
    if (path == QLatin1String("access.compartments"))
        return tr("Compartments");
    return path;
}

QString PolicyEditor::valueText(const QString& path, const QJsonValue& value) const
{
    const bool role = path.startsWith(QLatin1String("access.roles."));
    const bool hubRole = path.startsWith(QLatin1String("admin.rolePermissions."));
    if (value.isUndefined() || value.isNull()) {
        if (role || hubRole)
            return tr("(no such role)");
        for (const Field& f : m_fields)
            if (f.path == path)
                return tr("%1 (terminal default)").arg(valueText(QString(), f.shownWhenAbsent));
        return tr("(not set: terminal default)");
    }
    if (role && value.isArray()) {
        // One line per permission row, as the roles table shows it.
        QStringList grants;
        for (const QJsonValue& g : value.toArray())
            grants << tr("%1 on %2 up to classification %3")
                          .arg(listOf(g.toObject().value(QStringLiteral("actions"))).join(QStringLiteral(", ")),
                               listOf(g.toObject().value(QStringLiteral("types"))).join(QStringLiteral(", ")))
                          .arg(g.toObject().value(QStringLiteral("maxClassification")).toInt());
        return grants.join(QLatin1Char('\n'));
    }
    if (hubRole && value.isArray())
        return value.toArray().isEmpty() ? tr("(none)") : listOf(value).join(QStringLiteral(", "));
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return tr("(not set: terminal default)");
    case QJsonValue::Bool: return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

} // namespace ward
