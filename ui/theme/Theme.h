#pragma once

#include "ui/theme/ThemePalette.h"
#include "ui/theme/TypeScale.h"

#include <QPalette>
#include <optional>

namespace ward {

// One complete look: the palette of a theme plus the type scale at normal or large size.
class Theme
{
public:
    enum class Kind { Light, Night };

    explicit Theme(Kind kind = Kind::Light, bool largeText = false);

    Kind kind() const { return m_kind; }
    bool largeText() const { return m_scale.largeText(); }
    const ThemePalette& palette() const { return m_palette; }
    const TypeScale& typeScale() const { return m_scale; }
    QColor color(ColorRole role) const { return m_palette.color(role); }
    // The QPalette for Qt's own drawing (Fusion), filled from the same roles.
    QPalette qtPalette() const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString& name);

    bool operator==(const Theme& other) const { return m_kind == other.m_kind && largeText() == other.largeText(); }
    bool operator!=(const Theme& other) const { return !(*this == other); }

private:
    Kind m_kind;
    ThemePalette m_palette;
    TypeScale m_scale;
};

} // namespace ward
