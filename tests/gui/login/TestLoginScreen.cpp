// The real login widgets (offscreen) driven by keyboard through the flows of issue 6. The card events and the
// backend verdicts are injected (FakeLoginBackend); the widgets, the controller and the password rules are real.

#include "unit/login/FakeLoginBackend.h"
#include "auth/AccountGuard.h"
#include "auth/PasswordRules.h"
#include "session/OfflineLoginBackend.h"
#include "session/LoginController.h"
#include "ui/login/LoginScreen.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/Spacing.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QtTest>

using namespace ward;
using State = LoginController::State;
using Outcome = LoginVerdict::Outcome;

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QString kUser = QStringLiteral("N000000001");
} // namespace

class TestLoginScreen : public QObject
{
    Q_OBJECT

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeLoginBackend> m_backend;
    std::unique_ptr<LoginController> m_controller;
    std::unique_ptr<LoginScreen> m_screen;

    template <typename T>
    T* find(const char* name) const
    {
        T* w = m_screen->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }
    QLineEdit* password() const { return find<QLineEdit>("passwordEdit"); }
    QString message() const { return find<QLabel>("messageLabel")->text(); }
    QWidget* currentPage() const { return m_screen->findChild<QStackedWidget*>()->currentWidget(); }

    void presentCard()
    {
        m_controller->cardInserted(kReader);
        CardAuthenticator::Result r;
        r.ok = true;
        r.identity.kind = CardIdentity::Kind::Piv;
        r.identity.subjectCommonName = kUser;
        r.identity.cardSecret = QByteArray(32, '\x11');
        m_controller->cardIdentified(kReader, r);
    }

    void typePassword(const QString& text)
    {
        QTRY_VERIFY(password()->isEnabled());
        QTRY_VERIFY(password()->hasFocus());
        const int before = m_backend->attempts.size();
        QTest::keyClicks(password(), text);
        QTest::keyClick(password(), Qt::Key_Return);
        QTRY_COMPARE(m_backend->attempts.size(), before + 1);
        // AUTH-8: the field never keeps what was typed.
        QVERIFY(password()->text().isEmpty());
    }

