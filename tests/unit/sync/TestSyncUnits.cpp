// Unit tests of the sync client's local parts: the clock-skew crossing rule (AUD-3), the push queue in a real
// vault (idempotent, durable), the replica of directory/policy/cursor, the parsing and checking of records
// from the change feed, enrolment fingerprints and the stored terminal identity.

#include "crypto/CertificateAuthority.h"
#include "crypto/CertificateRequest.h"
#include "crypto/CmsSignature.h"
#include "crypto/Random.h"
#include "crypto/TimestampAuthority.h"
#include "sync/ClockSkewMonitor.h"
#include "sync/Enrolment.h"
#include "sync/HubReplica.h"
#include "sync/IncomingRecord.h"
#include "records/RecordCodec.h"
#include "sync/PushQueue.h"
#include "sync/SyncError.h"
#include "sync/TerminalIdentity.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/Vault.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace ward;

namespace {

Argon2Params fastKdf()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

const QDateTime kNow = QDateTime::currentDateTimeUtc();

} // namespace

class TestSyncUnits : public QObject
{
    Q_OBJECT

    // A hub-like PKI: CA, a nurse's signing certificate, a TSA.
    std::optional<CertificateAuthority> m_ca;
    Certificate m_nurseCert;
    std::shared_ptr<KeyPair> m_nurseKey;
    std::optional<TimestampAuthority> m_tsa;

    QJsonObject changeItem(const QByteArray& body, const QByteArray& signature, const QByteArray& token, int version = 1,
                           const QString& prevHash = QString()) const
    {
        return {{QStringLiteral("kind"), QStringLiteral("record")}, {QStringLiteral("seq"), 7},
                {QStringLiteral("recordId"), QStringLiteral("0b6c8f7e-1111-4222-8333-944455556666")},
                {QStringLiteral("version"), version}, {QStringLiteral("patientId"), QStringLiteral("P0001")},
                {QStringLiteral("type"), QStringLiteral("nursing_note")}, {QStringLiteral("ward"), QStringLiteral("W3")},
                {QStringLiteral("author"), QStringLiteral("NURSE00001")}, {QStringLiteral("prevHash"), prevHash},
                {QStringLiteral("body"), QString::fromLatin1(body.toBase64())},
                {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                {QStringLiteral("timestampToken"), QString::fromLatin1(token.toBase64())},
                {QStringLiteral("receivedAt"), kNow.toString(Qt::ISODateWithMs)}};
    }

private slots:
    void initTestCase()
    {
        m_ca = CertificateAuthority::create(QStringLiteral("Test Hub CA"), 30, kNow);
        auto [key, cert] = m_ca->issueWithNewKey(CertificateProfile::StaffSigning, QStringLiteral("NURSE00001"), 30, kNow);
        m_nurseCert = cert;
        m_nurseKey = std::make_shared<KeyPair>(std::move(key));
        auto [tsaKey, tsaCert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("TSA"), 30, kNow);
        m_tsa.emplace(tsaCert, std::move(tsaKey), QList<Certificate>{m_ca->certificate()});
    }

    // Proves: AUD-3
    void skewWarnsOncePerCrossing()
    {
        ClockSkewMonitor m;
        QSignalSpy over(&m, &ClockSkewMonitor::thresholdExceeded);
        QSignalSpy back(&m, &ClockSkewMonitor::backWithinThreshold);
        QCOMPARE(m.thresholdSecs(), 60);
        const QDateTime local = kNow;
        m.observe(local.addSecs(30), local);
        QCOMPARE(m.skewMs(), qint64(30000));
        QCOMPARE(over.count(), 0);
        m.observe(local.addSecs(-61), local); // behind or ahead: both count
        QCOMPARE(over.count(), 1);
        QCOMPARE(over.at(0).at(0).toLongLong(), qint64(-61000));
        m.observe(local.addSecs(-300), local);
        m.observe(local.addSecs(-300), local);
        QCOMPARE(over.count(), 1);
        m.observe(local.addSecs(5), local);
        QCOMPARE(back.count(), 1);
        m.observe(local.addSecs(70), local);
        QCOMPARE(over.count(), 2);
        // Exactly at the threshold is not over it; invalid times are ignored.
        ClockSkewMonitor edge;
        QSignalSpy edgeOver(&edge, &ClockSkewMonitor::thresholdExceeded);
        edge.setThresholdSecs(10);
        edge.observe(local.addSecs(10), local);
        edge.observe(QDateTime(), local);
        QCOMPARE(edgeOver.count(), 0);
        QCOMPARE(edge.skewMs(), qint64(10000));
    }

    void pushQueueIsIdempotentAndDurable()
    {
        QTemporaryDir dir;
        auto vault = Vault::create(dir.filePath(QStringLiteral("v")), QStringLiteral("T1"), fastKdf());
        PushQueue q(vault->database());
        q.enqueue(QStringLiteral("a"), 1);
        q.enqueue(QStringLiteral("a"), 1);
        q.enqueue(QStringLiteral("a"), 2);
        q.enqueue(QStringLiteral("b"), 1);
        QCOMPARE(q.pendingCount(), qint64(3));
        const auto first = q.pending(2);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).recordId, QStringLiteral("a"));
        QCOMPARE(first.at(1).version, 2);
        q.markDone(QStringLiteral("a"), 1, QStringLiteral("stored"), QString());
        QCOMPARE(q.verdict(QStringLiteral("a"), 1), QStringLiteral("stored"));
        // A verdict is final: a second one does not overwrite it, re-queuing does not reopen it.
        q.markDone(QStringLiteral("a"), 1, QStringLiteral("rejected"), QStringLiteral("x"));
        QCOMPARE(q.verdict(QStringLiteral("a"), 1), QStringLiteral("stored"));
        q.enqueue(QStringLiteral("a"), 1);
        QCOMPARE(q.pendingCount(), qint64(2));
        QCOMPARE(q.verdict(QStringLiteral("zz"), 1), QString());

