#pragma once

#include "hub/admin/AdminSessions.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"
#include "hub/terminals/TerminalRegistry.h"

namespace ward::hub {

class HubServices;

// Issue 13, CFG-2: the hospital policy through the IT console (permission policy.manage) and the terminals'
// refusals of a policy version. Every rule and the signature live in HospitalPolicy, shared with
// `wardhub policy set`.
//   GET  /api/v1/admin/policy           → {version, policy, updatedAt}
//   POST /api/v1/admin/policy/validate  {policy} → {valid, errors: [{field, message}]}
//   POST /api/v1/admin/policy           {policy, baseVersion, reason} → 201 {version}; 409 version_conflict,
//                                       409 role_in_use; 202 {pending, requestId, grants} when it grants privilege (AC-4)
//   GET  /api/v1/admin/policy/requests?status=pending|approved|refused → {requests: [{requestId, grants, changes, …}]}
//   POST /api/v1/admin/policy/requests/approve {requestId, reason?} → {version}; 403 self_approval
//   POST /api/v1/admin/policy/requests/refuse  {requestId, reason} → {status: refused}
//   POST /api/v1/policy/refusal         (terminal) {version, code, message} → 201, audited as policy.refused
class PolicyAdminApi
{
public:
    using Admin = AdminSessions::Admin;

    static constexpr int kMaxRefusalMessageLength = 500;

    explicit PolicyAdminApi(HubServices& services);

    void current(const HubRequest& req, HubResponse& res, const Admin& admin);
    void validate(const HubRequest& req, HubResponse& res, const Admin& admin);
    void save(const HubRequest& req, HubResponse& res, const Admin& admin);
    void requests(const HubRequest& req, HubResponse& res, const Admin& admin);
    void approve(const HubRequest& req, HubResponse& res, const Admin& admin);
    void refuse(const HubRequest& req, HubResponse& res, const Admin& admin);
    void refusal(const HubRequest& req, HubResponse& res, const TerminalRegistry::Terminal& terminal);

private:
    HubServices& m_services;
};

} // namespace ward::hub
