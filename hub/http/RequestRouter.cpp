#include "hub/http/RequestRouter.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/http/AccessLog.h"
#include "hub/http/AdminApi.h"
#include "hub/http/HubApi.h"
#include "hub/http/JsonReply.h"
#include "hub/http/TerminalAdminApi.h"
#include "hub/http/AuditAdminApi.h"
#include "hub/terminals/TerminalContact.h"
#include "util/Clock.h"
#include "hub/http/PolicyAdminApi.h"
#include "hub/http/TerminalDisposalApi.h"

#include <QCoreApplication>
#include <cstdio>
#include <type_traits>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HubServer", text);
}

void runGuarded(HubResponse& res, const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const HubError& e) {
        // Storage and key failures are the hub's problem: their detail goes to the log, not to the client.
        if (e.code() == QLatin1String("storage_full")) {
            // Issue 14: a full disk refuses the request whole (its transaction rolled back); the terminal keeps what
            // it sent and resends once IT has freed space.
            std::fprintf(stderr, "wardhub: storage full, request refused: %s\n", e.what());
            JsonReply::error(res, 507, e.code(), tr("The hub's storage is full; nothing of this request was stored. Send it again later."));
        } else if (e.httpStatus() >= 500) {
            std::fprintf(stderr, "wardhub: internal error (%s): %s\n", qPrintable(e.code()), e.what());
            JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
        } else {
            JsonReply::error(res, e.httpStatus(), e.code(), e.message(), e.details());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "wardhub: internal error: %s\n", e.what());
        JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
    } catch (...) {
        // Handlers run on worker threads: an escaping exception would end the whole process.
        std::fprintf(stderr, "wardhub: internal error: unknown exception\n");
        JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
    }
}

bool isPublicPath(const std::string& path)
{
    // Probes of a load balancer carry no client certificate; enrolment is how a terminal gets one.
    return path == "/healthz" || path == "/readyz" || path == "/api/v1/enrol";
}

} // namespace

