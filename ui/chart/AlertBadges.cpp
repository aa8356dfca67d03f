#include "ui/chart/AlertBadges.h"

#include "ui/chart/RecordPresenter.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>

namespace ward {

namespace {

const char* const kKindProperty = "alertKind";

QString tone(AlertBadges::Kind kind)
{
    switch (kind) {
    case AlertBadges::Kind::Allergy:
        return QStringLiteral("danger");
    case AlertBadges::Kind::Infection:
    case AlertBadges::Kind::FallRisk:
        return QStringLiteral("warning");
    case AlertBadges::Kind::Npo:
        break;
    }
    return QStringLiteral("info");
}

} // namespace

AlertBadges::AlertBadges(Mode mode, QWidget* parent) : QWidget(parent), m_mode(mode)
{
    setObjectName(mode == Mode::Compact ? QStringLiteral("alertBadgesCompact") : QStringLiteral("alertBanner"));
    if (mode == Mode::Compact) {
        m_row = new QHBoxLayout(this);
        m_row->setContentsMargins(4, 0, 4, 0);
        m_row->setSpacing(10);
    } else {
        // Full: two columns, so the banner stays two lines high with four alerts and the 温度板 keeps its room.
        m_grid = new QGridLayout(this);
        m_grid->setContentsMargins(0, 0, 0, 0);
        m_grid->setHorizontalSpacing(12);
        m_grid->setVerticalSpacing(2);
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

QString AlertBadges::iconPath(Kind kind)
{
    return QStringLiteral(":/icons/alerts/%1.svg").arg(kindName(kind));
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
    for (QWidget* b : std::as_const(m_badges))
        delete b;
    m_badges.clear();
    m_kinds.clear();
}

QWidget* AlertBadges::makeBadge(Kind kind, const QString& text, const QString& description, bool withIcon)
{
    auto* badge = new QWidget(this);
    badge->setObjectName(QStringLiteral("alertBadge"));
    badge->setProperty(kKindProperty, withIcon ? kindName(kind) : QStringLiteral("none"));
    badge->setProperty("tone", withIcon ? tone(kind) : QStringLiteral("neutral"));
    badge->setAttribute(Qt::WA_StyledBackground);
    auto* row = new QHBoxLayout(badge);
    row->setContentsMargins(m_mode == Mode::Full ? 8 : 0, 2, m_mode == Mode::Full ? 8 : 0, 2);
    row->setSpacing(6);
    if (withIcon) {
        auto* icon = new QLabel(badge);
        icon->setObjectName(QStringLiteral("alertIcon"));
        const int side = badge->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, badge) * (m_mode == Mode::Full ? 3 : 2) / 2;
        icon->setPixmap(QIcon(iconPath(kind)).pixmap(side, side));
        icon->setFixedSize(side, side);
        icon->setAccessibleName(word(kind));
        // Beside the first line of a wrapped text in the banner, centred on the line in the census.
        row->addWidget(icon, 0, m_mode == Mode::Full ? Qt::AlignTop : Qt::AlignVCenter);
    }
    auto* label = new QLabel(text, badge);
    label->setObjectName(QStringLiteral("alertText"));
    label->setWordWrap(m_mode == Mode::Full);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    row->addWidget(label, 1);
    badge->setAccessibleName(withIcon ? word(kind) : text);
    badge->setAccessibleDescription(description);
    label->setAccessibleName(text);
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

QWidget* AlertBadges::badge(Kind kind) const
{
    for (QWidget* b : m_badges) {
        if (b->property(kKindProperty).toString() == kindName(kind))
            return b;
        if (kind == Kind::Allergy && b->property(kKindProperty).toString() == QLatin1String("none"))
            return b;
    }
    return nullptr;
}

QLabel* AlertBadges::textLabel(Kind kind) const
{
    QWidget* b = badge(kind);
    return b ? b->findChild<QLabel*>(QStringLiteral("alertText")) : nullptr;
}

} // namespace ward