        // Survives closing the vault (reopened with its key).
        const SecureBytes key = vault->key();
        vault.reset();
        auto again = Vault::openWithKey(dir.filePath(QStringLiteral("v")), QStringLiteral("T1"), key);
        QCOMPARE(PushQueue(again->database()).pendingCount(), qint64(2));
    }

    void replicaKeepsDirectoryPolicyAndCursor()
    {
        QTemporaryDir dir;
        auto vault = Vault::create(dir.filePath(QStringLiteral("v")), QStringLiteral("T1"), fastKdf());
        HubReplica r(vault->database());
        QCOMPARE(r.cursor(), qint64(0));
        QVERIFY(!r.lastSuccessfulSync().isValid());
        QVERIFY(!r.currentPolicy());
        r.storeDirectoryItem(QStringLiteral("user"), QStringLiteral("NURSE00001"), 5, {{QStringLiteral("status"), QStringLiteral("active")}});
        r.storeDirectoryItem(QStringLiteral("user"), QStringLiteral("NURSE00001"), 9, {{QStringLiteral("status"), QStringLiteral("disabled")}});
        QCOMPARE(r.directoryCount(QStringLiteral("user")), qint64(1));
        QCOMPARE(r.directoryItem(QStringLiteral("user"), QStringLiteral("NURSE00001"))->value(QStringLiteral("status")).toString(),
                 QStringLiteral("disabled"));
        r.storePolicy(1, 3, {{QStringLiteral("clockSkewWarningSeconds"), 30}});
        r.storePolicy(2, 8, {{QStringLiteral("clockSkewWarningSeconds"), 90}});
        QCOMPARE(r.currentPolicy()->value(QStringLiteral("clockSkewWarningSeconds")).toInt(), 90);
        r.setCursor(1234567);
        r.setLastSuccessfulSync(kNow);
        QCOMPARE(r.cursor(), qint64(1234567));
        QCOMPARE(r.lastSuccessfulSync().toMSecsSinceEpoch(), kNow.toMSecsSinceEpoch());
    }

    void incomingRecordIsVerifiedOnArrival()
    {
        // The signed envelope for exactly the record changeItem() describes.
        auto envelopeFor = [](const QString& text) {
            RecordVersion r;
            r.recordId = QStringLiteral("0b6c8f7e-1111-4222-8333-944455556666");
            r.patientId = QStringLiteral("P0001");
            r.type = QStringLiteral("nursing-note");
            r.compartment = QStringLiteral("W3");
            r.author = QStringLiteral("NURSE00001");
            r.classification = 3;
            RecordContent c;
            c.clinicalTime = kNow.addSecs(-600);
            ClinicalNote n;
            n.format = ClinicalNote::Format::Text;
            n.text = text;
            c.data = n;
            RecordCodec::writeBody(&r, c, QByteArray());
            return r.body;
        };
        const QByteArray body = envelopeFor(QStringLiteral("夜間良眠。"));
        QVERIFY(!body.isEmpty());
        const QByteArray sig = CmsSignature::signDetached(body, m_nurseCert, *m_nurseKey);
        const QByteArray token = m_tsa->stamp(sig, kNow);
        const QList<Certificate> cas{m_ca->certificate()};

        IncomingRecord good = IncomingRecord::fromChange(changeItem(body, sig, token));
        QCOMPARE(good.rejection, QString());
        QCOMPARE(good.record.type, QStringLiteral("nursing-note"));
        QCOMPARE(good.record.classification, 3); // from the signed body
        QCOMPARE(good.record.compartment, QStringLiteral("W3"));
        QCOMPARE(good.seq, qint64(7));
        good.verify(cas);
        QVERIFY2(good.rejection.isEmpty(), qPrintable(good.rejection));

        IncomingRecord tampered = IncomingRecord::fromChange(changeItem(envelopeFor(QStringLiteral("夜間不眠。")), sig, token));
        QCOMPARE(tampered.rejection, QString());
        tampered.verify(cas);
        QVERIFY(tampered.rejection.startsWith(QLatin1String("bad_signature")));
        IncomingRecord notCanonical = IncomingRecord::fromChange(changeItem(body + ' ', sig, token));
        QVERIFY(notCanonical.rejection.startsWith(QLatin1String("invalid_body")));

        // Hub metadata that disagrees with what was signed (altered in the hub's database) is refused by field.
        const std::pair<const char*, QJsonValue> moved[] = {
            {"recordId", QStringLiteral("0b6c8f7e-1111-4222-8333-944455556667")}, {"patientId", QStringLiteral("P0002")},
            {"type", QStringLiteral("progress_note")}, {"ward", QStringLiteral("W4")}, {"author", QStringLiteral("NURSE00002")}};
        for (const auto& [field, value] : moved) {
            QJsonObject item = changeItem(body, sig, token);
            item[QLatin1String(field)] = value;
            const IncomingRecord refused = IncomingRecord::fromChange(item);
            QVERIFY2(refused.rejection.startsWith(QStringLiteral("metadata_mismatch: the hub's %1 ").arg(QLatin1String(field))),
                     qPrintable(refused.rejection));
        }
        QJsonObject v2 = changeItem(body, sig, token, 2, QString(64, QLatin1Char('a')));
        QVERIFY(IncomingRecord::fromChange(v2).rejection.startsWith(QLatin1String("metadata_mismatch: the hub's version")));
        // A record in the shape used before envelopes: refused, saying the data must be re-seeded.
        const QByteArray old = R"({"format":"text","text":"x"})";
        const QString oldShape = IncomingRecord::fromChange(changeItem(old, CmsSignature::signDetached(old, m_nurseCert, *m_nurseKey), token)).rejection;
        QVERIFY2(oldShape.startsWith(QLatin1String("invalid_body: envelope:")) && oldShape.contains(QLatin1String("re-seeded")), qPrintable(oldShape));

        // Signed by a valid staff certificate of someone else.
        auto [otherKey, otherCert] = m_ca->issueWithNewKey(CertificateProfile::StaffSigning, QStringLiteral("DOCTOR0001"), 30, kNow);
        const QByteArray otherSig = CmsSignature::signDetached(body, otherCert, otherKey);
        IncomingRecord impostor = IncomingRecord::fromChange(changeItem(body, otherSig, m_tsa->stamp(otherSig, kNow)));
        impostor.verify(cas);
        QCOMPARE(impostor.rejection, QStringLiteral("signer_not_author"));

        // A CA the terminal does not trust.
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("Rogue"), 30, kNow);
        IncomingRecord foreign = IncomingRecord::fromChange(changeItem(body, sig, token));
        foreign.verify({rogue.certificate()});
        QVERIFY(foreign.rejection.startsWith(QLatin1String("bad_signature")));

        // A token over another signature, or none.
        IncomingRecord wrongToken = IncomingRecord::fromChange(changeItem(body, sig, m_tsa->stamp(otherSig, kNow)));
        wrongToken.verify(cas);
        QVERIFY(wrongToken.rejection.startsWith(QLatin1String("bad_timestamp_token")));
        IncomingRecord noToken = IncomingRecord::fromChange(changeItem(body, sig, QByteArray()));
        noToken.verify(cas);
        QCOMPARE(noToken.rejection, QStringLiteral("missing_timestamp_token"));

        // Malformed wire data never reaches verification.
        QJsonObject bad = changeItem(body, sig, token);
        bad[QStringLiteral("body")] = QStringLiteral("***");
        QVERIFY(IncomingRecord::fromChange(bad).rejection.startsWith(QLatin1String("malformed")));
        QVERIFY(IncomingRecord::fromChange(changeItem(body, sig, token, 2, QString())).rejection.startsWith(QLatin1String("malformed")));
        QCOMPARE(good.record.status, RecordVersion::Status::Confirmed);
        QVERIFY(IncomingRecord::fromChange(changeItem(body, sig, token, 1, QString(64, QLatin1Char('a')))).rejection.startsWith(QLatin1String("malformed")));
        bad = changeItem(body, sig, token);
        bad.remove(QStringLiteral("author"));
        QVERIFY(!IncomingRecord::fromChange(bad).rejection.isEmpty());
        QCOMPARE(IncomingRecord::typeToHub(QStringLiteral("vital-signs")), QStringLiteral("vital_signs"));
    }

    void fingerprintsCompareAllBytesAsPeopleTypeThem()
    {
        const Certificate ca = m_ca->certificate();
        const QString text = Enrolment::fingerprintText(ca);
        QCOMPARE(text.size(), 32 * 3 - 1);
        QVERIFY(Enrolment::fingerprintMatches(ca, text));
        QVERIFY(Enrolment::fingerprintMatches(ca, text.toLower()));
        QVERIFY(Enrolment::fingerprintMatches(ca, QString(text).remove(QLatin1Char(':'))));
        QVERIFY(Enrolment::fingerprintMatches(ca, QString(text).replace(QLatin1Char(':'), QLatin1Char(' '))));
        QVERIFY(!Enrolment::fingerprintMatches(ca, text.left(text.size() - 3))); // a prefix is not enough
        QString flipped = text;
        flipped[0] = flipped[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!Enrolment::fingerprintMatches(ca, flipped));
        QVERIFY(!Enrolment::fingerprintMatches(ca, QString()));
        QVERIFY(!Enrolment::fingerprintMatches(Certificate(), text));
    }

    void terminalIdentityRoundTripsAndRefusesMismatches()
    {
        QTemporaryDir dir;
        const KeyPair key = KeyPair::generateP256();
        const Certificate cert = *m_ca->issue(*CertificateRequest::fromPem(CertificateRequest::createPem(key, QStringLiteral("pc"))),
                                              CertificateProfile::TerminalClient, QStringLiteral("T-0001"), 30, kNow);
        TerminalIdentity id;
        id.terminalId = QStringLiteral("T-0001");
        id.ward = QStringLiteral("W3");
        id.hubUrl = QUrl(QStringLiteral("https://hub.example:8443"));
        id.certificate = cert;
        id.hubCa = m_ca->certificate();
        id.key = std::make_shared<const KeyPair>(*KeyPair::fromPrivatePem(key.privatePem()));
        QVERIFY(!TerminalIdentity::exists(dir.path()));
        id.save(dir.path());
        QVERIFY(TerminalIdentity::exists(dir.path()));
        const auto loaded = TerminalIdentity::load(dir.path());
        QVERIFY(loaded);
        QCOMPARE(loaded->terminalId, id.terminalId);
        QCOMPARE(loaded->hubUrl, id.hubUrl);
        QCOMPARE(loaded->key->publicDer(), key.publicDer());
        for (const char* f : {"terminal-key.pem", "certificate.pem", "hub-ca.pem", "terminal.json"}) {
            struct stat st{};
            QCOMPARE(::stat(QFile::encodeName(TerminalIdentity::directory(dir.path()) + QLatin1Char('/') + QLatin1String(f)).constData(), &st), 0);
            QCOMPARE(st.st_mode & 0777, 0600u);
        }
        // Another CA's file in place of the pinned one: refused.
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("Rogue"), 30, kNow);
        QFile ca(TerminalIdentity::directory(dir.path()) + QStringLiteral("/hub-ca.pem"));
        QVERIFY(ca.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ca.write(rogue.certificate().toPem());
        ca.close();
        QString why;
        QVERIFY(!TerminalIdentity::load(dir.path(), &why));
        QVERIFY(!why.isEmpty());
        QTemporaryDir empty;
        QVERIFY(!TerminalIdentity::load(empty.path(), &why));
    }

    void errorKindsSayWhatToDo()
    {
        QVERIFY(SyncError(SyncError::Kind::NetworkDown, QStringLiteral("x")).isTransient());
        QVERIFY(SyncError(SyncError::Kind::ServerError, QStringLiteral("x")).isTransient());
        QVERIFY(!SyncError(SyncError::Kind::TerminalRevoked, QStringLiteral("x")).isTransient());
        QVERIFY(!SyncError(SyncError::Kind::TlsFailure, QStringLiteral("x")).isTransient());
        QCOMPARE(SyncError().kind(), SyncError::Kind::None);
        QCOMPARE(SyncError::kindName(SyncError::Kind::ResponseTooLarge), QStringLiteral("response_too_large"));
    }
};

QTEST_GUILESS_MAIN(TestSyncUnits)
#include "TestSyncUnits.moc"
