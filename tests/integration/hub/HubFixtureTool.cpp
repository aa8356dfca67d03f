// Test fixture (never installed): stands in for the reception desk in tests that are about something else (logins,
// records, sync, the terminal), so their setup does not need an admin session at an enrolled terminal. The
// administration API itself is tested through HTTP (test_hub_admin). Every change goes through the same
// UserDirectory calls the administration API makes, by the hub's registrar — the active holder of users.manage
// that `wardhub bootstrap-registrar` created, looked up in the hub, never typed — and its audit entries say
// "via": "test-fixture" with the operator who ran it.
//   hub_fixture_tool user-add --dir D --id ID --name NAME --roles R[,…] [--wards W[,…]] [--kana K] [--privileged]
//       → "user ID added; temporary password: …"
//   hub_fixture_tool status --dir D --id ID --action disable|enable|retire
//   hub_fixture_tool reset-password --dir D --id ID        → "user ID reset; temporary password: …"
//   hub_fixture_tool card-revoke --dir D --user ID (--all | --uid HEX | --piv-cert CERT.pem)
//   hub_fixture_tool notes-add --dir D --count N      (a demo-seeded hub: N nursing notes on W3's first patient,
//       signed by a W3 nurse's key from DIR/demo/staff.json and ingested as a terminal's push is)
//       → "N notes stored"

#include "crypto/Certificate.h"
#include "crypto/CmsSignature.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "records/RecordCodec.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/storage/HubAuditLog.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <cstdio>

using namespace ward;
using namespace ward::hub;

