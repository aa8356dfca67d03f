#include "ui/HelpOverlay.h"

#include "ui/theme/ThemeProperty.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

namespace ward {

namespace {

QString contactLine(const QString& contact)
{
    return contact.trimmed().isEmpty()
               ? HelpOverlay::tr("Ask your ward manager whom to call; the hospital has not entered a contact on "
                                 "this terminal yet.")
               : contact.trimmed().toHtmlEscaped();
}

QString item(const QString& heading, const QString& text)
{
    return QStringLiteral("<p><b>%1</b><br>%2</p>").arg(heading.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

HelpOverlay::HelpOverlay(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("helpOverlay"));
    setProperty("floating", true);  // covers the shell while open
    ThemeProperty::setRole(this, QStringLiteral("overlay"));
    setAttribute(Qt::WA_StyledBackground, true);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    m_title->setObjectName(QStringLiteral("helpTitle"));
    ThemeProperty::setTextStyle(m_title, QStringLiteral("heading"));
    m_body->setObjectName(QStringLiteral("helpBody"));
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* close = new QPushButton(tr("Close (Esc)"), this);
    close->setObjectName(QStringLiteral("closeHelpButton"));
    close->setMinimumHeight(48);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addWidget(close, 0, Qt::AlignRight);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    parent->installEventFilter(this);
    hide();
}

QString HelpOverlay::title() const
{
    return m_title->text();
}

QString HelpOverlay::body() const
{
    return m_body->text();
}

QString HelpOverlay::loginHelpText(const QString& contact)
{
    return item(tr("Lost or broken card"),
                tr("Tell reception at once: they block the card so nobody else can use it. For this shift they can "
                   "give you a one-time code: choose \"No card? Use a one-time code from reception\" on the card "
                   "screen. That login is recorded and flagged."))
           + item(tr("Forgotten password"),
                  tr("Nobody can look your password up. Reception resets it after checking your staff ID, and gives "
                     "you a sealed temporary password that you change at your next login."))
           + item(tr("Account locked"),
                  tr("After too many wrong passwords the account locks. Waiting does not unlock it: an administrator "
                     "must, after checking who you are. Call the contact below."))
           + item(tr("Password expired or expiring"),
                  tr("From a few days before expiry each login tells you how many days are left and offers to change "
                     "it. On the day it expires you must choose a new one to log in; the hub must be reachable."))
           + item(tr("Whom to call"), contactLine(contact));
}

QString HelpOverlay::lockHelpText(const QString& contact)
{
    return item(tr("Why the screen is locked"),
                tr("The terminal locks when nobody used it for a while, when the card was removed or when someone "
                   "pressed Lock. Your drafts were saved; nothing of the session is on the screen."))
           + item(tr("Unlock"), tr("Insert your staff card and enter your password."))
           + item(tr("Someone else's session"),
                  tr("Insert your own card and enter your password: the locked session ends (its drafts are kept for "
                     "its owner) and yours starts."))
           + loginHelpText(contact);
}

QList<QPair<QString, QString>> HelpOverlay::shortcutsOf(const QWidget* window)
{
    QList<QPair<QString, QString>> out;
    if (!window)
        return out;
    QStringList seen;
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (!a->isEnabled() || a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        QString text = a->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        text.remove(QStringLiteral("…"));
        if (seen.contains(text))
            continue;
        seen << text;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        out.append({text, keys.join(QStringLiteral(" / "))});
    }
    std::sort(out.begin(), out.end());
    return out;
}

void HelpOverlay::showLoginHelp(const QString& contact)
{
    present(tr("Help: logging in"), loginHelpText(contact));
}

void HelpOverlay::showLockHelp(const QString& contact)
{
    present(tr("Help: the locked screen"), lockHelpText(contact));
}

void HelpOverlay::showShortcuts(const QWidget* window)
{
    QString rows;
    for (const auto& [text, keys] : shortcutsOf(window))
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), text.toHtmlEscaped());
    const QString body = rows.isEmpty() ? tr("This screen has no keyboard shortcuts.")
                                        : QStringLiteral("<table>%1</table>").arg(rows);
    present(tr("Keyboard shortcuts on this screen"), body);
}

void HelpOverlay::present(const QString& title, const QString& body)
{
    m_title->setText(title);
    m_body->setText(body);
    setGeometry(parentWidget()->rect());
    show();
    raise();
    setFocus(Qt::OtherFocusReason);
}

bool HelpOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void HelpOverlay::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ward
