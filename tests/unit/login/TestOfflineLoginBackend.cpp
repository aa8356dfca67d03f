// OfflineLoginBackend on a real SQLCipher vault and a real cache file (cheap Argon2 parameters): the offline
// rules — slot unwrap as the password check, the local failure counter with AccountGuard, lockout, cached
// status, card binding, damaged cache — and that each refusal reaches the audit chain.

#include "crypto/Argon2Kdf.h"
#include "session/OfflineAccountCache.h"
#include "session/OfflineLoginBackend.h"
#include "sync/HubReplica.h"
#include "util/Clock.h"
#include "unit/vault/VaultTestSupport.h"
#include "crypto/Random.h"
#include "vault/Vault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;
using Outcome = LoginVerdict::Outcome;

namespace {
const QString kUser = QStringLiteral("NURSE00001");
const QString kOther = QStringLiteral("NURSE00002");
const QString kTerminal = QStringLiteral("T-W3-01");
const QByteArray kCard(32, '\x42');
} // namespace

class TestOfflineLoginBackend : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    std::shared_ptr<ManualClock> m_clock;
    SecureBytes m_vaultKey;  // the hub part of the cache is tagged under (a key derived from) it

    LoginAttempt attempt(const QString& password, const QString& user = kUser, const QByteArray& card = kCard)
    {
        LoginAttempt a;
        a.userId = user;
        a.password = SecureBytes::fromUtf8(password);
        a.card.kind = CardIdentity::Kind::Piv;
        a.card.cardSecret = card;
        a.reader = QStringLiteral("r");
        a.cardKey = test::simulatedCard(card);
        return a;
    }

    QStringList audit()
    {
        auto vault = Vault::openWithPassword(m_dir, kTerminal, kUser, SecureBytes::fromUtf8(QStringLiteral("Kango-Pass1!")),
                                             test::simulatedCard(kCard));
        QStringList out;
        for (const AuditEntry& e : vault->audit().entries(1, 1000))
            out << e.action + QLatin1Char(':') + e.outcome + QLatin1Char(':') + e.detail.value(QStringLiteral("reason")).toString();
        return out;
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        m_tmp = std::make_unique<QTemporaryDir>();
        m_dir = m_tmp->filePath(QStringLiteral("vault"));
        Argon2Params cheap;
        cheap.timeCost = 1;
        cheap.memoryKiB = 8 * 1024;
        auto vault = Vault::create(m_dir, kTerminal, cheap);
        vault->addUserSlot(kUser, SecureBytes::fromUtf8(QStringLiteral("Kango-Pass1!")), test::simulatedCard(kCard),
                           kUser);
        OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
        OfflineAccountCache::Account a;
        a.state.createdAt = m_clock->nowUtc().addDays(-100);
        a.state.passwordChangedAt = m_clock->nowUtc().addDays(-10);
        a.state.lastSuccessAt = m_clock->nowUtc().addDays(-1);
        a.state.lastSuccessTerminal = QStringLiteral("T-W3-02");
        a.roles = QStringList{QStringLiteral("nurse")};
        a.pivKeyHashes << kCard;
        cache.accounts.insert(kUser, a);
        cache.accounts.insert(kOther, a);  // known to the hub, but no slot on this terminal
        m_vaultKey = vault->key();
        QVERIFY(cache.save(nullptr, m_vaultKey));
    }
    void cleanup()
    {
        Clock::setInstance(nullptr);
    }

    // Proves: BCP-2
    void correctPasswordOpensTheVault()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict v = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(v.outcome, Outcome::Ok);
        QVERIFY(v.vault);
        QVERIFY(!v.online);
        QCOMPARE(v.previousSuccessTerminal, QStringLiteral("T-W3-02"));
        QCOMPARE(v.roles, QStringList{QStringLiteral("nurse")});
    }

    void noSlotNeedsTheHub()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        QCOMPARE(b.decide(attempt(QStringLiteral("Kango-Pass1!"), kOther)).outcome, Outcome::FirstLoginNeedsHub);
        QCOMPARE(b.decide(attempt(QStringLiteral("Kango-Pass1!"), QStringLiteral("UNKNOWN001"))).outcome,
                 Outcome::FirstLoginNeedsHub);
        QVERIFY(audit().contains(QStringLiteral("login:denied:no-slot")));
    }

    void wrongPasswordsCountAndLock()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        for (int i = 1; i <= 4; ++i) {
            const LoginVerdict v = b.decide(attempt(QStringLiteral("wrong")));
            QCOMPARE(v.outcome, Outcome::WrongPassword);
            QCOMPARE(v.remainingAttempts, 5 - i);
            QVERIFY(v.delayMs > 0);
            // Inside the delay: refused without counting.
            QCOMPARE(b.decide(attempt(QStringLiteral("wrong"))).outcome, Outcome::Throttled);
            m_clock->advanceMs(v.delayMs + 1);
        }
        QCOMPARE(b.decide(attempt(QStringLiteral("wrong"))).outcome, Outcome::Locked);
        m_clock->advanceMs(60000);
        // Locked: the right password does not open it offline either (only an admin at the hub unlocks).
        const LoginVerdict locked = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(locked.outcome, Outcome::Locked);
        QVERIFY(!locked.vault);
        const QStringList actions = audit();
        QVERIFY2(actions.count(QStringLiteral("vault.unwrap:failure:")) == 5, qPrintable(actions.join(QLatin1Char(' '))));
        QVERIFY(actions.contains(QStringLiteral("account.lock:success:locked")));
        // The counter survives a restart of the terminal (it is in the cache file).
        OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
        QVERIFY(cache.load());
        QVERIFY(cache.failures.entry(kUser).lockedAt.isValid());
    }

    void cachedStatusIsEnforced()
    {
        OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
        QVERIFY(cache.load());
        cache.accounts[kUser].state.status = AccountState::Status::Disabled;
        QVERIFY(!cache.save());  // the hub's state changes only with the vault open
        QVERIFY(cache.save(nullptr, m_vaultKey));
        OfflineLoginBackend b(m_dir, kTerminal);
        QCOMPARE(b.decide(attempt(QStringLiteral("Kango-Pass1!"))).outcome, Outcome::Disabled);
    }

    // Issue 12: the reception desk revoked the card, or disabled or retired the account, after this person's
    // last online login here. The cache still vouches for them; the directory the last sync replicated into the
    // vault does not, and it decides. A replica that lists the card, or lists no cards (another ward's terminal),
    // leaves the cached state to decide.
    void replicatedDirectoryRestricts_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QJsonValue>("cards");
        QTest::addColumn<int>("outcome");
        const QJsonObject thisCard{{QStringLiteral("kind"), QStringLiteral("piv")},
                                   {QStringLiteral("keyId"), QString::fromLatin1(kCard.toHex())}};
        const QJsonObject newCard{{QStringLiteral("kind"), QStringLiteral("piv")},
                                  {QStringLiteral("keyId"), QString::fromLatin1(QByteArray(32, '\x43').toHex())}};
        QTest::newRow("card bound") << "active" << QJsonValue(QJsonArray{newCard, thisCard}) << int(Outcome::Ok);
        QTest::newRow("card revoked, replaced") << "active" << QJsonValue(QJsonArray{newCard}) << int(Outcome::CardNotBound);
        QTest::newRow("every card revoked") << "active" << QJsonValue(QJsonArray{}) << int(Outcome::CardNotBound);
        QTest::newRow("other ward: no cards listed") << "active" << QJsonValue(QJsonValue::Undefined) << int(Outcome::Ok);
        QTest::newRow("disabled") << "disabled" << QJsonValue(QJsonArray{thisCard}) << int(Outcome::Disabled);
        QTest::newRow("retired") << "retired" << QJsonValue(QJsonValue::Undefined) << int(Outcome::Retired);
    }
    void replicatedDirectoryRestricts()
    {
        QFETCH(QString, status);
        QFETCH(QJsonValue, cards);
        QFETCH(int, outcome);
        {
            auto vault = Vault::openWithPassword(m_dir, kTerminal, kUser, SecureBytes::fromUtf8(QStringLiteral("Kango-Pass1!")),
                                                 test::simulatedCard(kCard));
            QJsonObject user{{QStringLiteral("kind"), QStringLiteral("user")}, {QStringLiteral("id"), kUser},
                             {QStringLiteral("status"), status}};
            if (!cards.isUndefined())
                user.insert(QStringLiteral("cards"), cards);
            HubReplica(vault->database()).storeDirectoryItem(QStringLiteral("user"), kUser, 7, user);
        }
        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict v = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(int(v.outcome), outcome);
        QCOMPARE(bool(v.vault), outcome == int(Outcome::Ok));
        if (outcome != int(Outcome::Ok)) {
            const QString code = QString::fromLatin1(LoginVerdict::code(Outcome(outcome)));
            QVERIFY2(audit().contains(QStringLiteral("login:denied:") + code), qPrintable(audit().join(QLatin1Char(' '))));
            // Refused with the right password: nothing counts toward a lockout.
            OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
            QVERIFY(cache.load());
            QCOMPARE(cache.failures.entry(kUser).failures, 0);
        }
    }

    // A refusal the hub gave while the vault was closed is kept in the local part and restricts offline.
    void hubRefusalRememberedWhileClosed()
    {
        OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
        QVERIFY(cache.load());
        cache.refusals.insert(kUser, QStringLiteral("retired"));
        QVERIFY(cache.save());  // local part only: no key needed
        OfflineLoginBackend b(m_dir, kTerminal);
        QCOMPARE(b.decide(attempt(QStringLiteral("Kango-Pass1!"))).outcome, Outcome::Retired);
    }

    // Attack (issue 10, item 3): login-cache.json edited on disk (a disabled account made active, a lock
    // removed, a role or UID binding added) or copied from another terminal. The hub part's tag no longer
    // matches: the offline login fails closed once the slot has opened, and nothing in it is believed.
    void tamperedCacheFailsClosed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("status") << QStringLiteral("status") << QStringLiteral("active");
        QTest::newRow("lock removed") << QStringLiteral("lockedAt") << QString();
        QTest::newRow("role added") << QStringLiteral("roles") << QStringLiteral("doctor");
        QTest::newRow("uid binding") << QStringLiteral("uidBindings") << QStringLiteral("NURSE00001");
        QTest::newRow("other vault") << QStringLiteral("otherVault") << QString();
    }

    void tamperedCacheFailsClosed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QString path = OfflineAccountCache::pathFor(m_dir);
        {
            OfflineAccountCache cache(path);
            QVERIFY(cache.load());
            if (field == QLatin1String("lockedAt")) {
                cache.accounts[kUser].state.lockedAt = m_clock->nowUtc();
                cache.accounts[kUser].state.lockReason = AccountState::LockReason::FailedLogins;
            } else if (field == QLatin1String("status")) {
                cache.accounts[kUser].state.status = AccountState::Status::Disabled;
            }
            // The genuine state the terminal wrote (tagged under another vault's key for "other vault").
            QVERIFY(cache.save(nullptr, field == QLatin1String("otherVault") ? Random::secureBytes(32) : m_vaultKey));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject hub = root.value(QStringLiteral("hub")).toObject();
        QJsonObject accounts = hub.value(QStringLiteral("accounts")).toObject();
        QJsonObject account = accounts.value(kUser).toObject();
        QJsonObject state = account.value(QStringLiteral("state")).toObject();
        if (field == QLatin1String("status"))
            state.insert(QStringLiteral("status"), value);
        else if (field == QLatin1String("lockedAt")) {
            state.remove(QStringLiteral("lockedAt"));
            state.insert(QStringLiteral("lockReason"), QStringLiteral("none"));
        } else if (field == QLatin1String("roles"))
            account.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse"), value});
        else if (field == QLatin1String("uidBindings"))
            hub.insert(QStringLiteral("uidBindings"), QJsonObject{{QStringLiteral("0102030405060708"), value}});
        account.insert(QStringLiteral("state"), state);
        accounts.insert(kUser, account);
        hub.insert(QStringLiteral("accounts"), accounts);
        root.insert(QStringLiteral("hub"), hub);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        f.close();

        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict v = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(v.outcome, Outcome::Failed);
        QVERIFY2(v.text().contains(QStringLiteral("altered")), qPrintable(v.text()));
        QVERIFY(!v.vault);
        QVERIFY(audit().contains(QStringLiteral("login:denied:cache-tampered")));
    }

    void expiredPasswordNeedsChange()
    {
        m_clock->setNowUtc(m_clock->nowUtc().addDays(45));  // the password is 55 days old
        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict warn = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(warn.outcome, Outcome::Ok);
        QCOMPARE(warn.expiryWarningDays, 5);
        m_clock->setNowUtc(m_clock->nowUtc().addDays(10));
        const LoginVerdict expired = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(expired.outcome, Outcome::PasswordExpired);
        QVERIFY(!expired.vault);  // no session until the hub changed it
    }

    void otherCardRefusedBeforeArgon2()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict v = b.decide(attempt(QStringLiteral("Kango-Pass1!"), kUser, QByteArray(32, '\x01')));
        QCOMPARE(v.outcome, Outcome::CardNotBound);
        QVERIFY(audit().contains(QStringLiteral("login:denied:card-not-bound")));
    }

    void damagedCacheFailsClosed()
    {
        QFile f(OfflineAccountCache::pathFor(m_dir));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"accounts\": {\"NURSE00001\": {\"state\": {\"failedCount\": \"many\"}}}}");
        f.close();
        OfflineLoginBackend b(m_dir, kTerminal);
        const LoginVerdict v = b.decide(attempt(QStringLiteral("Kango-Pass1!")));
        QCOMPARE(v.outcome, Outcome::Failed);
        QVERIFY2(v.text().contains(QStringLiteral("damaged")), qPrintable(v.text()));
        QVERIFY(!v.vault);
    }

    void oversizedCacheIsRefusedWhole()
    {
        // Valid JSON followed by padding past the 4 MiB bound: refused, nothing half-read.
        QFile f(OfflineAccountCache::pathFor(m_dir));
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(4 * 1024 * 1024, ' '));
        f.close();
        OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
        QString error;
        QVERIFY(!cache.load(&error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QVERIFY(cache.accounts.isEmpty());
    }

    void fallbackCodeNeedsTheHub()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        LoginAttempt a = attempt(QStringLiteral("Kango-Pass1!"));
        a.fallbackCode = QStringLiteral("482913");
        QCOMPARE(b.decide(a).outcome, Outcome::HubUnreachable);
        QVERIFY(audit().contains(QStringLiteral("login.fallback:denied:offline")));
    }

    void asynchronousAnswer()
    {
        OfflineLoginBackend b(m_dir, kTerminal);
        QSignalSpy done(&b, &LoginBackend::loginFinished);
        b.login(attempt(QStringLiteral("Kango-Pass1!")));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().value<LoginVerdict>().outcome, Outcome::Ok);
        QSignalSpy changed(&b, &LoginBackend::passwordChangeFinished);
        b.changePassword(PasswordChangeRequest());
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.first().first().value<PasswordChangeVerdict>().outcome,
                 PasswordChangeVerdict::Outcome::HubUnreachable);
    }
};

QTEST_GUILESS_MAIN(TestOfflineLoginBackend)
#include "TestOfflineLoginBackend.moc"
