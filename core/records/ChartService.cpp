#include "records/ChartService.h"

#include "crypto/Random.h"
#include "util/Clock.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"

#include <QHash>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ward {

namespace {

const QString kSuccess = QStringLiteral("success");
const QString kDenied = QStringLiteral("denied");

// The highest version of each record, in the order the records first appear (newest first). Chosen
// by version number, not by time: a terminal clock set back must not resurrect a corrected version.
QList<RecordVersion> latestVersions(const QList<RecordVersion>& versions)
{
    QHash<QString, int> index;
    QList<RecordVersion> out;
    for (const RecordVersion& r : versions) {
        const auto it = index.constFind(r.recordId);
        if (it == index.constEnd()) {
            index.insert(r.recordId, static_cast<int>(out.size()));
            out.append(r);
        } else if (out.at(*it).version < r.version) {
            out[*it] = r;
        }
    }
    return out;
}


} // namespace

ChartService::ChartService(UserSession user, Vault& vault, AccessPolicy policy, std::optional<SigningIdentity> signer,
                           QList<Certificate> trustedCas, SignatureVerifier::TimestampCheck timestampCheck)
    : m_user(std::move(user)),
      m_vault(vault),
      m_policy(std::move(policy)),
      m_signer(std::move(signer)),
      m_verifier(std::move(trustedCas), std::move(timestampCheck)),
      m_outbox(vault.database())
{
    // A signing key that belongs to someone else must never sign in this user's name (EX-5).
    if (m_signer && m_signer->userId() != m_user.userId)
        m_signer.reset();
}

QString ChartService::typeLabel(const QString& type)
{
    if (type == QLatin1String("progress-note"))
        return tr("Progress note");
    if (type == QLatin1String("nursing-note"))
        return tr("Nursing note");
    if (type == QLatin1String("vital-signs"))
        return tr("Vital signs");
    if (type == QLatin1String("lab-result"))
        return tr("Lab result");
    if (type == QLatin1String("allergy"))
        return tr("Allergy");
    if (type == QLatin1String("medication-order"))
        return tr("Medication order");
    if (type == QLatin1String("flag"))
        return tr("Alert flag");
    return type;
}

void ChartService::audit(const QString& action, const QString& patient, const QString& object, const QString& outcome,
                         const QJsonObject& detail)
{
    m_vault.audit().append(m_user.userId, action, patient, object, outcome, detail);
}

void ChartService::deny(const QString& action, const QString& patient, const QString& object, const QString& message)
{
    audit(action, patient, object, kDenied, QJsonObject{{QStringLiteral("roles"), QJsonArray::fromStringList(m_user.roles)}});
    throw ChartError(ChartError::Code::Denied, message);
}

// --- finding patients ---

QList<Patient> ChartService::census(const QString& ward, CensusReader reader)
{
    const QList<Patient> patients = m_vault.patients().census(ward);
    if (reader == CensusReader::Person)
        audit(QStringLiteral("ward.census"), QString(), ward, kSuccess,
              QJsonObject{{QStringLiteral("count"), static_cast<int>(patients.size())}});
    return patients;
}

QList<Patient> ChartService::search(const QString& query, int limit)
{
    // AC-2: patients of special compartments are not even listed for staff outside them.
    QList<Patient> found;
    for (const Patient& p : m_vault.patients().search(query, limit)) {
        if (m_policy.compartmentAccess(m_user, p.ward) != CompartmentAccess::Denied)
            found.append(p);
    }
    // The query itself may be a name: only the count is recorded.
    audit(QStringLiteral("patient.search"), QString(), QString(), kSuccess,
          QJsonObject{{QStringLiteral("count"), static_cast<int>(found.size())}});
    return found;
}

