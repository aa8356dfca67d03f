#include "ui/reception/RoleChangePanel.h"

#include "ui/reception/ReceptionSetup.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/ThemeProperty.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

namespace {
constexpr int kColumns = 4;

QStringList sortedStrings(const QJsonArray& values)
{
    QStringList out;
    for (const QJsonValue& v : values)
        out << v.toString();
    out.sort();
    return out;
}

QStringList checkedIds(const QMap<QString, QCheckBox*>& boxes)
{
    QStringList ids;
    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it)
        if (it.value()->isChecked())
            ids << it.key();
    return ids;
}
} // namespace

RoleChangePanel::RoleChangePanel(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("roleChangePanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_title->setObjectName(QStringLiteral("roleChangeTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    layout->addWidget(m_title);

    auto* form = new QFormLayout();
    auto* roles = new QWidget(this);
    m_roleGrid = new QGridLayout(roles);
    m_roleGrid->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Roles"), roles);
    auto* wards = new QWidget(this);
    m_wardGrid = new QGridLayout(wards);
    m_wardGrid->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Wards"), wards);
    m_privileged = new QCheckBox(tr("Privileged ID (stricter password rules, shorter sessions)"), this);
    m_privileged->setObjectName(QStringLiteral("roleChangePrivileged"));
    form->addRow(QString(), m_privileged);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("roleChangeSummary"));
    m_summary->setAccessibleName(tr("What will change"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_approvalNote = new QLabel(tr("A role that may manage staff, cards, terminals or the policy, or the privileged "
                                   "flag, is granted only when a second authorised person approves it (segregation "
                                   "of duties): the change then waits under \"Waiting for approval\"."),
                                this);
    m_approvalNote->setObjectName(QStringLiteral("roleChangeApprovalNote"));
    m_approvalNote->setProperty("role", QStringLiteral("muted"));
    m_approvalNote->setWordWrap(true);
    layout->addWidget(m_approvalNote);

    auto* reasonForm = new QFormLayout();
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("roleChangeReason"));
    m_reason->setMaxLength(kMaxChangeReasonLength);
    m_reason->setAccessibleName(tr("Reason (required)"));
    m_reason->setPlaceholderText(tr("Why this change is made, e.g. \"moves to ward W4 from 1 April\""));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("roleChangeHint"));
    m_hint->setProperty("role", QStringLiteral("muted"));
    m_hint->setWordWrap(true);
    reasonForm->addRow(tr("Reason"), m_reason);
    reasonForm->addRow(QString(), m_hint);
    layout->addLayout(reasonForm);

    auto* buttons = new QHBoxLayout();
    m_confirm = new QPushButton(ThemeIcon::icon(IconName::Ok), tr("Change roles and wards"), this);
    m_confirm->setObjectName(QStringLiteral("roleChangeConfirm"));
    ThemeProperty::setRole(m_confirm, QStringLiteral("primary"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("roleChangeCancel"));
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_privileged, &QCheckBox::toggled, this, &RoleChangePanel::validate);
    connect(m_reason, &QLineEdit::textChanged, this, &RoleChangePanel::validate);
    connect(m_reason, &QLineEdit::returnPressed, this, &RoleChangePanel::submit);
    connect(m_confirm, &QPushButton::clicked, this, &RoleChangePanel::submit);
    connect(cancel, &QPushButton::clicked, this, &RoleChangePanel::cancelled);
}

void RoleChangePanel::fill(QGridLayout* grid, QMap<QString, QCheckBox*>* boxes, const QStringList& offered,
                           const QStringList& held, const QString& objectPrefix)
{
    qDeleteAll(*boxes);
    boxes->clear();
    // What the person holds stays visible even when the replicated directory no longer offers it, so it is
    // removed only by unticking it, never silently.
    QStringList ids = offered;
    for (const QString& id : held)
        if (!ids.contains(id))
            ids << id;
    for (int i = 0; i < ids.size(); ++i) {
        auto* box = new QCheckBox(ids.at(i), grid->parentWidget());
        box->setObjectName(objectPrefix + ids.at(i));
        box->setChecked(held.contains(ids.at(i)));
        connect(box, &QCheckBox::toggled, this, &RoleChangePanel::validate);
        grid->addWidget(box, i / kColumns, i % kColumns);
        boxes->insert(ids.at(i), box);
    }
}

