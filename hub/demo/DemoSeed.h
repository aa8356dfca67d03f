#pragma once

#include <QString>

class QTextStream;

namespace ward::hub {

class HubServices;

// `wardhub demo-seed`: a demo hospital in an initialised hub — 3 wards, 60 patients with Japanese names and kana,
// 21 staff with roles, UID badges and PIV-style card keys, and `days` days of FHIR records per patient from
// DemoClinicalCourse (the terminal demo's generator): vital signs three times a day, nursing and progress notes,
// lab panels with abnormal values, allergies, medication orders — each a record signed by its author's staff key
// and ingested through the same verification path as a terminal's push. Demo credentials (passwords, card keys, signing keys) go to DIR/demo/staff.json
// (0600) for the demo scripts and the virtual card; never use a seeded hub for real patients.
class DemoSeed
{
public:
    struct Summary
    {
        int wards = 0;
        int staff = 0;
        int patients = 0;
        int records = 0;
    };
    // days: how many days of records per patient. Throws HubError when the hub already holds users.
    static Summary run(HubServices& services, int days, QTextStream& out);
};

} // namespace ward::hub
