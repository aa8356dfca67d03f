#pragma once

#include "hub/admin/AdminSessions.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"

namespace ward::hub {

class HubServices;

// The /api/v1/admin/… endpoints (issue 12). RequestRouter authenticates the terminal, then the admin session
// against the permissions the route names (AdminSessions::open), before a handler runs; handlers parse with
// AdminRequest and act through StaffAdministration / StaffSearch / AdminReports.
class AdminApi
{
public:
    using Admin = AdminSessions::Admin;

    explicit AdminApi(HubServices& services);

    void session(const HubRequest& req, HubResponse& res, const Admin& admin);
    void searchStaff(const HubRequest& req, HubResponse& res, const Admin& admin);
    void person(const HubRequest& req, HubResponse& res, const Admin& admin);
    void nextId(const HubRequest& req, HubResponse& res, const Admin& admin);
    void registerStaff(const HubRequest& req, HubResponse& res, const Admin& admin);
    void changeStatus(const HubRequest& req, HubResponse& res, const Admin& admin);
    void resetPassword(const HubRequest& req, HubResponse& res, const Admin& admin);
    void changeRoles(const HubRequest& req, HubResponse& res, const Admin& admin);
    void bindCard(const HubRequest& req, HubResponse& res, const Admin& admin);
    void revokeCard(const HubRequest& req, HubResponse& res, const Admin& admin);
    void fallbackCode(const HubRequest& req, HubResponse& res, const Admin& admin);
    void requests(const HubRequest& req, HubResponse& res, const Admin& admin);
    void approve(const HubRequest& req, HubResponse& res, const Admin& admin);
    void refuse(const HubRequest& req, HubResponse& res, const Admin& admin);
    void report(const HubRequest& req, HubResponse& res, const Admin& admin);
    void audit(const HubRequest& req, HubResponse& res, const Admin& admin);
    // BCP-1: the wards' emergency accounts at the reception desk — the list, one person's request, another's
    // approval (whose reply carries the letter's password once, for the sealed letter the desk prints).
    void emergencyList(const HubRequest& req, HubResponse& res, const Admin& admin);
    void emergencyRequest(const HubRequest& req, HubResponse& res, const Admin& admin);
    void emergencyApprove(const HubRequest& req, HubResponse& res, const Admin& admin);

    // The bearer session token of a request (Authorization: Bearer …), or HubError 401 session_invalid.
    static QString bearerToken(const HubRequest& req);

private:
    HubServices& m_services;
};

} // namespace ward::hub