PatientSummary ChartService::summary(const QString& patientId)
{
    PatientSummary out;
    const auto patient = m_vault.patients().find(patientId);
    if (!patient || compartmentAccess(patientId) != CompartmentAccess::Member)
        return out;
    // The latest vital signs and nursing note by clinical time (when measured / written, not when synced): read
    // from the signed envelope first, so only the newest of each is decoded in full.
    struct Candidate
    {
        QDateTime at;
        const RecordVersion* record;
    };
    QList<Candidate> vitals;
    const QList<RecordVersion> latest = latestVersions(m_vault.records().forPatient(patientId, 100000));
    for (const RecordVersion& r : latest) {
        if (r.status != RecordVersion::Status::Confirmed || !m_policy.canRead(m_user, r.type, r.classification))
            continue;
        if (r.type == QLatin1String("allergy") || r.type == QLatin1String("flag")) {
            const std::optional<RecordContent> content = RecordCodec::decode(r);
            if (content && content->allergy())
                out.allergies.append(content->allergy()->substance);
            else if (content && content->flag() && content->flag()->active)
                out.flags.append(*content->flag());
        } else if (r.type == QLatin1String("vital-signs") || r.type == QLatin1String("nursing-note")) {
            const std::optional<RecordEnvelope> e = RecordEnvelope::parse(r.body);
            if (!e)
                continue;
            if (r.type == QLatin1String("vital-signs"))
                vitals.append({e->clinicalTime, &r});
            else if (!out.lastNursingNoteAt.isValid() || e->clinicalTime > out.lastNursingNoteAt)
                out.lastNursingNoteAt = e->clinicalTime;
        }
    }
    out.allergies.removeDuplicates();
    std::sort(vitals.begin(), vitals.end(), [](const Candidate& a, const Candidate& b) { return a.at > b.at; });
    for (const Candidate& c : vitals) {
        const std::optional<RecordContent> content = RecordCodec::decode(*c.record);
        if (content && content->vitals()) {
            out.latestVitals = *content->vitals();
            out.latestVitalsAt = content->clinicalTime;
            break;
        }
    }
    return out;
}

// --- reading ---

Patient ChartService::requirePatient(const QString& patientId) const
{
    const auto patient = m_vault.patients().find(patientId);
    if (!patient)
        throw ChartError(ChartError::Code::NotFound, tr("Patient %1 is not on this terminal.").arg(patientId));
    return *patient;
}

QString ChartService::patientName(const QString& patientId) const
{
    const auto patient = m_vault.patients().find(patientId);
    return patient ? patient->name : QString();
}

CompartmentAccess ChartService::compartmentAccess(const QString& patientId) const
{
    const Patient p = requirePatient(patientId);
    const CompartmentAccess access = m_policy.compartmentAccess(m_user, p.ward);
    if (access == CompartmentAccess::NeedsReason && m_breakGlass.contains(patientId))
        return CompartmentAccess::Member;
    return access;
}

void ChartService::requireAccess(const Patient& patient, const char* operation)
{
    switch (compartmentAccess(patient.patientId)) {
    case CompartmentAccess::Member:
        return;
    case CompartmentAccess::NeedsReason:
        audit(QString::fromLatin1(operation), patient.patientId, QString(), kDenied,
              QJsonObject{{QStringLiteral("why"), QStringLiteral("out-of-compartment")}});
        throw ChartError(ChartError::Code::NeedsReason,
                         tr("This patient is in another ward (%1). State a reason to open the chart; the access "
                            "is recorded and reviewed.")
                             .arg(m_policy.compartmentName(patient.ward)));
    case CompartmentAccess::Denied:
        audit(QString::fromLatin1(operation), patient.patientId, QString(), kDenied,
              QJsonObject{{QStringLiteral("why"), QStringLiteral("special-compartment")}});
        throw ChartError(ChartError::Code::Denied,
                         tr("This patient is in a restricted ward (%1) open only to assigned staff.")
                             .arg(m_policy.compartmentName(patient.ward)));
    }
}

Patient ChartService::viewPatient(const QString& patientId, const QString& breakGlassReason)
{
    const Patient p = requirePatient(patientId);
    const CompartmentAccess access = compartmentAccess(patientId);
    if (access == CompartmentAccess::NeedsReason) {
        const QString reason = breakGlassReason.trimmed();
        const QString problem = RecordCodec::textProblem(reason, false);
        if (reason.isEmpty() || !problem.isEmpty()) {
            requireAccess(p, "patient.view");  // audits the refusal and throws NeedsReason
        }
        m_breakGlass.insert(patientId);
        // AC-3: the reason is kept and the access flagged for the auditors' review queue.
        audit(QStringLiteral("patient.break-glass"), patientId, p.ward, kSuccess,
              QJsonObject{{QStringLiteral("reason"), reason}, {QStringLiteral("review"), true},
                          {QStringLiteral("compartment"), p.ward}});
    } else {
        requireAccess(p, "patient.view");
    }
    audit(QStringLiteral("patient.view"), patientId, QString(), kSuccess);
    return p;
}

