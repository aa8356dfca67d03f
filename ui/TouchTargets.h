#pragma once

#include "ui/theme/Spacing.h"

#include <QObject>

class QWidget;

namespace ward {

// Touch targets of at least 9 mm (issue 11) on terminals with a touch screen or started with --touch, computed
// from each widget's logical DPI (the stylesheet's own minimum, Spacing::touchTargetPx, reads the primary
// screen). install() adds an application-wide event filter that raises the minimum size of buttons, inputs,
// combo boxes and spin boxes when they are polished, so no widget has to remember it; the census rows use
// minimumPixels(). Without touch nothing changes.
class TouchTargets : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMinimumMm = Spacing::kTouchTargetMm;

    // --touch forces it on; otherwise it follows whether a touch screen is attached.
    static void setForced(bool forced);
    static bool enabled();
    static int pixelsFor(double millimetres, const QWidget* widget);
    // kMinimumMm in pixels for this widget when touch is enabled, else 0.
    static int minimumPixels(const QWidget* widget);
    // Applies the minimum to one widget now (what the filter does at polish time).
    static void apply(QWidget* widget);

    static void install();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace ward
