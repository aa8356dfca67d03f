#include "auth/AccountGuard.h"
#include "auth/AccountReports.h"
#include "auth/AccountState.h"
#include "auth/OfflineFailureCounter.h"
#include "crypto/Argon2Kdf.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace ward;

namespace {
const QString kUser = QStringLiteral("N123456789");
const QString kAdmin = QStringLiteral("R000000001");
const QString kPc1 = QStringLiteral("WARD3-PC01");
const QString kPc2 = QStringLiteral("WARD3-PC02");
const QDateTime kT0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

Argon2Params fastArgon()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 1024;
    p.parallelism = 1;
    return p;
}

// A state with every field set, so a round trip proves each one is written and read.
AccountState fullState()
{
    AccountState s;
    s.status = AccountState::Status::Disabled;
    s.privileged = true;
    s.createdAt = kT0.addDays(-400);
    s.failedCount = 2;
    s.retryNotBefore = kT0.addMSecs(2000);
    s.lockedAt = kT0.addDays(-1);
    s.lockReason = AccountState::LockReason::FailedOldPassword;
    s.unlockedBy = kAdmin;
    s.unlockedAt = kT0.addDays(-10);
    s.lastSuccessAt = kT0.addDays(-2).addMSecs(123);
    s.lastSuccessTerminal = kPc1;
    s.failuresSinceSuccess = 4;
    s.lastFailureAt = kT0.addSecs(-30);
    s.lastFailureTerminal = kPc2;
    s.passwordChangedAt = kT0.addDays(-20);
    s.mustChange = true;
    s.temporaryIssuedAt = kT0.addDays(-1);
    s.temporaryVerifier = Argon2Kdf::hashEncoded(SecureBytes::fromUtf8(QStringLiteral("Temp#1234ab")), fastArgon());
    s.passwordHistory = {Argon2Kdf::hashEncoded(SecureBytes::fromUtf8(QStringLiteral("Spring#2026")), fastArgon()),
                         Argon2Kdf::hashEncoded(SecureBytes::fromUtf8(QStringLiteral("Winter#2025")), fastArgon())};
    s.oldPasswordFailures = 1;
    s.statusChangedBy = kAdmin;
    s.statusChangedAt = kT0.addDays(-3);
    s.lastResetVerification.method = QStringLiteral("photo ID in person");
    s.lastResetVerification.documentRef = QStringLiteral("LEDGER-2026-0042");
    s.lastResetVerification.verifiedBy = kAdmin;
    s.lastResetVerification.verifiedAt = kT0.addDays(-1);
    s.lastResetAt = kT0.addDays(-1);
    return s;
}

AccountState activeChangedAt(const QDateTime& changed, bool privileged = false)
{
    AccountState s;
    s.privileged = privileged;
    s.createdAt = changed;
    s.passwordChangedAt = changed;
    s.lastSuccessAt = changed;
    return s;
}

QStringList ids(const QList<AccountReports::Row>& rows)
{
    QStringList out;
    for (const auto& r : rows)
        out.append(r.userId);
    return out;
}
} // namespace

class TestAccountStateAndReports : public QObject
{
    Q_OBJECT

private slots:
    void init() { Clock::setInstance(std::make_shared<ManualClock>(kT0)); }
    void cleanup() { Clock::setInstance(nullptr); }

    void accountStateRoundTrip()
    {
        const AccountState s = fullState();
        const QByteArray text = QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
        AccountState back;
        JsonFieldError err;
        QVERIFY2(AccountState::fromJson(QJsonDocument::fromJson(text).object(), &back, &err), qPrintable(err.text()));
        QVERIFY(back == s);
        QCOMPARE(back.lastSuccessAt, s.lastSuccessAt); // milliseconds survive
        QCOMPARE(back.lastResetVerification, s.lastResetVerification);
        QCOMPARE(back.passwordHistory, s.passwordHistory);

        // A default (never used) state round-trips too.
        AccountState fresh;
        QVERIFY(AccountState::fromJson(AccountState().toJson(), &fresh));
        QVERIFY(fresh == AccountState());
        QVERIFY(fresh != s);
    }

