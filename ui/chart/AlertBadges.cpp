#include "ui/chart/AlertBadges.h"

#include "ui/chart/RecordPresenter.h"
#include "ui/theme/StatusBadge.h"

#include <QGridLayout>
#include <QHBoxLayout>

namespace ward {

namespace {

const char* const kKindProperty = "alertKind";

StatusTone toneOf(AlertBadges::Kind kind)
{
    switch (kind) {
    case AlertBadges::Kind::Allergy:
        return StatusTone::Danger;
    case AlertBadges::Kind::Infection:
    case AlertBadges::Kind::FallRisk:
        return StatusTone::Warning;
    case AlertBadges::Kind::Npo:
        break;
    }
    return StatusTone::Info;
}

} // namespace

AlertBadges::AlertBadges(Mode mode, QWidget* parent) : QWidget(parent), m_mode(mode)
{
    setObjectName(mode == Mode::Compact ? QStringLiteral("alertBadgesCompact") : QStringLiteral("alertBanner"));
    if (mode == Mode::Compact) {
        m_row = new QHBoxLayout(this);
        m_row->setContentsMargins(4, 0, 4, 0);
        m_row->setSpacing(6);
    } else {
        // Full: two columns, so the banner stays two lines high with four alerts and the 温度板 keeps its room.
        m_grid = new QGridLayout(this);
        m_grid->setContentsMargins(0, 0, 0, 0);
        m_grid->setHorizontalSpacing(8);
        m_grid->setVerticalSpacing(4);
        m_grid->setColumnStretch(0, 1);
        m_grid->setColumnStretch(1, 1);
    }
    setAlerts({});
}

QString AlertBadges::word(Kind kind)
{
    switch (kind) {
    case Kind::Allergy:
        return tr("Allergy");
    case Kind::Infection:
        return RecordPresenter::flagKindLabel(PatientFlag::Kind::Infection);
    case Kind::FallRisk:
        return RecordPresenter::flagKindLabel(PatientFlag::Kind::FallRisk);
    case Kind::Npo:
        break;
    }
    return RecordPresenter::flagKindLabel(PatientFlag::Kind::Npo);
}

QString AlertBadges::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Allergy:
        return QStringLiteral("allergy");
    case Kind::Infection:
        return QStringLiteral("infection");
    case Kind::FallRisk:
        return QStringLiteral("fall-risk");
    case Kind::Npo:
        break;
    }
    return QStringLiteral("npo");
}

IconName AlertBadges::iconOf(Kind kind)
{
    switch (kind) {
    case Kind::Allergy:
        return IconName::Allergy;
    case Kind::Infection:
        return IconName::Infection;
    case Kind::FallRisk:
        return IconName::FallRisk;
    case Kind::Npo:
        break;
    }
    return IconName::Npo;
}

AlertBadges::Kind AlertBadges::kindOf(PatientFlag::Kind kind)
{
    switch (kind) {
    case PatientFlag::Kind::Infection:
        return Kind::Infection;
    case PatientFlag::Kind::FallRisk:
        return Kind::FallRisk;
    case PatientFlag::Kind::Npo:
        break;
    }
    return Kind::Npo;
}

QList<AlertBadges::Alert> AlertBadges::fromSummary(const PatientSummary& summary)
{
    return alertsFor(summary.allergies.join(tr(", ")), summary.flags);
}

QList<AlertBadges::Alert> AlertBadges::alertsFor(const QString& allergies, const QList<PatientFlag>& flags)
{
    QList<Alert> out;
    if (!allergies.isEmpty())
        out.append({Kind::Allergy, allergies});
    for (PatientFlag::Kind k : {PatientFlag::Kind::Infection, PatientFlag::Kind::FallRisk, PatientFlag::Kind::Npo}) {
        QStringList texts;
        for (const PatientFlag& f : flags)
            if (f.kind == k && f.active)
                texts << f.text;
        texts.removeDuplicates();
        if (!texts.isEmpty())
            out.append({kindOf(k), texts.join(tr(" / "))});
    }
    return out;
}

void AlertBadges::clear()
{
    QLayout* layout = m_row ? static_cast<QLayout*>(m_row) : static_cast<QLayout*>(m_grid);
    while (QLayoutItem* item = layout->takeAt(0))
        delete item;  // the layout's item (a spacer, or the wrapper of a badge deleted below)
    for (StatusBadge* b : std::as_const(m_badges))
        delete b;
    m_badges.clear();
    m_kinds.clear();
}

StatusBadge* AlertBadges::makeBadge(Kind kind, const QString& text, const QString& description, bool alert)
{
    auto* badge = new StatusBadge(m_mode == Mode::Full ? StatusBadge::Shape::Banner : StatusBadge::Shape::Badge, this);
    badge->setObjectName(QStringLiteral("alertBadge"));
    badge->setProperty(kKindProperty, alert ? kindName(kind) : QStringLiteral("none"));
    // "No known allergies" is information, not an alert: neutral, with the information icon.
    badge->setStatus(alert ? toneOf(kind) : StatusTone::Neutral, alert ? iconOf(kind) : IconName::Info, text);
    badge->setAccessibleName(alert ? word(kind) : text);
    badge->setAccessibleDescription(description);
    badge->setProperty("alert", alert);
    return badge;
}

void AlertBadges::setAlerts(const QList<Alert>& alerts)
{
    clear();
    bool allergy = false;
    for (const Alert& a : alerts)
        allergy = allergy || a.kind == Kind::Allergy;
    if (m_mode == Mode::Full && !allergy)
        m_badges.append(makeBadge(Kind::Allergy, tr("No known allergies"), QString(), false));
    for (const Alert& a : alerts) {
        // Compact: the word alone (the census column stays narrow); Full: the details the nurse acts on.
        const QString text = m_mode == Mode::Compact ? word(a.kind) : tr("%1: %2").arg(word(a.kind), a.detail);
        m_badges.append(makeBadge(a.kind, text, a.detail, true));
        m_kinds.append(a.kind);
    }
    for (int i = 0; i < m_badges.size(); ++i) {
        if (m_row)
            m_row->addWidget(m_badges.at(i));
        else
            m_grid->addWidget(m_badges.at(i), i / 2, i % 2);
    }
    if (m_row)
        m_row->addStretch();
    // An empty compact cell says so to a screen reader; a sighted user sees no badge.
    setAccessibleName(alerts.isEmpty() ? tr("No alerts") : tr("Alerts"));
    QStringList words;
    for (const Alert& a : alerts)
        words << word(a.kind);
    setAccessibleDescription(words.join(tr(", ")));
}

StatusBadge* AlertBadges::badge(Kind kind) const
{
    for (StatusBadge* b : m_badges) {
        const QString name = b->property(kKindProperty).toString();
        if (name == kindName(kind) || (kind == Kind::Allergy && name == QLatin1String("none")))
            return b;
    }
    return nullptr;
}

} // namespace ward
