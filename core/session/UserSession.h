#pragma once

#include <QDateTime>
#include <QMetaType>
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
    // AUTH-9: shown after login so the user notices misuse of the ID.
    QDateTime previousLoginAt;
    QString previousLoginTerminal;
    QString previousLoginTerminalName;  // empty when the hub did not say (offline)
    int failedAttemptsSincePreviousLogin = 0;
    int passwordExpiresInDays = -1;  // AUTH-6 warning, -1 when not within the warning period
    bool online = false;             // decided by the hub (else by the vault slot, offline)
    bool cardlessFallback = false;   // AUTH-2: logged in with a one-time code, flagged on screen
    // BCP-1: a ward's emergency account: a red banner on every screen, a short session, everything reviewed.
    bool emergency = false;
    QString emergencyRealName;       // who is really at the terminal, as they typed it
    int emergencySessionMinutes = 0; // the session ends after this (hub policy emergency.sessionMinutes)
    QDateTime emergencyUsableUntil;  // the account closes then until IT issues a new letter
};

} // namespace ward

Q_DECLARE_METATYPE(ward::UserSession)
