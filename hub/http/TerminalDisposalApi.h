#pragma once

#include "hub/admin/AdminSessions.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"
#include "hub/terminals/TerminalAuditAnchors.h"
#include "hub/directory/UserDirectory.h"
#include "hub/terminals/TerminalAuditChains.h"
#include "hub/terminals/TerminalDisposals.h"
#include "hub/terminals/TerminalRegistry.h"

namespace ward::hub {

class HubServices;

// Issue 13, DATA-5: a terminal's last words before and after its wipe, over its mutual-TLS client, and IT's list of
// disposals.
//   POST /api/v1/terminal/audit        {entries: [AuditEntry…]} → {head, ack}: the terminal's chain continued at the
//                                      hub (an empty list asks for the acknowledged head only); ack: the hub's signed
//                                      AuditAcknowledgement of that head (null while it holds nothing), issue 14
//   POST /api/v1/terminal/disposal     {record: {...}} → {stored}: the disposal record, stored once and audited
//   POST /api/v1/terminal/wipe-confirmation  {password}, with the IT person's session token (Bearer) → {confirmed}:
//                                      the password before a wipe checked like a login (AUTH-5: a wrong one counts
//                                      toward the account's lock, 401 login_failed / 403 account_locked), audited
//   GET  /api/v1/admin/terminals/disposals?terminal=ID&limit=N   (terminals.manage) → {disposals: [...]}, each with
//                                      operatorName: the IT person's name from the directory ("" when unknown)
class TerminalDisposalApi
{
public:
    using Terminal = TerminalRegistry::Terminal;
    using Admin = AdminSessions::Admin;

    explicit TerminalDisposalApi(HubServices& services);

    void shipAudit(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void disposal(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void listDisposals(const HubRequest& req, HubResponse& res, const Admin& admin);
    void confirmWipe(const HubRequest& req, HubResponse& res, const Terminal& terminal);

private:
    HubServices& m_services;
    TerminalAuditChains m_chains;
    TerminalAuditAnchors m_anchors;
    TerminalDisposals m_disposals;
    UserDirectory& m_users;
};

} // namespace ward::hub
