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
    static QString build(const Theme& theme, int touchTargetPx);
    static QStringList tones();
};

} // namespace ward
