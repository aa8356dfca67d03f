#pragma once

#include "ui/theme/ThemePalette.h"

#include <QIcon>
#include <QString>

namespace ward {

// The icons WardStation uses, named for what they mean. All come from one set (GNOME Adwaita symbolic,
// CC-BY-SA 3.0 / LGPL 3, resources/icons/symbolic/COPYING) and are tinted with the current theme.
enum class IconName {
    Lock,
    LogOut,
    Ok,
    Pending,
    Saved,
    Timestamped,
    Warning,
    Error,
    Info,
    HubOnline,
    HubOffline,
    Syncing,
    Search,
    Refresh,
    Edit,
    NewRecord,
    Print,
    Back,
    User,
    Card,
    Password,
    History,
    BreakGlass,
    NightTheme,
    LightTheme,
    LargeText,
    Delete,
    Send,
    ArrowDown,
    ArrowUp,
};

class ThemeIcon
{
public:
    // An icon drawn in `tint` of whatever theme is current when it is painted, so it follows a theme switch
    // without being set again. Disabled icons take the disabled text colour.
    static QIcon icon(IconName name, ColorRole tint = ColorRole::Text);
    // The resource path of the SVG (":/icons/symbolic/…").
    static QString resourcePath(IconName name);
    // The SVG with every colour replaced by `color` (empty if the resource is missing).
    static QByteArray tintedSvg(IconName name, const QColor& color);
    static QByteArray tintedSvg(const QByteArray& svg, const QColor& color);
    static QList<IconName> all();
};

} // namespace ward
