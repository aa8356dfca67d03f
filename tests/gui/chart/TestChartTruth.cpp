// Issue 9, "the chart tells the truth": the 温度板, labs, allergies, author names, clinical-time order and
// live sync state, driven through real widgets offscreen on the demo ward.
#include "unit/chart/ChartTestSupport.h"

#include "crypto/TimestampAuthority.h"
#include "records/LabResult.h"
#include "records/SyncOutbox.h"
#include "sync/HubReplica.h"
#include "ui/chart/AlertBadges.h"
#include "ui/chart/ChartContent.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/RecordDetail.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/TemperatureSheet.h"
#include "ui/chart/VitalSignsChart.h"
#include "ui/chart/WardView.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kNurse = QStringLiteral("N000000001");

enum TimelineColumn { ColTime, ColType, ColSummary, ColAuthor, ColVersion, ColStatus, ColSignature, ColSync };

} // namespace

class TestChartTruth : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    std::unique_ptr<ChartWorkspace> m_ws;

    ChartWorkspace* workspace(const QString& userId)
    {
        m_ws = std::make_unique<ChartWorkspace>(m_f->session(userId), *m_f->vault, m_f->policy, m_f->identity(userId),
                                                QList<Certificate>{m_f->ca->certificate()});
        m_ws->resize(1500, 950);
        m_ws->show();
        return m_ws.get();
    }

    PatientChart* open(ChartWorkspace* ws, const QString& patientId)
    {
        ws->openPatient(patientId);
        PatientChart* chart = ws->chart();
        if (chart)
            QCoreApplication::processEvents();
        return chart;
    }

    int rowOf(QTableWidget* timeline, const QString& recordId)
    {
        for (int row = 0; row < timeline->rowCount(); ++row) {
            if (timeline->item(row, ColTime)->data(Qt::UserRole).toString() == recordId)
                return row;
        }
        return -1;
    }

