#include "ui/login/LoginScreen.h"

#include "crypto/SecureBytes.h"
#include "ui/LastLoginBanner.h"
#include "ui/login/ChangePasswordPage.h"
#include "ui/login/EmergencyLoginPage.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"
#include "ui/theme/ThemeProperty.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ward {

namespace {

// The login is read standing, from up to a metre away (issue 11): type-scale steps above body text.
QLabel* bigLabel(const QString& text, const char* textStyle, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    l->setProperty("textStyle", QLatin1String(textStyle));
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}

QPushButton* bigButton(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setMinimumWidth(160);  // the height is the stylesheet's touch target
    b->setProperty("textStyle", QStringLiteral("title"));
    b->setAccessibleName(text);
    return b;
}

} // namespace

LoginScreen::LoginScreen(LoginController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("loginScreen"));
    auto* outer = new QVBoxLayout(this);
    m_fallbackBanner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_fallbackBanner->setObjectName(QStringLiteral("fallbackBanner"));
    m_fallbackBanner->setProperty("textStyle", QStringLiteral("title"));
    m_fallbackBanner->setStatus(StatusTone::Warning, IconName::Warning,
                                tr("Card-less login (one-time code). This login is flagged and recorded."));
    m_fallbackBanner->hide();
    outer->addWidget(m_fallbackBanner);
    m_emergencyBanner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_emergencyBanner->setObjectName(QStringLiteral("emergencyBanner"));
    m_emergencyBanner->setProperty("textStyle", QStringLiteral("title"));
    m_emergencyBanner->setStatus(StatusTone::Danger, IconName::BreakGlass,
                                 tr("EMERGENCY ACCOUNT. IT and the auditors are told; everything is recorded."));
    m_emergencyBanner->hide();
    outer->addWidget(m_emergencyBanner);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages, 1);
    m_message = bigLabel(QString(), "title", this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    outer->addWidget(m_message);
    m_countdown = bigLabel(QString(), "title", this);
    m_countdown->setObjectName(QStringLiteral("countdownLabel"));
    m_countdown->hide();
    outer->addWidget(m_countdown);

    // Step 1: the card.
    m_cardPage = new QWidget(m_pages);
    auto* cardLayout = new QVBoxLayout(m_cardPage);
    cardLayout->addStretch();
    // Bilingual on purpose, like the sign on a reader: staff of either language must read the first step.
    // The translated line comes first; English stays underneath whatever the UI language.
    const QString english = QStringLiteral("Present your card");
    const QString local = tr("Present your card");
    const QString japanese = QString::fromUtf8("\u30ab\u30fc\u30c9\u3092\u304b\u3056\u3057\u3066\u304f\u3060\u3055\u3044");
    m_cardPrompt = bigLabel((local == english ? japanese : local) + QLatin1Char('\n') + english, "display", m_cardPage);
    m_cardPrompt->setObjectName(QStringLiteral("cardPrompt"));
    cardLayout->addWidget(m_cardPrompt);
    cardLayout->addStretch();
    m_fallbackButton = bigButton(tr("No card? Use a one-time code from reception"), "fallbackButton", m_cardPage);
    cardLayout->addWidget(m_fallbackButton, 0, Qt::AlignCenter);
    // BCP-1: findable at once when nobody can log in, but plainly not the everyday way in.
    m_emergencyButton = new QPushButton(ThemeIcon::icon(IconName::BreakGlass), tr("Emergency account (sealed letter)"), m_cardPage);
    m_emergencyButton->setObjectName(QStringLiteral("emergencyButton"));
    m_emergencyButton->setAccessibleName(tr("Emergency account (sealed letter)"));
    ThemeProperty::setRole(m_emergencyButton, QStringLiteral("danger"));
    cardLayout->addWidget(m_emergencyButton, 0, Qt::AlignCenter);
    // Small and at the side: nurses log in above; IT finds the way to the diagnostics here (mouse or Tab).
    m_maintenanceButton = new QPushButton(ThemeIcon::icon(IconName::Info), tr("Maintenance and diagnostics (IT)"), m_cardPage);
    m_maintenanceButton->setObjectName(QStringLiteral("maintenanceButton"));
    m_maintenanceButton->setAccessibleName(tr("Maintenance and diagnostics (IT)"));
    m_maintenanceButton->setFlat(true);
    cardLayout->addWidget(m_maintenanceButton, 0, Qt::AlignRight);
    m_pages->addWidget(m_cardPage);

    // Step 1c (issue 13): the IT login to the terminal's diagnostics, explained.
    m_maintenancePage = new QWidget(m_pages);
    m_maintenancePage->setObjectName(QStringLiteral("maintenancePage"));
    auto* mtLayout = new QVBoxLayout(m_maintenancePage);
    mtLayout->addStretch();
    mtLayout->addWidget(bigLabel(tr("Maintenance and diagnostics (IT)"), "heading", m_maintenancePage));
    auto* mtSteps = bigLabel(tr("IT staff: present your own IC card and enter your password. The terminal's diagnostics "
                                "page opens after the login for an account allowed to manage terminals; anyone else "
                                "sees their usual screen."),
                             "title", m_maintenancePage);
    mtSteps->setObjectName(QStringLiteral("maintenanceInstructions"));
    mtLayout->addWidget(mtSteps);
    mtLayout->addStretch();
    auto* mtBack = bigButton(tr("Back"), "maintenanceBackButton", m_maintenancePage);
    mtLayout->addWidget(mtBack, 0, Qt::AlignCenter);
    m_pages->addWidget(m_maintenancePage);

    // Step 1b (AUTH-2): card-less, with a code reception issued.
    m_fallbackPage = new QWidget(m_pages);
    auto* fbLayout = new QVBoxLayout(m_fallbackPage);
    fbLayout->addWidget(bigLabel(tr("Card-less login"), "heading", m_fallbackPage));
    auto* fbForm = new QFormLayout;
    m_fallbackUser = new QLineEdit(m_fallbackPage);
    m_fallbackUser->setObjectName(QStringLiteral("fallbackUserEdit"));
    m_fallbackUser->setMaxLength(10);
    m_fallbackUser->setProperty("textStyle", QStringLiteral("title"));
    m_fallbackUser->setAccessibleName(tr("User ID"));
    m_fallbackCode = new QLineEdit(m_fallbackPage);
    m_fallbackCode->setObjectName(QStringLiteral("fallbackCodeEdit"));
    m_fallbackCode->setProperty("textStyle", QStringLiteral("title"));
    m_fallbackCode->setAccessibleName(tr("One-time code"));
    fbForm->addRow(tr("User ID"), m_fallbackUser);
    fbForm->addRow(tr("One-time code"), m_fallbackCode);
    fbLayout->addLayout(fbForm);
    auto* fbButtons = new QHBoxLayout;
    auto* fbBack = bigButton(tr("Back"), "fallbackBackButton", m_fallbackPage);
    auto* fbNext = bigButton(tr("Next"), "fallbackNextButton", m_fallbackPage);
    fbButtons->addWidget(fbBack);
    fbButtons->addWidget(fbNext);
    fbLayout->addLayout(fbButtons);
    fbLayout->addStretch();
    m_pages->addWidget(m_fallbackPage);

    // Step 1d (BCP-1): the ward's emergency account.
    m_emergencyPage = new EmergencyLoginPage(m_pages);
    m_pages->addWidget(m_emergencyPage);

    // Step 2: the password.
    m_passwordPage = new QWidget(m_pages);
    auto* pwLayout = new QVBoxLayout(m_passwordPage);
    pwLayout->addStretch();
    m_userIdLabel = bigLabel(QString(), "heading", m_passwordPage);
    m_userIdLabel->setObjectName(QStringLiteral("userIdLabel"));
    pwLayout->addWidget(m_userIdLabel);
    m_maintenanceLabel = bigLabel(tr("Login for maintenance and diagnostics (IT)"), "body", m_passwordPage);
    m_maintenanceLabel->setObjectName(QStringLiteral("maintenanceLabel"));
    m_maintenanceLabel->hide();
    pwLayout->addWidget(m_maintenanceLabel);
    m_password = new QLineEdit(m_passwordPage);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setProperty("textStyle", QStringLiteral("title"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("Password"));
    // AUTH-8: no input method history, no clipboard menu.
    m_password->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_password->setContextMenuPolicy(Qt::NoContextMenu);
    pwLayout->addWidget(m_password);
    auto* pwButtons = new QHBoxLayout;
    m_cancelButton = bigButton(tr("Cancel"), "cancelButton", m_passwordPage);
    m_loginButton = bigButton(tr("Log in"), "loginButton", m_passwordPage);
    m_loginButton->setDefault(true);
    m_loginButton->setProperty("role", QStringLiteral("primary"));
    pwButtons->addWidget(m_cancelButton);
    pwButtons->addWidget(m_loginButton);
    pwLayout->addLayout(pwButtons);
    pwLayout->addStretch();
    m_pages->addWidget(m_passwordPage);

    // Step 2b (AUTH-6): inside the warning period, the days left and the offer to change now.
    m_expiryPage = new QWidget(m_pages);
    m_expiryPage->setObjectName(QStringLiteral("passwordExpiryPage"));
    auto* expLayout = new QVBoxLayout(m_expiryPage);
    expLayout->addStretch();
    m_expiryDays = bigLabel(QString(), "heading", m_expiryPage);
    m_expiryDays->setObjectName(QStringLiteral("expiryDaysLabel"));
    ThemeProperty::setTone(m_expiryDays, QStringLiteral("banner"), QStringLiteral("warning"));
    expLayout->addWidget(m_expiryDays);
    auto* expButtons = new QHBoxLayout;
    m_laterButton = bigButton(tr("Later"), "changeLaterButton", m_expiryPage);
    m_changeNowButton = bigButton(tr("Change password now"), "changeNowButton", m_expiryPage);
    ThemeProperty::setRole(m_changeNowButton, QStringLiteral("primary"));
    expButtons->addWidget(m_laterButton);
    expButtons->addWidget(m_changeNowButton);
    expLayout->addLayout(expButtons);
    expLayout->addStretch();
    m_pages->addWidget(m_expiryPage);
    connect(m_changeNowButton, &QPushButton::clicked, m_controller, &LoginController::changePasswordNow);
    connect(m_laterButton, &QPushButton::clicked, m_controller, &LoginController::continueWithoutChange);

    // Step 3: the forced change.
    m_changePage = new ChangePasswordPage(controller, m_pages);
    m_pages->addWidget(m_changePage);

    connect(m_password, &QLineEdit::returnPressed, this, &LoginScreen::submitPassword);
    connect(m_loginButton, &QPushButton::clicked, this, &LoginScreen::submitPassword);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        setMaintenance(false);
        m_controller->reset();
    });
    connect(m_maintenanceButton, &QPushButton::clicked, this, [this] { setMaintenance(true); });
    connect(mtBack, &QPushButton::clicked, this, [this] { setMaintenance(false); });
    connect(m_fallbackButton, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentWidget(m_fallbackPage);
        m_fallbackUser->setFocus();
    });
    connect(fbBack, &QPushButton::clicked, this, [this] {
        m_fallbackUser->clear();
        m_fallbackCode->clear();
        m_pages->setCurrentWidget(m_cardPage);
    });
    connect(m_emergencyButton, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentWidget(m_emergencyPage);
        m_emergencyPage->focusFirst();
    });
    connect(m_emergencyPage, &EmergencyLoginPage::back, this, [this] { m_pages->setCurrentWidget(m_cardPage); });
    connect(m_emergencyPage, &EmergencyLoginPage::submitted, this,
            [this](const QString& account, const QString& realName, const QString& reason, bool test) {
                m_controller->startEmergency(account, realName, reason, test);
                if (m_controller->state() == LoginController::State::PasswordEntry)
                    m_emergencyPage->clear();
            });
    connect(m_fallbackUser, &QLineEdit::returnPressed, m_fallbackCode, qOverload<>(&QWidget::setFocus));
    connect(m_fallbackCode, &QLineEdit::returnPressed, this, &LoginScreen::submitFallback);
    connect(fbNext, &QPushButton::clicked, this, &LoginScreen::submitFallback);

    connect(m_controller, &LoginController::stateChanged, this, &LoginScreen::showState);
    connect(m_controller, &LoginController::messageChanged, this, &LoginScreen::showMessage);
    connect(m_controller, &LoginController::delayChanged, this, &LoginScreen::showDelay);
    connect(m_controller, &LoginController::loggedIn, this, [this](const UserSession& session) {
        emit loggedIn(session);
        setMaintenance(false);
    });
    showState(m_controller->state());
    showMessage(m_controller->message(), m_controller->isErrorMessage());
}

