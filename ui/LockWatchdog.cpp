#include "ui/LockWatchdog.h"

#include "ui/Workspace.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QSet>
#include <QWidget>

namespace ward {

LockWatchdog::LockWatchdog(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LockWatchdog::check);
}

void LockWatchdog::start(QWidget* allowed)
{
    m_allowed = allowed;
    m_timer.start();
}

void LockWatchdog::stop()
{
    m_timer.stop();
}

namespace {

bool isInside(const QObject* o, const QWidget* root)
{
    for (; o; o = o->parent())
        if (o == root)
            return true;
    return false;
}

QString describe(const QObject* o)
{
    return QString::fromLatin1(o->metaObject()->className()) + QLatin1Char('#') + o->objectName();
}

} // namespace

QStringList LockWatchdog::scan(const QWidget* allowed)
{
    QList<QObject*> roots;
    for (QWidget* w : QApplication::topLevelWidgets())
        roots.append(w);
    roots.append(QCoreApplication::instance());

    QStringList findings;
    // Nothing but the window holding the lock screen may be visible: a dialog or second window that came up
    // behind (or over) the lock could show anything.
    const QWidget* lockWindow = allowed ? allowed->window() : nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        // Tooltips are exempt: while locked only the lock screen is there to raise one.
        if (w->isVisible() && w != lockWindow && w->windowType() != Qt::ToolTip)
            findings.append(describe(w) + QStringLiteral(" (visible window)"));
    QSet<QObject*> seen;
    for (QObject* root : roots) {
        QList<QObject*> all = root->findChildren<QObject*>();
        all.prepend(root);
        for (QObject* o : all) {
            if (seen.contains(o))
                continue;
            seen.insert(o);
            if (qobject_cast<Workspace*>(o)) {
                findings.append(describe(o));
                continue;
            }
            auto* model = qobject_cast<QAbstractItemModel*>(o);
            if (model && !isInside(model, allowed) && model->rowCount() > 0)
                findings.append(describe(o));
        }
    }
    return findings;
}

bool LockWatchdog::check()
{
    const QStringList findings = scan(m_allowed.data());
    if (findings.isEmpty())
        return true;
    emit sessionDataFound(findings);
    return false;
}

} // namespace ward
