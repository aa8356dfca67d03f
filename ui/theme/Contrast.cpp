#include "ui/theme/Contrast.h"

#include <algorithm>
#include <cmath>

namespace ward {

namespace {

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

double Contrast::relativeLuminance(const QColor& color)
{
    const QColor c = color.toRgb();
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

double Contrast::ratio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QStringList Contrast::failures(const ThemePalette& palette, const QList<ColorPair>& pairs, double minimum)
{
    QStringList out;
    for (const ColorPair& pair : pairs) {
        if (!palette.defines(pair.foreground) || !palette.defines(pair.background)) {
            out << QStringLiteral("%1: colour not defined").arg(pair.name);
            continue;
        }
        const QColor fg = palette.color(pair.foreground);
        const QColor bg = palette.color(pair.background);
        const double r = ratio(fg, bg);
        if (r < minimum)
            out << QStringLiteral("%1: %2:1 (%3 on %4)")
                       .arg(pair.name, QString::number(r, 'f', 2), fg.name(), bg.name());
    }
    return out;
}

} // namespace ward
