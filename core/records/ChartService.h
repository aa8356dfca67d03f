#pragma once

#include "policy/AccessPolicy.h"
#include "records/ChartError.h"
#include "records/Draft.h"
#include "records/Patient.h"
#include "records/PatientSummary.h"
#include "records/RecordContent.h"
#include "records/RecordFilter.h"
#include "records/RecordVersion.h"
#include "records/SignatureVerifier.h"
#include "records/SigningIdentity.h"
#include "records/SyncOutbox.h"
#include "session/UserSession.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <optional>

namespace ward {

class Vault;

// Everything the chart UI does with patient data, in one place so that access control (AC-1…3,
// AC-5), validation (DATA-7), signing (DATA-3) and the audit trail (AUD-1) cannot be bypassed by a
// widget. One instance per workspace (per unlocked session); it holds no global state.
class ChartService
{
    Q_DECLARE_TR_FUNCTIONS(ward::ChartService)

public:
    ChartService(UserSession user, Vault& vault, AccessPolicy policy, std::optional<SigningIdentity> signer,
                 QList<Certificate> trustedCas, SignatureVerifier::TimestampCheck timestampCheck = {});

    const UserSession& user() const { return m_user; }
    const AccessPolicy& policy() const { return m_policy; }
    bool hasSigningKey() const { return m_signer.has_value(); }

    // --- finding patients (identity data only) ---
    // Who asked for the census. AUD-1 records people: a census a person opens or refreshes is an access;
    // the same list re-read because a sync cycle finished (every 30 s while the terminal sits idle) is not.
    enum class CensusReader { Person, Sync };
    QList<Patient> census(const QString& ward, CensusReader reader = CensusReader::Person);
    QList<Patient> search(const QString& query, int limit = 50);
    // The census row of a patient of the user's own compartments (issue 11): allergies, active flags, latest
    // vital signs, last nursing note, from the latest confirmed versions of the types the user may read. Empty
    // for a patient outside them (the census never breaks the glass). Covered by the ward.census audit entry.
    PatientSummary summary(const QString& patientId);

    // --- reading ---
    // Member / NeedsReason / Denied, or Member once break-the-glass was granted this session.
    CompartmentAccess compartmentAccess(const QString& patientId) const;
    // AC-3: for another compartment's patient a non-empty reason is required; it is audited with
    // review:true. Throws NeedsReason, Denied or NotFound.
    Patient viewPatient(const QString& patientId, const QString& breakGlassReason = QString());
    // The name only, for lists of the user's own entries (the approval list: records he authors); empty when the
    // patient is not in this terminal's replica. Opening the chart is viewPatient (audited).
    QString patientName(const QString& patientId) const;
    // Latest version of each record the user may read, newest first.
    QList<RecordVersion> listRecords(const QString& patientId, const RecordFilter& filter = {});
    // version 0 = latest. Audited.
    RecordVersion openRecord(const QString& recordId, int version = 0);
    QList<RecordVersion> history(const QString& recordId);

    // --- writing ---
    bool mayWrite(const QString& type) const;
    bool mayConfirm(const QString& type) const;
    bool mayProxyEnter(const QString& type) const;
    bool mayApprove(const QString& type) const;

    Draft createDraft(const QString& patientId, const QString& type, const QString& baseRecordId = QString());
    // Continuous autosave (SES-4): stores the body as typed, even if not yet valid.
    void autosave(Draft& draft);
    std::optional<Draft> loadDraft(const QString& draftId) const;
    QList<Draft> drafts(const QString& patientId = QString()) const;
    void discardDraft(const QString& draftId);

    // 確定: validate, sign the exact body bytes, store as a new version, queue for sync. A draft with
    // a base record becomes a correction (next version, linked to the previous hash).
    RecordVersion confirm(const QString& draftId);
    RecordVersion correct(const QString& recordId, const QByteArray& body);
    RecordVersion enterInError(const QString& recordId, const QString& reason);

    // 代行入力 (AC-5): stored as pending-approval, signed by the proxy; final only after approve().
    RecordVersion submitProxy(const QString& draftId, const QString& onBehalfOf);
    QList<RecordVersion> pendingApprovals();
    RecordVersion approve(const QString& recordId);

    // --- status ---
    // Invalid results are audited once per version (DATA-7: tampering is detected and reported).
    SignatureStatus signatureStatus(const RecordVersion& record);
    SyncOutbox::State syncState(const QString& recordId, int version) const;
    QHash<QString, SyncOutbox::State> syncStates(const QString& patientId) const;
    SyncOutbox& outbox() { return m_outbox; }
    SignatureVerifier& verifier() { return m_verifier; }

    static QString typeLabel(const QString& type);

private:
    Patient requirePatient(const QString& patientId) const;
    void requireAccess(const Patient& patient, const char* operation);
    void requireRecordRead(const RecordVersion& record, const char* operation);
    [[noreturn]] void deny(const QString& action, const QString& patient, const QString& object,
                           const QString& message);
    RecordVersion latestOrThrow(const QString& recordId) const;
    // The draft's resource as typed content, or InvalidInput naming the fields to fix (DATA-7).
    RecordContent contentOrThrow(const QString& type, const QString& patientId, const QByteArray& resource) const;
    RecordContent contentOf(const RecordVersion& record) const;
    // Envelope, sign, and append + queue + audit in one vault transaction.
    RecordVersion store(RecordVersion record, RecordContent content, const char* action, const QJsonObject& detail = {});
    const SigningIdentity& signerOrThrow() const;
    void audit(const QString& action, const QString& patient, const QString& object, const QString& outcome,
               const QJsonObject& detail = {});

    UserSession m_user;
    Vault& m_vault;
    AccessPolicy m_policy;
    std::optional<SigningIdentity> m_signer;
    SignatureVerifier m_verifier;
    SyncOutbox m_outbox;
    QSet<QString> m_breakGlass;       // patients opened with a stated reason in this session
    QSet<QString> m_reportedInvalid;  // "record/version" already audited as invalid
};

} // namespace ward