RequestRouter::RequestRouter(HubServices& services)
    : m_services(services)
    , m_api(std::make_unique<HubApi>(services))
    , m_adminApi(std::make_unique<AdminApi>(services))
    , m_terminalAdminApi(std::make_unique<TerminalAdminApi>(services))
    , m_policyApi(std::make_unique<PolicyAdminApi>(services))
    , m_disposalApi(std::make_unique<TerminalDisposalApi>(services))
    , m_auditAdminApi(std::make_unique<AuditAdminApi>(services))
{
    HubApi* api = m_api.get();
    auto open = [api](void (HubApi::*fn)(const HubRequest&, HubResponse&)) {
        return Route{false, [api, fn](const HubRequest& req, HubResponse& res, const Terminal*) { (api->*fn)(req, res); }};
    };
    using TerminalHandler = void (HubApi::*)(const HubRequest&, HubResponse&, const Terminal&);
    auto authed = [api](TerminalHandler fn) {
        return Route{true, [api, fn](const HubRequest& req, HubResponse& res, const Terminal* t) { (api->*fn)(req, res, *t); }};
    };
    m_routes[{"GET", "/healthz"}] = open(&HubApi::healthz);
    m_routes[{"GET", "/readyz"}] = open(&HubApi::readyz);
    m_routes[{"GET", "/api/v1/time"}] = Route{true, [api](const HubRequest& req, HubResponse& res, const Terminal*) { api->time(req, res); }};
    m_routes[{"POST", "/api/v1/enrol"}] = open(&HubApi::enrol);
    m_routes[{"GET", "/api/v1/network-slot-key"}] = authed(&HubApi::networkSlotKey);
    m_routes[{"POST", "/api/v1/session/challenge"}] = authed(&HubApi::sessionChallenge);
    m_routes[{"POST", "/api/v1/session"}] = authed(&HubApi::session);
    m_routes[{"POST", "/api/v1/session/fallback"}] = authed(&HubApi::sessionFallback);
    m_routes[{"POST", "/api/v1/session/emergency"}] = authed(&HubApi::sessionEmergency);
    m_routes[{"POST", "/api/v1/password"}] = authed(&HubApi::changePassword);
    m_routes[{"POST", "/api/v1/staff-cert"}] = authed(&HubApi::staffCert);
    m_routes[{"POST", "/api/v1/login-report"}] = authed(&HubApi::loginReport);
    m_routes[{"POST", "/api/v1/records"}] = authed(&HubApi::pushRecords);
    m_routes[{"GET", "/api/v1/changes"}] = authed(&HubApi::pullChanges);

    // Issue 12: the administration API. Each route names the permissions (any of them) it needs; which roles grant
    // a permission is data (the roles table), so a new console adds routes and role permissions, not role names.
    // adminOf(api): routes to one handler class (AdminApi, TerminalAdminApi, …), each opened the same way.
    auto adminOf = [this](auto* api) {
        return [this, api](QStringList permissions, void (std::remove_pointer_t<decltype(api)>::*fn)(const HubRequest&, HubResponse&, const AdminSessions::Admin&)) {
            return Route{true, [this, api, permissions, fn](const HubRequest& req, HubResponse& res, const Terminal* t) {
                             const auto who = m_services.adminSessions.open(t->id, AdminApi::bearerToken(req), permissions);
                             (api->*fn)(req, res, who);
                         }};
        };
    };
    auto admin = adminOf(m_adminApi.get());
    const QString users = QStringLiteral("users.manage"), cards = QStringLiteral("cards.manage"), audit = QStringLiteral("audit.read");
    // Issue 13: the IT console asks the same question (terminals.manage, policy.manage).
    m_routes[{"GET", "/api/v1/admin/session"}] = admin({users, cards, audit, QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")},
                                                       &AdminApi::session);
    m_routes[{"GET", "/api/v1/admin/staff"}] = admin({users, cards}, &AdminApi::searchStaff);
    m_routes[{"GET", "/api/v1/admin/staff/person"}] = admin({users, cards}, &AdminApi::person);
    m_routes[{"GET", "/api/v1/admin/staff/next-id"}] = admin({users}, &AdminApi::nextId);
    m_routes[{"POST", "/api/v1/admin/staff"}] = admin({users}, &AdminApi::registerStaff);
    m_routes[{"POST", "/api/v1/admin/staff/status"}] = admin({users}, &AdminApi::changeStatus);
    m_routes[{"POST", "/api/v1/admin/staff/password-reset"}] = admin({users}, &AdminApi::resetPassword);
    m_routes[{"POST", "/api/v1/admin/staff/roles"}] = admin({users}, &AdminApi::changeRoles);
    m_routes[{"POST", "/api/v1/admin/cards/bind"}] = admin({cards}, &AdminApi::bindCard);
    m_routes[{"POST", "/api/v1/admin/cards/revoke"}] = admin({cards}, &AdminApi::revokeCard);
    m_routes[{"POST", "/api/v1/admin/cards/fallback-code"}] = admin({cards}, &AdminApi::fallbackCode);
    m_routes[{"GET", "/api/v1/admin/requests"}] = admin({users}, &AdminApi::requests);
    m_routes[{"POST", "/api/v1/admin/requests/approve"}] = admin({users}, &AdminApi::approve);
    m_routes[{"POST", "/api/v1/admin/requests/refuse"}] = admin({users}, &AdminApi::refuse);
    m_routes[{"GET", "/api/v1/admin/reports"}] = admin({users, audit}, &AdminApi::report);
    m_routes[{"GET", "/api/v1/admin/audit"}] = admin({audit}, &AdminApi::audit);
    // BCP-1: the wards' emergency accounts (two people: the approver must not be the one who asked).
    m_routes[{"GET", "/api/v1/admin/emergency"}] = admin({users}, &AdminApi::emergencyList);
    m_routes[{"POST", "/api/v1/admin/emergency/request"}] = admin({users}, &AdminApi::emergencyRequest);
    m_routes[{"POST", "/api/v1/admin/emergency/approve"}] = admin({users}, &AdminApi::emergencyApprove);

    // Issue 13: the IT console's terminals.
    auto terminalAdmin = adminOf(m_terminalAdminApi.get());
    const QString terminals = QStringLiteral("terminals.manage");
    m_routes[{"GET", "/api/v1/admin/terminals"}] = terminalAdmin({terminals}, &TerminalAdminApi::list);
    m_routes[{"POST", "/api/v1/admin/terminals/enrol-code"}] = terminalAdmin({terminals}, &TerminalAdminApi::enrolCode);
    m_routes[{"POST", "/api/v1/admin/terminals/revoke"}] = terminalAdmin({terminals}, &TerminalAdminApi::revoke);
    // Issue 13, CFG-2: the hospital policy (PolicyAdminApi), and a terminal's refusal of a policy version.
    PolicyAdminApi* policyApi = m_policyApi.get();
    auto policyAdmin = [policy = adminOf(policyApi)](void (PolicyAdminApi::*fn)(const HubRequest&, HubResponse&, const AdminSessions::Admin&)) {
        return policy({QStringLiteral("policy.manage")}, fn);
    };
    m_routes[{"GET", "/api/v1/admin/policy"}] = policyAdmin(&PolicyAdminApi::current);
    m_routes[{"POST", "/api/v1/admin/policy/validate"}] = policyAdmin(&PolicyAdminApi::validate);
    m_routes[{"POST", "/api/v1/admin/policy"}] = policyAdmin(&PolicyAdminApi::save);
    m_routes[{"GET", "/api/v1/admin/policy/requests"}] = policyAdmin(&PolicyAdminApi::requests);
    m_routes[{"POST", "/api/v1/admin/policy/requests/approve"}] = policyAdmin(&PolicyAdminApi::approve);
    m_routes[{"POST", "/api/v1/admin/policy/requests/refuse"}] = policyAdmin(&PolicyAdminApi::refuse);
    m_routes[{"POST", "/api/v1/policy/refusal"}] =
        Route{true, [policyApi](const HubRequest& req, HubResponse& res, const Terminal* t) { policyApi->refusal(req, res, *t); }};
    // Issue 13 (DATA-5): a terminal's audit chain and disposal record before and after its wipe; IT's disposal list.
    TerminalDisposalApi* disposals = m_disposalApi.get();
    m_routes[{"POST", "/api/v1/terminal/audit"}] =
        Route{true, [disposals](const HubRequest& req, HubResponse& res, const Terminal* t) { disposals->shipAudit(req, res, *t); }};
    m_routes[{"POST", "/api/v1/terminal/wipe-confirmation"}] =
        Route{true, [disposals](const HubRequest& req, HubResponse& res, const Terminal* t) { disposals->confirmWipe(req, res, *t); }};
    m_routes[{"POST", "/api/v1/terminal/disposal"}] =
        Route{true, [disposals](const HubRequest& req, HubResponse& res, const Terminal* t) { disposals->disposal(req, res, *t); }};
    m_routes[{"GET", "/api/v1/admin/terminals/disposals"}] =
        adminOf(disposals)({QStringLiteral("terminals.manage")}, &TerminalDisposalApi::listDisposals);
    // Issue 14: the auditor's workspace (AuditAdminApi, audit.read).
    auto auditAdmin = adminOf(m_auditAdminApi.get());
    m_routes[{"GET", "/api/v1/admin/audit/search"}] = auditAdmin({audit}, &AuditAdminApi::search);
    m_routes[{"GET", "/api/v1/admin/audit/report"}] = auditAdmin({audit}, &AuditAdminApi::report);
    m_routes[{"GET", "/api/v1/admin/audit/break-glass"}] = auditAdmin({audit}, &AuditAdminApi::breakGlass);
    m_routes[{"POST", "/api/v1/admin/audit/break-glass/review"}] = auditAdmin({audit}, &AuditAdminApi::review);
    m_routes[{"GET", "/api/v1/admin/audit/export"}] = auditAdmin({audit}, &AuditAdminApi::exportRows);
    // BCP-1: the emergency accounts' uses, for IT at once (the IT console's notices) and the auditors.
    m_routes[{"GET", "/api/v1/admin/notices"}] =
        auditAdmin({audit, QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")}, &AuditAdminApi::notices);
}

RequestRouter::~RequestRouter() = default;

const RequestRouter::Route* RequestRouter::find(const HubRequest& req) const
{
    const auto it = m_routes.find({req.method, req.path});
    return it == m_routes.end() ? nullptr : &it->second;
}

std::optional<HubResponse> RequestRouter::answerInline(const HubRequest& req) const
{
    HubResponse res;
    JsonReply::stampTime(res);
    if (req.path == "/healthz" && req.method == "GET") {
        // Liveness answers on the I/O thread: busy database workers never make a live hub look dead.
        runGuarded(res, [&] { m_api->healthz(req, res); });
    } else if (!isPublicPath(req.path) && !req.peerCertificate) {
        JsonReply::error(res, 401, QStringLiteral("no_client_certificate"),
                         tr("This endpoint needs the terminal's client certificate. Enrol the terminal first."));
    } else if (!find(req)) {
        JsonReply::error(res, 404, QStringLiteral("not_found"), tr("No such endpoint."));
    } else {
        return std::nullopt;
    }
    log(req, res, QString());
    return res;
}

HubResponse RequestRouter::handle(const HubRequest& req) const
{
    HubResponse res;
    JsonReply::stampTime(res);
    const qint64 arrivedMs = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QString terminalId;
    runGuarded(res, [&] {
        const Route* route = find(req);
        if (!route) {
            JsonReply::error(res, 404, QStringLiteral("not_found"), tr("No such endpoint."));
            return;
        }
        if (!route->needsTerminal) {
            route->handler(req, res, nullptr);
            return;
        }
        if (!req.peerCertificate) {
            JsonReply::error(res, 401, QStringLiteral("no_client_certificate"),
                             tr("This endpoint needs the terminal's client certificate. Enrol the terminal first."));
            return;
        }
        const auto terminal = m_services.terminals.findByFingerprint(req.peerCertificate->sha256Fingerprint());
        if (!terminal) {
            JsonReply::error(res, 401, QStringLiteral("unknown_terminal"), tr("This certificate does not belong to an enrolled terminal."));
        } else if (terminal->revoked) {
            JsonReply::error(res, 403, QStringLiteral("terminal_revoked"), tr("This terminal has been revoked. Contact IT to enrol it again."));
        } else {
            terminalId = terminal->id;
            route->handler(req, res, &*terminal);
        }
    });
    if (!terminalId.isEmpty()) {
        // Issue 13: what the IT console lists. A failure here is the hub's to log; the answer stands.
        try {
            m_services.terminals.recordContact(terminalId, TerminalContact::fromRequest(req, arrivedMs, res.status));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "wardhub: terminal contact of %s not recorded: %s\n", qPrintable(terminalId), e.what());
        }
    }
    log(req, res, terminalId);
    return res;
}

HubResponse RequestRouter::reject(const HubRequest& req, int status, const QString& code, const QString& message)
{
    HubResponse res;
    JsonReply::error(res, status, code, message);
    log(req, res, QString());
    return res;
}

void RequestRouter::log(const HubRequest& req, const HubResponse& res, const QString& terminal)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - req.received).count();
    AccessLog::write(req.method, req.path, res.status, terminal.toStdString(), req.body.size(), static_cast<long long>(ms));
}

} // namespace ward::hub