void ChartService::requireRecordRead(const RecordVersion& record, const char* operation)
{
    requireAccess(requirePatient(record.patientId), operation);
    if (!m_policy.canRead(m_user, record.type, record.classification))
        deny(QString::fromLatin1(operation), record.patientId, record.recordId,
             tr("Your role may not read %1 records of classification %2.")
                 .arg(typeLabel(record.type))
                 .arg(record.classification));
}

QList<RecordVersion> ChartService::listRecords(const QString& patientId, const RecordFilter& filter)
{
    requireAccess(requirePatient(patientId), "record.list");
    QList<RecordVersion> out;
    for (const RecordVersion& r : latestVersions(m_vault.records().forPatient(patientId, 100000))) {
        if (!m_policy.canRead(m_user, r.type, r.classification))
            continue;
        if (!filter.types.isEmpty() && !filter.types.contains(r.type))
            continue;
        const QDate day = r.createdAt.toUTC().date();
        if ((filter.from.isValid() && day < filter.from) || (filter.to.isValid() && day > filter.to))
            continue;
        out.append(r);
    }
    return out;
}

RecordVersion ChartService::latestOrThrow(const QString& recordId) const
{
    const auto r = m_vault.records().latest(recordId);
    if (!r)
        throw ChartError(ChartError::Code::NotFound, tr("Record %1 is not on this terminal.").arg(recordId));
    return *r;
}

RecordVersion ChartService::openRecord(const QString& recordId, int version)
{
    const auto r = version > 0 ? m_vault.records().find(recordId, version) : m_vault.records().latest(recordId);
    if (!r)
        throw ChartError(ChartError::Code::NotFound,
                         tr("Record %1 version %2 is not on this terminal.").arg(recordId).arg(version));
    requireRecordRead(*r, "record.open");
    audit(QStringLiteral("record.open"), r->patientId, recordId, kSuccess,
          QJsonObject{{QStringLiteral("version"), r->version}});
    return *r;
}

QList<RecordVersion> ChartService::history(const QString& recordId)
{
    const RecordVersion latest = latestOrThrow(recordId);
    requireRecordRead(latest, "record.history");
    audit(QStringLiteral("record.history"), latest.patientId, recordId, kSuccess);
    return m_vault.records().versions(recordId);
}

// --- writing ---

bool ChartService::mayWrite(const QString& type) const
{
    return m_policy.canWrite(m_user, type, m_policy.defaultClassification(type));
}

bool ChartService::mayConfirm(const QString& type) const
{
    return m_policy.canConfirm(m_user, type, m_policy.defaultClassification(type));
}

bool ChartService::mayProxyEnter(const QString& type) const
{
    return m_policy.canProxyEnter(m_user, type, m_policy.defaultClassification(type));
}

bool ChartService::mayApprove(const QString& type) const
{
    return m_policy.canApprove(m_user, type, m_policy.defaultClassification(type));
}

Draft ChartService::createDraft(const QString& patientId, const QString& type, const QString& baseRecordId)
{
    const Patient p = requirePatient(patientId);
    requireAccess(p, "draft.create");
    if (!RecordCodec::knownTypes().contains(type))
        throw ChartError(ChartError::Code::InvalidInput, tr("Unknown record type \"%1\".").arg(type));
    Draft d;
    d.draftId = Random::uuid();
    d.author = m_user.userId;
    d.patientId = patientId;
    d.type = type;
    int classification = m_policy.defaultClassification(type);
    if (!baseRecordId.isEmpty()) {
        const RecordVersion base = latestOrThrow(baseRecordId);
        if (base.patientId != patientId || base.type != type)
            throw ChartError(ChartError::Code::InvalidInput,
                             tr("A correction must keep the record's patient and type."));
        d.baseRecordId = baseRecordId;
        d.baseVersion = base.version;
        // The draft holds the resource only; the envelope is made again when the correction is confirmed.
        if (const auto envelope = RecordEnvelope::parse(base.body))
            d.body = envelope->resource;
        classification = base.classification;
    }
    if (!m_policy.canWrite(m_user, type, classification) && !m_policy.canProxyEnter(m_user, type, classification))
        deny(QStringLiteral("draft.create"), patientId, type,
             tr("Your role may not write %1 records.").arg(typeLabel(type)));
    d.savedAt = Clock::instance().nowUtc();
    m_vault.drafts().save(d);
    audit(QStringLiteral("draft.create"), patientId, d.draftId, kSuccess,
          QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("base"), baseRecordId}});
    return d;
}

