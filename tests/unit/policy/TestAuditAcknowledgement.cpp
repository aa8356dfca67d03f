// Issue 14 (AUD-2): the hub's signed acknowledgement of a terminal's audit chain head (HubStatement, the codec the
// policy signature uses too). A terminal accepts only its own hub's audit certificate, for itself, at the entry it
// holds: another hub, the hub's policy key, a staff key, a changed field or another terminal are refused.

#include "audit/AuditAcknowledgement.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Digest.h"
#include "crypto/HubStatement.h"
#include "policy/SignedPolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace ward;

class TestAuditAcknowledgement : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime::currentDateTimeUtc();
    CertificateAuthority m_hub = CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), 365, m_now);
    CertificateAuthority m_otherHub = CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), 365, m_now);
    const QString m_terminal = QStringLiteral("3f0c1d9e-0000-4000-8000-00000000a001");
    const QByteArray m_hash = Digest::sha256("entry 42");

    AuditAcknowledgement signedBy(CertificateAuthority& ca, const QString& signerName, qint64 seq = 42)
    {
        auto [key, cert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, signerName, 30, m_now);
        AuditAcknowledgement a = AuditAcknowledgement::make(m_terminal, seq, m_hash, m_now);
        a.sign(cert, key);
        return a;
    }

    // As the terminal receives it: through JSON text.
    static AuditAcknowledgement wire(const AuditAcknowledgement& a)
    {
        return AuditAcknowledgement::fromJson(QJsonDocument::fromJson(QJsonDocument(a.toJson()).toJson()).object());
    }

    QString problem(const AuditAcknowledgement& a) const { return a.problem({m_hub.certificate()}, m_terminal, 42, m_hash); }

private slots:
    void theHubsAcknowledgementIsAccepted()
    {
        const AuditAcknowledgement a = wire(signedBy(m_hub, QString::fromLatin1(AuditAcknowledgement::kSignerName)));
        QVERIFY(!a.signature.isEmpty());
        QCOMPARE(problem(a), QString());
        QCOMPARE(a.seq, qint64(42));
        QCOMPARE(a.entryHash, m_hash);
        QCOMPARE(a.time, m_now);
    }

    void forgedOrForeignAcknowledgementsAreRefused()
    {
        const QString audit = QString::fromLatin1(AuditAcknowledgement::kSignerName);
        // Another hub (its own CA, the right name).
        QVERIFY(problem(wire(signedBy(m_otherHub, audit))).contains(QLatin1String("does not verify")));
        // This hub's policy certificate, or any other certificate of this CA (a staff card): not the audit signer.
        QVERIFY(problem(wire(signedBy(m_hub, QString::fromLatin1(SignedPolicy::kSignerName)))).contains(QLatin1String("not by the hub's audit")));
        QVERIFY(problem(wire(signedBy(m_hub, QStringLiteral("NURSE00001")))).contains(QLatin1String("not by the hub's audit")));
        // Unsigned.
        AuditAcknowledgement unsignedAck = AuditAcknowledgement::make(m_terminal, 42, m_hash, m_now);
        QVERIFY(problem(wire(unsignedAck)).contains(QLatin1String("not signed")));
        // A field changed after signing: a higher head, another hash, another terminal, another time.
        const AuditAcknowledgement good = signedBy(m_hub, audit);
        for (const char* field : {"seq", "entryHash", "terminal", "time"}) {
            QJsonObject j = good.toJson();
            j[QLatin1String(field)] = QLatin1String(field) == QLatin1String("seq")         ? QJsonValue(QStringLiteral("43"))
                                      : QLatin1String(field) == QLatin1String("entryHash") ? QJsonValue(QString::fromLatin1(Digest::sha256("x").toHex()))
                                      : QLatin1String(field) == QLatin1String("time")      ? QJsonValue(QStringLiteral("2026-01-01T00:00:00.000Z"))
                                                                                           : QJsonValue(QStringLiteral("another"));
            QVERIFY2(problem(AuditAcknowledgement::fromJson(j)).contains(QLatin1String("does not verify")), field);
        }
        // A genuine acknowledgement, but for another terminal or another entry than the one this terminal holds.
        QVERIFY(good.problem({m_hub.certificate()}, QStringLiteral("another-terminal"), 42, m_hash).contains(QLatin1String("another terminal")));
        QVERIFY(good.problem({m_hub.certificate()}, m_terminal, 41, m_hash).contains(QLatin1String("not this terminal's entry")));
        QVERIFY(good.problem({m_hub.certificate()}, m_terminal, 42, Digest::sha256("other")).contains(QLatin1String("not this terminal's entry")));
        // A policy signature is not an acknowledgement: the statements differ, so its bytes never verify as one.
        QJsonObject j = good.toJson();
        auto [key, cert] = m_hub.issueWithNewKey(CertificateProfile::StaffSigning, audit, 30, m_now);
        j[QStringLiteral("signature")] = QString::fromLatin1(SignedPolicy::sign(42, {}, cert, key).toBase64());
        QVERIFY(problem(AuditAcknowledgement::fromJson(j)).contains(QLatin1String("does not verify")));
    }

    void oneCodecForEveryHubStatement()
    {
        const QJsonObject statement{{QStringLiteral("version"), 3}, {QStringLiteral("policy"), QJsonObject{{QStringLiteral("b"), 1}}}};
        QCOMPARE(HubStatement::canonicalBytes(statement), SignedPolicy::canonicalBytes(3, {{QStringLiteral("b"), 1}}));
        // Keys sorted, compact: the entry hash first.
        const QByteArray ackBytes = HubStatement::canonicalBytes(AuditAcknowledgement::make(m_terminal, 7, m_hash, m_now).statement());
        QVERIFY(ackBytes.startsWith(QByteArray("{\"entryHash\":\"") + m_hash.toHex() + "\",\"kind\":\"audit.ack\",\"seq\":\"7\""));
    }
};

QTEST_GUILESS_MAIN(TestAuditAcknowledgement)
#include "TestAuditAcknowledgement.moc"
