#include "ui/LockScreensaver.h"

#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QEvent>
#include <algorithm>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace ward {

LockScreensaver::LockScreensaver(QWidget* parent)
    : QWidget(parent)
    , m_content(new QWidget(this))
    , m_clock(new QLabel(m_content))
    , m_ward(new QLabel(m_content))
{
    setObjectName(QStringLiteral("lockScreensaver"));
    // Dark in every theme (ThemeStyleSheet: role "screensaver" takes the night palette's window and muted text).
    ThemeProperty::setRole(this, QStringLiteral("screensaver"));
    setAttribute(Qt::WA_StyledBackground, true);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_content->setMouseTracking(true);
    m_clock->setObjectName(QStringLiteral("screensaverClock"));
    m_ward->setObjectName(QStringLiteral("screensaverWard"));
    ThemeProperty::setTextStyle(m_clock, QStringLiteral("display"));
    ThemeProperty::setTextStyle(m_ward, QStringLiteral("title"));
    for (QLabel* l : {m_clock, m_ward}) {
        l->setAlignment(Qt::AlignCenter);
        l->setMouseTracking(true);
        l->setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    auto* layout = new QVBoxLayout(m_content);
    layout->addWidget(m_clock);
    layout->addWidget(m_ward);
    m_ward->hide();
}

void LockScreensaver::setWardName(const QString& name)
{
    m_ward->setText(name);
    m_ward->setVisible(!name.isEmpty());
    m_content->adjustSize();
}

void LockScreensaver::tick()
{
    m_clock->setText(Clock::instance().nowUtc().toLocalTime().toString(QStringLiteral("HH:mm")));
    place();
}

QPoint LockScreensaver::contentPosition() const
{
    return m_content->pos();
}

void LockScreensaver::place()
{
    m_content->adjustSize();
    const qint64 seconds = std::max<qint64>(0, (Clock::instance().monotonicMs() - m_shownAtMs) / 1000);
    // Bounce between the edges: distance travelled folded into [0, span] (a triangle wave); the two axes move
    // at different speeds so the path covers the screen.
    const auto fold = [](qint64 travelled, int span) {
        if (span <= 0)
            return 0;
        const qint64 p = travelled % (2 * qint64(span));
        return static_cast<int>(p <= span ? p : 2 * span - p);
    };
    m_content->move(fold(seconds * kPixelsPerSecond * 3 / 2 + width() / 3, std::max(0, width() - m_content->width())),
                    fold(seconds * kPixelsPerSecond + height() / 3, std::max(0, height() - m_content->height())));
}

void LockScreensaver::keyPressEvent(QKeyEvent* event)
{
    event->accept();
    emit woken();
}

void LockScreensaver::mousePressEvent(QMouseEvent* event)
{
    event->accept();
    emit woken();
}

void LockScreensaver::mouseMoveEvent(QMouseEvent* event)
{
    event->accept();
    emit woken();
}

bool LockScreensaver::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::Wheel:
    case QEvent::TabletPress:
        event->accept();
        emit woken();
        return true;
    default:
        return QWidget::event(event);
    }
}

void LockScreensaver::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    place();
}

void LockScreensaver::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_shownAtMs = Clock::instance().monotonicMs();
    tick();
    setFocus(Qt::OtherFocusReason);
}

} // namespace ward
