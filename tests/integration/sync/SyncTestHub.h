#pragma once

// Test support for the sync client: a real `wardhub` (HubProcess from the hub's tests) seeded with wards,
// patients and a nurse who holds a staff signing certificate, plus a terminal that enrols through the
// real Enrolment class and syncs a real SQLCipher vault.

#include "HubProcess.h"

#include "crypto/Certificate.h"
#include "crypto/KeyPair.h"
#include "records/RecordVersion.h"
#include "sync/HubClient.h"
#include "sync/SyncEngine.h"
#include "sync/TerminalIdentity.h"
#include "vault/Vault.h"

#include <QHash>
#include <QTemporaryDir>
#include <functional>
#include <functional>
#include <memory>

class HubClient;

namespace synctest {

struct Staff
{
    QString id;
    ward::Certificate cert;
    std::shared_ptr<ward::KeyPair> key;
};

class SyncTestHub
{
public:
    explicit SyncTestHub(const QString& testName);
    ~SyncTestHub();

    // init, wards W3/W4, patients P0001/P0002 (W3) and P0100 (W4), serve, a seeding terminal in W3, a nurse.
    bool setUp();
    // Changes to the hub's configuration ([server] limits and threads), applied by setUp before `serve` starts.
    void configureServer(std::function<void(ward::hub::HubConfig&)> change) { m_configure = std::move(change); }
    HubProcess& process() { return *m_hub; }
    // Where terminals reach the hub: the process itself, or what setUrl named (HAProxy in front of several).
    QUrl url() const;
    void setUrl(const QUrl& url) { m_url = url; }
    ward::Certificate ca() const;
    // What `wardhub init` should print for IT to confirm (computed here from the hub's ca.pem).
    QString caFingerprintHex() const;
    bool cli(const QStringList& args, QByteArray* out = nullptr);
    QString enrolCode(const QString& ward);
    const Staff& nurse() const { return m_nurse; }

    // A confirmed, signed version by the nurse, as the chart would make it.
    // A signed nursing note (FHIR envelope through RecordCodec) with this text.
    ward::RecordVersion makeRecord(const QString& patientId, const QByteArray& noteText, const ward::RecordVersion* previous = nullptr,
                                   const QString& ward = QStringLiteral("W3")) const;
    // Pushes through the seeding terminal (another terminal of ward W3); true when all were stored.
    bool pushFromOtherTerminal(const QList<ward::RecordVersion>& records);
    // records / distinct (record_id, version) rows in the hub's database; -1 on failure.
    qint64 recordsAtHub(qint64* distinct = nullptr);
    // Changes one metadata column of a stored record in the hub's database (not through the API).
    bool alter(const QString& recordId, const QString& column, const QString& value);
    // sync_hub_tool ARGS… (the caller names the hub's directory with --dir); false when it exits non-zero or takes
    // longer than timeoutMs.
    bool runTool(const QStringList& args, QString* output = nullptr, int timeoutMs = 60000);
    QString dir() const { return m_hub->dir(); }
    bool tamper(const QString& fromRecordId, const QString& asRecordId);

    static QString toolPath();

private:
    bool makeNurse();
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<::HubClient> m_seeder;
    Staff m_nurse;
    std::function<void(ward::hub::HubConfig&)> m_configure;
    QHash<QString, QByteArray> m_pushedBodies; // what a version's successor links to
    QUrl m_url;
};

// A ward terminal: data directory, enrolment, vault, client and engine.
class SyncTerminal
{
public:
    SyncTerminal();
    ~SyncTerminal();

    QString dataDir() const { return m_dir.path(); }
    QString vaultDir() const { return m_dir.path() + QStringLiteral("/vault"); }
    // Runs Enrolment to the end; error kind in *error on failure.
    bool enrol(SyncTestHub& hub, const QString& ward, const QString& fingerprint, ward::SyncError* error = nullptr);
    bool enrolWithCode(const QUrl& url, const QString& code, const QString& fingerprint, ward::SyncError* error);
    // Vault (fast KDF), HubClient with the terminal identity, SyncEngine (not started).
    bool openVaultAndEngine();
    // engine.syncNow() and wait for the cycle; returns its outcome, the error in *error.
    bool syncOnce(ward::SyncError* error = nullptr, int timeoutMs = 120000);

    ward::TerminalIdentity identity;
    std::unique_ptr<ward::Vault> vault;
    std::unique_ptr<ward::HubClient> client;
    std::unique_ptr<ward::SyncEngine> engine;

private:
    QTemporaryDir m_dir;
};

ward::Argon2Params fastKdf();

} // namespace synctest
