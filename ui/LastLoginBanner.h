#pragma once

#include "session/UserSession.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace ward {

// AUTH-9: after a login, for a few seconds and without blocking work, when and where the person last logged in
// and how many failed attempts were made since (highlighted when there were any). 「これは私ではない」 opens a
// short report in place (an optional note), which the composed terminal sends to the hub's audit for IT.
// Shown again from the status bar's session menu. Holds no patient data; the shell hides and clears it on lock.
//
// Object names: "lastLoginBanner", "previousLoginLabel", "failedAttemptsLabel" (property "tone": "danger"
// when attempts > 0), "notMeButton", "dismissBannerButton", "notMeNoteEdit", "sendReportButton",
// "cancelReportButton", "reportStatusLabel".
class LastLoginBanner : public QWidget
{
    Q_OBJECT

public:
    // Time on screen unless the person starts a report.
    static constexpr qint64 kShowMs = 12000;
    static constexpr int kMaxNoteLength = 500;

    explicit LastLoginBanner(QWidget* parent = nullptr);

    // Fills the banner for `session` and shows it for kShowMs (by the injected clock).
    void showFor(const UserSession& session);
    // Shows the last session's banner again (without the time limit: the person asked for it).
    void showAgain();
    // Hides and forgets everything (lock, logout).
    void clear();
    // The composed terminal's answer to reportRequested.
    void showReportResult(bool delivered, const QString& text);
    // The height the page on show needs at `width` (its text wraps when the workspace is narrow).
    int heightFor(int width) const;
    bool hasSession() const { return !m_userId.isEmpty(); }
    bool reportDelivered() const { return m_reportSent; }

    static QString previousLoginText(const UserSession& session);
    static QString failedAttemptsText(int failures);

public slots:
    // Re-reads the clock (the 1 s timer calls it; tests with a ManualClock may too).
    void tick();

signals:
    // 「これは私ではない」 sent: what the person was shown and their note (may be empty).
    void reportRequested(const QString& note);

private:
    void startReport();
    void sendReport();

    QStackedWidget* m_pages;
    QLabel* m_previous;
    QLabel* m_failures;
    QPushButton* m_notMe;
    QLineEdit* m_note;
    QPushButton* m_send;
    QLabel* m_status;
    QTimer* m_timer;
    QString m_userId;
    qint64 m_hideAtMs = -1;  // monotonic; -1: stays until dismissed
    bool m_reportSent = false;
};

} // namespace ward
