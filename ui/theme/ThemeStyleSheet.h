#pragma once

#include "ui/theme/Theme.h"

#include <QString>

namespace ward {

// The one application stylesheet, generated from a theme. Widgets opt into component styles with dynamic
// properties, never with colours:
//   role="banner"  tone="ok|pending|warning|danger|info"   a full-width message strip
//   role="badge"   tone=…                                   a status pill (StatusBadge)
//   role="error"                                            an error message under a form
//   role="muted"                                            secondary text
//   role="primary" / role="danger"                          the main / a destructive push button
//   textStyle="caption|title|heading|display"              a step of the type scale
//   invalid=true                                            an input whose value was refused
class ThemeStyleSheet
{
public:
    // Files the stylesheet points at (Qt stylesheets take images only by path): the drop-down and spin
    // arrows, tinted for the theme. Without them Qt's own sub-controls stay.
    struct Images {
        QString arrowDown;
        QString arrowUp;
        QString arrowDownDisabled;
        QString arrowUpDisabled;
    };

    static QString build(const Theme& theme, int touchTargetPx, const Images& images = Images());
    // CSS for rich text (QTextDocument::setDefaultStyleSheet): classes "added" and "removed" of a version
    // comparison; struck-through as well as coloured, so the difference reads without colour.
    static QString richText(const Theme& theme);
    static QStringList tones();
};

} // namespace ward