void ChartService::autosave(Draft& draft)
{
    if (draft.author != m_user.userId)
        throw ChartError(ChartError::Code::Denied, tr("A draft can only be saved by its author."));
    // A draft keeps the patient, type and base it was created for; only its body changes.
    const auto stored = m_vault.drafts().load(m_user.userId, draft.draftId);
    if (!stored)
        throw ChartError(ChartError::Code::NotFound, tr("The draft is no longer on this terminal."));
    if (stored->patientId != draft.patientId || stored->type != draft.type || stored->baseRecordId != draft.baseRecordId
        || stored->baseVersion != draft.baseVersion)
        throw ChartError(ChartError::Code::InvalidInput,
                         tr("A draft cannot be moved to another patient, type or record; start a new one."));
    draft.savedAt = Clock::instance().nowUtc();
    m_vault.drafts().save(draft);
}

std::optional<Draft> ChartService::loadDraft(const QString& draftId) const
{
    return m_vault.drafts().load(m_user.userId, draftId);
}

QList<Draft> ChartService::drafts(const QString& patientId) const
{
    QList<Draft> out;
    for (const Draft& d : m_vault.drafts().forAuthor(m_user.userId)) {
        if (patientId.isEmpty() || d.patientId == patientId)
            out.append(d);
    }
    return out;
}

void ChartService::discardDraft(const QString& draftId)
{
    m_vault.drafts().remove(m_user.userId, draftId);
}

RecordContent ChartService::contentOrThrow(const QString& type, const QString& patientId, const QByteArray& resource) const
{
    QList<ValidationProblem> problems;
    std::optional<RecordContent> content = RecordCodec::decode(resource, &problems);
    if (content && content->type != type)
        problems.append({QStringLiteral("type"), tr("The entry is not a %1 record.").arg(typeLabel(type))});
    if (content && content->patientId != patientId)
        problems.append({QStringLiteral("subject"), tr("The entry names another patient; start a new entry for this patient.")});
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ValidationProblem& p : problems)
            lines.append(p.message);
        throw ChartError(ChartError::Code::InvalidInput, lines.join(QLatin1Char('\n')), problems);
    }
    return *content;
}

RecordContent ChartService::contentOf(const RecordVersion& record) const
{
    QList<ValidationProblem> problems;
    const std::optional<RecordContent> content = RecordCodec::decode(record, &problems);
    if (!content)
        throw ChartError(ChartError::Code::WrongState,
                         tr("Version %1 of this record cannot be read (%2); it cannot be changed.")
                             .arg(record.version)
                             .arg(problems.value(0).message));
    return *content;
}

const SigningIdentity& ChartService::signerOrThrow() const
{
    if (!m_signer)
        throw ChartError(ChartError::Code::NoSigningKey,
                         tr("You have no signing key on this terminal; log in again to create or unlock it."));
    return *m_signer;
}

RecordVersion ChartService::store(RecordVersion record, RecordContent content, const char* action, const QJsonObject& detail)
{
    // The resource names the same patient, author and status as the version; the envelope binds them to the
    // record's identity and place, and the signature covers the envelope (issue 9).
    QByteArray previousBody;
    if (record.version > 1) {
        const auto previous = m_vault.records().find(record.recordId, record.version - 1);
        if (!previous)
            throw ChartError(ChartError::Code::NotFound, tr("Version %1 of this record is not on this terminal.").arg(record.version - 1));
        previousBody = previous->body;
    }
    const QList<ValidationProblem> problems = RecordCodec::writeBody(&record, std::move(content), previousBody);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ValidationProblem& p : problems)
            lines.append(p.message);
        throw ChartError(ChartError::Code::InvalidInput, lines.join(QLatin1Char('\n')), problems);
    }
    record.signature = signerOrThrow().sign(record.body, record.confirmedAt.isValid() ? record.confirmedAt
                                                                                   : record.createdAt);
    QJsonObject d = detail;
    d.insert(QStringLiteral("version"), record.version);
    d.insert(QStringLiteral("type"), record.type);
    // One transaction: a confirmed version is never left unsent or unaudited by a crash in between. Pending
    // proxy entries are sent too, so the hub holds version 1 when the doctor's approval (version 2) arrives.
    SqlCipherDatabase::Transaction tx(m_vault.database());
    m_vault.records().append(record);
    m_outbox.enqueue(record.recordId, record.version);
    audit(QString::fromLatin1(action), record.patientId, record.recordId, kSuccess, d);
    tx.commit();
    return record;
}

