#pragma once

#include "crypto/Certificate.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <optional>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class HubPki;

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
    struct Enrolment
    {
        QString terminalId;
        QString ward;
        Certificate certificate;
    };

    TerminalRegistry(HubDatabase& db, const DataKeys& keys, HubPki& pki);

    // A fresh code (only its SHA-256 is stored). Throws HubError("bad_request") for a bad ward or lifetime.
    QString createEnrolCode(const QString& ward, int validMinutes, const QString& actor);
    // Consumes the code and issues a TerminalClient certificate for the CSR's key. Throws HubError with
    // enrol_code_unknown / enrol_code_used / enrol_code_expired / bad_csr; nothing is stored then.
    Enrolment enrol(const QString& code, const QByteArray& csrPem, const QString& terminalName);
    // Throws HubError("not_found") for an unknown id; revoking twice is a no-op.
    void revoke(const QString& terminalId, const QString& actor);
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
};

} // namespace ward::hub
