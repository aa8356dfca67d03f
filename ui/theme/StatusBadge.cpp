#include "ui/theme/StatusBadge.h"

#include "ui/theme/Spacing.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

namespace ward {

StatusBadge::StatusBadge(Shape shape, QWidget* parent)
    : QLabel(parent)
{
    setProperty("role", shape == Shape::Banner ? QStringLiteral("banner") : QStringLiteral("badge"));
    setProperty("tone", toneName(m_tone));
    setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    if (shape == Shape::Banner) {
        setWordWrap(true);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    } else {
        setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    }
    hide();
}

QString StatusBadge::toneName(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Neutral: return QStringLiteral("neutral");
    case StatusTone::Ok: return QStringLiteral("ok");
    case StatusTone::Pending: return QStringLiteral("pending");
    case StatusTone::Warning: return QStringLiteral("warning");
    case StatusTone::Danger: return QStringLiteral("danger");
    case StatusTone::Info: return QStringLiteral("info");
    }
    return QString();
}

ColorRole StatusBadge::foregroundRole(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Neutral: return ColorRole::Text;
    case StatusTone::Ok: return ColorRole::OnOk;
    case StatusTone::Pending: return ColorRole::OnPending;
    case StatusTone::Warning: return ColorRole::OnWarning;
    case StatusTone::Danger: return ColorRole::OnDanger;
    case StatusTone::Info: return ColorRole::OnInfo;
    }
    return ColorRole::Text;
}

void StatusBadge::setStatus(StatusTone tone, IconName icon, const QString& word)
{
    const bool toneChanged = tone != m_tone;
    m_tone = tone;
    m_icon = icon;
    m_hasIcon = true;
    setText(word);
    setAccessibleName(word);
    if (toneChanged) {
        setProperty("tone", toneName(tone));
        // Dynamic properties are matched at polish time: re-polish so the tone's colours apply.
        style()->unpolish(this);
        style()->polish(this);
    }
    updateIndent();
    setVisible(!word.isEmpty());
    update();
}

void StatusBadge::clearStatus()
{
    m_hasIcon = false;
    clear();
    setAccessibleName(QString());
    hide();
}

int StatusBadge::iconSide() const
{
    return fontMetrics().height();
}

void StatusBadge::updateIndent()
{
    setIndent(m_hasIcon ? iconSide() + Spacing::kXs : -1);
}

void StatusBadge::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateIndent();
}

void StatusBadge::paintEvent(QPaintEvent* event)
{
    QLabel::paintEvent(event);
    if (!m_hasIcon)
        return;
    const QRect content = contentsRect();
    const int side = iconSide();
    const QRect target(content.left() + margin(), content.top() + (content.height() - side) / 2, side, side);
    QPainter p(this);
    ThemeIcon::icon(m_icon, foregroundRole(m_tone)).paint(&p, target, Qt::AlignCenter,
                                                          isEnabled() ? QIcon::Normal : QIcon::Disabled);
}

} // namespace ward
