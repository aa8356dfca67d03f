// AUD-1 records people, not timers (issue 18): the census a nurse opens or refreshes is an access entry; the same
// census re-read after each sync cycle while the terminal sits idle on the ward view is not. The real
// ChartWorkspace on the demo ward, with the injected clock moving through an idle hour.

#include "unit/chart/ChartTestSupport.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/WardView.h"

#include <QTableWidget>
#include <QtTest>

using namespace ward;
using namespace ward::test;

class TestCensusAudit : public QObject
{
    Q_OBJECT

    int accessEntries(const ChartFixture& f) const
    {
        int n = 0;
        for (const AuditEntry& e : f.vault->audit().entries(1, 1000000))
            n += e.action == QLatin1String("ward.census") || e.action.startsWith(QLatin1String("patient."))
                 || e.action.startsWith(QLatin1String("record."));
        return n;
    }

private slots:
    void idleHourOfSyncCyclesAddsNoAccessEntries()
    {
        ChartFixture f;
        const UserSession nurse = f.session(QStringLiteral("N000000001"));
        ChartWorkspace ws(nurse, *f.vault, f.policy, std::nullopt, QList<Certificate>{f.ca->certificate()});
        ws.resize(1200, 800);
        ws.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ws));
        // Opening the workspace shows the census: that is a person looking, once per ward of theirs.
        const int opened = f.audit(QStringLiteral("ward.census")).size();
        QCOMPARE(opened, nurse.compartments.size());
        const int before = accessEntries(f);
        const QDateTime start = f.clock->nowUtc();
        const int rows = ws.findChild<QTableWidget*>(QStringLiteral("census"))->rowCount();
        QVERIFY(rows > 0);

        // An idle hour: a sync cycle every 30 s refreshes what is on screen (Terminal::refreshCensus does this).
        for (int cycle = 0; cycle < 120; ++cycle) {
            f.clock->advanceMs(30 * 1000);
            ws.wardView()->showCensus(ChartService::CensusReader::Sync);
        }
        QCOMPARE(f.clock->nowUtc(), start.addSecs(3600));
        QCOMPARE(ws.findChild<QTableWidget*>(QStringLiteral("census"))->rowCount(), rows);  // it did refresh
        QCOMPARE(accessEntries(f), before);
        for (const AuditEntry& e : f.vault->audit().entries(1, 1000000))
            QVERIFY2(e.action != QLatin1String("ward.census") || e.time <= start, qPrintable(e.time.toString(Qt::ISODate)));

        // The nurse refreshes it herself: one entry per ward, at the time she did.
        ws.wardView()->showCensus();
        QCOMPARE(f.audit(QStringLiteral("ward.census")).size(), opened + nurse.compartments.size());
        QCOMPARE(f.audit(QStringLiteral("ward.census")).last().time, f.clock->nowUtc());
        QCOMPARE(f.audit(QStringLiteral("ward.census")).last().user, nurse.userId);
    }
};

QTEST_MAIN(TestCensusAudit)
#include "TestCensusAudit.moc"
