#pragma once

#include "hub/HubConfig.h"
#include "hub/admin/AdminReports.h"
#include "hub/admin/AdminSessions.h"
#include "hub/admin/HospitalPolicy.h"
#include "hub/admin/StaffAdministration.h"
#include "hub/admin/StaffSearch.h"
#include "hub/directory/EmergencyAccounts.h"
#include "hub/directory/FallbackCodes.h"
#include "hub/directory/SessionService.h"
#include "hub/directory/StaffCertificates.h"
#include "hub/directory/UserDirectory.h"
#include "hub/pki/HubPki.h"
#include "hub/records/ChangeFeed.h"
#include "hub/records/PatientRegistry.h"
#include "hub/records/RecordIngest.h"
#include "hub/records/ReviewQueue.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubDatabase.h"
#include "hub/terminals/TerminalRegistry.h"

#include <memory>

namespace ward::hub {

// Everything a running hub (or one admin command) needs, opened from a hub directory in dependency order:
// configuration → database (migrated to the current schema) → data keys → CA → domain services.
class HubServices
{
public:
    // Throws HubError with an actionable message when any part is missing or does not fit.
    static std::unique_ptr<HubServices> open(const QString& dir);
    // `wardhub init`: creates directory, configuration, database, keys and certificates. Refuses a directory
    // that already holds a hub.
    static void init(const HubConfig& config);

    HubConfig config;
    HubDatabase db;
    DataKeys keys;
    std::unique_ptr<HubPki> pki;
    TerminalRegistry terminals;
    UserDirectory users;
    StaffCertificates staffCerts;
    FallbackCodes fallbackCodes;
    EmergencyAccounts emergencyAccounts; // BCP-1
    SessionService sessions;
    PatientRegistry patients;
    ReviewQueue review;
    RecordIngest records;
    ChangeFeed changes;
    AdminSessions adminSessions;
    StaffSearch staffSearch;
    StaffAdministration staffAdmin;
    AdminReports adminReports;
    HospitalPolicy policy; // CFG-2: signed policy versions

private:
    HubServices(const HubConfig& c, std::unique_ptr<HubPki> p);
};

} // namespace ward::hub
