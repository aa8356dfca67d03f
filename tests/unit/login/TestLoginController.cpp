// LoginController against a FakeLoginBackend and hand-made card events: the state machine, the messages and
// the AUTH-5/6/8 rules of the layer above the backends.

#include "FakeLoginBackend.h"
#include "auth/PasswordRules.h"
#include "crypto/Argon2Kdf.h"
#include "session/LoginController.h"
#include "util/Clock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ward;
using State = LoginController::State;
using Outcome = LoginVerdict::Outcome;

namespace {

const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QString kUser = QStringLiteral("N000000001");

CardAuthenticator::Result pivCard(const QString& cn = kUser)
{
    CardAuthenticator::Result r;
    r.ok = true;
    r.identity.kind = CardIdentity::Kind::Piv;
    r.identity.subjectCommonName = cn;
    r.identity.cardSecret = QByteArray(32, '\x5a');
    return r;
}

CardAuthenticator::Result uidCard(const QByteArray& uid)
{
    CardAuthenticator::Result r;
    r.ok = true;
    r.identity.kind = CardIdentity::Kind::Uid;
    r.identity.uid = uid;
    return r;
}

SecureBytes pw(const char* s)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(s));
}

} // namespace

class TestLoginController : public QObject
{
    Q_OBJECT

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeLoginBackend> m_online;
    std::unique_ptr<FakeLoginBackend> m_offline;
    std::unique_ptr<LoginController> m_c;
    QStringList m_identifyCalls;

    void make(LoginController::Config config = {}, bool withOnline = true)
    {
        m_c.reset();
        m_online = std::make_unique<FakeLoginBackend>();
        m_offline = std::make_unique<FakeLoginBackend>();
        config.terminalId = QStringLiteral("T-W3-01");
        m_c = std::make_unique<LoginController>(withOnline ? m_online.get() : nullptr, m_offline.get(), config);
        m_identifyCalls.clear();
        m_c->setIdentifier([this](const QString& r) { m_identifyCalls << r; });
    }

    void presentPiv(const QString& cn = kUser)
    {
        m_identifyCalls.clear();
        m_c->cardInserted(kReader);
        QCOMPARE(m_c->state(), State::ReadingCard);
        QCOMPARE(m_identifyCalls, QStringList{kReader});
        m_c->cardIdentified(kReader, pivCard(cn));
    }

    // Submits a password and waits until the (queued) backend call arrived.
    void submit(FakeLoginBackend* backend, const char* password)
    {
        const int before = backend->attempts.size();
        m_c->submitPassword(pw(password));
        QCOMPARE(m_c->state(), State::Verifying);
        QTRY_COMPARE(backend->attempts.size(), before + 1);
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        make();
    }
    void cleanup()
    {
        m_c.reset();
        Clock::setInstance(nullptr);
    }

    void pivCardShowsUserIdThenPassword()
    {
        QSignalSpy states(m_c.get(), &LoginController::stateChanged);
        presentPiv();
        QCOMPARE(m_c->state(), State::PasswordEntry);
        QCOMPARE(m_c->userId(), kUser);
        QVERIFY(m_c->passwordInputEnabled());
        QCOMPARE(states.size(), 2);
    }

