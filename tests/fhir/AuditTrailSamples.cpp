// audit_trail_samples HUBDIR: a ward terminal's day in a (demo) hub's audit, for the FHIR AuditEvent export check
// (issue 14). A terminal is enrolled the way `wardhub enrol-code` + POST /api/v1/enrol do it, and its audit chain is
// received the way POST /api/v1/terminal/audit does (TerminalAuditChains::receive, then the hub's mirror of the
// events it must see, TerminalAuditEvents::mirror): logins (card, refused, fallback), chart views, a record opened and
// confirmed, a break-the-glass with its reason, lock, unlock and logout, a failed unlock by nobody logged in, an
// invalid signature. Prints "terminal ID: N entries".
#include "audit/AuditEntry.h"
#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"
#include "AuditChainBuilder.h"
#include "hub/HubServices.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/terminals/TerminalAuditChains.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>
#include <cstdio>

using namespace ward;
using namespace ward::hub;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: audit_trail_samples HUBDIR\n");
        return 2;
    }
    try {
        auto s = HubServices::open(app.arguments().at(1));
        QSqlQuery nurseQuery = s->db.exec(QStringLiteral("SELECT id FROM users WHERE roles LIKE '%nurse%' ORDER BY id"));
        QSqlQuery patientQuery = s->db.exec(QStringLiteral("SELECT id, ward FROM patients ORDER BY id"));
        if (!nurseQuery.next() || !patientQuery.next()) {
            std::fprintf(stderr, "audit_trail_samples: seed the demo hospital first (wardhub demo-seed)\n");
            return 1;
        }
        const QString nurse = nurseQuery.value(0).toString();
        const QString patient = patientQuery.value(0).toString();
        const QString ward = patientQuery.value(1).toString();
        const auto code = s->terminals.createEnrolCode(ward, 60, HubAuditLog::localOperator());
        const KeyPair key = KeyPair::generateP256();
        const QString terminal =
            s->terminals.enrol(code.code, CertificateRequest::createPem(key, QStringLiteral("pc")), QStringLiteral("sample terminal")).terminalId;

        AuditChainBuilder chain(terminal);
        QDateTime at = Clock::instance().nowUtc().addSecs(-3600);
        auto add = [&](const QString& user, const QString& action, const QString& patientId, const QString& outcome,
                       const QJsonObject& detail = {}, const QString& object = {}) {
            at = at.addSecs(60);
            chain.add(at, user, action, patientId, outcome, detail, object);
        };
        const QJsonObject online{{QStringLiteral("mode"), QStringLiteral("online")}, {QStringLiteral("card"), QStringLiteral("piv")}};
        add(nurse, QStringLiteral("login"), {}, QStringLiteral("denied"), online);
        add(nurse, QStringLiteral("login"), {}, QStringLiteral("success"), online);
        add(nurse, QStringLiteral("patient.view"), patient, QStringLiteral("success"));
        add(nurse, QStringLiteral("record.open"), patient, QStringLiteral("success"), {}, QStringLiteral("rec-sample-1"));
        add(nurse, QStringLiteral("record.confirm"), patient, QStringLiteral("success"), {}, QStringLiteral("rec-sample-2"));
        add(nurse, QStringLiteral("patient.break-glass"), patient, QStringLiteral("success"),
            {{QStringLiteral("reason"), QStringLiteral("急変対応のため")}, {QStringLiteral("review"), true}, {QStringLiteral("compartment"), ward}});
        add(nurse, QStringLiteral("session.lock"), {}, QStringLiteral("success"));
        add({}, QStringLiteral("vault.unwrap"), {}, QStringLiteral("failure"), {{QStringLiteral("slot"), QStringLiteral("user")}});
        add(nurse, QStringLiteral("session.unlock"), {}, QStringLiteral("success"));
        add(nurse, QStringLiteral("record.signature-invalid"), patient, QStringLiteral("failure"), {{QStringLiteral("version"), 2}},
            QStringLiteral("rec-sample-1"));
        add(nurse, QStringLiteral("session.logout"), {}, QStringLiteral("success"));
        add(nurse, QStringLiteral("login.fallback"), {}, QStringLiteral("success"), {{QStringLiteral("fallback"), true}});

        const QJsonArray entries = chain.json();
        TerminalAuditChains chains(s->db, s->keys);
        const qint64 head = chains.receive(terminal, entries);  // stores and mirrors (TerminalAuditEvents)
        std::printf("terminal %s: %lld entries\n", qPrintable(terminal), static_cast<long long>(head));
        return head == chain.size() ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "audit_trail_samples: %s\n", e.what());
        return 1;
    }
}
