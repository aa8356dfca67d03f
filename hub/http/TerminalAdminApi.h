#pragma once

#include "hub/admin/AdminSessions.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"

namespace ward::hub {

class HubServices;

// Issue 13: the hub's terminals, administered from the ward client's IT workspace (/api/v1/admin/terminals…,
// permission terminals.manage). RequestRouter opens the admin session before a handler runs; every change is
// attributed to that person and terminal in the hub audit chain, as the reception desk's are.
class TerminalAdminApi
{
public:
    using Admin = AdminSessions::Admin;

    explicit TerminalAdminApi(HubServices& services);

    // GET: every terminal with its ward, name, version, last contact and sync, clock skew, status; and the wards.
    void list(const HubRequest& req, HubResponse& res, const Admin& admin);
    // POST {ward, validMinutes?}: a one-time enrolment code, shown once, with its expiry and the hub CA's
    // SHA-256 fingerprint to compare at the new terminal.
    void enrolCode(const HubRequest& req, HubResponse& res, const Admin& admin);
    // POST {terminalId, reason}: the terminal's next request is refused and its network slot never released again.
    void revoke(const HubRequest& req, HubResponse& res, const Admin& admin);

private:
    HubServices& m_services;
};

} // namespace ward::hub