void RoleChangePanel::ask(const QJsonObject& person)
{
    m_person = person;
    m_heldRoles = sortedStrings(person.value(QStringLiteral("roles")).toArray());
    m_heldWards = sortedStrings(person.value(QStringLiteral("wards")).toArray());
    m_heldPrivileged = person.value(QStringLiteral("privileged")).toBool();
    m_title->setStatus(StatusTone::Info, IconName::User,
                       tr("Roles and wards of %1 (%2)")
                           .arg(person.value(QStringLiteral("name")).toString(), person.value(QStringLiteral("userId")).toString()));
    fill(m_roleGrid, &m_roles, m_setup.roles, m_heldRoles, QStringLiteral("roleChangeRole_"));
    fill(m_wardGrid, &m_wards, m_setup.wards, m_heldWards, QStringLiteral("roleChangeWard_"));
    {
        const QSignalBlocker quiet(m_privileged);
        m_privileged->setChecked(m_heldPrivileged);
    }
    m_reason->clear();
    validate();
    m_reason->setFocus();
}

QStringList RoleChangePanel::chosenRoles() const
{
    return checkedIds(m_roles);
}

QStringList RoleChangePanel::chosenWards() const
{
    return checkedIds(m_wards);
}

bool RoleChangePanel::chosenPrivileged() const
{
    return m_privileged->isChecked();
}

QString RoleChangePanel::changeSummary() const
{
    const auto list = [](const QStringList& ids) { return ids.isEmpty() ? tr("(none)") : ids.join(QStringLiteral(", ")); };
    const auto line = [&](const QString& label, const QString& before, const QString& after) {
        return before == after ? tr("%1: %2 (unchanged)").arg(label, before) : tr("%1: %2 → %3").arg(label, before, after);
    };
    const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    return QStringList{line(tr("Roles"), list(m_heldRoles), list(chosenRoles())),
                       line(tr("Wards"), list(m_heldWards), list(chosenWards())),
                       line(tr("Privileged ID"), yesNo(m_heldPrivileged), yesNo(chosenPrivileged()))}
        .join(QLatin1Char('\n'));
}

QString RoleChangePanel::appliedMessage(const QString& userId)
{
    return tr("The roles and wards of %1 are changed. Terminals apply them after their next sync.").arg(userId);
}

QString RoleChangePanel::pendingMessage(const QString& userId)
{
    return tr("Pending approval by a second person: the change for %1 grants a privileged role or the privileged "
              "flag, so another person with the right to manage users must approve it under \"Waiting for "
              "approval\". Nothing changes until then.")
        .arg(userId);
}

void RoleChangePanel::validate()
{
    const QStringList roles = chosenRoles();
    const bool changed = roles != m_heldRoles || chosenWards() != m_heldWards || chosenPrivileged() != m_heldPrivileged;
    bool grants = chosenPrivileged() && !m_heldPrivileged;
    for (const QString& role : roles)
        grants = grants || !m_heldRoles.contains(role);
    const bool reasonOk = !m_reason->text().trimmed().isEmpty();
    m_summary->setText(changeSummary());
    m_approvalNote->setVisible(grants);
    QString hint;
    if (!changed)
        hint = tr("Nothing would change yet: tick or untick a role, a ward or the privileged flag.");
    else if (roles.isEmpty())
        hint = tr("Keep at least one role. To end all access, disable or retire the ID instead.");
    else if (!reasonOk)
        hint = tr("Write why, in a few words (required, at most %1 characters).").arg(kMaxChangeReasonLength);
    else
        hint = tr("Recorded in the hub's audit with your name and this terminal.");
    m_hint->setText(hint);
    m_confirm->setEnabled(changed && !roles.isEmpty() && reasonOk);
}

void RoleChangePanel::submit()
{
    if (!m_confirm->isEnabled())
        return;
    const QString userId = m_person.value(QStringLiteral("userId")).toString();
    const QJsonObject body{{QStringLiteral("userId"), userId},
                           {QStringLiteral("version"), m_person.value(QStringLiteral("version"))},
                           {QStringLiteral("reason"), m_reason->text().trimmed()},
                           {QStringLiteral("roles"), QJsonArray::fromStringList(chosenRoles())},
                           {QStringLiteral("wards"), QJsonArray::fromStringList(chosenWards())},
                           {QStringLiteral("privileged"), chosenPrivileged()}};
    emit sent(userId);
    m_setup.client->post(QStringLiteral("staff/roles"), body, [this, userId](const HubReply& reply) {
        if (!reply.ok())
            emit answered(userId, false, StatusTone::Danger, ReceptionClient::explain(reply));
        else if (reply.json.value(QStringLiteral("pending")).toBool())
            emit answered(userId, true, StatusTone::Pending, pendingMessage(userId));
        else
            emit answered(userId, true, StatusTone::Ok, appliedMessage(userId));
    });
}

} // namespace ward
