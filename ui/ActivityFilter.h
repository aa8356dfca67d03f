#pragma once

#include <QObject>
#include <QPointer>

namespace ward {

class LockController;

// Application-wide input watcher: every key, mouse, wheel, touch or tablet event counts as the user being
// present (SES-1) and cancels the idle countdown. It observes only; it never consumes an event. Only
// spontaneous events (from the window system) count.
class ActivityFilter : public QObject
{
    Q_OBJECT

public:
    explicit ActivityFilter(LockController* controller, QObject* parent = nullptr);

    // Installs the filter on the QApplication.
    void install();

    static bool isUserInput(int eventType);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<LockController> m_controller;
};

} // namespace ward
