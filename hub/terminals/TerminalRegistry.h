#pragma once

#include "crypto/Certificate.h"
#include "crypto/SecureBytes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <optional>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class HubPki;
struct TerminalContact;

// Enrolled ward terminals: one-time enrolment codes, certificate issue, revocation, lookup of the terminal
// behind a verified TLS peer certificate, and each terminal's network-slot key.
class TerminalRegistry
{
public:
    static constexpr int kMaxCodeMinutes = 7 * 24 * 60;

    struct Terminal
    {
        QString id;
        QString name;
        QString ward;
        bool revoked = false;
    };
    // A fresh one-time code as IT hands it over: the code itself exists only here (the hub keeps its hash).
    struct EnrolCode
    {
        QString code;
        QString ward;
        QDateTime expiresAt;
    };
    // The console names the ward from the hub's list; the hub operator's `wardhub enrol-code` may name a new one.
    enum class WardRule { MustExist, CreateIfNew };
    // What the hub records of a terminal's requests is written at most this often per terminal and hub process
    // (a sync every 15 s from 2,000 terminals must not become a database write per request).
    static constexpr qint64 kContactWriteMs = 30 * 1000;
    struct Enrolment
    {
        QString terminalId;
        QString ward;
        Certificate certificate;
    };

    TerminalRegistry(HubDatabase& db, const DataKeys& keys, HubPki& pki);

    // A fresh code (only its SHA-256 is stored). Throws HubError("bad_request") for a bad ward or lifetime, and
    // HubError("not_found") for a ward the hub does not know under WardRule::MustExist.
    EnrolCode createEnrolCode(const QString& ward, int validMinutes, const QString& actor, WardRule rule = WardRule::CreateIfNew,
                              const QJsonObject& auditContext = {});
    // Consumes the code and issues a TerminalClient certificate for the CSR's key. Throws HubError with
    // enrol_code_unknown / enrol_code_used / enrol_code_expired / bad_csr; nothing is stored then.
    Enrolment enrol(const QString& code, const QByteArray& csrPem, const QString& terminalName);
    // Throws HubError("not_found") for an unknown id; revoking twice is a no-op (the first reason stays). The
    // reason and the actor are kept with the terminal for the IT console's list (issue 13).
    void revoke(const QString& terminalId, const QString& actor, const QString& reason = QString(),
                const QJsonObject& auditContext = {});
    // Issue 13: what a terminal's authenticated request told the hub (last contact, program version, clock);
    // a sync request also counts as the last sync. Throttled by kContactWriteMs unless the version changed.
    void recordContact(const QString& terminalId, const TerminalContact& contact);
    // The IT console's list: every terminal with its ward, name, status, revocation and last contact, and the wards.
    QJsonObject overview();
    // The name IT gave the terminal at enrolment; empty for an unknown id.
    QString name(const QString& terminalId);
    // The terminal whose certificate has this SHA-256 fingerprint (raw 32 bytes).
    std::optional<Terminal> findByFingerprint(const QByteArray& sha256);
    // The vault's network-slot key, released for the user whose live session at this terminal asked for it
    // (issue 10: never on the terminal certificate alone); each release is audited (network_slot.release).
    SecureBytes networkSlotKey(const QString& terminalId, const QString& userId);

    static bool isValidWardId(const QString& ward);

private:
    HubDatabase& m_db;
    const DataKeys& m_keys;
    HubPki& m_pki;
    struct ContactWritten
    {
        qint64 contactMs = 0;
        qint64 syncMs = 0;
        QString version;
    };
    QMutex m_contactMutex;
    QHash<QString, ContactWritten> m_contactWritten;
};

} // namespace ward::hub