    void typeChange(const QString& oldPw, const QString& newPw, const QString& confirm)
    {
        auto* o = find<QLineEdit>("oldPasswordEdit");
        QTRY_VERIFY(o->isEnabled());
        QTRY_VERIFY(o->hasFocus());
        QTest::keyClicks(o, oldPw);
        QTest::keyClick(o, Qt::Key_Return);
        auto* n = find<QLineEdit>("newPasswordEdit");
        QVERIFY(n->hasFocus());
        QTest::keyClicks(n, newPw);
        QTest::keyClick(n, Qt::Key_Return);
        auto* c = find<QLineEdit>("confirmPasswordEdit");
        QVERIFY(c->hasFocus());
        QTest::keyClicks(c, confirm);
        QTest::keyClick(c, Qt::Key_Return);
        QVERIFY(o->text().isEmpty() && n->text().isEmpty() && c->text().isEmpty());
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        m_backend = std::make_unique<FakeLoginBackend>();
        LoginController::Config config;
        config.terminalId = QStringLiteral("T-W3-01");
        m_controller = std::make_unique<LoginController>(m_backend.get(), nullptr, config);
        // As in the terminal: the application's theme is applied before the first screen.
        Appearance::instance()->apply(Theme());
        m_screen = std::make_unique<LoginScreen>(m_controller.get());
        m_screen->resize(1024, 700);
        m_screen->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_screen.get()));
    }
    void cleanup()
    {
        m_screen.reset();
        m_controller.reset();
        m_backend.reset();
        Clock::setInstance(nullptr);
    }

    // Issue 13: IT finds the diagnostics from the login screen with the mouse or the keyboard; the entry is small
    // (not the nurses' way in) and leads to the same card + password login, marked as a maintenance login.
    void maintenanceEntryStartsTheItCardAndPasswordLogin()
    {
        auto* entry = find<QPushButton>("maintenanceButton");
        QVERIFY(entry->isVisible());
        QCOMPARE(entry->text(), LoginScreen::tr("Maintenance and diagnostics (IT)"));
        auto* fallback = find<QPushButton>("fallbackButton");
        // Secondary: smaller than the card step's own button.
        QVERIFY(entry->font().pointSizeF() < fallback->font().pointSizeF() || entry->font().pixelSize() < fallback->font().pixelSize());
        // Keyboard: Tab from the card step's buttons (one-time code, emergency account) reaches it.
        fallback->setFocus();
        QTRY_VERIFY(fallback->hasFocus());
        QTest::keyClick(m_screen.get()->focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(find<QPushButton>("emergencyButton")->hasFocus());
        QTest::keyClick(m_screen.get()->focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(entry->hasFocus());
        QVERIFY(!m_screen->maintenanceRequested());

        // Mouse: the IT path in words; Back returns to the card step.
        QTest::mouseClick(entry, Qt::LeftButton);
        QCOMPARE(currentPage(), find<QWidget>("maintenancePage"));
        QVERIFY(find<QLabel>("maintenanceInstructions")->isVisible());
        QVERIFY(m_screen->maintenanceRequested());
        QTest::mouseClick(find<QPushButton>("maintenanceBackButton"), Qt::LeftButton);
        QVERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(!m_screen->maintenanceRequested());

        // Chosen again, the IT card is read there and the password step says what kind of login this is.
        QTest::keyClick(entry, Qt::Key_Space);
        QCOMPARE(currentPage(), find<QWidget>("maintenancePage"));
        presentCard();
        QTRY_VERIFY(password()->isVisible());
        QVERIFY(find<QLabel>("userIdLabel")->text().contains(kUser));
        QVERIFY(find<QLabel>("maintenanceLabel")->isVisible());
        QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
        bool maintenanceAtLogin = false;
        connect(m_screen.get(), &LoginScreen::loggedIn, this, [&] { maintenanceAtLogin = m_screen->maintenanceRequested(); });
        typePassword(QStringLiteral("It-Staff-Pass-1"));
        QCOMPARE(m_backend->attempts.last().userId, kUser);
        QVERIFY(m_backend->attempts.last().password.equals(SecureBytes::fromUtf8(QStringLiteral("It-Staff-Pass-1"))));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::Ok));
        QCOMPARE(logged.size(), 1);
        QVERIFY(maintenanceAtLogin);
        // The next person starts at the ordinary card step.
        QVERIFY(!m_screen->maintenanceRequested());
        QVERIFY(!find<QLabel>("maintenanceLabel")->isVisible());
    }

    // A nurse who pressed it by mistake cancels at the password step and is back at the ordinary card step.
    void maintenanceLoginCancelledReturnsToTheCardStep()
    {
        QTest::mouseClick(find<QPushButton>("maintenanceButton"), Qt::LeftButton);
        presentCard();
        QTRY_VERIFY(password()->isVisible());
        QVERIFY(find<QLabel>("maintenanceLabel")->isVisible());
        QTest::mouseClick(find<QPushButton>("cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(!m_screen->maintenanceRequested());
    }

    // Proves: AUTH-8
    void cardPromptThenUserIdThenSuccess()
    {
        QVERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(find<QLabel>("cardPrompt")->text().contains(QStringLiteral("Present your card")));
        QVERIFY(find<QLabel>("cardPrompt")->text().contains(QString::fromUtf8("カードをかざしてください")));
        presentCard();
        QTRY_VERIFY(password()->isVisible());
        QVERIFY(find<QLabel>("userIdLabel")->text().contains(kUser));
        // Issue 11: the theme's touch target (≥ 9 mm), not a hand-set size.
        QVERIFY(find<QPushButton>("loginButton")->height() >= Spacing::touchTargetPx());
        QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
        typePassword(QStringLiteral("Correct-horse-1"));
        QVERIFY(m_backend->attempts.last().password.equals(SecureBytes::fromUtf8(QStringLiteral("Correct-horse-1"))));
        QVERIFY(!password()->isEnabled());  // nothing typed while the backend decides
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::Ok);
        v.previousSuccessAt = QDateTime(QDate(2026, 3, 30), QTime(8, 0), Qt::UTC);
        v.previousSuccessTerminal = QStringLiteral("T-W3-07");
        v.failuresSincePreviousSuccess = 3;
        m_backend->answer(v);
        QCOMPARE(logged.size(), 1);
        const QString summary = LoginScreen::lastLoginSummary(logged.first().first().value<UserSession>());
        QVERIFY2(summary.contains(QStringLiteral("T-W3-07")) && summary.contains(QStringLiteral("3 failed")),
                 qPrintable(summary));
    }

    void wrongPasswordShowsRemainingAttempts()
    {
        presentCard();
        typePassword(QStringLiteral("wrong"));
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::WrongPassword);
        v.remainingAttempts = 4;
        m_backend->answer(v);
        QVERIFY(!password()->isEnabled());  // AUTH-5: the policy's delay, even when the hub does not send one
        m_clock->advanceMs(PasswordPolicy().nonResponseDelayMs(1));
        QTRY_VERIFY(password()->isEnabled());
        QVERIFY2(message().contains(QStringLiteral("4 attempt")), qPrintable(message()));
        typePassword(QStringLiteral("still-wrong"));
    }

    void delayCountdownDisablesInput()
    {
        presentCard();
        typePassword(QStringLiteral("wrong"));
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::WrongPassword);
        v.remainingAttempts = 2;
        v.delayMs = 4000;
        m_backend->answer(v);
        auto* countdown = find<QLabel>("countdownLabel");
        QVERIFY(countdown->isVisible());
        QVERIFY2(countdown->text().contains(QStringLiteral("4 second")), qPrintable(countdown->text()));
        QVERIFY(!password()->isEnabled());
        QVERIFY(!find<QPushButton>("loginButton")->isEnabled());
        // Typing and Enter do nothing while the delay runs.
        QTest::keyClicks(password(), QStringLiteral("x"));
        QTest::keyClick(password(), Qt::Key_Return);
        QCOMPARE(m_backend->attempts.size(), 1);
        m_clock->advanceMs(2500);
        QTRY_VERIFY(countdown->text().contains(QStringLiteral("2 second")));
        QVERIFY(!password()->isEnabled());
        m_clock->advanceMs(1600);
        QTRY_VERIFY(password()->isEnabled());
        QVERIFY(!countdown->isVisible());
        typePassword(QStringLiteral("right-now"));
    }

    void lockedAccount()
    {
        presentCard();
        typePassword(QStringLiteral("wrong"));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::Locked));
        QTRY_VERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(message().contains(QStringLiteral("locked")));
        QVERIFY(message().contains(QStringLiteral("administrator")));
    }

    void disabledAccount()
    {
        presentCard();
        typePassword(QStringLiteral("Correct-horse-1"));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::Disabled));
        QTRY_VERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(message().contains(QStringLiteral("disabled")));
    }

    void expiredPasswordChange()
    {
        presentCard();
        typePassword(QStringLiteral("Old-Passw0rd"));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::PasswordExpired));
        QTRY_COMPARE(currentPage()->objectName(), QStringLiteral("changePasswordPage"));
        QVERIFY(message().contains(QStringLiteral("expired")));
        // Old password required.
        typeChange(QString(), QStringLiteral("New-Passw0rd!"), QStringLiteral("New-Passw0rd!"));
        QVERIFY(message().contains(QStringLiteral("current password")));
        // Reuse refused.
        typeChange(QStringLiteral("Old-Passw0rd"), QStringLiteral("Old-Passw0rd"), QStringLiteral("Old-Passw0rd"));
        QCOMPARE(message(), PasswordRules::message(PasswordRules::Kind::ReusedPassword, PasswordPolicy()));
        QVERIFY(m_backend->changes.isEmpty());
        typeChange(QStringLiteral("Old-Passw0rd"), QStringLiteral("New-Passw0rd!"), QStringLiteral("New-Passw0rd!"));
        QTRY_COMPARE(m_backend->changes.size(), 1);
        m_backend->answerChange({PasswordChangeVerdict::Outcome::Changed, QString()});
        QTRY_COMPARE(m_backend->attempts.size(), 2);
        QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
        m_backend->answer(FakeLoginBackend::verdict(Outcome::Ok));
        QCOMPARE(logged.size(), 1);
    }

    void temporaryPasswordChange()
    {
        presentCard();
        typePassword(QStringLiteral("Tmp-9x7Kq2Lm"));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::MustChangeTemporary));
        QTRY_COMPARE(currentPage()->objectName(), QStringLiteral("changePasswordPage"));
        QVERIFY(message().contains(QStringLiteral("temporary")));
        // A weak password is refused with the rule's own words.
        typeChange(QStringLiteral("Tmp-9x7Kq2Lm"), QStringLiteral("abc"), QStringLiteral("abc"));
        QTRY_VERIFY(message().contains(QStringLiteral("8")));
        QVERIFY(m_backend->changes.isEmpty());
        typeChange(QStringLiteral("Tmp-9x7Kq2Lm"), QStringLiteral("Mine-Passw0rd"), QStringLiteral("Mine-Passw0rd"));
        QTRY_COMPARE(m_backend->changes.size(), 1);
        m_backend->answerChange({PasswordChangeVerdict::Outcome::WrongOldPassword,
                                 QStringLiteral("The current password is not correct.")});
        QTRY_VERIFY(find<QLineEdit>("oldPasswordEdit")->isEnabled());
        QCOMPARE(message(), QStringLiteral("The current password is not correct."));
    }

    // Proves: AUTH-8
    void cardRemovedMidLogin()
    {
        presentCard();
        QTRY_VERIFY(password()->isVisible());
        QTest::keyClicks(password(), QStringLiteral("half-typ"));
        m_controller->cardRemoved(kReader);
        QTRY_VERIFY(find<QLabel>("cardPrompt")->isVisible());
        QVERIFY(message().contains(QStringLiteral("removed during login")));
        QVERIFY(password()->text().isEmpty());  // AUTH-8
    }

    void fallbackCodeIsFlagged()
    {
        QTest::mouseClick(find<QPushButton>("fallbackButton"), Qt::LeftButton);
        auto* user = find<QLineEdit>("fallbackUserEdit");
        QTRY_VERIFY(user->hasFocus());
        QTest::keyClicks(user, kUser);
        QTest::keyClick(user, Qt::Key_Return);
        QTest::keyClicks(find<QLineEdit>("fallbackCodeEdit"), QStringLiteral("482913"));
        QTest::keyClick(find<QLineEdit>("fallbackCodeEdit"), Qt::Key_Return);
        QTRY_VERIFY(password()->isVisible());
        QVERIFY(find<QLabel>("fallbackBanner")->isVisible());
        typePassword(QStringLiteral("Correct-horse-1"));
        QCOMPARE(m_backend->attempts.last().fallbackCode, QStringLiteral("482913"));
    }

    // BCP-1: the emergency account needs the real person's name and a reason before its password; the banner says
    // what it means; the periodic test ends back at the card step with the result.
    // Proves: BCP-1
    void emergencyAccountNamesThePersonAndTheReason()
    {
        QTest::mouseClick(find<QPushButton>("emergencyButton"), Qt::LeftButton);
        QCOMPARE(currentPage(), find<QWidget>("emergencyLoginPage"));
        auto* account = find<QLineEdit>("emergencyAccountEdit");
        QTRY_VERIFY(account->hasFocus());
        QTest::keyClicks(account, QStringLiteral("emergw3001"));
        QTest::mouseClick(find<QPushButton>("emergencyNextButton"), Qt::LeftButton);
        QCOMPARE(m_controller->state(), State::WaitingForCard);
        QCOMPARE(currentPage(), find<QWidget>("emergencyLoginPage"));
        QVERIFY(message().contains(QStringLiteral("name")));
        find<QLineEdit>("emergencyNameEdit")->setText(QStringLiteral("応援 医師（北病院）"));
        QTest::mouseClick(find<QPushButton>("emergencyNextButton"), Qt::LeftButton);
        QVERIFY(message().contains(QStringLiteral("why")));
        QTest::keyClicks(find<QLineEdit>("emergencyReasonEdit"), QStringLiteral("card system down"));
        QTest::keyClick(find<QLineEdit>("emergencyReasonEdit"), Qt::Key_Return);
        QTRY_VERIFY(password()->isVisible());
        QVERIFY(find<QWidget>("emergencyBanner")->isVisible());
        QVERIFY(!find<QWidget>("fallbackBanner")->isVisible());
        QCOMPARE(find<QLabel>("userIdLabel")->text(), LoginScreen::tr("Emergency account: %1").arg(QStringLiteral("EMERGW3001")));
        // What was typed on the page is gone once the password step shows.
        QVERIFY(account->text().isEmpty() && find<QLineEdit>("emergencyNameEdit")->text().isEmpty());
        typePassword(QStringLiteral("abcd-efgh-jkmn-pqrs"));
        const LoginAttempt& sent = m_backend->attempts.last();
        QVERIFY(sent.emergency && !sent.emergencyTest && sent.isCardless());
        QCOMPARE(sent.userId, QStringLiteral("EMERGW3001"));
        QCOMPARE(sent.emergencyRealName, QStringLiteral("応援 医師（北病院）"));
        QCOMPARE(sent.emergencyReason, QStringLiteral("card system down"));
        m_backend->answer(FakeLoginBackend::verdict(Outcome::EmergencyUnavailable));
        QTRY_COMPARE(m_controller->state(), State::WaitingForCard);
        QVERIFY(!find<QWidget>("emergencyBanner")->isVisible());

        // The ward's periodic test: no reason needed, the result said at the card step.
        QTest::mouseClick(find<QPushButton>("emergencyButton"), Qt::LeftButton);
        QTest::keyClicks(account, QStringLiteral("EMERGW3001"));
        find<QLineEdit>("emergencyNameEdit")->setText(QStringLiteral("病棟 師長"));
        find<QCheckBox>("emergencyTestCheck")->setChecked(true);
        QTest::mouseClick(find<QPushButton>("emergencyNextButton"), Qt::LeftButton);
        typePassword(QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QVERIFY(m_backend->attempts.last().emergencyTest);
        m_backend->answer(FakeLoginBackend::verdict(Outcome::EmergencyTested));
        QTRY_COMPARE(m_controller->state(), State::WaitingForCard);
        QVERIFY(!m_controller->isErrorMessage());
        QCOMPARE(message(), FakeLoginBackend::verdict(Outcome::EmergencyTested).text());
    }

    // AUTH-6: from the warning day every login says how many days are left and offers the change now.
    void expiryWarningOffersTheChangeNow()
    {
        presentCard();
        typePassword(QStringLiteral("Old-Passw0rd"));
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::Ok);
        v.online = true;
        v.expiryWarningDays = 3;
        QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
        m_backend->answer(v);
        QCOMPARE(logged.size(), 0);  // not yet: the person chooses first
        QCOMPARE(currentPage()->objectName(), QStringLiteral("passwordExpiryPage"));
        QVERIFY2(find<QLabel>("expiryDaysLabel")->text().contains(QStringLiteral("3 day")),
                 qPrintable(find<QLabel>("expiryDaysLabel")->text()));
        QVERIFY(message().contains(QStringLiteral("Change it now")));
        auto* now = find<QPushButton>("changeNowButton");
        QVERIFY(now->isEnabled());
        QTRY_VERIFY(now->hasFocus());
        QTest::keyClick(now, Qt::Key_Space);
        QTRY_COMPARE(currentPage()->objectName(), QStringLiteral("changePasswordPage"));
        QVERIFY(find<QPushButton>("keepPasswordButton")->isVisible());  // offered, not forced
        typeChange(QStringLiteral("Old-Passw0rd"), QStringLiteral("New-Passw0rd!"), QStringLiteral("New-Passw0rd!"));
        QTRY_COMPARE(m_backend->changes.size(), 1);
        m_backend->answerChange({PasswordChangeVerdict::Outcome::Changed, QString()});
        QTRY_COMPARE(m_backend->attempts.size(), 2);
        QVERIFY(m_backend->attempts.last().password.equals(SecureBytes::fromUtf8(QStringLiteral("New-Passw0rd!"))));
        LoginVerdict fresh = FakeLoginBackend::verdict(Outcome::Ok);
        fresh.online = true;
        m_backend->answer(fresh);
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.first().first().value<UserSession>().passwordExpiresInDays, -1);
    }

    void expiryWarningCanBePutOff()
    {
        presentCard();
        typePassword(QStringLiteral("Old-Passw0rd"));
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::Ok);
        v.online = true;
        v.expiryWarningDays = 1;
        QList<SecureBytes> verified;
        connect(m_controller.get(), &LoginController::passwordVerified, this,
                [&verified](const QString&, const SecureBytes& pw) { verified.append(pw); });
        QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
        m_backend->answer(v);
        QVERIFY(find<QLabel>("expiryDaysLabel")->text().contains(QStringLiteral("1 day")));
        // Into the change page and back out of it: the session starts with the current password.
        QTest::mouseClick(find<QPushButton>("changeNowButton"), Qt::LeftButton);
        QTRY_COMPARE(currentPage()->objectName(), QStringLiteral("changePasswordPage"));
        QTest::mouseClick(find<QPushButton>("keepPasswordButton"), Qt::LeftButton);
        QCOMPARE(logged.size(), 1);
        QCOMPARE(verified.size(), 1);  // the signing key is unwrapped with the password that was typed
        QVERIFY(verified.first().equals(SecureBytes::fromUtf8(QStringLiteral("Old-Passw0rd"))));
        QCOMPARE(logged.first().first().value<UserSession>().passwordExpiresInDays, 1);
        QVERIFY(m_backend->changes.isEmpty());
    }

    // Offline the same warning comes from the cached policy (AccountGuard on the hub's last account state), day by
    // day with the injected clock; the change needs the hub, and on the day it is required.
    void expiryFromTheCachedPolicyOfflineDayByDay()
    {
        PasswordPolicy policy;  // maxAgeDays 60, warnDays 7
        const AccountGuard guard(policy);
        AccountState state;
        state.createdAt = m_clock->nowUtc().addDays(-200);
        state.passwordChangedAt = m_clock->nowUtc();
        for (int day = 0; day <= policy.maxAgeDays; ++day) {
            const LoginVerdict v = OfflineLoginBackend::fromDecision(guard.evaluateLogin(state, true, QStringLiteral("T-W3-01")));
            const int left = policy.maxAgeDays - day;
            if (left > policy.warnDays) {
                QCOMPARE(v.outcome, Outcome::Ok);
                QCOMPARE(v.expiryWarningDays, -1);
            } else if (left > 0) {
                QCOMPARE(v.outcome, Outcome::Ok);
                QCOMPARE(v.expiryWarningDays, left);
            } else {
                QCOMPARE(v.outcome, Outcome::PasswordExpired);
            }
            if (left == policy.warnDays || left == 1 || left == 0) {
                presentCard();
                typePassword(QStringLiteral("Old-Passw0rd"));
                QSignalSpy logged(m_screen.get(), &LoginScreen::loggedIn);
                m_backend->answer(v);
                if (left > 0) {
                    QCOMPARE(currentPage()->objectName(), QStringLiteral("passwordExpiryPage"));
                    QVERIFY(find<QLabel>("expiryDaysLabel")->text().contains(QString::number(left)));
                    QVERIFY(!find<QPushButton>("changeNowButton")->isEnabled());  // offline: no hub to change it
                    QVERIFY(message().contains(QStringLiteral("offline")));
                    QTest::mouseClick(find<QPushButton>("changeLaterButton"), Qt::LeftButton);
                    QCOMPARE(logged.size(), 1);
                } else {
                    QTRY_COMPARE(currentPage()->objectName(), QStringLiteral("changePasswordPage"));
                    QVERIFY(!find<QPushButton>("keepPasswordButton")->isVisible());  // required on the day
                    QCOMPARE(logged.size(), 0);
                }
                m_controller->reset();
            }
            m_clock->advanceMs(24LL * 3600 * 1000);
        }
    }
};

QTEST_MAIN(TestLoginScreen)
#include "TestLoginScreen.moc"
