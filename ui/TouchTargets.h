#pragma once

#include <QObject>

class QWidget;

namespace ward {

// Touch targets of at least 9 mm (issue 11) on terminals with a touch screen or started with --touch. The size
// is computed from the widget's logical DPI, so it stays 9 mm on a 1280×800 panel and on a 1920×1080 one.
// install() adds an application-wide event filter that raises the minimum size of buttons, inputs, combo boxes
// and spin boxes when they are polished, so no widget has to remember it. Without touch nothing changes.
class TouchTargets : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMinimumMm = 9.0;

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
