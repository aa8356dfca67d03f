#pragma once

#include "crypto/Argon2Kdf.h"
#include "ui/it/WipeHandler.h"

#include <QObject>
#include <QPointer>

namespace ward {

class HubClient;
class SyncEngine;
class Vault;

// The diagnostics page's wipe (DATA-5) on the running terminal: unsent records go with one more sync cycle of the
// session's engine, the audit chain with AuditShipment over the same mutual-TLS client; the IT user's password is
// checked again like a login (AUTH-5): at the hub with the session's token when it is reachable (a wrong password
// counts toward the account's lock there, as a wrong unlock does), otherwise by unwrapping their signing key from the
// vault (Argon2id, off the UI thread) with the terminal's offline failure counter applied; the wipe itself is the
// terminal's (Terminal ends the session, then TerminalDisposal). Lives with the page: deleted with the session's
// workspace at lock or logout, so answers that come later find nobody and do nothing.
class TerminalWipe : public QObject, public WipeHandler
{
    Q_OBJECT

public:
    struct Session
    {
        QString vaultDir;
        QString terminalId;
        QString userId;
        Vault* vault = nullptr;          // the session's connection
        Vault* syncVault = nullptr;      // sync's connection (null without a hub)
        SyncEngine* engine = nullptr;    // null without a hub
        HubClient* client = nullptr;     // null without a hub
        Argon2Params kdf;
        std::function<QString()> sessionToken;  // the login's hub session token now ("" offline)
    };

    TerminalWipe(Session session, std::function<void(const QString& reason, const TerminalDisposal::Unsent& lost)> wipe,
                 QObject* parent = nullptr);

    void sendUnsent(std::function<void(const TerminalDisposal::Unsent& left, const QString& hubError)> done) override;
    void verifyPassword(const SecureBytes& password, std::function<void(bool ok, const QString& message)> done) override;
    void wipe(const QString& reason, const TerminalDisposal::Unsent& lost) override;

private:
    void verifyAtHub(const SecureBytes& password, const QString& token, std::function<void(bool, const QString&)> done);
    void verifyOffline(const SecureBytes& password, std::function<void(bool, const QString&)> done);
    void auditLocally(const QString& outcome);
    void shipAudit(std::function<void(const TerminalDisposal::Unsent&, const QString&)> done, const QString& recordsError);

    Session m_session;
    std::function<void(const QString&, const TerminalDisposal::Unsent&)> m_wipe;
};

} // namespace ward