namespace {

// The first active user (by id) whose roles grant users.manage (UserDirectory::authorise decides, as for the API).
QString registrar(HubServices& s)
{
    if (!s.users.anyActiveHolder(QStringLiteral("users.manage")))
        throw HubError(QStringLiteral("fixture"), QStringLiteral("no registrar yet: run wardhub bootstrap-registrar first"));
    QSqlQuery q = s.db.exec(QStringLiteral("SELECT id FROM users WHERE status = 'active' ORDER BY id"));
    while (q.next()) {
        try {
            s.users.authorise(q.value(0).toString(), QStringLiteral("users.manage"));
            return q.value(0).toString();
        } catch (const HubError&) {
        }
    }
    throw HubError(QStringLiteral("fixture"), QStringLiteral("every registrar is locked"));
}

void printPassword(const QString& id, const char* what, const SecureBytes& pw)
{
    std::printf("user %s %s; temporary password: %.*s\n", qPrintable(id), what, static_cast<int>(pw.size()),
                reinterpret_cast<const char*>(pw.data()));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    auto arg = [&](const char* name) {
        const int i = a.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < a.size() ? a.at(i + 1) : QString();
    };
    auto list = [&](const char* name) { return arg(name).split(QLatin1Char(','), Qt::SkipEmptyParts); };
    if (a.size() < 2)
        return 2;
    const QString cmd = a.at(1);
    try {
        auto s = HubServices::open(arg("--dir"));
        const QString by = registrar(*s);
        const QJsonObject context{{QStringLiteral("via"), QStringLiteral("test-fixture")},
                                  {QStringLiteral("operator"), HubAuditLog::localOperator()}};
        IdentityVerification verification;
        verification.verifiedBy = by;
        verification.method = QStringLiteral("test fixture");
        verification.documentRef = QStringLiteral("test fixture");
        verification.verifiedAt = Clock::instance().nowUtc();
        const QString id = arg("--id");
        if (cmd == QLatin1String("notes-add")) {
            QFile f(s->config.path(QStringLiteral("demo/staff.json")));
            if (!f.open(QIODevice::ReadOnly))
                throw HubError(QStringLiteral("fixture"), QStringLiteral("not a demo-seeded hub"));
            QJsonObject nurse;
            for (const QJsonValue v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("staff")).toArray())
                if (v.toObject().value(QStringLiteral("ward")).toString() == QLatin1String("W3")
                    && v.toObject().value(QStringLiteral("role")).toString() == QLatin1String("nurse")) {
                    nurse = v.toObject();
                    break;
                }
            const auto key = KeyPair::fromPrivatePem(SecureBytes::fromQByteArray(nurse.value(QStringLiteral("signingKeyPem")).toString().toLatin1()));
            const auto cert = Certificate::fromPem(nurse.value(QStringLiteral("signingCertPem")).toString().toLatin1());
            if (!key || !cert)
                throw HubError(QStringLiteral("fixture"), QStringLiteral("no W3 nurse with a signing key in demo/staff.json"));
            QJsonArray batch;
            for (int i = 0; i < arg("--count").toInt(); ++i) {
                RecordContent c;
                c.type = QStringLiteral("nursing-note");
                c.author = nurse.value(QStringLiteral("id")).toString();
                c.clinicalTime = Clock::instance().nowUtc().addSecs(-60 - i);
                ClinicalNote n;
                n.format = ClinicalNote::Format::Text;
                n.text = QStringLiteral("体温 36.%1 ℃、著変なし (%2)").arg(i % 10).arg(i);
                c.data = n;
                RecordVersion r;
                r.recordId = Random::uuid();
                r.version = 1;
                r.patientId = QStringLiteral("P000001");
                r.type = c.type;
                r.compartment = QStringLiteral("W3");
                r.author = c.author;
                const QList<ValidationProblem> problems = RecordCodec::writeBody(&r, c, QByteArray());
                if (!problems.isEmpty())
                    throw HubError(QStringLiteral("fixture"), problems.first().message);
                batch.append(QJsonObject{{QStringLiteral("recordId"), r.recordId}, {QStringLiteral("version"), 1},
                                         {QStringLiteral("patientId"), r.patientId}, {QStringLiteral("type"), QStringLiteral("nursing_note")},
                                         {QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("author"), r.author},
                                         {QStringLiteral("prevHash"), QString()}, {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())},
                                         {QStringLiteral("signature"), QString::fromLatin1(CmsSignature::signDetached(r.body, *cert, *key).toBase64())}});
            }
            const QJsonObject result = s->records.ingest({QStringLiteral("fixture"), QStringLiteral("fixture"), QStringLiteral("W3"), false},
                                                         {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), batch}});
            std::printf("%d notes stored\n", result.value(QStringLiteral("stored")).toInt());
            return result.value(QStringLiteral("stored")).toInt() == batch.size() ? 0 : 1;
        }
        if (cmd == QLatin1String("user-add")) {
            const bool privileged = a.contains(QStringLiteral("--privileged"));
            const AccountChange change = s->users.prepareAccount(id, arg("--name"), list("--roles"), privileged, verification);
            s->db.transaction([&] {
                s->users.insertUser(id, arg("--name"), arg("--kana"), list("--roles"), list("--wards"), privileged, verification, change, context);
            });
            printPassword(id, "added", change.temporaryPassword);
            return 0;
        }
        if (cmd == QLatin1String("status")) {
            const QHash<QString, UserDirectory::StatusAction> actions{{QStringLiteral("disable"), UserDirectory::StatusAction::Disable},
                                                                      {QStringLiteral("enable"), UserDirectory::StatusAction::Enable},
                                                                      {QStringLiteral("retire"), UserDirectory::StatusAction::Retire}};
            if (!actions.contains(arg("--action")))
                return 2;
            s->db.transaction([&] { s->users.changeStatusIn(id, actions.value(arg("--action")), by, context); });
            std::printf("user %s: %s done\n", qPrintable(id), qPrintable(arg("--action")));
            return 0;
        }
        if (cmd == QLatin1String("reset-password")) {
            const SecureBytes pw = s->db.transaction([&] { return s->users.resetPasswordIn(id, verification, context); });
            printPassword(id, "reset", pw);
            return 0;
        }
        if (cmd == QLatin1String("card-revoke")) {
            QString kind, keyId;
            if (a.contains(QStringLiteral("--uid"))) {
                const auto folded = UserDirectory::foldUid(arg("--uid"));
                if (!folded)
                    return 2;
                kind = QStringLiteral("uid");
                keyId = s->users.uidHash(*folded);
            } else if (a.contains(QStringLiteral("--piv-cert"))) {
                QFile f(arg("--piv-cert"));
                const auto cert = f.open(QIODevice::ReadOnly) ? Certificate::fromPem(f.readAll()) : std::nullopt;
                if (!cert)
                    return 2;
                kind = QStringLiteral("piv");
                keyId = UserDirectory::pivKeyId(cert->publicKeyDer());
            } else if (!a.contains(QStringLiteral("--all"))) {
                return 2;
            }
            const int cards = s->db.transaction([&] { return s->users.revokeCardsIn(arg("--user"), kind, keyId, by, context); });
            std::printf("%d card(s) of %s revoked\n", cards, qPrintable(arg("--user")));
            return 0;
        }
    } catch (const HubError& e) {
        std::fprintf(stderr, "hub_fixture_tool %s: %s\n", qPrintable(cmd), qPrintable(e.message()));
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hub_fixture_tool %s: %s\n", qPrintable(cmd), e.what());
        return 1;
    }
    return 2;
}
