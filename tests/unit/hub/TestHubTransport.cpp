// The transport's small parts without sockets: request-target parsing, access-log escaping, connection caps.

#include "hub/http/AccessLog.h"
#include "hub/http/ConnectionLimits.h"
#include "hub/http/HubRequest.h"

#include <QTest>

using namespace ward::hub;

class TestHubTransport : public QObject
{
    Q_OBJECT

private slots:
    void targetIsSplitAndDecoded()
    {
        HubRequest r;
        QVERIFY(r.setTarget("/api/v1/changes?cursor=12&limit=5&cursor=99"));
        QCOMPARE(r.path, std::string("/api/v1/changes"));
        QCOMPARE(r.param("cursor"), std::string("12")); // the first occurrence wins
        QCOMPARE(r.param("limit"), std::string("5"));
        QVERIFY(!r.hasParam("missing"));
        QVERIFY(r.setTarget("/api/v1/%74ime?a=b%20c+d&flag"));
        QCOMPARE(r.path, std::string("/api/v1/time"));
        QCOMPARE(r.param("a"), std::string("b c d"));
        QVERIFY(r.hasParam("flag"));
        QVERIFY(r.setTarget("/x%0a%zz%4"));
        QCOMPARE(r.path, std::string("/x\n%zz%4")); // malformed escapes stay as they are
        QVERIFY(!r.setTarget("http://hub/api/v1/time")); // absolute-form is not served
        QVERIFY(!r.setTarget(""));
    }

    void logFieldsCannotSplitLines()
    {
        const std::string line = AccessLog::line("GET", "/x\nwardhub: GET /forged 200 T-1\r", 401, "", 0, 3);
        QCOMPARE(std::count(line.begin(), line.end(), '\n'), std::ptrdiff_t(1));
        QCOMPARE(line, std::string("wardhub: GET /x\\x0awardhub:\\x20GET\\x20/forged\\x20200\\x20T-1\\x0d 401 - 0 bytes 3 ms\n"));
        QCOMPARE(AccessLog::escape("a\\b\x7f\xe3\x81\x82"), std::string("a\\x5cb\\x7f\\xe3\\x81\\x82"));
        QCOMPARE(AccessLog::escape(std::string(300, 'a'), 256), std::string(256, 'a') + "...");
        QCOMPARE(AccessLog::line("", "", 400, "", 0, 0), std::string("wardhub: - - 400 - 0 bytes 0 ms\n"));
    }

    void connectionCapsAreEnforcedAndReleased()
    {
        ConnectionLimits limits(3, 2);
        auto a1 = limits.admit("10.0.0.1");
        auto a2 = limits.admit("10.0.0.1");
        QVERIFY(a1 && a2);
        QVERIFY(!limits.admit("10.0.0.1")); // per address
        auto b1 = limits.admit("10.0.0.2");
        QVERIFY(b1);
        QVERIFY(!limits.admit("10.0.0.3")); // in total
        QCOMPARE(limits.open(), 3);
        a1.reset();
        QCOMPARE(limits.open(), 2);
        QVERIFY(limits.admit("10.0.0.1"));    // the slot came back (and went again at once)
        QCOMPARE(limits.open(), 2);
    }
};

QTEST_GUILESS_MAIN(TestHubTransport)
#include "TestHubTransport.moc"
