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

#include "crypto/Certificate.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/storage/HubAuditLog.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFile>
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