void LoginScreen::clearSecrets()
{
    m_password->clear();
    m_changePage->clear();
}

void LoginScreen::setMaintenance(bool on)
{
    m_maintenance = on;
    m_maintenanceLabel->setVisible(on);
    const bool atCard = m_pages->currentWidget() == m_cardPage || m_pages->currentWidget() == m_maintenancePage;
    if (atCard)
        m_pages->setCurrentWidget(on ? m_maintenancePage : m_cardPage);
    if (atCard && !on)
        m_maintenanceButton->setFocus();
}

void LoginScreen::submitPassword()
{
    if (!m_controller->passwordInputEnabled())
        return;
    const SecureBytes password = SecureBytes::fromUtf8(m_password->text());
    m_password->clear();
    m_controller->submitPassword(password);
}

void LoginScreen::submitFallback()
{
    const QString user = m_fallbackUser->text().trimmed();
    const QString code = m_fallbackCode->text();
    m_fallbackCode->clear();
    m_controller->startFallback(user, code);
    if (m_controller->state() == LoginController::State::PasswordEntry)
        m_fallbackUser->clear();
}

void LoginScreen::showState(LoginController::State state)
{
    clearSecrets();  // AUTH-8
    using S = LoginController::State;
    m_fallbackBanner->setVisible(m_controller->isFallback() && state != S::WaitingForCard);
    m_emergencyBanner->setVisible(m_controller->isEmergency() && state != S::WaitingForCard);
    switch (state) {
    case S::WaitingForCard:
    case S::ReadingCard:
        m_pages->setCurrentWidget(m_maintenance ? m_maintenancePage : m_cardPage);
        m_userIdLabel->clear();
        m_countdown->hide();
        break;
    case S::PasswordEntry:
    case S::Verifying:
        m_userIdLabel->setText(m_controller->isEmergency() ? tr("Emergency account: %1").arg(m_controller->userId())
                                                           : tr("User ID: %1").arg(m_controller->userId()));
        m_pages->setCurrentWidget(m_passwordPage);
        break;
    case S::ChangePasswordRequired:
    case S::ChangingPassword:
        m_pages->setCurrentWidget(m_changePage);
        break;
    case S::PasswordExpiring: {
        const int days = m_controller->expiryWarningDays();
        m_expiryDays->setText(tr("Your password expires in %n day(s).", nullptr, days));
        const bool canChange = m_controller->canChangePasswordNow();
        m_changeNowButton->setEnabled(canChange);
        m_pages->setCurrentWidget(m_expiryPage);
        (canChange ? m_changeNowButton : m_laterButton)->setFocus();
        break;
    }
    case S::LoggedIn:
        break;
    }
    const bool typing = m_controller->passwordInputEnabled();
    m_password->setEnabled(state == S::PasswordEntry && typing);
    m_loginButton->setEnabled(state == S::PasswordEntry && typing);
    m_changePage->setBusy(state != S::ChangePasswordRequired);
    m_changePage->setOptional(m_controller->isChangeOptional());
    if (state == S::PasswordEntry && typing)
        m_password->setFocus();
    if (state == S::ChangePasswordRequired)
        m_changePage->focusFirst();
}

