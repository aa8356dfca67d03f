#include "ui/theme/Spacing.h"

#include <QGuiApplication>
#include <QScreen>
#include <algorithm>
#include <cmath>

namespace ward {

int Spacing::touchTargetPx()
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen)
        return kMinTouchTargetPx;
    // Logical pixels: physical DPI over the device pixel ratio, as the stylesheet's px are logical.
    const double dpi = screen->physicalDotsPerInch() / std::max(1.0, screen->devicePixelRatio());
    const int px = int(std::ceil(kTouchTargetMm / 25.4 * dpi));
    return std::clamp(px, kMinTouchTargetPx, 96);
}

} // namespace ward
