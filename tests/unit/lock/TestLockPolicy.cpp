// The session section of the policy as IT pushes it: good input applies, every bad input is refused with a
// message naming the key and changes nothing.

#include "session/LockPolicy.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ward;

class TestLockPolicy : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char* text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

private slots:
    void defaults()
    {
        const LockPolicy p;
        QCOMPARE(p.idleTimeoutMs, 5 * 60 * 1000);  // SES-1
        QCOMPARE(p.warningMs, 30 * 1000);
        QCOMPARE(p.lockedLogoutMs, 30 * 60 * 1000);  // SES-6
        QVERIFY(p.cardRemoval == LockPolicy::CardRemovalAction::Lock);  // SES-2
        QCOMPARE(p.privilegedIdleTimeoutMs, 3 * 60 * 1000);  // AUTH-10: the hub's admin idle time
        QCOMPARE(p.idleTimeoutFor(true), 3 * 60 * 1000);
        QCOMPARE(p.idleTimeoutFor(false), 5 * 60 * 1000);
        LockPolicy parsed;
        parsed.idleTimeoutMs = 1;
        QString error;
        QVERIFY(LockPolicy::fromJson(QJsonObject(), &parsed, &error));
        QCOMPARE(parsed.idleTimeoutMs, p.idleTimeoutMs);  // an empty section means the defaults
    }

    void fullSection()
    {
        LockPolicy p;
        QString error;
        QVERIFY2(LockPolicy::fromJson(json(R"({"idleLockSeconds": 120, "idleWarningSeconds": 20, "cardRemoval": "logout",
            "lockedLogoutMinutes": 10, "privilegedSessionMinutes": 15, "cardWatcherStallSeconds": 3,
            "showLockedBy": false, "privilegedIdleLockSeconds": 90})"), &p, &error), qPrintable(error));
        QCOMPARE(p.idleTimeoutMs, 120 * 1000);
        QCOMPARE(p.warningMs, 20 * 1000);
        QVERIFY(p.cardRemoval == LockPolicy::CardRemovalAction::Logout);
        QCOMPARE(p.lockedLogoutMs, 10 * 60 * 1000);
        QCOMPARE(p.privilegedSessionLimitMs, 15 * 60 * 1000);
        QCOMPARE(p.cardWatcherStallMs, 3 * 1000);
        QVERIFY(!p.showLockedBy);
        QCOMPARE(p.privilegedIdleTimeoutMs, 90 * 1000);
        QCOMPARE(p.idleTimeoutFor(true), 90 * 1000);

        LockPolicy back;
        QVERIFY(LockPolicy::fromJson(p.toJson(), &back, &error));
        QCOMPARE(back.toJson(), p.toJson());
    }

    // A privileged session is never laxer: an ordinary idle lock shorter than the privileged one rules both.
    void privilegedIdleNeverLongerThanOrdinary()
    {
        LockPolicy p;
        QString error;
        QVERIFY2(LockPolicy::fromJson(json(R"({"idleLockSeconds": 120})"), &p, &error), qPrintable(error));
        QCOMPARE(p.idleTimeoutFor(true), 120 * 1000);
        QVERIFY2(LockPolicy::fromJson(json(R"({"idleLockSeconds": 600, "privilegedIdleLockSeconds": 60, "idleWarningSeconds": 20})"), &p, &error),
                 qPrintable(error));
        QCOMPARE(p.idleTimeoutFor(true), 60 * 1000);
        QCOMPARE(p.idleTimeoutFor(false), 600 * 1000);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::newRow("idle off") << R"({"idleLockSeconds": 0})" << "idleLockSeconds";
        QTest::newRow("idle too long") << R"({"idleLockSeconds": 86400})" << "idleLockSeconds";
        QTest::newRow("idle as text") << R"({"idleLockSeconds": "300"})" << "idleLockSeconds";
        QTest::newRow("idle fractional") << R"({"idleLockSeconds": 300.5})" << "idleLockSeconds";
        QTest::newRow("warning >= idle") << R"({"idleLockSeconds": 60, "idleWarningSeconds": 60})" << "idleWarningSeconds";
        QTest::newRow("negative warning") << R"({"idleWarningSeconds": -1})" << "idleWarningSeconds";
        QTest::newRow("removal unknown") << R"({"cardRemoval": "ignore"})" << "cardRemoval";
        QTest::newRow("removal bool") << R"({"cardRemoval": true})" << "cardRemoval";
        QTest::newRow("locked logout 0") << R"({"lockedLogoutMinutes": 0})" << "lockedLogoutMinutes";
        QTest::newRow("privileged 1 min") << R"({"privilegedSessionMinutes": 1})" << "privilegedSessionMinutes";
        QTest::newRow("privileged idle 10 s") << R"({"privilegedIdleLockSeconds": 10})" << "privilegedIdleLockSeconds";
        QTest::newRow("warning >= privileged idle") << R"({"privilegedIdleLockSeconds": 30, "idleWarningSeconds": 30})"
                                                     << "privilegedIdleLockSeconds";
        QTest::newRow("stall huge") << R"({"cardWatcherStallSeconds": 3600})" << "cardWatcherStallSeconds";
        QTest::newRow("showLockedBy text") << R"({"showLockedBy": "yes"})" << "showLockedBy";
        QTest::newRow("unknown key") << R"({"idleLockSecs": 300})" << "idleLockSecs";
    }

    void badInputChangesNothing()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        LockPolicy p;
        p.idleTimeoutMs = 123456;
        p.cardRemoval = LockPolicy::CardRemovalAction::Lock;
        QString error;
        QVERIFY(!LockPolicy::fromJson(json(section.toUtf8().constData()), &p, &error));
        QVERIFY2(error.contains(key), qPrintable(error));
        QCOMPARE(p.idleTimeoutMs, 123456);
        QVERIFY(p.cardRemoval == LockPolicy::CardRemovalAction::Lock);
    }
};

QTEST_GUILESS_MAIN(TestLockPolicy)
#include "TestLockPolicy.moc"
