#pragma once

#include "session/LoginController.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ward {

class ChangePasswordPage;
class EmergencyLoginPage;
class StatusBadge;

// The login screen the session shell shows: 「カードをかざしてください / Present your card」 → the user ID the card
// names (never the person's name before the password) → password → change-password page when required.
// A view of LoginController only: every decision is made there. Keyboard-only operation (Enter submits,
// focus follows the step), large touch targets. AUTH-8: the password fields are cleared on every transition.
class LoginScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LoginScreen(LoginController* controller, QWidget* parent = nullptr);

    // Object names for tests and accessibility: "cardPrompt", "userIdLabel", "passwordEdit", "loginButton",
    // "messageLabel", "countdownLabel", "fallbackBanner", "fallbackButton", "fallbackUserEdit",
    // "fallbackCodeEdit", "changePasswordPage", "passwordExpiryPage", "expiryDaysLabel", "changeNowButton",
    // "changeLaterButton", "maintenanceButton", "maintenancePage", "maintenanceBackButton", "maintenanceLabel",
    // "emergencyButton", "emergencyLoginPage", "emergencyBanner" (BCP-1: the ward's emergency account).
    //
    // Issue 13: a small secondary 「保守・診断（IT）」 button on the card step says how IT reaches the diagnostics
    // page: the same card + password login (the IT role is the check), which opens the page for an account that
    // manages terminals. The password step then says it is a maintenance login.
    LoginController* controller() const { return m_controller; }

    // AUTH-9 text for the first screen after login.
    static QString lastLoginSummary(const UserSession& session);
    // The person chose 「保守・診断（IT）」 before this login (until Cancel, Back or the next login).
    bool maintenanceRequested() const { return m_maintenance; }

signals:
    void loggedIn(const ward::UserSession& session);

private:
    void showState(LoginController::State state);
    void showMessage(const QString& message, bool isError);
    void showDelay(int secondsLeft);
    void submitPassword();
    void submitFallback();
    void clearSecrets();
    void setMaintenance(bool on);

    LoginController* m_controller;
    QStackedWidget* m_pages;
    QWidget* m_cardPage;
    QWidget* m_passwordPage;
    QWidget* m_fallbackPage;
    EmergencyLoginPage* m_emergencyPage;
    QPushButton* m_emergencyButton;
    StatusBadge* m_emergencyBanner;
    QWidget* m_expiryPage;
    QLabel* m_expiryDays;
    QPushButton* m_changeNowButton;
    QPushButton* m_laterButton;
    ChangePasswordPage* m_changePage;
    QLabel* m_cardPrompt;
    QLabel* m_userIdLabel;
    QLabel* m_message;
    QLabel* m_countdown;
    StatusBadge* m_fallbackBanner;
    QLineEdit* m_password;
    QPushButton* m_loginButton;
    QPushButton* m_cancelButton;
    QPushButton* m_fallbackButton;
    QLineEdit* m_fallbackUser;
    QLineEdit* m_fallbackCode;
    QWidget* m_maintenancePage;
    QPushButton* m_maintenanceButton;
    QLabel* m_maintenanceLabel;
    bool m_maintenance = false;
};

} // namespace ward
