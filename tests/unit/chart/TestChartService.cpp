#include "ChartTestSupport.h"

#include "crypto/CmsSignature.h"
#include "records/RecordEnvelope.h"
#include "records/SyncOutbox.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kDoctor = QStringLiteral("D000000001");
const QString kNurse = QStringLiteral("N000000001");
const QString kClerk = QStringLiteral("C000000001");
const QString kPharmacist = QStringLiteral("F000000001");


ChartError::Code codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const ChartError& e) {
        return e.code();
    }
    return static_cast<ChartError::Code>(-1);
}

} // namespace

class TestChartService : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;

private slots:
    void init() { m_f = std::make_unique<ChartFixture>(); }
    void cleanup() { m_f.reset(); }

    void demoRecordsVerify()
    {
        auto svc = m_f->service(kNurse, false);
        const Patient p = m_f->patientIn("W3");
        svc->viewPatient(p.patientId);
        const auto records = svc->listRecords(p.patientId);
        QVERIFY(records.size() > 30);
        for (const RecordVersion& r : records)
            QCOMPARE(svc->signatureStatus(r).state, SignatureStatus::State::NotTimestamped);
        QVERIFY(m_f->audit("record.signature-invalid").isEmpty());
    }

    // Proves: DATA-3
    void confirmSignsExactBytesAndQueues()
    {
        auto svc = m_f->service(kDoctor);
        const Patient p = m_f->patientIn("W3");
        svc->viewPatient(p.patientId);
        Draft d = svc->createDraft(p.patientId, "progress-note");
        d.body = soapBody(p.patientId, "明日退院");
        svc->autosave(d);
        const RecordVersion r = svc->confirm(d.draftId);
        QCOMPARE(r.version, 1);
        QCOMPARE(r.author, kDoctor);
        QCOMPARE(planOf(r), QStringLiteral("明日退院"));
        QCOMPARE(r.compartment, p.ward);
        // The signed bytes are the envelope around the draft's FHIR resource.
        const auto envelope = RecordEnvelope::parse(r.body);
        QVERIFY(envelope);
        QCOMPARE(envelope->resource, d.body);
        QCOMPARE(envelope->recordId, r.recordId);
        QCOMPARE(envelope->patientId, p.patientId);
        QCOMPARE(envelope->compartment, p.ward);

        // Stored bytes are the signed bytes, and the signature verifies against the staff CA.
        const auto stored = m_f->vault->records().find(r.recordId, 1);
        QVERIFY(stored);
        QCOMPARE(stored->body, r.body);
        const CmsVerification v = CmsSignature::verifyDetached(stored->body, stored->signature, {m_f->ca->certificate()});
        QVERIFY2(v.valid, qPrintable(v.error));
        QCOMPARE(v.signer.subjectCommonName(), kDoctor);
        QCOMPARE(svc->signatureStatus(*stored).state, SignatureStatus::State::NotTimestamped);

        QCOMPARE(svc->syncState(r.recordId, 1), SyncOutbox::State::Queued);
        svc->outbox().markSent(r.recordId, 1);
        QCOMPARE(svc->syncState(r.recordId, 1), SyncOutbox::State::Sent);
        QVERIFY(!svc->loadDraft(d.draftId));  // the draft is gone once confirmed
        QCOMPARE(m_f->audit("record.confirm").size(), 1);
        QCOMPARE(m_f->audit("record.confirm").first().patient, p.patientId);
    }

    // Proves: DATA-7
    void invalidInputIsRefusedAndNothingStored()
    {
        auto svc = m_f->service(kNurse);
        const Patient p = m_f->patientIn("W3");
        Draft d = svc->createDraft(p.patientId, "vital-signs");
        VitalSigns v;
        v.temperature = 46.2;
        v.pulse = 72;
        d.body = draftBody("vital-signs", p.patientId, kNurse, v);
        svc->autosave(d);
        const qint64 before = m_f->vault->records().count();
        try {
            svc->confirm(d.draftId);
            QFAIL("an out-of-range temperature was confirmed");
        } catch (const ChartError& e) {
            QCOMPARE(e.code(), ChartError::Code::InvalidInput);
            QCOMPARE(e.problems().size(), 1);
            QCOMPARE(e.problems().first().field, QStringLiteral("temperature"));
        }
        QCOMPARE(m_f->vault->records().count(), before);
        QVERIFY(svc->loadDraft(d.draftId));  // the draft stays for fixing
        QVERIFY(svc->outbox().pending().isEmpty());
    }

    void confirmingIsOneTransaction()
    {
        // A failure after the version is appended (the outbox, then the audit entry) leaves none of the three.
        auto svc = m_f->service(kDoctor);
        const Patient p = m_f->patientIn("W3");
        auto& db = m_f->vault->database();
        for (const char* trigger :
             {"CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk gone'); END",
              "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'record.confirm' "
              "BEGIN SELECT RAISE(ABORT, 'disk gone'); END"}) {
            Draft d = svc->createDraft(p.patientId, "progress-note");
            d.body = soapBody(p.patientId, "一括");
            svc->autosave(d);
            const qint64 records = m_f->vault->records().count();
            const qsizetype queued = svc->outbox().pending().size();
            const qsizetype audited = m_f->audit("record.confirm").size();
            db.exec(trigger);
            bool failed = false;
            try {
                svc->confirm(d.draftId);
            } catch (const std::exception&) {
                failed = true;
            }
            QVERIFY(failed);
            QCOMPARE(m_f->vault->records().count(), records);
            QCOMPARE(svc->outbox().pending().size(), queued);
            QCOMPARE(m_f->audit("record.confirm").size(), audited);
            QVERIFY(svc->loadDraft(d.draftId));  // the draft is kept
            db.exec("DROP TRIGGER IF EXISTS fail_outbox");
            db.exec("DROP TRIGGER IF EXISTS fail_audit");
            // The same draft confirms once the failure is gone: all three are there.
            const RecordVersion r = svc->confirm(d.draftId);
            QCOMPARE(m_f->vault->records().count(), records + 1);
            QCOMPARE(svc->syncState(r.recordId, 1), SyncOutbox::State::Queued);
            QCOMPARE(m_f->audit("record.confirm").size(), audited + 1);
        }
        QVERIFY(m_f->vault->audit().verify().ok);
    }

    void draftForAnotherPatientIsRefused()
    {
        auto svc = m_f->service(kDoctor);
        const Patient p = m_f->patientIn("W3");
        Draft d = svc->createDraft(p.patientId, "progress-note");
        d.body = soapBody(QStringLiteral("P999"), "別人");
        svc->autosave(d);
        try {
            svc->confirm(d.draftId);
            QFAIL("a resource naming another patient was confirmed");
        } catch (const ChartError& e) {
            QCOMPARE(e.code(), ChartError::Code::InvalidInput);
            QCOMPARE(e.problems().first().field, QStringLiteral("subject"));
        }
        d.body = "{\"format\":\"text\",\"text\":\"previous shape\"}";
        svc->autosave(d);
        QCOMPARE(codeOf([&] { svc->confirm(d.draftId); }), ChartError::Code::InvalidInput);
    }

    // Proves: DATA-3
    void correctionIsVersionTwoLinkedToOne()
    {
        auto svc = m_f->service(kDoctor);
        const Patient p = m_f->patientIn("W3");
        Draft d = svc->createDraft(p.patientId, "progress-note");
        d.body = soapBody(p.patientId, "点滴継続");
        svc->autosave(d);
        const RecordVersion v1 = svc->confirm(d.draftId);
        const RecordVersion v2 = svc->correct(v1.recordId, soapBody(p.patientId, "点滴終了"));
        QCOMPARE(v2.version, 2);
        QCOMPARE(v2.prevHash, v1.versionHash());
        QCOMPARE(planOf(v2), QStringLiteral("点滴終了"));
        // The envelope links to version 1's exact bytes (the hub's chain).
        QCOMPARE(RecordEnvelope::parse(v2.body)->prevHash, RecordEnvelope::prevHashOf(v1.body));
        QCOMPARE(svc->history(v1.recordId).size(), 2);
        QCOMPARE(m_f->vault->records().find(v1.recordId, 1)->body, v1.body);  // nothing overwritten
        QCOMPARE(svc->signatureStatus(v2).state, SignatureStatus::State::NotTimestamped);
        QCOMPARE(svc->syncState(v1.recordId, 2), SyncOutbox::State::Queued);

        // A correction started from version 1 after version 2 exists is refused (no lost update).
        Draft stale = svc->createDraft(p.patientId, "progress-note", v1.recordId);
        svc->correct(v1.recordId, soapBody(p.patientId, "点滴再開"));
        QCOMPARE(codeOf([&] { svc->confirm(stale.draftId); }), ChartError::Code::WrongState);

        const RecordVersion v4 = svc->enterInError(v1.recordId, "別患者のカルテに記載");
        QCOMPARE(v4.version, 4);
        QCOMPARE(v4.status, RecordVersion::Status::EnteredInError);
        // The withdrawn content stays, with the reason, in a resource whose status says entered-in-error.
        const auto withdrawn = RecordCodec::decode(v4);
        QVERIFY(withdrawn);
        QCOMPARE(withdrawn->status, RecordContent::Status::EnteredInError);
        QCOMPARE(withdrawn->errorReason, QStringLiteral("別患者のカルテに記載"));
        QCOMPARE(withdrawn->note()->plan, QStringLiteral("点滴再開"));
        QCOMPARE(codeOf([&] { svc->enterInError(v1.recordId, "again"); }), ChartError::Code::WrongState);

        // The list shows the latest version even when the clock was set back between versions.
        m_f->clock->setNowUtc(m_f->clock->nowUtc().addDays(-3));
        Draft back = svc->createDraft(p.patientId, "progress-note");
        back.body = soapBody(p.patientId, "時計");
        svc->autosave(back);
        const RecordVersion b1 = svc->confirm(back.draftId);
        m_f->clock->setNowUtc(m_f->clock->nowUtc().addDays(-1));
        svc->correct(b1.recordId, soapBody(p.patientId, "時計2"));
        for (const RecordVersion& r : svc->listRecords(p.patientId)) {
            if (r.recordId == b1.recordId)
                QCOMPARE(r.version, 2);
            if (r.recordId == v1.recordId)
                QCOMPARE(r.version, 4);
        }
    }

    void proxyEntryPendingThenApproved()
    {
        auto clerk = m_f->service(kClerk);
        const Patient p = m_f->patientIn("W3");
        Draft d = clerk->createDraft(p.patientId, "medication-order");
        MedicationOrder m;
        m.drug = QStringLiteral("ロキソプロフェンNa錠60mg");
        m.yjCode = QStringLiteral("1149019F1560");
        m.dose = QStringLiteral("1回1錠");
        m.route = QStringLiteral("経口");
        m.frequency = QStringLiteral("疼痛時");
        d.body = draftBody("medication-order", p.patientId, kClerk, m);
        clerk->autosave(d);
        // A clerk cannot confirm; only submit for approval.
        QCOMPARE(codeOf([&] { clerk->confirm(d.draftId); }), ChartError::Code::Denied);
        const RecordVersion pending = clerk->submitProxy(d.draftId, kDoctor);
        QCOMPARE(pending.status, RecordVersion::Status::PendingApproval);
        QCOMPARE(pending.author, kDoctor);
        QCOMPARE(pending.proxyAuthor, kClerk);
        QCOMPARE(clerk->signatureStatus(pending).signer, kClerk);
        // Sent to the hub too, so the hub holds version 1 when the approval (version 2) arrives.
        QCOMPARE(clerk->syncState(pending.recordId, 1), SyncOutbox::State::Queued);
        QCOMPARE(RecordCodec::decode(pending)->status, RecordContent::Status::Preliminary);
        QCOMPARE(RecordCodec::decode(pending)->author, kDoctor);

        // Another doctor does not see it, and cannot approve it.
        auto other = m_f->service(QStringLiteral("D000000002"));
        QVERIFY(other->pendingApprovals().isEmpty());
        QCOMPARE(codeOf([&] { other->approve(pending.recordId); }), ChartError::Code::Denied);

        auto doctor = m_f->service(kDoctor);
        const auto list = doctor->pendingApprovals();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().recordId, pending.recordId);
        const RecordVersion approved = doctor->approve(pending.recordId);
        QCOMPARE(approved.version, 2);
        QCOMPARE(approved.status, RecordVersion::Status::Confirmed);
        QCOMPARE(approved.approver, kDoctor);
        QCOMPARE(approved.proxyAuthor, kClerk);
        QCOMPARE(RecordCodec::decode(approved)->medication()->drug, RecordCodec::decode(pending)->medication()->drug);
        QCOMPARE(RecordCodec::decode(approved)->status, RecordContent::Status::Final);
        QCOMPARE(RecordEnvelope::parse(approved.body)->approver, kDoctor);
        QCOMPARE(approved.prevHash, pending.versionHash());
        const SignatureStatus s = doctor->signatureStatus(approved);
        QCOMPARE(s.state, SignatureStatus::State::NotTimestamped);
        QCOMPARE(s.signer, kDoctor);
        QVERIFY(doctor->pendingApprovals().isEmpty());
        QCOMPARE(doctor->syncState(pending.recordId, 2), SyncOutbox::State::Queued);
        QCOMPARE(codeOf([&] { doctor->approve(pending.recordId); }), ChartError::Code::WrongState);
    }

    void roleWithoutPermissionIsRefused()
    {
        const Patient p = m_f->patientIn("W3");
        auto nurse = m_f->service(kNurse);
        Draft d = nurse->createDraft(p.patientId, "nursing-note");
        QCOMPARE(codeOf([&] { nurse->createDraft(p.patientId, "lab-result"); }), ChartError::Code::Denied);
        // A nurse may draft a progress note only as proxy entry, never confirm one.
        Draft pn = nurse->createDraft(p.patientId, "progress-note");
        pn.body = soapBody(p.patientId, "x", kNurse);
        nurse->autosave(pn);
        const qint64 before = m_f->vault->records().count();
        QCOMPARE(codeOf([&] { nurse->confirm(pn.draftId); }), ChartError::Code::Denied);
        QCOMPARE(m_f->vault->records().count(), before);
        QVERIFY(!nurse->mayConfirm("progress-note"));
        QVERIFY(nurse->mayConfirm("nursing-note"));

        auto pharmacist = m_f->service(kPharmacist);
        QCOMPARE(codeOf([&] { pharmacist->createDraft(p.patientId, "medication-order"); }), ChartError::Code::Denied);
        // Pharmacists do not even see nursing notes in the list.
        for (const RecordVersion& r : pharmacist->listRecords(p.patientId))
            QVERIFY(r.type != QLatin1String("nursing-note"));
        const auto nursingNote = [&] {
            for (const RecordVersion& r : nurse->listRecords(p.patientId))
                if (r.type == QLatin1String("nursing-note"))
                    return r;
            return RecordVersion();
        }();
        QCOMPARE(codeOf([&] { pharmacist->openRecord(nursingNote.recordId); }), ChartError::Code::Denied);
        QVERIFY(m_f->audit("record.open").size() == 0 || m_f->audit("record.open").last().outcome == "denied");

        // Without a signing key nothing can be confirmed.
        auto keyless = m_f->service(kDoctor, false);
        Draft k = keyless->createDraft(p.patientId, "progress-note");
        k.body = soapBody(p.patientId, "y");
        keyless->autosave(k);
        QCOMPARE(codeOf([&] { keyless->confirm(k.draftId); }), ChartError::Code::NoSigningKey);
    }

    // Proves: AC-3
    void outOfCompartmentNeedsReasonAndIsAudited()
    {
        auto nurse = m_f->service(kNurse);  // W3
        const Patient w4 = m_f->patientIn("W4");
        QCOMPARE(nurse->compartmentAccess(w4.patientId), CompartmentAccess::NeedsReason);
        QCOMPARE(codeOf([&] { nurse->viewPatient(w4.patientId); }), ChartError::Code::NeedsReason);
        QCOMPARE(codeOf([&] { nurse->listRecords(w4.patientId); }), ChartError::Code::NeedsReason);
        QCOMPARE(codeOf([&] { nurse->viewPatient(w4.patientId, "   "); }), ChartError::Code::NeedsReason);
        QVERIFY(!m_f->audit("patient.view").isEmpty());
        QCOMPARE(m_f->audit("patient.view").last().outcome, QStringLiteral("denied"));
        QVERIFY(m_f->audit("patient.break-glass").isEmpty());

        nurse->viewPatient(w4.patientId, "急変時の応援要請");
        const auto bg = m_f->audit("patient.break-glass");
        QCOMPARE(bg.size(), 1);
        QCOMPARE(bg.first().patient, w4.patientId);
        QCOMPARE(bg.first().detail.value("review").toBool(), true);
        QCOMPARE(bg.first().detail.value("reason").toString(), QStringLiteral("急変時の応援要請"));
        QVERIFY(!nurse->listRecords(w4.patientId).isEmpty());
        QVERIFY(m_f->vault->audit().verify().ok);

        // Special compartment: no break-the-glass at all.
        Patient psy;
        for (const Patient& p : m_f->demo.patients)
            if (p.ward == "PSY")
                psy = p;
        QCOMPARE(codeOf([&] { nurse->viewPatient(psy.patientId, "理由"); }), ChartError::Code::Denied);
        QCOMPARE(codeOf([&] { nurse->viewPatient("99999999"); }), ChartError::Code::NotFound);
    }

    void alteredBodyIsInvalidAndAudited()
    {
        auto svc = m_f->service(kDoctor);
        const Patient p = m_f->patientIn("W3");
        Draft d = svc->createDraft(p.patientId, "progress-note");
        d.body = soapBody(p.patientId, "安静");
        svc->autosave(d);
        const RecordVersion r = svc->confirm(d.draftId);

        // Someone with the vault key edits the file directly, bypassing the append-only trigger: a well-formed
        // envelope with another plan.
        RecordVersion edited = r;
        QVERIFY(RecordCodec::writeBody(&edited, *RecordCodec::decodeDraft(soapBody(p.patientId, "安静解除")), QByteArray()).isEmpty());
        auto& db = m_f->vault->database();
        db.exec("DROP TRIGGER record_versions_no_update");
        auto update = db.prepare("UPDATE record_versions SET body = ? WHERE record_id = ?");
        update.bind(1, edited.body).bind(2, r.recordId);
        update.step();

        auto reader = m_f->service(kNurse, false);
        const RecordVersion altered = *m_f->vault->records().find(r.recordId, 1);
        QCOMPARE(planOf(altered), QStringLiteral("安静解除"));
        const SignatureStatus s = reader->signatureStatus(altered);
        QCOMPARE(s.state, SignatureStatus::State::Invalid);
        QVERIFY(!s.reason.isEmpty());
        const auto entries = m_f->audit("record.signature-invalid");
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().object, r.recordId);
        QCOMPARE(entries.first().patient, p.patientId);
        reader->signatureStatus(altered);  // reported once per version
        QCOMPARE(m_f->audit("record.signature-invalid").size(), 1);
    }

    void wrongSignerIsInvalid()
    {
        // A record claiming the doctor as author but signed by the nurse.
        auto svc = m_f->service(kNurse, false);
        RecordVersion forged = m_f->vault->records().forPatient(m_f->patientIn("W3").patientId).first();
        forged.recordId = "forged-1";
        forged.version = 1;
        forged.prevHash.clear();
        forged.author = kDoctor;
        forged.approver.clear();
        forged.proxyAuthor.clear();
        forged.status = RecordVersion::Status::Confirmed;
        QVERIFY(RecordCodec::writeBody(&forged, *RecordCodec::decodeDraft(RecordEnvelope::parse(forged.body)->resource), QByteArray()).isEmpty());
        forged.signature = m_f->identity(kNurse).sign(forged.body);
        const SignatureStatus s = svc->signatureStatus(forged);
        QCOMPARE(s.state, SignatureStatus::State::Invalid);
        QCOMPARE(s.signer, kNurse);
    }

    void signingKeyIsWrappedAndReopens()
    {
        const SigningIdentity first = m_f->identity(kNurse);
        const SigningIdentity again = m_f->identity(kNurse);
        QCOMPARE(again.certificate(), first.certificate());
        // Never in clear: the stored blob does not contain the PEM header or the key.
        auto q = m_f->vault->database().prepare("SELECT wrapped_key FROM signing_keys WHERE user_id = 'N000000001'");
        QVERIFY(q.step());
        QVERIFY(!q.blob(0).contains("PRIVATE KEY"));
        try {
            SigningIdentity::obtain(*m_f->vault, kNurse, SecureBytes::fromUtf8("wrong"), *m_f->ca, chartFastKdf());
            QFAIL("a wrong password unwrapped the signing key");
        } catch (const SigningError& e) {
            QCOMPARE(e.code(), SigningError::Code::WrongPassword);
        }
        // Password reset: new key; the old certificate still verifies what it signed.
        const QByteArray body = soapBody("P1", "旧鍵");
        const QByteArray oldSig = first.sign(body);
        const SigningIdentity renewed =
            SigningIdentity::reissue(*m_f->vault, kNurse, SecureBytes::fromUtf8("New#Pass2026"), *m_f->ca, chartFastKdf());
        QVERIFY(renewed.certificate() != first.certificate());
        QVERIFY(CmsSignature::verifyDetached(body, oldSig, {m_f->ca->certificate()}).valid);
        QCOMPARE(SigningIdentity::obtain(*m_f->vault, kNurse, SecureBytes::fromUtf8("New#Pass2026"), *m_f->ca,
                                         chartFastKdf())
                     .certificate(),
                 renewed.certificate());

        // After a password change the key stored under the old password does not open; the login (which
        // has just verified the new password) gets a new key and certificate instead of no signing at all.
        const SigningIdentity afterChange = SigningIdentity::obtainAfterLogin(
            *m_f->vault, kNurse, SecureBytes::fromUtf8("Newer#Pass2027"), SigningIdentity::localIssuer(*m_f->ca),
            chartFastKdf());
        QVERIFY(afterChange.certificate() != renewed.certificate());
        QVERIFY(CmsSignature::verifyDetached(body, afterChange.sign(body), {m_f->ca->certificate()}).valid);
        QCOMPARE(SigningIdentity::obtainAfterLogin(*m_f->vault, kNurse, SecureBytes::fromUtf8("Newer#Pass2027"),
                                                   SigningIdentity::localIssuer(*m_f->ca), chartFastKdf())
                     .certificate(),
                 afterChange.certificate());
        // Offline (an issuer that cannot certify) the old error stands and nothing is replaced.
        const SigningIdentity::Issuer offline = [](const QByteArray&, QString* error) -> std::optional<Certificate> {
            if (error)
                *error = QStringLiteral("offline");
            return std::nullopt;
        };
        bool refused = false;
        try {
            SigningIdentity::obtainAfterLogin(*m_f->vault, kNurse, SecureBytes::fromUtf8("Newest#Pass2028"), offline,
                                              chartFastKdf());
        } catch (const SigningError& e) {
            refused = e.code() == SigningError::Code::CertificateRefused;
        }
        QVERIFY(refused);
        QCOMPARE(SigningIdentity::obtain(*m_f->vault, kNurse, SecureBytes::fromUtf8("Newer#Pass2027"), *m_f->ca,
                                         chartFastKdf())
                     .certificate(),
                 afterChange.certificate());

        // Issue 10: online, the hub names the certificate it still honours. The stored one: kept. Another or
        // none (revoked at the hub by retire/disable/reset/card revoke): a new key, the old row retired.
        const SecureBytes password = SecureBytes::fromUtf8("Newer#Pass2027");
        QCOMPARE(SigningIdentity::obtainAfterLogin(*m_f->vault, kNurse, password, SigningIdentity::localIssuer(*m_f->ca),
                                                   chartFastKdf(), afterChange.certificate().serialHex())
                     .certificate(),
                 afterChange.certificate());
        const SigningIdentity afterRevocation = SigningIdentity::obtainAfterLogin(
            *m_f->vault, kNurse, password, SigningIdentity::localIssuer(*m_f->ca), chartFastKdf(), QString());
        QVERIFY(afterRevocation.certificate() != afterChange.certificate());
        QCOMPARE(SigningIdentity::obtain(*m_f->vault, kNurse, password, *m_f->ca, chartFastKdf()).certificate(),
                 afterRevocation.certificate());
    }

    void draftsCannotBeRedirected()
    {
        auto nurse = m_f->service(kNurse);
        const Patient p = m_f->patientIn("W3");
        Draft d = nurse->createDraft(p.patientId, "nursing-note");
        Draft moved = d;
        moved.patientId = m_f->patientIn("W4").patientId;
        QCOMPARE(codeOf([&] { nurse->autosave(moved); }), ChartError::Code::InvalidInput);
        Draft retyped = d;
        retyped.type = "progress-note";  // a type the nurse may not confirm
        QCOMPARE(codeOf([&] { nurse->autosave(retyped); }), ChartError::Code::InvalidInput);
        Draft forged = d;
        forged.draftId = "not-a-draft";
        QCOMPARE(codeOf([&] { nurse->autosave(forged); }), ChartError::Code::NotFound);
        QCOMPARE(nurse->loadDraft(d.draftId)->patientId, p.patientId);

        auto clerk = m_f->service(kClerk);
        Draft pd = clerk->createDraft(p.patientId, "progress-note");
        pd.body = soapBody(p.patientId, "x", kClerk);
        clerk->autosave(pd);
        for (const char* bad : {"", "D00000000", "D000000001; DROP", "C000000001"})
            QCOMPARE(codeOf([&] { clerk->submitProxy(pd.draftId, QString::fromUtf8(bad)); }),
                     ChartError::Code::InvalidInput);
    }

    // Proves: AC-2
    void specialCompartmentIsNotListedInSearch()
    {
        Patient psy;
        for (const Patient& p : m_f->demo.patients)
            if (p.ward == "PSY")
                psy = p;
        auto nurse = m_f->service(kNurse, false);
        QVERIFY(nurse->search(psy.patientId).isEmpty());
        QVERIFY(!nurse->search(m_f->patientIn("W4").patientId).isEmpty());  // break-the-glass candidates stay
        UserSession psyStaff = m_f->session(kNurse);
        psyStaff.compartments = {"PSY"};
        ChartService assigned(psyStaff, *m_f->vault, m_f->policy, std::nullopt, {m_f->ca->certificate()});
        QCOMPARE(assigned.search(psy.patientId).size(), 1);
    }

    void filtersByTypeAndDate()
    {
        auto svc = m_f->service(kDoctor, false);
        const Patient p = m_f->patientIn("W3");
        RecordFilter f;
        f.types = {"lab-result"};
        const auto labs = svc->listRecords(p.patientId, f);
        QCOMPARE(labs.size(), 21);  // three panels of seven tests over three weeks
        f.from = m_f->clock->nowUtc().date().addDays(-10);
        QCOMPARE(svc->listRecords(p.patientId, f).size(), 7);
        RecordFilter vit;
        vit.types = {"vital-signs"};
        vit.to = m_f->clock->nowUtc().date().addDays(-25);
        QVERIFY(svc->listRecords(p.patientId, vit).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChartService)
#include "TestChartService.moc"