    void accountStateMalformedRejected_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing status") << "status" << QJsonValue(QJsonValue::Undefined) << "status";
        QTest::newRow("unknown status") << "status" << QJsonValue(QStringLiteral("banned")) << "status";
        QTest::newRow("status number") << "status" << QJsonValue(1) << "status";
        QTest::newRow("privileged text") << "privileged" << QJsonValue(QStringLiteral("yes")) << "privileged";
        QTest::newRow("negative count") << "failedCount" << QJsonValue(-1) << "failedCount";
        QTest::newRow("count as text") << "failedCount" << QJsonValue(QStringLiteral("3")) << "failedCount";
        QTest::newRow("absurd count") << "failuresSinceSuccess" << QJsonValue(1e12) << "failuresSinceSuccess";
        QTest::newRow("fractional count") << "oldPasswordFailures" << QJsonValue(1.5) << "oldPasswordFailures";
        QTest::newRow("date not a date") << "lockedAt" << QJsonValue(QStringLiteral("yesterday")) << "lockedAt";
        QTest::newRow("date without zone") << "lastSuccessAt" << QJsonValue(QStringLiteral("2026-04-01T09:00:00"))
                                           << "lastSuccessAt";
        QTest::newRow("date year 9999") << "passwordChangedAt" << QJsonValue(QStringLiteral("9999-01-01T00:00:00Z"))
                                        << "passwordChangedAt";
        QTest::newRow("date as number") << "createdAt" << QJsonValue(1700000000) << "createdAt";
        QTest::newRow("unknown lock reason") << "lockReason" << QJsonValue(QStringLiteral("cosmic")) << "lockReason";
        QTest::newRow("lock without reason") << "lockReason" << QJsonValue(QStringLiteral("none")) << "lockReason";
        QTest::newRow("plain password in history")
            << "passwordHistory" << QJsonValue(QJsonArray{QStringLiteral("Spring#2026")}) << "passwordHistory";
        QTest::newRow("history not a list") << "passwordHistory" << QJsonValue(QStringLiteral("$argon2id$x"))
                                            << "passwordHistory";
        QTest::newRow("history entry number") << "passwordHistory" << QJsonValue(QJsonArray{5}) << "passwordHistory";
        QTest::newRow("temporary verifier plain") << "temporaryVerifier" << QJsonValue(QStringLiteral("Temp#1234ab"))
                                                  << "temporaryVerifier";
        QTest::newRow("must change without issue time")
            << "temporaryIssuedAt" << QJsonValue(QJsonValue::Null) << "temporaryIssuedAt";
        QTest::newRow("terminal name huge") << "lastSuccessTerminal" << QJsonValue(QString(500, QLatin1Char('x')))
                                            << "lastSuccessTerminal";
        QTest::newRow("unlocked by a non-ID") << "unlockedBy" << QJsonValue(QStringLiteral("admin!")) << "unlockedBy";
        QTest::newRow("status changed by a non-ID") << "statusChangedBy" << QJsonValue(QStringLiteral("x"))
                                                    << "statusChangedBy";
        QTest::newRow("reset without verification") << "lastResetVerification" << QJsonValue(QJsonValue::Undefined)
                                                    << "lastResetVerification";
        QTest::newRow("reset verification wrong type")
            << "lastResetVerification" << QJsonValue(QStringLiteral("ok")) << "lastResetVerification";
        QTest::newRow("reset verification missing method")
            << "lastResetVerification"
            << QJsonValue(QJsonObject{{QStringLiteral("documentRef"), QStringLiteral("L-1")},
                                      {QStringLiteral("verifiedBy"), kAdmin}})
            << "lastResetVerification.method";
    }

    void accountStateMalformedRejected()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject json = fullState().toJson();
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        AccountState current = fullState();
        current.failedCount = 1; // distinct from the document, to prove nothing is copied over
        const AccountState before = current;
        JsonFieldError err;
        QVERIFY(!AccountState::fromJson(json, &current, &err));
        QCOMPARE(err.field, field);
        QVERIFY(!err.message.isEmpty());
        QVERIFY(current == before);
    }

    void identityVerificationJson()
    {
        IdentityVerification v;
        v.method = QStringLiteral("staff card and supervisor");
        v.documentRef = QStringLiteral("LEDGER-7");
        v.verifiedBy = kAdmin;
        v.verifiedAt = kT0;
        IdentityVerification back;
        QVERIFY(IdentityVerification::fromJson(v.toJson(), &back));
        QCOMPARE(back, v);
        QJsonObject bad = v.toJson();
        bad.insert(QStringLiteral("verifiedBy"), 42);
        JsonFieldError err;
        QVERIFY(!IdentityVerification::fromJson(bad, &back, &err));
        QCOMPARE(err.field, QStringLiteral("verifiedBy"));
        QCOMPARE(back, v);
    }

    void reports()
    {
        const PasswordPolicy policy;
        const QDateTime now = kT0;
        QList<AccountReports::Entry> all;
        all.append({QStringLiteral("A000000001"), activeChangedAt(now.addDays(-61))}); // stale
        all.append({QStringLiteral("B000000002"), activeChangedAt(now.addDays(-10))}); // fresh
        all.append({QStringLiteral("C000000003"), activeChangedAt(now.addDays(-31), true)}); // privileged: stale
        all.append({QStringLiteral("C000000004"), activeChangedAt(now.addDays(-31))}); // ordinary: fine
        AccountState disabled = activeChangedAt(now.addDays(-200));
        disabled.status = AccountState::Status::Disabled;
        all.append({QStringLiteral("D000000005"), disabled});
        AccountState retired = activeChangedAt(now.addDays(-300));
        retired.status = AccountState::Status::Retired;
        all.append({QStringLiteral("E000000006"), retired});
        AccountState locked = activeChangedAt(now.addDays(-5));
        locked.lockedAt = now.addDays(-2);
        locked.lockReason = AccountState::LockReason::FailedLogins;
        all.append({QStringLiteral("F000000007"), locked});
        AccountState idle = activeChangedAt(now.addDays(-20));
        idle.lastSuccessAt = now.addDays(-100);
        all.append({QStringLiteral("G000000008"), idle}); // unused 100 days
        AccountState neverUsed;
        neverUsed.createdAt = now.addDays(-95);
        neverUsed.mustChange = true;
        neverUsed.temporaryIssuedAt = now.addDays(-95);
        all.append({QStringLiteral("H000000009"), neverUsed}); // unused since creation, temp expired
        AccountState freshTemp;
        freshTemp.createdAt = now.addDays(-1);
        freshTemp.mustChange = true;
        freshTemp.temporaryIssuedAt = now.addDays(-1);
        all.append({QStringLiteral("I000000010"), freshTemp});
        AccountState unknown = activeChangedAt(QDateTime());
        unknown.createdAt = now.addDays(-1);
        unknown.lastSuccessAt = now.addDays(-1);
        all.append({QStringLiteral("J000000011"), unknown});
        std::reverse(all.begin(), all.end()); // output order must not depend on input order

        const auto stale = AccountReports::stalePasswords(all, policy, now);
        QCOMPARE(ids(stale), (QStringList{"A000000001", "C000000003", "J000000011"}));
        QCOMPARE(stale[0].days, 61);
        QVERIFY(stale[1].privileged);
        QCOMPARE(stale[1].days, 31);
        QCOMPARE(stale[2].days, -1);

        const auto unused = AccountReports::unusedAccounts(all, 90, now);
        QCOMPARE(ids(unused), (QStringList{"G000000008", "H000000009"}));
        QCOMPARE(unused[0].days, 100);
        QCOMPARE(unused[1].since, now.addDays(-95));
        QCOMPARE(ids(AccountReports::unusedAccounts(all, 61, now)),
                 (QStringList{"A000000001", "G000000008", "H000000009"}));

        const auto lockedRows = AccountReports::lockedAccounts(all, now);
        QCOMPARE(ids(lockedRows), QStringList{"F000000007"});
        QCOMPARE(lockedRows[0].days, 2);
        QCOMPARE(lockedRows[0].lockReason, AccountState::LockReason::FailedLogins);

        QCOMPARE(ids(AccountReports::expiredTemporaryPasswords(all, policy, now)), QStringList{"H000000009"});

        // Only the active privileged ID; the retired one is not counted.
        retired.privileged = true;
        all.append({QStringLiteral("K000000012"), retired});
        const auto privileged = AccountReports::privilegedAccounts(all, now);
        QCOMPARE(ids(privileged), QStringList{"C000000003"});
        QCOMPARE(privileged[0].since, now.addDays(-31));

        // Reports read the injected clock when no time is given.
        QCOMPARE(ids(AccountReports::stalePasswords(all, policy)), ids(stale));
        QVERIFY(AccountReports::stalePasswords({}, policy).isEmpty());
    }

    void reconcileAddsFailures()
    {
        const PasswordPolicy policy;
        AccountState hub = activeChangedAt(kT0.addDays(-1));
        hub.failedCount = 2;
        hub.failuresSinceSuccess = 2;
        hub.lastFailureAt = kT0.addSecs(-600);
        hub.lastFailureTerminal = kPc1;

        OfflineFailureCounter::Entry local;
        local.failures = 2;
        local.consecutiveFailures = 2;
        local.lastFailureAt = kT0.addSecs(-60);
        local.lastFailureTerminal = kPc2;
        const AccountState merged = OfflineFailureCounter::reconcile(hub, local, policy, kT0);
        QCOMPARE(merged.failedCount, 4);
        QCOMPARE(merged.failuresSinceSuccess, 4);
        QVERIFY(!merged.isLocked());
        QCOMPARE(merged.lastFailureAt, local.lastFailureAt);
        QCOMPARE(merged.lastFailureTerminal, kPc2);
        // Password, history and status are the hub's alone.
        QCOMPARE(merged.passwordChangedAt, hub.passwordChangedAt);
        QCOMPARE(merged.status, hub.status);

        // One more local failure reaches the threshold: locked at reconcile time.
        local.failures = 3;
        local.consecutiveFailures = 3;
        const AccountState lockedNow = OfflineFailureCounter::reconcile(hub, local, policy, kT0);
        QVERIFY(lockedNow.isLocked());
        QCOMPARE(lockedNow.lockedAt, kT0);
        QCOMPARE(lockedNow.lockReason, AccountState::LockReason::FailedLogins);

        // Privileged: three in total lock.
        AccountState priv = hub;
        priv.privileged = true;
        priv.failedCount = 1;
        local.failures = 2;
        local.consecutiveFailures = 2;
        QVERIFY(OfflineFailureCounter::reconcile(priv, local, policy, kT0).isLocked());
    }

    void reconcileStricterSideWins()
    {
        const PasswordPolicy policy;
        const AccountState base = activeChangedAt(kT0.addDays(-1));

        // A lock on either side survives; a terminal's success never unlocks the hub.
        AccountState hubLocked = base;
        hubLocked.failedCount = 5;
        hubLocked.lockedAt = kT0.addSecs(-3600);
        hubLocked.lockReason = AccountState::LockReason::FailedLogins;
        OfflineFailureCounter::Entry success;
        success.lastSuccessAt = kT0.addSecs(-60);
        success.lastSuccessTerminal = kPc2;
        const AccountState stillLocked = OfflineFailureCounter::reconcile(hubLocked, success, policy, kT0);
        QVERIFY(stillLocked.isLocked());
        QCOMPARE(stillLocked.lockedAt, hubLocked.lockedAt);
        QCOMPARE(stillLocked.failedCount, 5);

        OfflineFailureCounter::Entry localLock;
        localLock.failures = 1;
        localLock.consecutiveFailures = 1;
        localLock.lockedAt = kT0.addSecs(-120);
        const AccountState lockedByTerminal = OfflineFailureCounter::reconcile(base, localLock, policy, kT0);
        QVERIFY(lockedByTerminal.isLocked());
        QCOMPARE(lockedByTerminal.lockedAt, localLock.lockedAt);

        // Hub status wins: the terminal cannot revive a disabled or retired ID.
        AccountState retired = base;
        retired.status = AccountState::Status::Retired;
        QCOMPARE(OfflineFailureCounter::reconcile(retired, success, policy, kT0).status, AccountState::Status::Retired);

        // A later local success is the last login; an earlier one is not.
        const AccountState withLocalSuccess = OfflineFailureCounter::reconcile(base, success, policy, kT0);
        QCOMPARE(withLocalSuccess.lastSuccessAt, success.lastSuccessAt);
        QCOMPARE(withLocalSuccess.lastSuccessTerminal, kPc2);
        OfflineFailureCounter::Entry oldSuccess = success;
        oldSuccess.lastSuccessAt = kT0.addDays(-5);
        QCOMPARE(OfflineFailureCounter::reconcile(base, oldSuccess, policy, kT0).lastSuccessAt, base.lastSuccessAt);

        // A local success ends the local run, but failures before it still show (AUTH-9) and the hub's
        // own count is not lowered.
        AccountState hubFailures = base;
        hubFailures.failedCount = 1;
        hubFailures.failuresSinceSuccess = 1;
        OfflineFailureCounter::Entry ranThenSucceeded;
        ranThenSucceeded.failures = 3;
        ranThenSucceeded.consecutiveFailures = 0;
        ranThenSucceeded.lastSuccessAt = kT0.addSecs(-10);
        const AccountState m = OfflineFailureCounter::reconcile(hubFailures, ranThenSucceeded, policy, kT0);
        QCOMPARE(m.failedCount, 1);
        QCOMPARE(m.failuresSinceSuccess, 4);

        // The later non-response delay wins.
        AccountState hubDelay = base;
        hubDelay.retryNotBefore = kT0.addSecs(2);
        OfflineFailureCounter::Entry localDelay;
        localDelay.retryNotBefore = kT0.addSecs(8);
        QCOMPARE(OfflineFailureCounter::reconcile(hubDelay, localDelay, policy, kT0).retryNotBefore, kT0.addSecs(8));
    }

    // Proves: AUTH-5
    void offlineTerminalsShareOneThreshold()
    {
        // Two terminals offline, three guesses each: after sync the fleet total locks the account,
        // so spreading guesses over terminals buys nothing.
        const PasswordPolicy policy;
        const AccountGuard guard(policy);
        const AccountState cached = activeChangedAt(kT0.addDays(-1));
        OfflineFailureCounter pc1;
        OfflineFailureCounter pc2;
        QDateTime t = kT0;
        for (OfflineFailureCounter* counter : {&pc1, &pc2}) {
            for (int i = 0; i < 3; ++i) {
                const AccountState view = OfflineFailureCounter::reconcile(cached, counter->entry(kUser), policy, t);
                const LoginDecision d = guard.evaluateLogin(view, false, kPc1, t);
                QCOMPARE(d.outcome, LoginDecision::Outcome::WrongPassword);
                counter->record(kUser, d, kPc1, t);
                t = t.addSecs(60);
            }
        }
        QCOMPARE(pc1.entry(kUser).failures, 3);
        AccountState hub = OfflineFailureCounter::reconcile(cached, pc1.entry(kUser), policy, t);
        QVERIFY(!hub.isLocked());
        hub = OfflineFailureCounter::reconcile(hub, pc2.entry(kUser), policy, t);
        QVERIFY(hub.isLocked());
        QCOMPARE(hub.failuresSinceSuccess, 6);
        pc1.acknowledge(kUser);
        QVERIFY(pc1.entry(kUser).isEmpty());
        QVERIFY(pc1.users().isEmpty());
    }

    void offlineLockoutOnOneTerminal()
    {
        // The cached hub count plus local failures reach the threshold offline.
        const PasswordPolicy policy;
        const AccountGuard guard(policy);
        AccountState cached = activeChangedAt(kT0.addDays(-1));
        cached.failedCount = 3;
        OfflineFailureCounter counter;
        QDateTime t = kT0;
        LoginDecision d = guard.evaluateLogin(OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t),
                                              false, kPc1, t);
        QCOMPARE(d.outcome, LoginDecision::Outcome::WrongPassword);
        counter.record(kUser, d, kPc1, t);
        QCOMPARE(counter.entry(kUser).retryNotBefore, t.addMSecs(policy.nonResponseDelayMs(4)));
        // The delay holds offline too.
        QCOMPARE(guard.evaluateLogin(OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t), true,
                                     kPc1, t)
                     .outcome,
                 LoginDecision::Outcome::Throttled);
        t = t.addSecs(60);
        d = guard.evaluateLogin(OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t), false, kPc1, t);
        QCOMPARE(d.outcome, LoginDecision::Outcome::Locked);
        QVERIFY(d.lockedNow);
        counter.record(kUser, d, kPc1, t);
        QCOMPARE(counter.entry(kUser).lockedAt, t);
        // Right password, still locked offline.
        t = t.addSecs(60);
        d = guard.evaluateLogin(OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t), true, kPc1, t);
        QCOMPARE(d.outcome, LoginDecision::Outcome::Locked);
        // And at the hub after sync.
        QVERIFY(OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t).isLocked());
    }

    void offlineSuccessEndsLocalRun()
    {
        const PasswordPolicy policy;
        const AccountGuard guard(policy);
        const AccountState cached = activeChangedAt(kT0.addDays(-1));
        OfflineFailureCounter counter;
        QDateTime t = kT0;
        for (int i = 0; i < 2; ++i) {
            const LoginDecision d = guard.evaluateLogin(
                OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t), false, kPc1, t);
            counter.record(kUser, d, kPc1, t);
            t = t.addSecs(60);
        }
        const LoginDecision ok = guard.evaluateLogin(
            OfflineFailureCounter::reconcile(cached, counter.entry(kUser), policy, t), true, kPc2, t);
        QCOMPARE(ok.outcome, LoginDecision::Outcome::Ok);
        QCOMPARE(ok.failuresSincePreviousSuccess, 2); // AUTH-9 offline too
        counter.record(kUser, ok, kPc2, t);
        const OfflineFailureCounter::Entry e = counter.entry(kUser);
        QCOMPARE(e.failures, 2);
        QCOMPARE(e.consecutiveFailures, 0);
        QCOMPARE(e.lastSuccessAt, t);
        QCOMPARE(e.lastSuccessTerminal, kPc2);
        QVERIFY(!e.retryNotBefore.isValid());
        // Throttled / disabled outcomes record nothing.
        LoginDecision throttled;
        throttled.outcome = LoginDecision::Outcome::Throttled;
        counter.record(kUser, throttled, kPc1, t);
        QCOMPARE(counter.entry(kUser), e);
    }

    void offlineCounterJson()
    {
        OfflineFailureCounter counter;
        counter.recordFailure(kUser, kPc1, kT0);
        counter.recordFailure(kUser, kPc1, kT0.addSecs(5));
        counter.recordSuccess(QStringLiteral("M000000002"), kPc2, kT0.addSecs(9));
        const QByteArray text = QJsonDocument(counter.toJson()).toJson();
        OfflineFailureCounter back;
        QVERIFY(OfflineFailureCounter::fromJson(QJsonDocument::fromJson(text).object(), &back));
        QCOMPARE(back.users(), (QStringList{"M000000002", kUser}));
        QCOMPARE(back.entry(kUser), counter.entry(kUser));
        QCOMPARE(back.entry(kUser).failures, 2);

        auto refused = [&](const QJsonObject& json, const QString& field) {
            OfflineFailureCounter target = counter;
            JsonFieldError err;
            QVERIFY(!OfflineFailureCounter::fromJson(json, &target, &err));
            QCOMPARE(err.field, field);
            QCOMPARE(target.entry(kUser), counter.entry(kUser));
            QCOMPARE(target.users(), counter.users());
        };
        refused(QJsonObject(), QStringLiteral("users"));
        refused(QJsonObject{{QStringLiteral("users"), QJsonArray()}}, QStringLiteral("users"));
        QJsonObject users = counter.toJson().value(QStringLiteral("users")).toObject();
        QJsonObject badId = users;
        badId.insert(QStringLiteral("not-an-id"), users.value(kUser));
        refused(QJsonObject{{QStringLiteral("users"), badId}}, QStringLiteral("users.not-an-id"));
        QJsonObject badEntry = users;
        QJsonObject e = users.value(kUser).toObject();
        e.insert(QStringLiteral("failures"), -3);
        badEntry.insert(kUser, e);
        refused(QJsonObject{{QStringLiteral("users"), badEntry}}, QStringLiteral("users.") + kUser + QStringLiteral(".failures"));
        e = users.value(kUser).toObject();
        e.insert(QStringLiteral("consecutiveFailures"), 9);
        badEntry.insert(kUser, e);
        refused(QJsonObject{{QStringLiteral("users"), badEntry}},
                QStringLiteral("users.") + kUser + QStringLiteral(".consecutiveFailures"));
        badEntry.insert(kUser, QStringLiteral("3"));
        refused(QJsonObject{{QStringLiteral("users"), badEntry}}, QStringLiteral("users.") + kUser);
    }
};

QTEST_GUILESS_MAIN(TestAccountStateAndReports)
#include "TestAccountStateAndReports.moc"
