// The terminal's sync client against a real wardhub over loopback mutual TLS: enrolment (with the CA
// fingerprint check), pull into an empty SQLCipher vault with verification on arrival, revocation, the
// network slot, clock skew (AUD-3) and the client's typed errors.

#include "SyncTestHub.h"

#include "audit/AuditLog.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Random.h"
#include "sync/Enrolment.h"
#include "sync/NetworkSlot.h"
#include "util/Clock.h"
#include "vault/VaultError.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>
#include <QElapsedTimer>
#include <sys/stat.h>

using namespace ward;
using namespace synctest;

namespace {

QByteArray noteBody(int i)
{
    return QStringLiteral("体温 36.%1 ℃、著変なし (%2)").arg(i % 10).arg(i).toUtf8();
}

int auditCount(Vault& vault, const QString& action, const QString& outcome = QString())
{
    int n = 0;
    for (const AuditEntry& e : vault.audit().entries(1, 100000))
        n += e.action == action && (outcome.isEmpty() || e.outcome == outcome);
    return n;
}

} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncTestHub> m_hub;

private slots:
    void init()
    {
        Clock::setInstance(nullptr);
        m_hub = std::make_unique<SyncTestHub>(QStringLiteral("sync_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->setUp());
    }

    void cleanup()
    {
        Clock::setInstance(nullptr);
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->process().log().right(3000).constData());
        m_hub.reset();
    }

    void enrolmentWithValidCodeWorksOnce()
    {
        // Step 1: the fingerprint the screen shows is the hub CA's.
        Enrolment probe(QDir::tempPath());
        QString shown;
        connect(&probe, &Enrolment::hubCaPresented, [&](const Certificate&, const QString& fp) { shown = fp; });
        probe.fetchHubCa(m_hub->url());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        QCOMPARE(shown.remove(QLatin1Char(':')).toLower(), m_hub->caFingerprintHex());

        const QString code = m_hub->enrolCode(QStringLiteral("W3"));
        SyncTerminal t;
        SyncError error;
        QVERIFY2(t.enrolWithCode(m_hub->url(), code, m_hub->caFingerprintHex(), &error), qPrintable(error.message()));
        QVERIFY(!t.identity.terminalId.isEmpty());
        QCOMPARE(t.identity.ward, QStringLiteral("W3"));
        QVERIFY(t.identity.certificate.isIssuedBy(m_hub->ca()));
        // The private key is on the terminal only, 0600, in a 0700 directory.
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(TerminalIdentity::directory(t.dataDir()) + QStringLiteral("/terminal-key.pem")).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(TerminalIdentity::directory(t.dataDir())).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);

        // The enrolled identity talks mutual TLS: the pull works.
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce(&error));

        // The same code never works again.
        SyncTerminal again;
        QVERIFY(!again.enrolWithCode(m_hub->url(), code, m_hub->caFingerprintHex(), &error));
        QCOMPARE(error.kind() == SyncError::Kind::BadRequest || error.kind() == SyncError::Kind::UnknownTerminal
                     || error.kind() == SyncError::Kind::TerminalRevoked,
                 true);
        QVERIFY(error.httpStatus() >= 400 && error.httpStatus() < 500);
        QVERIFY(!TerminalIdentity::exists(again.dataDir()));

        // A loosened key file is refused on load.
        QFile::setPermissions(TerminalIdentity::directory(t.dataDir()) + QStringLiteral("/terminal-key.pem"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QString why;
        QVERIFY(!TerminalIdentity::load(t.dataDir(), &why));
        QVERIFY(why.contains(QLatin1String("readable by others")));
    }

    // Proves: EX-1
    void wrongCaFingerprintIsRefusedBeforeTheCodeIsSent()
    {
        const QString code = m_hub->enrolCode(QStringLiteral("W3"));
        QString wrong = m_hub->caFingerprintHex();
        wrong[10] = wrong[10] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        SyncTerminal t;
        SyncError error;
        QVERIFY(!t.enrolWithCode(m_hub->url(), code, wrong, &error));
        QCOMPARE(error.kind(), SyncError::Kind::CaMismatch);
        QVERIFY(!TerminalIdentity::exists(t.dataDir()));
        QVERIFY(!QFileInfo::exists(TerminalIdentity::directory(t.dataDir()) + QStringLiteral("/terminal-key.pem")));
        // Garbage is no fingerprint either.
        QVERIFY(!t.enrolWithCode(m_hub->url(), code, QStringLiteral("not a fingerprint"), &error));
        QCOMPARE(error.kind(), SyncError::Kind::CaMismatch);
        // The code was never sent: it still enrols a terminal (colons and case as people type them).
        SyncTerminal ok;
        QVERIFY2(ok.enrolWithCode(m_hub->url(), code, Enrolment::fingerprintText(m_hub->ca()).toLower(), &error),
                 qPrintable(error.message()));
    }

    void pullOfPatientsAndSignedRecordsIntoAnEmptyVault()
    {
        const RecordVersion a1 = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1));
        const RecordVersion a2 = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(2), &a1);
        const RecordVersion b1 = m_hub->makeRecord(QStringLiteral("P0002"), noteBody(3));
        QVERIFY(m_hub->pushFromOtherTerminal({a1, a2, b1}));

        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        t.engine->setPageSize(2); // several pages
        QSignalSpy rejected(t.engine.get(), &SyncEngine::recordRejected);
        SyncError error;
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(rejected.count(), 0);

        // Only the terminal's ward: P0100 (W4) is not here.
        QCOMPARE(t.vault->patients().count(), qint64(2));
        const auto p = t.vault->patients().find(QStringLiteral("P0001"));
        QVERIFY(p);
        QCOMPARE(p->name, QStringLiteral("佐藤 花子"));
        QCOMPARE(p->kana, QStringLiteral("さとう はなこ"));
        QVERIFY(!t.vault->patients().find(QStringLiteral("P0100")));

        QCOMPARE(t.vault->records().count(), qint64(3));
        const auto got2 = t.vault->records().find(a1.recordId, 2);
        QVERIFY(got2);
        QCOMPARE(got2->body, a2.body); // exact signed bytes
        QCOMPARE(got2->signature, a2.signature);
        QVERIFY(!got2->timestampToken.isEmpty());
        QCOMPARE(got2->prevHash, t.vault->records().find(a1.recordId, 1)->versionHash()); // vault chain intact
        QCOMPARE(got2->type, QStringLiteral("nursing-note"));
        QCOMPARE(got2->compartment, QStringLiteral("W3"));

        // Directory and policy replica.
        QVERIFY(t.engine->replica().directoryItem(QStringLiteral("user"), m_hub->nurse().id));
        QVERIFY(t.engine->replica().directoryItem(QStringLiteral("ward"), QStringLiteral("W3")));
        QVERIFY(t.engine->replica().directoryCount(QStringLiteral("staffCert")) >= 1);
        QVERIFY(t.engine->status().online);
        QVERIFY(t.engine->status().lastSuccessfulSync.isValid());

        // Incremental: only the new version arrives; the cursor is kept in the vault.
        const qint64 cursor = t.engine->replica().cursor();
        QVERIFY(cursor > 0);
        const RecordVersion a3 = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(4), &a2);
        QVERIFY(m_hub->pushFromOtherTerminal({a3}));
        QSignalSpy changed(t.engine.get(), &SyncEngine::recordsChanged);
        QVERIFY(t.syncOnce(&error));
        QCOMPARE(t.vault->records().count(), qint64(4));
        // The open chart hears of it: only P0001's records changed (issue 9).
        QStringList patients;
        for (const QList<QVariant>& args : changed)
            patients += args.at(0).toStringList();
        patients.removeDuplicates();
        QCOMPARE(patients, QStringList{QStringLiteral("P0001")});
        QVERIFY(t.engine->replica().cursor() > cursor);
        QVERIFY(t.vault->records().find(a1.recordId, 3));
        QVERIFY(t.vault->audit().verify().ok);
    }

    void pagesInHandAreStoredWhenALaterPageCannotBeFetched()
    {
        // The pull fetches a page ahead while it checks and stores the one before: a page that cannot be fetched
        // (here: over the answer limit) ends the cycle after the pages before it are stored, never half-way.
        const RecordVersion a1 = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1));
        const RecordVersion a2 = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(2), &a1);
        const RecordVersion b1 = m_hub->makeRecord(QStringLiteral("P0002"), noteBody(3));
        const RecordVersion large = m_hub->makeRecord(QStringLiteral("P0002"), QString(15000, QChar(0x770B)).toUtf8());
        const RecordVersion after = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(5), &a2);
        QVERIFY(m_hub->pushFromOtherTerminal({a1, a2, b1}));
        QVERIFY(m_hub->pushFromOtherTerminal({large}));
        QVERIFY(m_hub->pushFromOtherTerminal({after}));

        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        t.engine->setPageSize(1);
        t.client->setMaxResponseBytes(30000);
        SyncError error;
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(error.kind(), SyncError::Kind::ResponseTooLarge);
        QCOMPARE(t.vault->records().count(), qint64(3)); // every record before the large one, nothing after it
        QVERIFY(t.vault->records().find(b1.recordId, 1));
        QVERIFY(!t.vault->records().find(a1.recordId, 3));
        const qint64 cursor = t.engine->replica().cursor();
        QVERIFY(cursor > 0);

        // The same failure again: the cursor stays, nothing is stored twice.
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(t.engine->replica().cursor(), cursor);
        QCOMPARE(t.vault->records().count(), qint64(3));

        t.client->setMaxResponseBytes(ward::HubClient::kDefaultMaxResponseBytes);
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(t.vault->records().count(), qint64(5));
        QCOMPARE(t.vault->records().find(a1.recordId, 3)->prevHash, t.vault->records().find(a1.recordId, 2)->versionHash());
        QVERIFY(t.vault->audit().verify().ok);
    }

    void recordWhoseHubMetadataWasAlteredIsRefused()
    {
        // Issue 9: someone with the hub's database moves a signed note to another patient (or ward, type, author);
        // the terminal compares the hub's metadata with the signed envelope and refuses it, audited.
        const RecordVersion moved = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1));
        const RecordVersion retyped = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(2));
        const RecordVersion kept = m_hub->makeRecord(QStringLiteral("P0002"), noteBody(3));
        QVERIFY(m_hub->pushFromOtherTerminal({moved, retyped, kept}));
        QVERIFY(m_hub->alter(moved.recordId, QStringLiteral("patient_id"), QStringLiteral("P0002")));
        QVERIFY(m_hub->alter(retyped.recordId, QStringLiteral("type"), QStringLiteral("progress_note")));

        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QSignalSpy rejected(t.engine.get(), &SyncEngine::recordRejected);
        SyncError error;
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(rejected.count(), 2);
        QHash<QString, QString> reasons;
        for (const auto& r : rejected)
            reasons.insert(r.at(0).toString(), r.at(2).toString());
        QVERIFY2(reasons.value(moved.recordId).startsWith(QLatin1String("metadata_mismatch: the hub's patientId")), qPrintable(reasons.value(moved.recordId)));
        QVERIFY2(reasons.value(retyped.recordId).startsWith(QLatin1String("metadata_mismatch: the hub's type")), qPrintable(reasons.value(retyped.recordId)));
        QVERIFY(!t.vault->records().find(moved.recordId, 1));
        QVERIFY(!t.vault->records().find(retyped.recordId, 1));
        QVERIFY(t.vault->records().find(kept.recordId, 1));
        QCOMPARE(auditCount(*t.vault, QStringLiteral("sync.record.reject"), QStringLiteral("denied")), 2);
    }

    // Proves: EX-6
    void hubWithRecordsOfThePreviousShapeSaysReseed()
    {
        // Issue 9: a hub seeded by an earlier wardhub. The terminal never shows such a record half-read: it refuses
        // it saying the data must be re-seeded; and the hub itself refuses to open that database with the same advice.
        const QString code = m_hub->enrolCode(QStringLiteral("W3"));  // the CLI opens the database: before the old record
        const QString oldId = Random::uuid();
        QVERIFY(m_hub->runTool({QStringLiteral("old-record"), QStringLiteral("--dir"), m_hub->dir(), QStringLiteral("--id"), oldId,
                                QStringLiteral("--patient"), QStringLiteral("P0001"), QStringLiteral("--ward"), QStringLiteral("W3"),
                                QStringLiteral("--author"), QStringLiteral("NURSE00001")}));
        // (The running hub opened its database before; a record pushed now is in the current shape.)
        const RecordVersion current = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1));
        QVERIFY(m_hub->pushFromOtherTerminal({current}));
        SyncTerminal t;
        QVERIFY(t.enrolWithCode(m_hub->url(), code, m_hub->caFingerprintHex(), nullptr));
        QVERIFY(t.openVaultAndEngine());
        QSignalSpy rejected(t.engine.get(), &SyncEngine::recordRejected);
        SyncError error;
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), oldId);
        QVERIFY2(rejected.at(0).at(2).toString().contains(QLatin1String("re-seeded")), qPrintable(rejected.at(0).at(2).toString()));
        QVERIFY(!t.vault->records().find(oldId, 1));
        QVERIFY(t.vault->records().find(current.recordId, 1));
        // Opening the hub's database again (what `wardhub serve` or `check` do) refuses plainly.
        QString output;
        QVERIFY(!m_hub->runTool({QStringLiteral("count"), QStringLiteral("--dir"), m_hub->dir()}, &output));
        QVERIFY2(output.contains(QLatin1String("re-seed")), qPrintable(output));
    }

    // Proves: DATA-7
    void tamperedRecordFromTheHubIsRejectedAndAudited()
    {
        const RecordVersion good = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1));
        const RecordVersion other = m_hub->makeRecord(QStringLiteral("P0002"), noteBody(2));
        QVERIFY(m_hub->pushFromOtherTerminal({good, other}));
        const QString tamperedId = Random::uuid();
        QVERIFY(m_hub->tamper(good.recordId, tamperedId)); // under another ID, body + 1 byte, original signature and token

        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QSignalSpy rejected(t.engine.get(), &SyncEngine::recordRejected);
        SyncError error;
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), tamperedId);
        // The copy claims another record ID than the one its author signed.
        QVERIFY2(rejected.at(0).at(2).toString().startsWith(QLatin1String("metadata_mismatch: the hub's recordId")),
                 qPrintable(rejected.at(0).at(2).toString()));
        QVERIFY(!t.vault->records().find(tamperedId, 1));
        QCOMPARE(t.vault->records().count(), qint64(2));
        // Audited with patient and object, no clinical text.
        bool found = false;
        for (const AuditEntry& e : t.vault->audit().entries(1, 1000))
            if (e.action == QLatin1String("sync.record.reject")) {
                found = true;
                QCOMPARE(e.object, tamperedId + QStringLiteral("#1"));
                QCOMPARE(e.patient, QStringLiteral("P0001"));
                QCOMPARE(e.outcome, QStringLiteral("denied"));
                QVERIFY(!e.detail.value(QStringLiteral("reason")).toString().contains(QStringLiteral("体温")));
            }
        QVERIFY(found);
        // Pulling again does not bring it back in (the cursor moved past it).
        QVERIFY(t.syncOnce(&error));
        QCOMPARE(t.vault->records().count(), qint64(2));
    }

    // Proves: EX-4
    void revokedTerminalSyncFailsClearlyAndChangesNothing()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        // Local work waiting in the queue.
        const RecordVersion mine = m_hub->makeRecord(QStringLiteral("P0001"), noteBody(7));
        t.vault->records().append(mine);
        t.engine->enqueue(mine.recordId, 1);
        // New data at the hub the revoked terminal must not get.
        QVERIFY(m_hub->pushFromOtherTerminal({m_hub->makeRecord(QStringLiteral("P0002"), noteBody(8))}));
        QVERIFY(m_hub->cli({QStringLiteral("revoke-terminal"), QStringLiteral("--id"), t.identity.terminalId}));

        const qint64 records = t.vault->records().count();
        const qint64 patients = t.vault->patients().count();
        const qint64 cursor = t.engine->replica().cursor();
        SyncError error;
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(error.kind(), SyncError::Kind::TerminalRevoked);
        QCOMPARE(error.httpStatus(), 403);
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(t.engine->status().lastErrorKind, SyncError::Kind::TerminalRevoked);
        QCOMPARE(t.vault->records().count(), records);
        QCOMPARE(t.vault->patients().count(), patients);
        QCOMPARE(t.engine->replica().cursor(), cursor);
        QCOMPARE(t.engine->queue().pendingCount(), qint64(1)); // not lost, not marked
        QVERIFY(t.vault->records().find(mine.recordId, 1)->timestampToken.isEmpty());
        QCOMPARE(auditCount(*t.vault, QStringLiteral("sync.refused")), 1);
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(auditCount(*t.vault, QStringLiteral("sync.refused")), 1); // once, not per retry
    }

    void networkSlotOpensTheVaultUntilRevocation()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        // Issue 10: the key is released only for a user who has logged in at this terminal.
        QString token;
        {
            bool done = false;
            t.client->postJson(QStringLiteral("/api/v1/session"),
                               {{QStringLiteral("userId"), m_hub->nurse().id}, {QStringLiteral("password"), QStringLiteral("Kango-001!x")},
                                {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("04A1B2C3")}}}},
                               [&](const ward::HubReply& r) {
                                   token = r.json.value(QStringLiteral("token")).toString();
                                   done = true;
                               });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QVERIFY(!token.isEmpty());
        }
        auto fetch = [&](SyncError* error, const QString& sessionToken) {
            SecureBytes key;
            bool done = false;
            NetworkSlot::fetchKey(*t.client, sessionToken, [&](const SecureBytes& k, const SyncError& e) {
                key = k;
                *error = e;
                done = true;
            });
            QDeadlineTimer deadline(30000);
            while (!done && !deadline.hasExpired())
                QTest::qWait(5);
            return key;
        };
        SyncError error;
        // The terminal certificate alone (what a stolen disk holds) does not release it, nor does a made-up token.
        QVERIFY(fetch(&error, QString()).isEmpty());
        QVERIFY(error.kind() != SyncError::Kind::None);
        QVERIFY(fetch(&error, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isEmpty());
        const SecureBytes key = fetch(&error, token);
        QVERIFY2(error.kind() == SyncError::Kind::None, qPrintable(error.message()));
        QCOMPARE(key.size(), std::size_t(32));
        NetworkSlot::addTo(*t.vault, key, QStringLiteral("IT"));
        t.engine.reset();
        t.vault.reset();

        // After a reboot: the hub's key opens the vault, with the synced patients in it.
        const SecureBytes again = fetch(&error, token);
        QVERIFY(again.equals(key));
        auto reopened = NetworkSlot::open(t.vaultDir(), t.identity.terminalId, again);
        QVERIFY(reopened);
        QCOMPARE(reopened->patients().count(), qint64(2));
        reopened.reset();

        // A wrong key does not.
        QVERIFY_THROWS_EXCEPTION(VaultError, NetworkSlot::open(t.vaultDir(), t.identity.terminalId, SecureBytes::fromQByteArray(Random::bytes(32))));

        QVERIFY(m_hub->cli({QStringLiteral("revoke-terminal"), QStringLiteral("--id"), t.identity.terminalId}));
        const SecureBytes refused = fetch(&error, token);
        QVERIFY(refused.isEmpty());
        QCOMPARE(error.kind(), SyncError::Kind::TerminalRevoked);
    }

    // Proves: AUD-3
    void clockSkewWarnsOnceWithAnAuditEntry()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        QVERIFY(qAbs(t.engine->status().clockSkewMs) < 10000);
        QVERIFY(!t.engine->status().clockSkewWarning);
        QCOMPARE(auditCount(*t.vault, QStringLiteral("clock.skew")), 0);

        // This terminal's clock runs 5 minutes ahead of the hub.
        auto clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc().addSecs(300));
        Clock::setInstance(clock);
        QSignalSpy warnings(t.engine.get(), &SyncEngine::clockSkewWarning);
        QVERIFY(t.syncOnce());
        QCOMPARE(warnings.count(), 1);
        QVERIFY(t.engine->status().clockSkewWarning);
        QVERIFY(t.engine->status().clockSkewMs < -290000 && t.engine->status().clockSkewMs > -310000);
        QVERIFY(t.syncOnce());
        QVERIFY(t.syncOnce());
        QCOMPARE(warnings.count(), 1); // per crossing, not per request
        QCOMPARE(auditCount(*t.vault, QStringLiteral("clock.skew"), QStringLiteral("warning")), 1);

        // Back in step: re-armed (and recorded).
        Clock::setInstance(nullptr);
        QVERIFY(t.syncOnce());
        QVERIFY(!t.engine->status().clockSkewWarning);
        QCOMPARE(auditCount(*t.vault, QStringLiteral("clock.skew"), QStringLiteral("success")), 1);
    }

    void engineRunsOnItsOwnThreadWithItsOwnVaultConnection()
    {
        QList<RecordVersion> records;
        for (int i = 0; i < 400; ++i)
            records << m_hub->makeRecord(i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"), noteBody(i));
        QVERIFY(m_hub->pushFromOtherTerminal(records));
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        t.vault = Vault::create(t.vaultDir(), t.identity.terminalId, fastKdf()); // the UI's connection

        // The sync thread's own objects: a second vault connection, the client and the engine.
        QThread thread;
        auto syncVault = Vault::openWithKey(t.vaultDir(), t.identity.terminalId, t.vault->key());
        auto* client = new ward::HubClient(t.identity.hubUrl, t.identity.hubCa);
        client->setClientIdentity(t.identity.certificate, *t.identity.key);
        auto* engine = new SyncEngine(*syncVault, *client);
        engine->setPageSize(100);
        client->moveToThread(&thread);
        engine->moveToThread(&thread);
        connect(&thread, &QThread::finished, engine, &QObject::deleteLater);
        connect(&thread, &QThread::finished, client, &QObject::deleteLater);
        thread.start();
        auto stopThread = qScopeGuard([&] {
            thread.quit();
            thread.wait();
        });

        bool finished = false, ok = false;
        SyncStatus last;
        // Queued across threads: the receiver lives only as long as the locals the lambdas write to, so a
        // status the engine emits after this test has returned is dropped, not delivered into a dead frame.
        QObject receiver;
        connect(engine, &SyncEngine::cycleFinished, &receiver, [&](bool success) { finished = true; ok = success; });
        connect(engine, &SyncEngine::statusChanged, &receiver, [&](const SyncStatus& s) { last = s; });
        // The UI thread keeps ticking while pages are verified and stored elsewhere.
        QElapsedTimer gap;
        qint64 maxGap = 0;
        int ticks = 0;
        QTimer ui;
        connect(&ui, &QTimer::timeout, this, [&] {
            if (gap.isValid())
                maxGap = qMax(maxGap, gap.restart());
            else
                gap.start();
            ++ticks;
        });
        ui.start(10);
        QMetaObject::invokeMethod(engine, &SyncEngine::syncNow, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 120000);
        ui.stop();
        QVERIFY(ok);
        QVERIFY(last.online); // delivered across threads
        QVERIFY(last.lastSuccessfulSync.isValid());
        qInfo("measured: UI thread ticks during the pull %d, longest gap %lld ms", ticks, static_cast<long long>(maxGap));
        QVERIFY(ticks > 5);
        QVERIFY(maxGap < 1000);
        stopThread.dismiss();
        thread.quit();
        thread.wait();
        syncVault.reset();
        // The UI's connection sees what the sync thread stored.
        QCOMPARE(t.vault->records().count(), qint64(400));
        QCOMPARE(t.vault->patients().count(), qint64(2));
    }

    void clientErrorsAreTypedAndStoreNothing()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(m_hub->pushFromOtherTerminal({m_hub->makeRecord(QStringLiteral("P0001"), noteBody(1))}));

        // An answer larger than allowed is refused before it is stored.
        t.client->setMaxResponseBytes(200);
        SyncError error;
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(error.kind(), SyncError::Kind::ResponseTooLarge);
        QCOMPARE(t.vault->records().count(), qint64(0));
        QCOMPARE(t.vault->patients().count(), qint64(0));
        t.client->setMaxResponseBytes(ward::HubClient::kDefaultMaxResponseBytes);

        // A hub whose certificate is not from the pinned CA: TLS failure, not a silent fallback.
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("Rogue"), 30, QDateTime::currentDateTimeUtc());
        ward::HubClient pinnedElsewhere(m_hub->url(), rogue.certificate());
        pinnedElsewhere.setClientIdentity(t.identity.certificate, *t.identity.key);
        ward::HubReply reply;
        bool done = false;
        pinnedElsewhere.get(QStringLiteral("/api/v1/time"), [&](const ward::HubReply& r) {
            reply = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(reply.error.kind(), SyncError::Kind::TlsFailure);

        // Without the terminal certificate: 401, typed as an unknown terminal.
        ward::HubClient anonymous(m_hub->url(), m_hub->ca());
        done = false;
        anonymous.get(QStringLiteral("/api/v1/changes"), [&](const ward::HubReply& r) {
            reply = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(reply.error.kind(), SyncError::Kind::UnknownTerminal);
        QCOMPARE(reply.error.hubCode(), QStringLiteral("no_client_certificate"));
        QVERIFY(reply.hubTime.isValid()); // X-Ward-Time even on errors

        // A request over the hub's body limit: 413, typed.
        ward::HubClient terminal(m_hub->url(), m_hub->ca());
        terminal.setClientIdentity(t.identity.certificate, *t.identity.key);
        done = false;
        terminal.postJson(QStringLiteral("/api/v1/records"),
                          {{QStringLiteral("protocol"), 1}, {QStringLiteral("padding"), QString(9 * 1024 * 1024, QLatin1Char('x'))}},
                          [&](const ward::HubReply& r) {
                              reply = r;
                              done = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QCOMPARE(reply.error.kind(), SyncError::Kind::PayloadTooLarge);
        QCOMPARE(reply.httpStatus, 413);

        // Hub down: network error, offline status.
        m_hub->process().stop();
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(error.kind(), SyncError::Kind::NetworkDown);
        QVERIFY(error.isTransient());
        QVERIFY(!t.engine->status().online);
        QVERIFY(t.engine->currentBackoffMs() > 0);
        QCOMPARE(t.vault->records().count(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "TestSyncClient.moc"