RecordVersion ChartService::confirm(const QString& draftId)
{
    const auto draft = loadDraft(draftId);
    if (!draft)
        throw ChartError(ChartError::Code::NotFound, tr("The draft is no longer on this terminal."));
    const Patient p = requirePatient(draft->patientId);
    requireAccess(p, "record.confirm");

    RecordVersion r;
    r.patientId = p.patientId;
    r.type = draft->type;
    r.author = m_user.userId;
    r.createdAt = Clock::instance().nowUtc();
    r.confirmedAt = r.createdAt;
    r.status = RecordVersion::Status::Confirmed;
    if (draft->baseRecordId.isEmpty()) {
        r.recordId = Random::uuid();
        r.version = 1;
        r.classification = m_policy.defaultClassification(r.type);
        r.compartment = p.ward;
    } else {
        const RecordVersion base = latestOrThrow(draft->baseRecordId);
        if (base.version != draft->baseVersion)
            throw ChartError(ChartError::Code::WrongState,
                             tr("The record was changed (now version %1) after you started this correction. "
                                "Open the latest version and correct that.")
                                 .arg(base.version));
        r.recordId = base.recordId;
        r.version = base.version + 1;
        r.classification = base.classification;
        r.compartment = base.compartment;
        r.prevHash = base.versionHash();
    }
    if (!m_policy.canConfirm(m_user, r.type, r.classification))
        deny(QStringLiteral("record.confirm"), r.patientId, draftId,
             tr("Your role may not confirm %1 records. Use proxy entry for a doctor to approve.")
                 .arg(typeLabel(r.type)));
    const RecordVersion stored =
        store(r, contentOrThrow(r.type, r.patientId, draft->body), draft->baseRecordId.isEmpty() ? "record.confirm" : "record.correct");
    m_vault.drafts().remove(m_user.userId, draftId);
    return stored;
}

RecordVersion ChartService::correct(const QString& recordId, const QByteArray& body)
{
    const RecordVersion base = latestOrThrow(recordId);
    Draft d = createDraft(base.patientId, base.type, recordId);
    d.body = body;
    autosave(d);
    try {
        return confirm(d.draftId);
    } catch (...) {
        discardDraft(d.draftId);
        throw;
    }
}

RecordVersion ChartService::enterInError(const QString& recordId, const QString& reason)
{
    const RecordVersion base = latestOrThrow(recordId);
    requireAccess(requirePatient(base.patientId), "record.entered-in-error");
    if (!m_policy.canConfirm(m_user, base.type, base.classification))
        deny(QStringLiteral("record.entered-in-error"), base.patientId, recordId,
             tr("Your role may not withdraw %1 records.").arg(typeLabel(base.type)));
    if (base.status == RecordVersion::Status::EnteredInError)
        throw ChartError(ChartError::Code::WrongState, tr("This record is already marked as entered in error."));
    // The withdrawn content stays readable in the version that withdraws it, with the reason.
    RecordContent content = contentOf(base);
    content.errorReason = reason.trimmed();
    RecordVersion r = base;
    r.version = base.version + 1;
    r.prevHash = base.versionHash();
    r.author = m_user.userId;
    r.proxyAuthor.clear();
    r.approver.clear();
    r.createdAt = Clock::instance().nowUtc();
    r.confirmedAt = r.createdAt;
    r.timestampToken.clear();
    r.status = RecordVersion::Status::EnteredInError;
    return store(r, content, "record.entered-in-error");
}

