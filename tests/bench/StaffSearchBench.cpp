// Issue 12: staff search at the hub over 10^4 users, p95 ≤ 50 ms per request (search → JSON page), measured
// end to end through a real wardhub on loopback mutual TLS with an admin session. The users are written straight
// into the hub's database with their names sealed as the directory seals them (10^4 Argon2id temporary
// passwords would take an hour and are not what is measured).
//   staff_search_bench [--users 10000] [--requests 300] [--pg]

#include "BenchReport.h"
#include "HubClient.h"
#include "HubProcess.h"

#include "auth/IdentityVerification.h"
#include "crypto/CertificateAuthority.h"
#include "hub/HubServices.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryFile>
#include <QUrl>

using namespace ward;
using ward::bench::BenchReport;

namespace {

const QStringList kFamily{QStringLiteral("佐藤"), QStringLiteral("鈴木"), QStringLiteral("高橋"), QStringLiteral("田中"),
                          QStringLiteral("伊藤"), QStringLiteral("渡辺"), QStringLiteral("山本"), QStringLiteral("中村")};
const QStringList kFamilyKana{QStringLiteral("さとう"), QStringLiteral("すずき"), QStringLiteral("たかはし"), QStringLiteral("たなか"),
                              QStringLiteral("いとう"), QStringLiteral("わたなべ"), QStringLiteral("やまもと"), QStringLiteral("なかむら")};
const QStringList kGiven{QStringLiteral("花子"), QStringLiteral("太郎"), QStringLiteral("美咲"), QStringLiteral("翔")};
const QStringList kGivenKana{QStringLiteral("はなこ"), QStringLiteral("たろう"), QStringLiteral("みさき"), QStringLiteral("しょう")};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int users = BenchReport::intOption(args, "--users", 10000);
    const int requests = BenchReport::intOption(args, "--requests", 300);
    if (args.contains(QStringLiteral("--pg")) && qEnvironmentVariableIsEmpty("WARD_HUB_TEST_PG"))
        qFatal("--pg needs WARD_HUB_TEST_PG=sockdir:port (see tests/integration/pg-fixture.sh)");
    BenchReport report;
    HubProcess hub(QStringLiteral("staff_search_bench"));
    if (!hub.init() || !hub.admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}))
        qFatal("hub init failed");

    // The registrar: bootstrapped at the hub console with their password, card bound (→ an admin session).
    if (!hub.bootstrapRegistrar(QStringLiteral("RECEPTION1"), QStringLiteral("Uketsuke-001!x")))
        qFatal("registrar");
    CertificateAuthority issuer = CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc());
    auto [cardKey, cardCert] = issuer.issueWithNewKey(CertificateProfile::TerminalClient, QStringLiteral("RECEPTION1"), 30, QDateTime::currentDateTimeUtc());
    QTemporaryFile pem;
    if (!pem.open())
        qFatal("temp");
    pem.write(cardCert.toPem());
    pem.close();
    if (!hub.admin({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), QStringLiteral("RECEPTION1"), QStringLiteral("--piv-cert"), pem.fileName()}))
        qFatal("card");

    // 10^4 staff straight into the directory (one shared temporary-password verifier: not what is measured).
    {
        QElapsedTimer fill;
        fill.start();
        auto services = hub::HubServices::open(hub.dir());
        IdentityVerification verification;
        verification.method = QStringLiteral("photo ID");
        verification.documentRef = QStringLiteral("L-2");
        verification.verifiedBy = QStringLiteral("RECEPTION1");
        verification.verifiedAt = Clock::instance().nowUtc();
        const AccountChange change =
            services->users.prepareAccount(QStringLiteral("NS00000000"), QStringLiteral("x"), {QStringLiteral("nurse")}, false, verification);
        const int batch = 500;
        for (int start = 0; start < users; start += batch)
            services->db.transaction([&] {
                for (int i = start; i < std::min(users, start + batch); ++i) {
                    const QString id = QStringLiteral("NS%1").arg(i + 1, 8, 10, QLatin1Char('0'));
                    const int f = i % kFamily.size(), g = (i / kFamily.size()) % kGiven.size();
                    services->users.insertUser(id, kFamily[f] + QStringLiteral(" ") + kGiven[g] + QString::number(i / 32),
                                               kFamilyKana[f] + QStringLiteral(" ") + kGivenKana[g], {i % 10 ? QStringLiteral("nurse") : QStringLiteral("doctor")},
                                               {QStringLiteral("W3")}, false, verification, change, {});
                }
            });
        BenchReport::info("staff_search_fill_seconds", fill.elapsed() / 1000.0, "s");
    }

    if (!hub.start())
        qFatal("hub start");
    QString terminalId;
    auto terminal = HubClient::enrolledTerminal(hub, QStringLiteral("W3"), &terminalId);
    if (!terminal)
        qFatal("enrol");
    const HubReply session = terminal->postJson(QStringLiteral("/api/v1/session"),
                                                {{QStringLiteral("userId"), QStringLiteral("RECEPTION1")},
                                                 {QStringLiteral("password"), QStringLiteral("Uketsuke-001!x")},
                                                 {QStringLiteral("cardProof"), terminal->pivProof(cardKey)}});
    if (session.status != 200)
        qFatal("login: %s", session.body.constData());
    terminal->setBearerToken(session.json.value(QStringLiteral("token")).toString());

    auto encoded = [](const QString& s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    const QStringList queries{
        QStringLiteral("q=") + encoded(QStringLiteral("サトウ")),          // katakana → hiragana reading, ~1/8 of all
        QStringLiteral("q=") + encoded(QStringLiteral("鈴木 美咲1")),      // name, a few
        QStringLiteral("q=NS0000") + QStringLiteral("12"),                  // id prefix
        QStringLiteral("q=") + encoded(QStringLiteral("はなこ")) + QStringLiteral("&role=doctor"),
        QStringLiteral("status=active&offset=5000&limit=100"),             // browse, a far page
        QStringLiteral("q=") + encoded(QStringLiteral("ﾀﾅｶ")) + QStringLiteral("&ward=W3&limit=100"),
    };
    QElapsedTimer t;
    t.start();
    const HubReply cold = terminal->get(QStringLiteral("/api/v1/admin/staff?") + queries.first());
    BenchReport::info("staff_search_first_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    if (cold.status != 200 || cold.json.value(QStringLiteral("total")).toInt() < users / 8)
        qFatal("search answered %d %s", cold.status, cold.body.left(300).constData());
    QList<double> ms;
    QList<QList<double>> perQuery(queries.size());
    for (int i = 0; i < requests; ++i) {
        t.restart();
        const HubReply r = terminal->get(QStringLiteral("/api/v1/admin/staff?") + queries.at(i % queries.size()));
        ms << double(t.nsecsElapsed()) / 1e6;
        perQuery[i % queries.size()] << ms.last();
        if (r.status != 200)
            qFatal("search answered %d", r.status);
    }
    BenchReport::info("staff_search_p50_ms", BenchReport::percentile(ms, 0.5), "ms");
    for (int q = 0; q < queries.size(); ++q)
        BenchReport::info(qPrintable(QStringLiteral("staff_search_query%1_p50_ms").arg(q)), BenchReport::percentile(perQuery[q], 0.5), "ms");
    // The same path without the search (TLS round trip + admin session check): what the search itself adds.
    QList<double> baseline;
    for (int i = 0; i < requests / 3; ++i) {
        t.restart();
        terminal->get(QStringLiteral("/api/v1/admin/session"));
        baseline << double(t.nsecsElapsed()) / 1e6;
    }
    BenchReport::info("admin_session_call_p50_ms", BenchReport::percentile(baseline, 0.5), "ms");
    BenchReport::info("admin_session_call_p95_ms", BenchReport::percentile(baseline, 0.95), "ms");
    report.figure("staff_search_p95_ms", BenchReport::percentile(ms, 0.95), "ms", BenchReport::Op::AtMost, 50);
    hub.stop();
    return report.exitCode();
}
