#include "ChartTestSupport.h"

#include "crypto/TimestampAuthority.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run openssl(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

} // namespace

// EX-2 / DATA-3: a confirmed record's signature and the hub's timestamp can be checked by anyone with
// stock OpenSSL, without WardStation.
class TestChartInterop : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    QTemporaryDir m_out;

    RecordVersion confirmOne(ChartService& svc)
    {
        const Patient p = m_f->patientIn("W3");
        Draft d = svc.createDraft(p.patientId, "progress-note");
        ClinicalNote n;
        n.subjective = QStringLiteral("息切れ改善");
        n.plan = QStringLiteral("酸素off");
        d.body = draftBody(QStringLiteral("progress-note"), d.patientId, d.author, n);
        svc.autosave(d);
        return svc.confirm(d.draftId);
    }

private slots:
    void init() { m_f = std::make_unique<ChartFixture>(2); }
    void cleanup() { m_f.reset(); }

    // Proves: DATA-3
    void stockOpensslVerifiesTheSignature()
    {
        auto svc = m_f->service("D000000001");
        const RecordVersion r = confirmOne(*svc);
        const QString dir = m_out.path();
        write(dir + "/body.json", r.body);
        write(dir + "/sig.der", r.signature);
        write(dir + "/staff-ca.pem", m_f->ca->certificate().toPem());
        const QStringList args{"cms", "-verify", "-binary", "-content", dir + "/body.json", "-inform", "DER",
                               "-in", dir + "/sig.der", "-CAfile", dir + "/staff-ca.pem", "-out", "/dev/null"};
        const Run ok = openssl(args);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.output));
        QVERIFY2(ok.output.contains("Verification successful"), qPrintable(ok.output));

        // One changed byte and stock OpenSSL refuses it too.
        QByteArray altered = r.body;
        altered.replace("off", "0ff");
        write(dir + "/body.json", altered);
        const Run bad = openssl(args);
        QVERIFY2(bad.exitCode != 0, qPrintable(bad.output));

        // The signed bytes carry the record's identity: the same signature over the envelope moved to another
        // patient does not verify with stock OpenSSL either.
        QVERIFY(r.body.startsWith("WARD-RECORD/1\n"));
        const QByteArray patientField = "\"patientId\":\"" + r.patientId.toUtf8() + "\"";
        QVERIFY(r.body.contains(patientField));
        QByteArray moved = r.body;
        moved.replace(patientField, "\"patientId\":\"" + m_f->patientIn("W4").patientId.toUtf8() + "\"");
        write(dir + "/body.json", moved);
        const Run movedRun = openssl(args);
        QVERIFY2(movedRun.exitCode != 0, qPrintable(movedRun.output));
    }

    void timestampTokenVerifiesWithOpensslTs()
    {
        auto svc = m_f->service("D000000001");
        const RecordVersion r = confirmOne(*svc);
        auto [tsaKey, tsaCert] = m_f->ca->issueWithNewKey(CertificateProfile::TimestampAuthority,
                                                          "WardStation Demo TSA", 825, m_f->clock->nowUtc());
        const TimestampAuthority tsa(tsaCert, std::move(tsaKey), {m_f->ca->certificate()});
        m_f->clock->advanceMs(2000);
        const QByteArray token = tsa.stamp(r.signature, m_f->clock->nowUtc());
        QVERIFY(!token.isEmpty());
        m_f->vault->records().setTimestampToken(r.recordId, r.version, token);

        // In the chart: the badge moves from "not yet timestamped" to "valid".
        const RecordVersion stamped = *m_f->vault->records().find(r.recordId, r.version);
        const SignatureStatus s = svc->signatureStatus(stamped);
        QCOMPARE(s.state, SignatureStatus::State::Valid);
        QCOMPARE(s.timestampTime, m_f->clock->nowUtc());

        const QString dir = m_out.path();
        write(dir + "/sig.der", r.signature);
        write(dir + "/token.der", token);
        write(dir + "/staff-ca.pem", m_f->ca->certificate().toPem());
        write(dir + "/tsa.pem", tsaCert.toPem());
        const Run ok = openssl({"ts", "-verify", "-data", dir + "/sig.der", "-in", dir + "/token.der", "-token_in",
                                "-CAfile", dir + "/staff-ca.pem", "-untrusted", dir + "/tsa.pem"});
        QVERIFY2(ok.exitCode == 0 && ok.output.contains("Verification: OK"), qPrintable(ok.output));

        // A token for other bytes does not make a record valid.
        RecordVersion wrong = stamped;
        wrong.timestampToken = tsa.stamp("other bytes", m_f->clock->nowUtc());
        QCOMPARE(svc->signatureStatus(wrong).state, SignatureStatus::State::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestChartInterop)
#include "TestChartInterop.moc"
