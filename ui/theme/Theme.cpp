#include "ui/theme/Theme.h"

namespace ward {

Theme::Theme(Kind kind, bool largeText)
    : m_kind(kind), m_palette(kind == Kind::Night ? ThemePalette::night() : ThemePalette::light()), m_scale(largeText)
{
}

QPalette Theme::qtPalette() const
{
    using R = ColorRole;
    QPalette p;
    auto both = [&p](QPalette::ColorRole role, const QColor& c) {
        p.setColor(QPalette::Active, role, c);
        p.setColor(QPalette::Inactive, role, c);
    };
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(g, QPalette::Window, color(R::Window));
        p.setColor(g, QPalette::Base, color(R::Surface));
        p.setColor(g, QPalette::AlternateBase, color(R::SurfaceAlt));
        p.setColor(g, QPalette::Button, color(R::SurfaceAlt));
        p.setColor(g, QPalette::ToolTipBase, color(R::Surface));
        p.setColor(g, QPalette::ToolTipText, color(R::Text));
        p.setColor(g, QPalette::Highlight, color(R::Selection));
        p.setColor(g, QPalette::HighlightedText, color(R::OnSelection));
        p.setColor(g, QPalette::Link, color(R::InfoText));
        p.setColor(g, QPalette::LinkVisited, color(R::InfoText));
        p.setColor(g, QPalette::PlaceholderText, color(R::TextMuted));
        p.setColor(g, QPalette::Mid, color(R::Border));
        p.setColor(g, QPalette::Dark, color(R::Border));
        p.setColor(g, QPalette::Shadow, color(R::Border));
        p.setColor(g, QPalette::Light, color(R::Surface));
        p.setColor(g, QPalette::Midlight, color(R::SurfaceAlt));
    }
    both(QPalette::WindowText, color(R::Text));
    both(QPalette::Text, color(R::Text));
    both(QPalette::ButtonText, color(R::Text));
    both(QPalette::BrightText, color(R::OnDanger));
    p.setColor(QPalette::Disabled, QPalette::WindowText, color(R::TextDisabled));
    p.setColor(QPalette::Disabled, QPalette::Text, color(R::TextDisabled));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, color(R::TextDisabled));
    p.setColor(QPalette::Disabled, QPalette::BrightText, color(R::TextDisabled));
    return p;
}

QString Theme::kindName(Kind kind)
{
    return kind == Kind::Night ? QStringLiteral("night") : QStringLiteral("light");
}

std::optional<Theme::Kind> Theme::kindFromName(const QString& name)
{
    if (name == QLatin1String("night"))
        return Kind::Night;
    if (name == QLatin1String("light"))
        return Kind::Light;
    return std::nullopt;
}

} // namespace ward