RecordVersion ChartService::submitProxy(const QString& draftId, const QString& onBehalfOf)
{
    const auto draft = loadDraft(draftId);
    if (!draft)
        throw ChartError(ChartError::Code::NotFound, tr("The draft is no longer on this terminal."));
    const Patient p = requirePatient(draft->patientId);
    requireAccess(p, "record.proxy-submit");
    static const QRegularExpression kUserId(QStringLiteral("^[A-Za-z0-9]{10}$"));  // AUTH-3
    if (!kUserId.match(onBehalfOf).hasMatch() || onBehalfOf == m_user.userId)
        throw ChartError(ChartError::Code::InvalidInput,
                         tr("Choose the doctor this entry is made for (a 10-character staff ID)."));
    if (!draft->baseRecordId.isEmpty())
        throw ChartError(ChartError::Code::InvalidInput, tr("Corrections cannot be entered by proxy."));
    const int classification = m_policy.defaultClassification(draft->type);
    if (!m_policy.canProxyEnter(m_user, draft->type, classification))
        deny(QStringLiteral("record.proxy-submit"), p.patientId, draftId,
             tr("Your role may not enter %1 records on a doctor's behalf.").arg(typeLabel(draft->type)));
    const RecordContent content = contentOrThrow(draft->type, draft->patientId, draft->body);
    RecordVersion r;
    r.recordId = Random::uuid();
    r.version = 1;
    r.patientId = p.patientId;
    r.type = draft->type;
    r.classification = classification;
    r.compartment = p.ward;
    r.author = onBehalfOf;
    r.proxyAuthor = m_user.userId;
    r.createdAt = Clock::instance().nowUtc();
    r.status = RecordVersion::Status::PendingApproval;
    // The proxy signs what they typed (who entered it is provable); the doctor's signature makes it final.
    const RecordVersion stored = store(r, content, "record.proxy-submit", QJsonObject{{QStringLiteral("onBehalfOf"), onBehalfOf}});
    m_vault.drafts().remove(m_user.userId, draftId);
    return stored;
}

QList<RecordVersion> ChartService::pendingApprovals()
{
    SqlStatement q = m_vault.database().prepare(
        "SELECT r.record_id, r.version FROM record_versions r WHERE r.status = 'pending-approval' AND r.author = ? "
        "AND r.version = (SELECT MAX(version) FROM record_versions m WHERE m.record_id = r.record_id) "
        "ORDER BY r.created_at");
    q.bind(1, m_user.userId);
    QList<RecordVersion> out;
    while (q.step()) {
        const auto r = m_vault.records().find(q.text(0), static_cast<int>(q.integer(1)));
        if (r && m_policy.canApprove(m_user, r->type, r->classification)
            && m_policy.compartmentAccess(m_user, r->compartment) != CompartmentAccess::Denied)
            out.append(*r);
    }
    return out;
}

RecordVersion ChartService::approve(const QString& recordId)
{
    const RecordVersion pending = latestOrThrow(recordId);
    if (pending.status != RecordVersion::Status::PendingApproval)
        throw ChartError(ChartError::Code::WrongState, tr("This record is not waiting for approval."));
    if (pending.author != m_user.userId)
        deny(QStringLiteral("record.approve"), pending.patientId, recordId,
             tr("Only the doctor the entry was made for can approve it."));
    if (!m_policy.canApprove(m_user, pending.type, pending.classification))
        deny(QStringLiteral("record.approve"), pending.patientId, recordId,
             tr("Your role may not approve %1 records.").arg(typeLabel(pending.type)));
    // The proxy's entry must itself be authentic before the doctor's signature adopts it.
    if (!signatureStatus(pending).isTrustworthy())
        throw ChartError(ChartError::Code::WrongState,
                         tr("The proxy entry's signature does not verify; it cannot be approved."));
    RecordVersion r = pending;
    r.version = pending.version + 1;
    r.prevHash = pending.versionHash();
    r.approver = m_user.userId;
    r.createdAt = Clock::instance().nowUtc();
    r.confirmedAt = r.createdAt;
    r.timestampToken.clear();
    r.status = RecordVersion::Status::Confirmed;
    return store(r, contentOf(pending), "record.approve", QJsonObject{{QStringLiteral("proxyAuthor"), pending.proxyAuthor}});
}

// --- status ---

SignatureStatus ChartService::signatureStatus(const RecordVersion& record)
{
    const SignatureStatus status = m_verifier.verify(record);
    if (status.state == SignatureStatus::State::Invalid || status.state == SignatureStatus::State::Unsigned) {
        const QString key = record.recordId + QLatin1Char('/') + QString::number(record.version);
        if (!m_reportedInvalid.contains(key)) {
            m_reportedInvalid.insert(key);
            audit(QStringLiteral("record.signature-invalid"), record.patientId, record.recordId,
                  QStringLiteral("failure"),
                  QJsonObject{{QStringLiteral("version"), record.version}, {QStringLiteral("reason"), status.reason},
                              {QStringLiteral("review"), true}});
        }
    }
    return status;
}

SyncOutbox::State ChartService::syncState(const QString& recordId, int version) const
{
    return m_outbox.state(recordId, version);
}

QHash<QString, SyncOutbox::State> ChartService::syncStates(const QString& patientId) const
{
    return m_outbox.statesForPatient(patientId);
}

} // namespace ward