private slots:
    void init() { m_f = std::make_unique<ChartFixture>(); }
    void cleanup()
    {
        m_ws.reset();
        m_f.reset();
    }

    void temperatureSheetPlotsEveryVitalSetInItsDayColumn()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, m_f->patientIn("W3").patientId);
        QVERIFY(chart);
        chart->setView(QStringLiteral("vitals"));
        VitalSignsChart* view = chart->vitalsChart();
        TemperatureSheet* sheet = view->sheet();
        QTRY_VERIFY(sheet->isVisible());

        // Every stored vital-sign record decodes and is on the sheet.
        int stored = 0;
        for (const RecordVersion& r : m_f->vault->records().forPatient(chart->patient().patientId, 100000))
            stored += r.type == QLatin1String("vital-signs") && r.version == 1 ? 1 : 0;
        const QList<ChartContent::Vitals>& vitals = chart->content().vitals;
        QVERIFY(stored > 10);
        QCOMPARE(vitals.size(), stored);
        QCOMPARE(sheet->sampleCount(TemperatureSheet::Series::Temperature),
                 static_cast<int>(std::count_if(vitals.cbegin(), vitals.cend(),
                                                [](const auto& v) { return v.values.temperature.has_value(); })));

        // It opens on the latest days, today at the right edge.
        const QDate today = m_f->clock->nowUtc().toLocalTime().date();
        const int days = sheet->visibleDays();
        QVERIFY(days >= 5);
        QCOMPARE(sheet->firstDay().addDays(days - 1), std::max(today, sheet->dataLastDay()));

        // Walk back day by day with the button until the first data day; on every view each visible set is drawn
        // in its own day column, at its time of day, and a higher temperature sits higher.
        int seen = 0;
        QSet<QString> counted;
        for (int guard = 0; guard < 60; ++guard) {
            const QList<QPointF> points = sheet->plottedPoints(TemperatureSheet::Series::Temperature);
            QList<const ChartContent::Vitals*> visible;
            for (const auto& v : vitals) {
                const QDate d = v.at.toLocalTime().date();
                if (v.values.temperature && d >= sheet->firstDay() && d < sheet->firstDay().addDays(days))
                    visible.append(&v);
            }
            QCOMPARE(points.size(), visible.size());
            for (int i = 0; i < visible.size(); ++i) {
                const QRectF column = sheet->dayRect(visible.at(i)->at.toLocalTime().date());
                QVERIFY(!column.isEmpty());
                QVERIFY2(points.at(i).x() >= column.left() && points.at(i).x() < column.right(), "point outside its day");
                const double fraction = visible.at(i)->at.toLocalTime().time().msecsSinceStartOfDay() / 86400000.0;
                QVERIFY(qAbs(points.at(i).x() - (column.left() + fraction * column.width())) < 0.5);
                QVERIFY(sheet->graphRect().contains(points.at(i)));
                for (int j = 0; j < visible.size(); ++j) {
                    if (*visible.at(i)->values.temperature > *visible.at(j)->values.temperature + 0.05)
                        QVERIFY(points.at(i).y() < points.at(j).y());
                }
                if (!counted.contains(visible.at(i)->recordId)) {
                    counted.insert(visible.at(i)->recordId);
                    ++seen;
                }
            }
            if (sheet->firstDay() <= sheet->dataFirstDay())
                break;
            const QDate before = sheet->firstDay();
            QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("previousDay")), Qt::LeftButton);
            QCOMPARE(sheet->firstDay(), before.addDays(-1));
        }
        QCOMPARE(seen, sheet->sampleCount(TemperatureSheet::Series::Temperature));

        // Latest brings today back; blood pressure is drawn for every set that has it.
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("latestDay")), Qt::LeftButton);
        QCOMPARE(sheet->firstDay().addDays(days - 1), std::max(today, sheet->dataLastDay()));
        QCOMPARE(sheet->plottedPoints(TemperatureSheet::Series::Systolic).size(),
                 sheet->plottedPoints(TemperatureSheet::Series::Diastolic).size());
        const QPixmap frame = sheet->grab();
        QVERIFY(!frame.isNull());
        // For a look while developing: WARD_GRAB_DIR=/tmp/x saves what the nurse would see.
        if (const QString dir = qEnvironmentVariable("WARD_GRAB_DIR"); !dir.isEmpty()) {
            ws->grab().save(dir + QStringLiteral("/sheet.png"));
            chart->setView(QStringLiteral("labs"));
            ws->grab().save(dir + QStringLiteral("/labs.png"));
            chart->setView(QStringLiteral("timeline"));
            chart->timeline()->selectRow(0);
            ws->grab().save(dir + QStringLiteral("/timeline.png"));
        }
    }

    void temperatureSheetShowsTheShiftsNursingNotes()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, m_f->patientIn("W3").patientId);
        QVERIFY(chart);
        TemperatureSheet* sheet = chart->vitalsChart()->sheet();
        int notes = 0;
        for (const ChartContent::Note& n : chart->content().notes) {
            if (n.type != QLatin1String("nursing-note"))
                continue;
            ++notes;
            const QDateTime local = n.at.toLocalTime();
            const auto shift = local.time().hour() < 8    ? TemperatureSheet::Shift::Night
                               : local.time().hour() < 16 ? TemperatureSheet::Shift::Day
                                                          : TemperatureSheet::Shift::Evening;
            QVERIFY2(sheet->shiftText(local.date(), shift).contains(n.text.left(20)), qPrintable(n.text));
        }
        QVERIFY(notes > 0);
    }

    void timelineIsInClinicalTimeOrder()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, m_f->patientIn("W3").patientId);
        QVERIFY(chart);
        QTableWidget* tl = chart->timeline();
        QVERIFY(tl->rowCount() > 30);
        QHash<QString, QDateTime> clinical;
        for (auto it = chart->content().decoded.cbegin(); it != chart->content().decoded.cend(); ++it)
            clinical.insert(it.key(), it->clinicalTime);
        for (int row = 0; row < tl->rowCount(); ++row) {
            const QString id = tl->item(row, ColTime)->data(Qt::UserRole).toString();
            QVERIFY(clinical.contains(id));
            QCOMPARE(tl->item(row, ColTime)->text(), clinical.value(id).toLocalTime().toString("yyyy-MM-dd HH:mm"));
            if (row > 0)
                QVERIFY(clinical.value(tl->item(row - 1, ColTime)->data(Qt::UserRole).toString()) >= clinical.value(id));
        }
        // The detail keeps when it was recorded and whether it was stamped beside the clinical time.
        tl->selectRow(0);
        const QString meta = chart->detail()->findChild<QLabel*>(QStringLiteral("recordMeta"))->text();
        QVERIFY(meta.contains(RecordDetail::tr("Clinical time: %1").arg(tl->item(0, ColTime)->text())));
        QVERIFY(meta.contains(RecordDetail::tr("Recorded: %1").left(8)));
        QVERIFY(meta.contains(RecordDetail::tr("Time-stamped: not yet")));
    }

    void labsShowFlagsRangesAndValuesByDate()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, m_f->patientIn("W3").patientId);
        QVERIFY(chart);
        QTableWidget* labs = chart->labs();
        QHash<QString, const ChartContent::Lab*> latest;  // by test name
        for (const ChartContent::Lab& lab : chart->content().labs)
            latest.insert(lab.result.name, &lab);
        QVERIFY(!latest.isEmpty());
        QCOMPARE(labs->rowCount(), latest.size());
        QCOMPARE(labs->horizontalHeaderItem(3)->text(), PatientChart::tr("Reference"));
        int high = 0;
        for (int row = 0; row < labs->rowCount(); ++row) {
            const ChartContent::Lab* lab = latest.value(labs->item(row, 0)->text());
            QVERIFY(lab);
            QCOMPARE(labs->item(row, 2)->text(), LabResult::displayUnit(lab->result.unit));
            if (lab->result.low && lab->result.high) {
                QVERIFY(labs->item(row, 3)->text().contains(QString::number(*lab->result.high)));
                QVERIFY(labs->item(row, 3)->text().contains(QStringLiteral("–")));
            }
            const QString expected = lab->result.flag == LabResult::Flag::High  ? QStringLiteral("H")
                                     : lab->result.flag == LabResult::Flag::Low ? QStringLiteral("L")
                                                                                : QString();
            QCOMPARE(labs->item(row, 4)->data(Qt::UserRole).toString(), expected);
            if (expected == QLatin1String("H")) {
                ++high;
                QVERIFY(labs->item(row, 4)->font().bold());
                QVERIFY(labs->item(row, 1)->foreground().color() != labs->item(row, 0)->foreground().color());
            }
            // The latest day's column holds the latest value.
            QVERIFY(labs->item(row, 6));
        }
        QVERIFY(high > 0);
        QVERIFY(labs->columnCount() > 7);  // values over several days: the trend reads across
    }

    void allergiesInTheBannerAndTheCensus()
    {
        ChartWorkspace* ws = workspace(kNurse);
        QString withAllergy, without;
        QStringList substances;
        for (const Patient& p : m_f->demo.patients) {
            if (p.ward != QLatin1String("W3"))
                continue;
            const ChartContent c = ChartContent::fromRecords(m_f->vault->records().forPatient(p.patientId, 100000));
            if (!c.allergies.isEmpty() && withAllergy.isEmpty()) {
                withAllergy = p.patientId;
                for (const auto& a : c.allergies)
                    substances << a.allergy.substance;
            } else if (c.allergies.isEmpty() && without.isEmpty()) {
                without = p.patientId;
            }
        }
        QVERIFY(!withAllergy.isEmpty());
        QVERIFY(!without.isEmpty());

        // Census 注意事項 column: the allergy badge (icon + word), its substances as the accessible description.
        WardView* census = ws->wardView();
        bool found = false;
        for (int row = 0; row < census->rowCount(); ++row) {
            AlertBadges* alerts = census->alertsAt(row);
            if (census->patientIdAt(row) == withAllergy) {
                found = true;
                QVERIFY(alerts);
                QVERIFY(alerts->kinds().contains(AlertBadges::Kind::Allergy));
                QVERIFY(alerts->badge(AlertBadges::Kind::Allergy)->accessibleDescription().contains(substances.first()));
                QCOMPARE(alerts->badge(AlertBadges::Kind::Allergy)->text(), AlertBadges::word(AlertBadges::Kind::Allergy));
            } else if (census->patientIdAt(row) == without) {
                QVERIFY(!alerts || !alerts->kinds().contains(AlertBadges::Kind::Allergy));
            }
        }
        QVERIFY(found);

        PatientChart* chart = open(ws, withAllergy);
        QVERIFY(chart);
        QVERIFY(chart->allergyBanner()->property("alert").toBool());
        for (const QString& s : substances)
            QVERIFY(chart->allergyBanner()->text().contains(s));
        QCOMPARE(chart->allergies()->rowCount(), substances.size());

        chart = open(ws, without);
        QVERIFY(chart);
        QVERIFY(!chart->allergyBanner()->property("alert").toBool());
        QCOMPARE(chart->allergyBanner()->text(), AlertBadges::tr("No known allergies"));
    }

    void medicationOrdersAndAuthorNames()
    {
        // The directory the hub replicated names the doctor; an unknown ID stays an ID.
        const DemoWard::Staff doctor = DemoWard::staffMember(QStringLiteral("D000000001"));
        HubReplica(m_f->vault->database())
            .storeDirectoryItem(QStringLiteral("user"), doctor.userId, 1,
                                {{QStringLiteral("kind"), QStringLiteral("user")},
                                 {QStringLiteral("id"), doctor.userId},
                                 {QStringLiteral("displayName"), QStringLiteral("内科 一郎")}});
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, m_f->patientIn("W3").patientId);
        QVERIFY(chart);
        QTableWidget* meds = chart->medications();
        QCOMPARE(meds->rowCount(), chart->content().medications.size());
        QVERIFY(meds->rowCount() > 0);
        for (int row = 0; row < meds->rowCount(); ++row) {
            const ChartContent::Medication& m = chart->content().medications.at(row);
            QCOMPARE(meds->item(row, 0)->text(), m.order.drug);
            QCOMPARE(meds->item(row, 6)->toolTip(), m.author);
            if (m.author == doctor.userId)
                QCOMPARE(meds->item(row, 6)->text(), QStringLiteral("内科 一郎"));
        }
        QTableWidget* tl = chart->timeline();
        int named = 0;
        for (int row = 0; row < tl->rowCount(); ++row) {
            const QTableWidgetItem* author = tl->item(row, ColAuthor);
            if (author->toolTip() == doctor.userId) {
                QCOMPARE(author->text(), QStringLiteral("内科 一郎"));
                ++named;
            } else {
                QCOMPARE(author->text(), author->toolTip());  // not in the directory: the ID
            }
        }
        QVERIFY(named > 0);
    }

    void badgeAndSyncStateFollowThePushWithoutReopening()
    {
        // A record owed to the hub: queued, signed, not yet stamped.
        const Patient p = m_f->patientIn("W3");
        RecordVersion record;
        for (const RecordVersion& r : m_f->vault->records().forPatient(p.patientId, 100000)) {
            if (r.type == QLatin1String("vital-signs"))
                record = r;
        }
        QVERIFY(!record.recordId.isEmpty());
        SyncOutbox outbox(m_f->vault->database());
        outbox.enqueue(record.recordId, record.version);

        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, p.patientId);
        QVERIFY(chart);
        chart->selectRecord(record.recordId);
        auto* badge = chart->detail()->findChild<QLabel*>(QStringLiteral("signatureBadge"));
        auto* sync = chart->detail()->findChild<QLabel*>(QStringLiteral("syncState"));
        QCOMPARE(chart->detail()->recordId(), record.recordId);
        QCOMPARE(badge->property("state").toString(), QStringLiteral("not-timestamped"));
        QCOMPARE(sync->property("state").toString(), QStringLiteral("queued"));
        QTableWidget* tl = chart->timeline();
        int row = rowOf(tl, record.recordId);
        QVERIFY(row >= 0);
        QCOMPARE(tl->item(row, ColSync)->data(Qt::UserRole).toString(), QStringLiteral("queued"));

        // The hub's answer arrives (what SyncEngine::onPushed stores), then its signal.
        auto [tsaKey, tsaCert] = m_f->ca->issueWithNewKey(CertificateProfile::TimestampAuthority, "WardHub TSA", 365,
                                                         m_f->clock->nowUtc().addDays(-1));
        const TimestampAuthority tsa(tsaCert, std::move(tsaKey), {m_f->ca->certificate()});
        m_f->vault->records().setTimestampToken(record.recordId, record.version,
                                                tsa.stamp(record.signature, m_f->clock->nowUtc()));
        outbox.markSent(record.recordId, record.version);
        const int opens = m_f->audit("record.open").size();
        ws->recordsChanged({QStringLiteral("someone-else")});
        QCOMPARE(badge->property("state").toString(), QStringLiteral("not-timestamped"));  // not this patient
        const int scrolled = tl->verticalScrollBar()->maximum() / 2;
        QVERIFY(scrolled > 0);
        tl->verticalScrollBar()->setValue(scrolled);
        ws->recordsChanged({p.patientId});

        QCOMPARE(ws->chart(), chart);  // the same chart, not reopened
        QCOMPARE(tl->verticalScrollBar()->value(), scrolled);  // and the nurse's place in it kept
        QCOMPARE(chart->detail()->recordId(), record.recordId);
        QCOMPARE(badge->property("state").toString(), QStringLiteral("valid"));
        QCOMPARE(sync->property("state").toString(), QStringLiteral("sent"));
        QVERIFY(!chart->detail()->findChild<QLabel*>(QStringLiteral("recordMeta"))->text().contains(
            RecordDetail::tr("Time-stamped: not yet")));
        row = rowOf(tl, record.recordId);
        QCOMPARE(tl->item(row, ColSync)->data(Qt::UserRole).toString(), QStringLiteral("sent"));
        QTRY_COMPARE(tl->item(row, ColSignature)->data(Qt::UserRole).toString(), QStringLiteral("valid"));
        QCOMPARE(m_f->audit("record.open").size(), opens);  // a status update is not another audited open
    }

    void aBodyTheCodecRefusesIsNamedNotHalfShown()
    {
        const Patient p = m_f->patientIn("W3");
        RecordVersion odd;
        odd.recordId = QStringLiteral("5b0c2f4e-0000-4000-8000-000000000001");
        odd.patientId = p.patientId;
        odd.type = QStringLiteral("vital-signs");
        odd.compartment = p.ward;
        odd.author = kNurse;
        odd.createdAt = m_f->clock->nowUtc().addSecs(-600);
        odd.confirmedAt = odd.createdAt;
        odd.body = QByteArrayLiteral("temperature=41.0");  // no record shape this program writes
        m_f->vault->records().appendAll({odd});

        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, p.patientId);
        QVERIFY(chart);
        QCOMPARE(chart->content().undecodable, 1);
        auto* notice = chart->findChild<QLabel*>(QStringLiteral("unreadableNotice"));
        QVERIFY(!notice->isHidden());
        QVERIFY(notice->text().contains(QStringLiteral("1")));
        // Not on the 温度板, and its row says it cannot be read instead of showing a value.
        for (const ChartContent::Vitals& v : chart->content().vitals)
            QVERIFY(v.recordId != odd.recordId);
        const int row = rowOf(chart->timeline(), odd.recordId);
        QVERIFY(row >= 0);
        QVERIFY(!chart->timeline()->item(row, ColSummary)->text().contains(QStringLiteral("41")));
        QCOMPARE(chart->timeline()->item(row, ColSummary)->text(),
                 RecordPresenter::tr("(cannot be read: not a record this program writes)"));

        // A patient whose records all read shows no notice.
        m_ws.reset();
        ws = workspace(kNurse);
        QString other;
        for (const Patient& q : m_f->demo.patients)
            if (q.ward == QLatin1String("W3") && q.patientId != p.patientId)
                other = q.patientId;
        chart = open(ws, other);
        QVERIFY(chart);
        QVERIFY(chart->findChild<QLabel*>(QStringLiteral("unreadableNotice"))->isHidden());
    }

    void aNewerVersionFromThePullReplacesTheShownOne()
    {
        const Patient p = m_f->patientIn("W3");
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = open(ws, p.patientId);
        QVERIFY(chart);
        const QString id = chart->timeline()->item(0, ColTime)->data(Qt::UserRole).toString();
        chart->selectRecord(id);
        QCOMPARE(chart->detail()->record().version, 1);

        // Another session on this terminal's vault (as a pull would) withdraws the record: version 2.
        auto other = m_f->service(QStringLiteral("D000000001"));
        other->viewPatient(p.patientId);
        other->enterInError(id, QStringLiteral("wrong patient"));
        ws->recordsChanged({p.patientId});

        QCOMPARE(ws->chart(), chart);
        QCOMPARE(chart->detail()->recordId(), id);
        QCOMPARE(chart->detail()->record().version, 2);
        const int row = rowOf(chart->timeline(), id);
        QVERIFY(row >= 0);
        QCOMPARE(chart->timeline()->item(row, ColVersion)->text(), QStringLiteral("2"));
    }
};

QTEST_MAIN(TestChartTruth)
#include "TestChartTruth.moc"
