#include "ui/LastLoginBanner.h"

#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ward {

LastLoginBanner::LastLoginBanner(QWidget* parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_previous(new QLabel(this))
    , m_failures(new QLabel(this))
    , m_notMe(new QPushButton(tr("This was not me"), this))
    , m_note(new QLineEdit(this))
    , m_send(new QPushButton(tr("Send report to IT"), this))
    , m_status(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("lastLoginBanner"));
    setAttribute(Qt::WA_StyledBackground, true);
    // Floats over the workspace (SessionShell places it); layout checks know it overlaps on purpose.
    setProperty("floating", true);
    ThemeProperty::setTone(this, QStringLiteral("banner"), QStringLiteral("info"));
    m_previous->setObjectName(QStringLiteral("previousLoginLabel"));
    m_failures->setObjectName(QStringLiteral("failedAttemptsLabel"));
    m_notMe->setObjectName(QStringLiteral("notMeButton"));
    m_note->setObjectName(QStringLiteral("notMeNoteEdit"));
    m_send->setObjectName(QStringLiteral("sendReportButton"));
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_previous->setWordWrap(true);
    m_failures->setWordWrap(true);
    m_status->setWordWrap(true);
    m_note->setMaxLength(kMaxNoteLength);
    m_note->setPlaceholderText(tr("Optional: what you noticed (no patient information)"));

    // Page 0: what happened before this login.
    auto* summary = new QWidget(m_pages);
    auto* summaryLayout = new QHBoxLayout(summary);
    auto* texts = new QVBoxLayout;
    texts->addWidget(m_previous);
    texts->addWidget(m_failures, 0, Qt::AlignLeft);
    summaryLayout->addLayout(texts, 1);
    auto* dismiss = new QPushButton(tr("OK"), summary);
    dismiss->setObjectName(QStringLiteral("dismissBannerButton"));
    summaryLayout->addWidget(m_notMe);
    summaryLayout->addWidget(dismiss);
    m_pages->addWidget(summary);

    // Page 1: the short report.
    auto* report = new QWidget(m_pages);
    auto* reportLayout = new QHBoxLayout(report);
    auto* reportText = new QVBoxLayout;
    auto* explain = new QLabel(tr("Report to IT that this login or these attempts were not yours. IT reviews it and "
                                  "may contact you; change your password soon."),
                               report);
    explain->setWordWrap(true);
    reportText->addWidget(explain);
    reportText->addWidget(m_note);
    reportLayout->addLayout(reportText, 1);
    auto* cancel = new QPushButton(tr("Cancel"), report);
    cancel->setObjectName(QStringLiteral("cancelReportButton"));
    reportLayout->addWidget(m_send);
    reportLayout->addWidget(cancel);
    m_pages->addWidget(report);

    // Page 2: the answer.
    auto* done = new QWidget(m_pages);
    auto* doneLayout = new QHBoxLayout(done);
    doneLayout->addWidget(m_status, 1);
    auto* close = new QPushButton(tr("Close"), done);
    close->setObjectName(QStringLiteral("closeReportButton"));
    doneLayout->addWidget(close);
    m_pages->addWidget(done);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_pages);

    ThemeProperty::setRole(m_notMe, QStringLiteral("danger"));
    ThemeProperty::setRole(m_send, QStringLiteral("primary"));
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_notMe, &QPushButton::clicked, this, &LastLoginBanner::startReport);
    connect(cancel, &QPushButton::clicked, this, [this] {
        m_note->clear();
        m_pages->setCurrentIndex(0);
    });
    connect(m_send, &QPushButton::clicked, this, &LastLoginBanner::sendReport);
    connect(m_note, &QLineEdit::returnPressed, this, &LastLoginBanner::sendReport);
    // The banner is as large as the page on show, not as its largest page (a QStackedWidget sizes to all pages).
    connect(m_pages, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                              i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->updateGeometry();
    });
    for (int i = 1; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    connect(m_timer, &QTimer::timeout, this, &LastLoginBanner::tick);
    m_timer->setInterval(1000);
    hide();
}

QString LastLoginBanner::previousLoginText(const UserSession& s)
{
    return s.previousLoginAt.isValid()
               ? tr("Last login: %1 at terminal %2.")
                     .arg(QLocale().toString(s.previousLoginAt.toLocalTime(), QLocale::ShortFormat),
                          s.previousLoginTerminalName.isEmpty() ? s.previousLoginTerminal : s.previousLoginTerminalName)
               : tr("This is your first login.");
}

QString LastLoginBanner::failedAttemptsText(int failures)
{
    return tr("%n failed attempt(s) since then.", nullptr, failures);
}

void LastLoginBanner::showFor(const UserSession& session)
{
    m_userId = session.userId;
    m_reportSent = false;
    m_previous->setText(previousLoginText(session));
    m_failures->setText(failedAttemptsText(session.failedAttemptsSincePreviousLogin));
    // A first login has no "since then" unless someone already tried the account.
    m_failures->setVisible(session.previousLoginAt.isValid() || session.failedAttemptsSincePreviousLogin > 0);
    // AUTH-9: attempts the person did not make are what they must notice.
    const bool alarming = session.failedAttemptsSincePreviousLogin > 0;
    ThemeProperty::setTone(m_failures, alarming ? QStringLiteral("badge") : QString(),
                           alarming ? QStringLiteral("danger") : QString());
    m_note->clear();
    m_notMe->setEnabled(true);
    m_pages->setCurrentIndex(0);
    m_hideAtMs = Clock::instance().monotonicMs() + kShowMs;
    m_timer->start();
    show();
}

void LastLoginBanner::showAgain()
{
    if (m_userId.isEmpty())
        return;
    m_hideAtMs = -1;
    m_timer->stop();
    if (m_pages->currentIndex() == 1)
        m_pages->setCurrentIndex(0);
    show();
}

void LastLoginBanner::clear()
{
    m_timer->stop();
    m_hideAtMs = -1;
    m_userId.clear();
    m_previous->clear();
    m_failures->clear();
    m_note->clear();
    m_status->clear();
    m_pages->setCurrentIndex(0);
    hide();
}

int LastLoginBanner::heightFor(int width) const
{
    const QMargins m = layout()->contentsMargins();
    QWidget* page = m_pages->currentWidget();
    const int inner = page->hasHeightForWidth() ? page->heightForWidth(width - m.left() - m.right()) : page->sizeHint().height();
    return qMax(inner, page->minimumSizeHint().height()) + m.top() + m.bottom();
}

void LastLoginBanner::tick()
{
    if (m_hideAtMs >= 0 && Clock::instance().monotonicMs() >= m_hideAtMs) {
        m_timer->stop();
        m_hideAtMs = -1;
        hide();
    }
}

void LastLoginBanner::startReport()
{
    // The person is acting on it: the banner stays until they are done.
    m_timer->stop();
    m_hideAtMs = -1;
    m_pages->setCurrentIndex(1);
    m_note->setFocus();
}

void LastLoginBanner::sendReport()
{
    if (m_pages->currentIndex() != 1)
        return;
    const QString note = m_note->text().trimmed();
    m_note->clear();
    m_status->setText(tr("Sending the report…"));
    m_pages->setCurrentIndex(2);
    emit reportRequested(note);
}

void LastLoginBanner::showReportResult(bool delivered, const QString& text)
{
    m_reportSent = delivered;
    m_notMe->setEnabled(!delivered);
    m_status->setText(text);
    ThemeProperty::setTone(m_status, QStringLiteral("badge"), delivered ? QStringLiteral("ok") : QStringLiteral("warning"));
    m_pages->setCurrentIndex(2);
    show();
}

} // namespace ward
