#pragma once

#include "hub/admin/AuditReview.h"
#include "hub/admin/AdminSessions.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"

namespace ward::hub {

class HubServices;

// Issue 14: the auditor's workspace at the hub (/api/v1/admin/audit/…, permission audit.read). RequestRouter opens
// the admin session (card + password, privileged limits) before a handler runs. Query parameters of every view:
// patient, user, terminal, ward, action (comma-separated event types), from, to (ISO 8601), offset, limit.
class AuditAdminApi
{
public:
    using Admin = AdminSessions::Admin;

    explicit AuditAdminApi(HubServices& services);

    // GET audit/search: every terminal's entries and the hub's, newest first, paged.
    void search(const HubRequest& req, HubResponse& res, const Admin& admin);
    // GET audit/report?kind=patient|user|outside|fallback|failed-logins|invalid-signatures (&threshold=&minutes=).
    void report(const HubRequest& req, HubResponse& res, const Admin& admin);
    // GET audit/break-glass?status=pending|all: the review queue with each stated reason.
    void breakGlass(const HubRequest& req, HubResponse& res, const Admin& admin);
    // POST audit/break-glass/review {terminal, seq, comment}: marked reviewed, audited in the hub chain.
    void review(const HubRequest& req, HubResponse& res, const Admin& admin);
    // GET audit/export?view=search|report|break-glass&…: the whole result for a file, audited audit.export.
    void exportRows(const HubRequest& req, HubResponse& res, const Admin& admin);

    // GET notices: BCP-1, what IT must hear of at once without reading the trail — the uses of the wards'
    // emergency accounts (online, or reported by a terminal that was offline) and their refusals, the last 14 days,
    // newest first. For the IT console (terminals.manage, policy.manage) as well as the auditors.
    void notices(const HubRequest& req, HubResponse& res, const Admin& admin);
    static constexpr int kNoticeDays = 14;

    // The filter of a request; HubError 400 naming the parameter.
    static AuditReview::Filter filter(const HubRequest& req);

private:
    HubServices& m_services;
    AuditReview m_review;
};

} // namespace ward::hub
