#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward::hub {

class HubDatabase;

// AUTH-9: "これは私ではない". A person shown their previous login and the failed attempts since says these were
// not theirs. The report goes into the hub's audit chain as `login.not-me` with `review: true`, so IT finds it
// (`wardhub audit list --action login.not-me`) and the chain makes it undeniable. It carries what the person was
// shown (time, terminal, count) and an optional short note; no patient data, no secrets.
struct LoginReport
{
    static constexpr int kMaxNoteLength = 500;
    static constexpr const char* kAction = "login.not-me";

    QString previousLoginAt;        // ISO 8601 as the hub sent it at login, "" when there was none
    QString previousLoginTerminal;
    int failedAttempts = 0;
    QString note;

    // The request body, or HubError 400 naming the field. Pure: fuzzable like the other readers.
    static LoginReport fromJson(const QJsonObject& body);
    // Appends the audit entry for `userId` reported from `terminalId` in one transaction.
    void record(HubDatabase& db, const QString& terminalId, const QString& userId) const;
};

} // namespace ward::hub
