#include "ui/LockScreen.h"

#include "util/Clock.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
      m_clockTimer(new QTimer(this))
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

    auto* layout = new QVBoxLayout(this);
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

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_clockTimer, &QTimer::timeout, this, &LockScreen::updateClock);
    m_clockTimer->start(1000);
    reset();
}

void LockScreen::updateClock()
{
    m_clock->setText(Clock::instance().nowUtc().toLocalTime().toString(QStringLiteral("HH:mm")));
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
