#pragma once

#include "crypto/Certificate.h"
#include "sync/SyncError.h"

#include <QObject>
#include <QUrl>

namespace ward {

// Enrols this terminal with a hub (issue 3): the IT person types the hub address and the one-time code from
// `wardhub enrol-code`, and confirms the hub CA's SHA-256 fingerprint against the one `wardhub init` printed.
// The terminal key is generated here and never leaves the terminal; the hub sees only a CSR.
//
// Order matters for safety: the hub's CA is read from its TLS handshake (a request that carries nothing) and
// compared with the confirmed fingerprint *before* the code is sent, over a connection that then trusts
// only that CA. A wrong fingerprint or a man in the middle gets nothing, not even the one-time code.
class Enrolment : public QObject
{
    Q_OBJECT

public:
    explicit Enrolment(QString dataDir, QObject* parent = nullptr);

    // Step 1, for the screen: the CA the hub presents and its fingerprint (hubCaPresented or failed).
    void fetchHubCa(const QUrl& hubUrl);
    // Step 2: re-reads the CA, refuses on a fingerprint mismatch (CaMismatch, nothing sent), then generates
    // the key, sends code + CSR, checks the answer and stores the TerminalIdentity (enrolled or failed).
    void enrol(const QUrl& hubUrl, const QString& code, const QString& terminalName, const QString& expectedCaFingerprint);

    // "AB:CD:…" upper-case hex, as people compare fingerprints.
    static QString fingerprintText(const Certificate& ca);
    // Accepts the fingerprint typed with or without colons/spaces, any case; compares all 32 bytes.
    static bool fingerprintMatches(const Certificate& ca, const QString& typed);

    static constexpr int kHandshakeTimeoutMs = 15000;

signals:
    void hubCaPresented(const ward::Certificate& ca, const QString& fingerprint);
    void enrolled(const QString& terminalId, const QString& ward);
    void failed(const ward::SyncError& error);

private:
    void readPresentedCa(const QUrl& hubUrl, std::function<void(const Certificate&)> then);
    void sendEnrolment(const QUrl& hubUrl, const Certificate& ca, const QString& code, const QString& terminalName);
    void fail(const SyncError& error);

    QString m_dataDir;
};

} // namespace ward
