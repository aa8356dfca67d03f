#include "ui/ActivityFilter.h"

#include "session/LockController.h"

#include <QCoreApplication>
#include <QEvent>

namespace ward {

ActivityFilter::ActivityFilter(LockController* controller, QObject* parent) : QObject(parent), m_controller(controller) {}

void ActivityFilter::install()
{
    QCoreApplication::instance()->installEventFilter(this);
}

bool ActivityFilter::isUserInput(int type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event)
{
    // Only input from the window system counts: events the program sends itself (or Qt synthesises after a
    // layout change under a resting mouse) are not a person at the terminal and must not hold the lock off.
    if (m_controller && event->spontaneous() && isUserInput(event->type()))
        m_controller->noteActivity();
    return QObject::eventFilter(watched, event);
}

} // namespace ward