    // Proves: AUTH-8, AUTH-9
    void successfulLoginCarriesAuth9()
    {
        presentPiv();
        submit(m_online.get(), "Correct-horse-1");
        const LoginAttempt& a = m_online->attempts.last();
        QCOMPARE(a.userId, kUser);
        QCOMPARE(a.reader, kReader);
        QCOMPARE(a.card.kind, CardIdentity::Kind::Piv);
        QVERIFY(a.password.equals(pw("Correct-horse-1")));
        QSignalSpy logged(m_c.get(), &LoginController::loggedIn);
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::Ok);
        v.online = true;
        v.displayName = QStringLiteral("佐藤 花子");
        v.roles = QStringList{QStringLiteral("nurse")};
        v.previousSuccessAt = QDateTime(QDate(2026, 3, 31), QTime(21, 5), Qt::UTC);
        v.previousSuccessTerminal = QStringLiteral("T-W3-02");
        v.failuresSincePreviousSuccess = 2;
        m_online->answer(v);
        QCOMPARE(m_c->state(), State::LoggedIn);
        QCOMPARE(logged.size(), 1);
        const UserSession s = logged.first().first().value<UserSession>();
        QCOMPARE(s.userId, kUser);
        QCOMPARE(s.displayName, QStringLiteral("佐藤 花子"));
        QCOMPARE(s.terminalId, QStringLiteral("T-W3-01"));
        QCOMPARE(s.previousLoginTerminal, QStringLiteral("T-W3-02"));
        QCOMPARE(s.failedAttemptsSincePreviousLogin, 2);
        QVERIFY(s.online);
        QVERIFY(!s.cardlessFallback);
        // AUTH-8: the password is not kept once decided.
        QVERIFY(m_c->state() == State::LoggedIn && !m_c->passwordInputEnabled());
    }

    void certificateWithoutUserIdIsUnknownCard()
    {
        m_c->cardInserted(kReader);
        m_c->cardIdentified(kReader, pivCard(QStringLiteral("Hanako Sato")));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->isErrorMessage());
        QVERIFY2(m_c->message().contains(QStringLiteral("not registered")), qPrintable(m_c->message()));
    }

    void uidBadgeRefusedByPolicy()
    {
        m_c->cardInserted(kReader);
        m_c->cardIdentified(kReader, uidCard(QByteArray::fromHex("0102030405060708")));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY2(m_c->message().contains(QStringLiteral("does not allow")), qPrintable(m_c->message()));
    }

    void uidBadgeAllowedAndBound()
    {
        LoginController::Config config;
        config.allowUidBadges = true;
        config.uidBindings.insert(QByteArray::fromHex("0102030405060708"), kUser);
        make(config);
        m_c->cardInserted(kReader);
        m_c->cardIdentified(kReader, uidCard(QByteArray::fromHex("0102030405060708")));
        QCOMPARE(m_c->state(), State::PasswordEntry);
        QCOMPARE(m_c->userId(), kUser);
        // An allowed but unbound badge is an unknown card.
        m_c->reset();
        m_c->cardInserted(kReader);
        m_c->cardIdentified(kReader, uidCard(QByteArray::fromHex("ffffffffffffffff")));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("not registered")));
    }

    void cardErrorsAreShown()
    {
        m_c->cardInserted(kReader);
        CardAuthenticator::Result r;
        r.error = CardError::CardRemoved;
        m_c->cardIdentified(kReader, r);
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("removed during login")));
        m_c->cardInserted(kReader);
        r.error = CardError::SignatureInvalid;
        r.message = CardErrors::message(CardError::SignatureInvalid);
        m_c->cardIdentified(kReader, r);
        QCOMPARE(m_c->message(), CardErrors::message(CardError::SignatureInvalid));
        QVERIFY(!m_c->message().isEmpty());
    }

    void transientCardErrorIsRetriedOnce()
    {
        m_c->cardInserted(kReader);
        CardAuthenticator::Result r;
        r.error = CardError::CommunicationError;
        m_c->cardIdentified(kReader, r);
        QCOMPARE(m_c->state(), State::ReadingCard);
        QTRY_COMPARE(m_identifyCalls.size(), 2);
        m_c->cardIdentified(kReader, r);  // the second failure is shown
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QCOMPARE(m_c->message(), CardErrors::message(CardError::CommunicationError));
    }

    void onlyConfiguredReadersLogIn()
    {
        LoginController::Config config;
        config.loginReaders = QStringList{QStringLiteral("Virtual PCD 00 01")};
        make(config);
        m_c->cardInserted(kReader);
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_identifyCalls.isEmpty());
        m_c->cardInserted(QStringLiteral("Virtual PCD 00 01"));
        QCOMPARE(m_c->state(), State::ReadingCard);
    }

    void answersForAnotherReaderAreIgnored()
    {
        m_c->cardInserted(kReader);
        m_c->cardIdentified(QStringLiteral("Other"), pivCard());
        QCOMPARE(m_c->state(), State::ReadingCard);
        m_c->cardRemoved(QStringLiteral("Other"));
        QCOMPARE(m_c->state(), State::ReadingCard);
    }

    void wrongPasswordShowsRemainingAndDelays()
    {
        presentPiv();
        submit(m_online.get(), "wrong-one");
        QSignalSpy delay(m_c.get(), &LoginController::delayChanged);
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::WrongPassword);
        v.remainingAttempts = 3;
        v.delayMs = 2000;
        m_online->answer(v);
        QCOMPARE(m_c->state(), State::PasswordEntry);
        QVERIFY2(m_c->message().contains(QStringLiteral("3 attempt")), qPrintable(m_c->message()));
        QVERIFY(!m_c->passwordInputEnabled());
        QCOMPARE(delay.last().first().toInt(), 2);
        // Submitting during the delay sends nothing.
        m_c->submitPassword(pw("again"));
        QCOMPARE(m_c->state(), State::PasswordEntry);
        QCoreApplication::processEvents();
        QCOMPARE(m_online->attempts.size(), 1);
        m_clock->advanceMs(1100);
        m_c->updateDelay();
        QCOMPARE(delay.last().first().toInt(), 1);
        QVERIFY(!m_c->passwordInputEnabled());
        m_clock->advanceMs(1000);
        m_c->updateDelay();
        QCOMPARE(delay.last().first().toInt(), 0);
        QVERIFY(m_c->passwordInputEnabled());
        submit(m_online.get(), "again");
    }

    void delayFromPolicyWhenBackendDoesNotSay()
    {
        presentPiv();
        submit(m_online.get(), "wrong-one");
        m_online->answer(FakeLoginBackend::verdict(Outcome::WrongPassword));  // the hub gives no count, no delay
        QVERIFY(m_c->message().contains(QStringLiteral("not correct")));
        QCOMPARE(m_c->delayRemainingMs(), qint64(PasswordPolicy().nonResponseDelayMs(1)));
        m_clock->advanceMs(PasswordPolicy().nonResponseDelayMs(1));
        QVERIFY(m_c->passwordInputEnabled());
        submit(m_online.get(), "wrong-two");
        m_online->answer(FakeLoginBackend::verdict(Outcome::WrongPassword));
        QCOMPARE(m_c->delayRemainingMs(), qint64(PasswordPolicy().nonResponseDelayMs(2)));
    }

    void lockedAndDisabledReturnToCard()
    {
        presentPiv();
        submit(m_online.get(), "x-wrong-5");
        m_online->answer(FakeLoginBackend::verdict(Outcome::Locked));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("locked")));
        QVERIFY(m_c->userId().isEmpty());
        presentPiv();
        submit(m_online.get(), "Whatever-1");
        m_online->answer(FakeLoginBackend::verdict(Outcome::Disabled));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("disabled")));
    }

    void hubUnreachableFallsBackOffline()
    {
        presentPiv();
        submit(m_online.get(), "Correct-horse-1");
        m_online->answer(FakeLoginBackend::verdict(Outcome::HubUnreachable));
        QCOMPARE(m_c->state(), State::Verifying);
        QTRY_COMPARE(m_offline->attempts.size(), 1);
        QVERIFY(m_offline->attempts.first().password.equals(pw("Correct-horse-1")));
        m_offline->answer(FakeLoginBackend::verdict(Outcome::FirstLoginNeedsHub));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY2(m_c->message().contains(QStringLiteral("first login")), qPrintable(m_c->message()));
    }

    void cardRemovedWhileVerifyingDropsTheAnswer()
    {
        presentPiv();
        submit(m_online.get(), "Correct-horse-1");
        QSignalSpy logged(m_c.get(), &LoginController::loggedIn);
        m_c->cardRemoved(kReader);
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("removed during login")));
        m_online->answer(FakeLoginBackend::verdict(Outcome::Ok));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QCOMPARE(logged.size(), 0);
    }

    void cardRemovedDuringPasswordEntry()
    {
        presentPiv();
        m_c->cardRemoved(kReader);
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->userId().isEmpty());
        QVERIFY(m_c->message().contains(QStringLiteral("removed during login")));
    }

    void serviceOutageFailsClosedAndRecovers()
    {
        presentPiv();
        m_c->serviceUnavailable();
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->message().contains(QStringLiteral("card service")));
        m_c->cardInserted(kReader);  // ignored while the service is down
        QCOMPARE(m_c->state(), State::WaitingForCard);
        m_c->serviceAvailable();
        QVERIFY(m_c->message().isEmpty());
        presentPiv();
        QCOMPARE(m_c->state(), State::PasswordEntry);
    }

    void readerMissingIsReported()
    {
        m_c->readersChanged({});
        QVERIFY(m_c->message().contains(QStringLiteral("No card reader")));
        m_c->readersChanged({kReader});
        QVERIFY(m_c->message().isEmpty());
    }

    void expiredPasswordForcesChange()
    {
        presentPiv();
        submit(m_online.get(), "Old-Passw0rd");
        m_online->answer(FakeLoginBackend::verdict(Outcome::PasswordExpired));
        QCOMPARE(m_c->state(), State::ChangePasswordRequired);
        QVERIFY(m_c->message().contains(QStringLiteral("expired")));

        // Old password required.
        m_c->submitPasswordChange(SecureBytes(), pw("New-Passw0rd!"), pw("New-Passw0rd!"));
        QCOMPARE(m_c->state(), State::ChangePasswordRequired);
        QVERIFY(m_c->message().contains(QStringLiteral("current password")));
        // Confirmation must match.
        m_c->submitPasswordChange(pw("Old-Passw0rd"), pw("New-Passw0rd!"), pw("New-Passw0rd?"));
        QVERIFY(m_c->message().contains(QStringLiteral("differ")));
        // The same password again is a reuse.
        m_c->submitPasswordChange(pw("Old-Passw0rd"), pw("Old-Passw0rd"), pw("Old-Passw0rd"));
        QCOMPARE(m_c->message(), PasswordRules::message(PasswordRules::Kind::ReusedPassword, PasswordPolicy()));
        // Too weak: the rules answer before the hub is asked.
        m_c->submitPasswordChange(pw("Old-Passw0rd"), pw("short"), pw("short"));
        QCOMPARE(m_c->state(), State::ChangingPassword);
        QTRY_COMPARE(m_c->state(), State::ChangePasswordRequired);
        QVERIFY(m_c->isErrorMessage());
        QVERIFY(m_online->changes.isEmpty());

        m_c->submitPasswordChange(pw("Old-Passw0rd"), pw("New-Passw0rd!"), pw("New-Passw0rd!"));
        QTRY_COMPARE(m_online->changes.size(), 1);
        QVERIFY(m_online->changes.first().oldPassword.equals(pw("Old-Passw0rd")));
        QCOMPARE(m_online->changes.first().card.kind, CardIdentity::Kind::Piv);
        m_online->answerChange({PasswordChangeVerdict::Outcome::Changed, QString()});
        // The session starts with a normal login using the new password.
        QCOMPARE(m_c->state(), State::Verifying);
        QTRY_COMPARE(m_online->attempts.size(), 2);
        QVERIFY(m_online->attempts.last().password.equals(pw("New-Passw0rd!")));
        m_online->answer(FakeLoginBackend::verdict(Outcome::Ok));
        QCOMPARE(m_c->state(), State::LoggedIn);
    }

    void wrongOldPasswordStaysOnChange()
    {
        presentPiv();
        submit(m_online.get(), "Temp-0rary-pw");
        m_online->answer(FakeLoginBackend::verdict(Outcome::MustChangeTemporary));
        QCOMPARE(m_c->state(), State::ChangePasswordRequired);
        QVERIFY(m_c->message().contains(QStringLiteral("temporary")));
        m_c->submitPasswordChange(pw("not-it"), pw("New-Passw0rd!"), pw("New-Passw0rd!"));
        QTRY_COMPARE(m_online->changes.size(), 1);
        m_online->answerChange({PasswordChangeVerdict::Outcome::WrongOldPassword, QStringLiteral("The current password is not correct.")});
        QCOMPARE(m_c->state(), State::ChangePasswordRequired);
        QCOMPARE(m_c->message(), QStringLiteral("The current password is not correct."));
        m_c->submitPasswordChange(pw("not-it"), pw("New-Passw0rd!"), pw("New-Passw0rd!"));
        QTRY_COMPARE(m_online->changes.size(), 2);
        m_online->answerChange({PasswordChangeVerdict::Outcome::Locked, QStringLiteral("locked")});
        QCOMPARE(m_c->state(), State::WaitingForCard);
    }

    void historyReuseRefusedLocally()
    {
        Argon2Params cheap;
        cheap.timeCost = 1;
        cheap.memoryKiB = 8;
        const QString oldVerifier = Argon2Kdf::hashEncoded(pw("Earlier-Passw0rd"), cheap);
        presentPiv();
        submit(m_online.get(), "Old-Passw0rd");
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::PasswordExpired);
        v.passwordHistory = QStringList{oldVerifier};
        m_online->answer(v);
        m_c->submitPasswordChange(pw("Old-Passw0rd"), pw("Earlier-Passw0rd"), pw("Earlier-Passw0rd"));
        QTRY_COMPARE(m_c->state(), State::ChangePasswordRequired);
        QCOMPARE(m_c->message(), PasswordRules::message(PasswordRules::Kind::ReusedPassword, PasswordPolicy()));
        QVERIFY(m_online->changes.isEmpty());
    }

    void fallbackCodeLogin()
    {
        QSignalSpy logged(m_c.get(), &LoginController::loggedIn);
        m_c->startFallback(QStringLiteral("bad id"), QStringLiteral("123456"));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->isErrorMessage());
        m_c->startFallback(kUser, QString());
        QCOMPARE(m_c->state(), State::WaitingForCard);
        m_c->startFallback(kUser, QStringLiteral("482-913"));
        QCOMPARE(m_c->state(), State::PasswordEntry);
        QVERIFY(m_c->isFallback());
        submit(m_online.get(), "Correct-horse-1");
        QCOMPARE(m_online->attempts.last().fallbackCode, QStringLiteral("482-913"));
        QCOMPARE(m_online->attempts.last().card.kind, CardIdentity::Kind::None);
        m_online->answer(FakeLoginBackend::verdict(Outcome::Ok));
        QCOMPARE(logged.size(), 1);
        QVERIFY(logged.first().first().value<UserSession>().cardlessFallback);
    }

    void fallbackIsNotTriedOffline()
    {
        m_c->startFallback(kUser, QStringLiteral("482-913"));
        submit(m_online.get(), "Correct-horse-1");
        m_online->answer(FakeLoginBackend::verdict(Outcome::HubUnreachable));
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QCoreApplication::processEvents();
        QVERIFY(m_offline->attempts.isEmpty());
    }

    void offlineOnlyTerminalUsesVaultBackend()
    {
        make({}, false);
        presentPiv();
        submit(m_offline.get(), "Correct-horse-1");
        LoginVerdict v = FakeLoginBackend::verdict(Outcome::WrongPassword);
        v.remainingAttempts = 4;
        m_offline->answer(v);
        QVERIFY(m_c->message().contains(QStringLiteral("4 attempt")));
    }

    void resetForgetsEverything()
    {
        presentPiv();
        m_c->reset();
        QCOMPARE(m_c->state(), State::WaitingForCard);
        QVERIFY(m_c->userId().isEmpty());
        m_c->submitPassword(pw("Correct-horse-1"));
        QCoreApplication::processEvents();
        QVERIFY(m_online->attempts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLoginController)
#include "TestLoginController.moc"
