#include "ui/LockScreen.h"

#include "ui/LockScreensaver.h"
#include "util/Clock.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace ward {

LockScreen::LockScreen(QWidget* parent)
    : QWidget(parent),
      m_clock(new QLabel(this)),
      m_title(new QLabel(tr("Locked"), this)),
      m_lockedBy(new QLabel(this)),
      m_cardHint(new QLabel(this)),
      m_message(new QLabel(this)),
      m_password(new QLineEdit(this)),
      m_unlock(new QPushButton(tr("Unlock"), this)),
      m_clockTimer(new QTimer(this)),
      m_face(new QWidget(this)),
      m_saver(new LockScreensaver(this)),
      m_layers(new QStackedLayout(this))
{
    setObjectName(QStringLiteral("lockScreen"));
    m_clock->setObjectName(QStringLiteral("lockClock"));
    m_title->setObjectName(QStringLiteral("lockTitle"));
    m_lockedBy->setObjectName(QStringLiteral("lockedBy"));
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_unlock->setObjectName(QStringLiteral("unlockButton"));

    // Readable from a metre away (issue 11): the type scale's largest steps.
    m_clock->setProperty("textStyle", QStringLiteral("display"));
    m_title->setProperty("textStyle", QStringLiteral("heading"));
    m_lockedBy->setProperty("textStyle", QStringLiteral("title"));
    m_cardHint->setProperty("textStyle", QStringLiteral("title"));
    for (QLabel* l : {m_clock, m_title, m_lockedBy, m_cardHint, m_message})
        l->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    // Password mode already refuses copy and undo; no drag-out and no context menu either.
    m_password->setDragEnabled(false);
    m_password->setContextMenuPolicy(Qt::NoContextMenu);
    // Ward terminals are often touch screens: targets big enough for a gloved finger.
    // (the height comes from the stylesheet's touch target, issue 11).
    m_password->setMinimumWidth(280);
    m_password->setMaximumWidth(320);
    m_unlock->setMinimumWidth(280);
    m_unlock->setMaximumWidth(320);
    m_unlock->setProperty("role", QStringLiteral("primary"));
    m_password->setAccessibleName(tr("Password"));
    m_unlock->setAccessibleName(tr("Unlock"));

    m_face->setObjectName(QStringLiteral("lockFace"));
    auto* layout = new QVBoxLayout(m_face);
    layout->addStretch();
    layout->addWidget(m_clock);
    layout->addWidget(m_title);
    layout->addWidget(m_lockedBy);
    layout->addSpacing(24);
    layout->addWidget(m_cardHint);
    layout->addWidget(m_password, 0, Qt::AlignHCenter);
    layout->addWidget(m_unlock, 0, Qt::AlignHCenter);
    layout->addWidget(m_message);
    layout->addStretch();

    m_layers->addWidget(m_face);
    m_layers->addWidget(m_saver);
    m_layers->setCurrentWidget(m_face);
    // Input on the lock screen itself keeps the screensaver away.
    m_face->setMouseTracking(true);
    for (QWidget* w : {m_face, static_cast<QWidget*>(m_password), static_cast<QWidget*>(m_unlock)})
        w->installEventFilter(this);
    connect(m_saver, &LockScreensaver::woken, this, &LockScreen::wake);

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_clockTimer, &QTimer::timeout, this, &LockScreen::tick);
    m_clockTimer->start(1000);
    reset();
}

void LockScreen::updateClock()
{
    m_clock->setText(Clock::instance().nowUtc().toLocalTime().toString(QStringLiteral("HH:mm")));
}

void LockScreen::tick()
{
    updateClock();
    if (isScreensaverActive()) {
        m_saver->tick();
        return;
    }
    if (m_screensaverDelayMs > 0 && isVisible()
        && Clock::instance().monotonicMs() - m_lastInputMs >= m_screensaverDelayMs) {
        // Nothing half-typed stays behind the screensaver.
        m_password->clear();
        m_layers->setCurrentWidget(m_saver);
        m_saver->setFocus(Qt::OtherFocusReason);
        emit screensaverChanged(true);
    }
}

void LockScreen::noteInput()
{
    m_lastInputMs = Clock::instance().monotonicMs();
}

void LockScreen::wake()
{
    noteInput();
    if (!isScreensaverActive())
        return;
    m_layers->setCurrentWidget(m_face);
    updateClock();
    m_password->setFocus(Qt::OtherFocusReason);
    emit screensaverChanged(false);
}

bool LockScreen::isScreensaverActive() const
{
    return m_layers->currentWidget() == m_saver;
}

void LockScreen::setWardName(const QString& name)
{
    m_saver->setWardName(name);
}

bool LockScreen::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
        noteInput();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void LockScreen::showLocked(const QString& lockedBy)
{
    reset();
    m_lockedBy->setText(lockedBy.isEmpty() ? QString() : tr("Locked by %1").arg(lockedBy));
    m_lockedBy->setVisible(!lockedBy.isEmpty());
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::setCardPresent(bool present)
{
    if (present)
        wake();
    m_cardPresent = present;
    m_cardHint->setText(present ? tr("Card read. Enter your password to unlock.")
                                : tr("Insert your staff card and enter your password to unlock."));
}

void LockScreen::showMessage(const QString& message)
{
    m_message->setText(message);
}

void LockScreen::setBusy(bool busy)
{
    m_busy = busy;
    m_password->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
    if (busy)
        m_message->setText(tr("Checking…"));
}

void LockScreen::reset()
{
    m_password->clear();
    m_message->clear();
    m_lockedBy->clear();
    m_lockedBy->hide();
    setBusy(false);
    setCardPresent(false);
    if (isScreensaverActive()) {
        m_layers->setCurrentWidget(m_face);
        emit screensaverChanged(false);
    }
    noteInput();
    updateClock();
}

void LockScreen::submit()
{
    if (m_busy)
        return;
    SecureBytes password = SecureBytes::fromUtf8(m_password->text());
    m_password->clear();
    if (password.isEmpty()) {
        m_message->setText(tr("Enter your password."));
        return;
    }
    emit unlockRequested(password);
}

} // namespace ward
