#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ward {

class Vault;

// Who is working at the terminal right now, as established by login (card + password).
// Created by the login flow, read by the chart (access control, authorship) and the lock.
struct UserSession
{
    QString userId;           // 10 alphanumerics (AUTH-3)
    QString displayName;
    QStringList roles;        // hospital-defined role names (AC-1)
    QStringList compartments; // wards/departments the user may see (AC-2)
    bool privileged = false;  // AUTH-10: stricter policy, hard session limit
    QDateTime loginAt;
    QString terminalId;
    Vault* vault = nullptr;   // not owned; open for the duration of the session
};

} // namespace ward
