#pragma once

#include <QStringList>

namespace ward {

// `wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR [--terminal NAME]`:
// non-interactive enrolment for IT scripts and the demo (core/sync/Enrolment does the work). Prints what it
// did and the hub CA fingerprint; refuses a fingerprint that does not match (nothing is sent then).
// Exit codes: 0 enrolled, 1 refused or failed, 2 usage.
class TerminalEnrolment
{
public:
    static bool requested(int argc, char* argv[]);
    static int run(const QStringList& arguments);
};

} // namespace ward
