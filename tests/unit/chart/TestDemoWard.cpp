#include "ChartTestSupport.h"
#include "records/RecordCodec.h"

#include "crypto/CmsSignature.h"

#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

// What a seed determines: identities and bodies (keys, UUIDs and signatures are fresh each run).
QStringList content(Vault& vault, const QList<Patient>& patients)
{
    QStringList out;
    for (const Patient& p : patients) {
        out << p.patientId + p.name + p.kana + p.birthDate.toString(Qt::ISODate) + p.ward + p.bed;
        QStringList bodies;
        for (const RecordVersion& r : vault.records().forPatient(p.patientId, 10000))
        {
            // Record IDs are fresh each run; the content is what must be the same.
            QString fields;
            if (const auto c = RecordCodec::decode(r))
                for (const auto& f : RecordCodec::fields(*c))
                    fields += f.first + QLatin1Char('=') + f.second + QLatin1Char(';');
            bodies << r.type + QString::number(r.version) + fields;
        }
        bodies.sort();
        out << bodies;
    }
    return out;
}

} // namespace

class TestDemoWard : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameWard()
    {
        ChartFixture a(3);
        ChartFixture b(3);
        QCOMPARE(content(*a.vault, a.demo.patients), content(*b.vault, b.demo.patients));
        QCOMPARE(a.demo.recordVersions, b.demo.recordVersions);
        QVERIFY(a.demo.recordVersions > 100);
    }

    void everyVersionIsSignedByItsAuthorAndLinked()
    {
        ChartFixture f(2);
        int corrected = 0;
        for (const Patient& p : f.demo.patients) {
            QVERIFY(!p.name.isEmpty() && !p.kana.isEmpty());
            for (const RecordVersion& r : f.vault->records().forPatient(p.patientId, 10000)) {
                const CmsVerification v = CmsSignature::verifyDetached(r.body, r.signature, {f.ca->certificate()});
                QVERIFY2(v.valid, qPrintable(v.error));
                QCOMPARE(v.signer.subjectCommonName(), r.author);
                QList<ValidationProblem> problems;
                QVERIFY2(RecordCodec::decode(r, &problems), qPrintable(problems.value(0).message));
                if (r.version > 1) {
                    ++corrected;
                    QCOMPARE(r.prevHash, f.vault->records().find(r.recordId, r.version - 1)->versionHash());
                }
            }
        }
        QCOMPARE(corrected, 1);
        // Wards for the compartment scenarios: W3, W4 and the special PSY.
        QSet<QString> wards;
        for (const Patient& p : f.demo.patients)
            wards.insert(p.ward);
        QCOMPARE(wards, (QSet<QString>{"W3", "W4", "PSY"}));
    }
};

QTEST_GUILESS_MAIN(TestDemoWard)
#include "TestDemoWard.moc"
