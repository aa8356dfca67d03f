#pragma once

#include "ui/theme/ThemePalette.h"

#include <QColor>
#include <QStringList>

namespace ward {

// WCAG 2.1 contrast arithmetic, used to prove the themes readable (issue 11: text ≥ 4.5:1 in both themes).
class Contrast
{
public:
    static constexpr double kText = 4.5;     // 1.4.3 contrast (minimum), normal text
    static constexpr double kGraphic = 3.0;  // 1.4.11 non-text contrast

    // Relative luminance of an sRGB colour (0 black … 1 white).
    static double relativeLuminance(const QColor& color);
    // (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 … 21.
    static double ratio(const QColor& a, const QColor& b);
    // One line per pair below `minimum` ("muted text on window: 3.9:1 (#8a949e on #f3f5f7)"); empty when all pass.
    static QStringList failures(const ThemePalette& palette, const QList<ColorPair>& pairs, double minimum);
};

} // namespace ward