void LoginScreen::showMessage(const QString& message, bool isError)
{
    m_message->setText(message);
    ThemeProperty::setRole(m_message, isError ? QStringLiteral("error") : QString());
}

void LoginScreen::showDelay(int secondsLeft)
{
    // AUTH-5: the field stays disabled for the non-response delay, with a visible countdown.
    const bool waiting = secondsLeft > 0;
    m_countdown->setVisible(waiting);
    m_countdown->setText(waiting ? tr("You can try again in %n second(s).", nullptr, secondsLeft) : QString());
    const bool entry = m_controller->state() == LoginController::State::PasswordEntry;
    m_password->setEnabled(entry && !waiting);
    m_loginButton->setEnabled(entry && !waiting);
    if (entry && !waiting)
        m_password->setFocus();
}

QString LoginScreen::lastLoginSummary(const UserSession& s)
{
    // AUTH-9: so the user notices a login or guessing that was not theirs.
    QString text = LastLoginBanner::previousLoginText(s) + QLatin1Char(' ')
                   + LastLoginBanner::failedAttemptsText(s.failedAttemptsSincePreviousLogin);
    if (s.passwordExpiresInDays >= 0)
        text += QLatin1Char(' ') + tr("Your password expires in %n day(s).", nullptr, s.passwordExpiresInDays);
    if (s.cardlessFallback)
        text += QLatin1Char(' ') + tr("Card-less login with a one-time code: this session is flagged.");
    return text;
}

} // namespace ward
