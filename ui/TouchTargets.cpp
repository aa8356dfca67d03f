#include "ui/TouchTargets.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QInputDevice>
#include <QLineEdit>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace ward {

namespace {

bool g_forced = false;

bool isTarget(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) || qobject_cast<const QComboBox*>(w)
           || qobject_cast<const QAbstractSpinBox*>(w);
}

} // namespace

void TouchTargets::setForced(bool forced)
{
    g_forced = forced;
}

bool TouchTargets::enabled()
{
    if (g_forced)
        return true;
    for (const QInputDevice* device : QInputDevice::devices()) {
        if (device->type() == QInputDevice::DeviceType::TouchScreen)
            return true;
    }
    return false;
}

int TouchTargets::pixelsFor(double millimetres, const QWidget* widget)
{
    const int dpi = widget ? widget->logicalDpiY() : 96;
    return static_cast<int>(std::ceil(millimetres / 25.4 * dpi));
}

int TouchTargets::minimumPixels(const QWidget* widget)
{
    return enabled() ? pixelsFor(kMinimumMm, widget) : 0;
}

void TouchTargets::apply(QWidget* w)
{
    if (!w || !isTarget(w))
        return;
    const int px = minimumPixels(w);
    if (px <= 0)
        return;
    w->setMinimumHeight(std::max(w->minimumHeight(), px));
    // A line edit or combo box is wide by nature; a button must also be wide enough for a fingertip.
    if (qobject_cast<QAbstractButton*>(w))
        w->setMinimumWidth(std::max(w->minimumWidth(), px));
}

void TouchTargets::install()
{
    static TouchTargets* filter = nullptr;
    if (filter || !qApp)
        return;
    filter = new TouchTargets(qApp);
    qApp->installEventFilter(filter);
}

bool TouchTargets::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Polish && watched->isWidgetType())
        apply(static_cast<QWidget*>(watched));
    return QObject::eventFilter(watched, event);
}

} // namespace ward
