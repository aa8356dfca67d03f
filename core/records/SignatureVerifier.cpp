#include "records/SignatureVerifier.h"

#include "crypto/Digest.h"
#include "records/RecordEnvelope.h"
#include "crypto/TimestampVerifier.h"

#include <memory>

namespace ward {

SignatureVerifier::SignatureVerifier(QList<Certificate> trustedCas, TimestampCheck timestampCheck)
    : m_trustedCas(std::move(trustedCas)), m_cms(m_trustedCas), m_timestampCheck(std::move(timestampCheck))
{
    if (!m_timestampCheck)
        m_timestampCheck = timestampCheckFor(m_trustedCas);
}

SignatureVerifier::TimestampCheck SignatureVerifier::timestampCheckFor(const QList<Certificate>& tsaTrustedCas)
{
    // One TimestampVerifier per check, shared by its copies: the TSA certificate and its chain are checked once.
    auto verifier = std::make_shared<const TimestampVerifier>(tsaTrustedCas);
    return [verifier](const QByteArray& token, const QByteArray& signatureDer, QDateTime* time, QString* error) {
        // The hub stamps the signature bytes: the token pins when this exact signature existed.
        const TimestampVerification v = verifier->verify(token, signatureDer);
        if (time)
            *time = v.genTime;
        if (error)
            *error = v.error;
        return v.valid;
    };
}

QString SignatureVerifier::expectedSigner(const RecordVersion& record)
{
    if (record.status == RecordVersion::Status::PendingApproval)
        return record.proxyAuthor;
    if (!record.approver.isEmpty())
        return record.approver;
    return record.author;
}

SignatureStatus SignatureVerifier::verify(const RecordVersion& record)
{
    QByteArray key = record.recordId.toUtf8() + '\n' + QByteArray::number(record.version) + '\n'
        + Digest::sha256(record.body + record.signature + record.timestampToken + record.author.toUtf8()
                         + record.approver.toUtf8() + record.proxyAuthor.toUtf8()
                         + RecordVersion::statusName(record.status).toUtf8() + record.patientId.toUtf8() + '\n'
                         + record.type.toUtf8() + '\n' + record.compartment.toUtf8() + '\n'
                         + QByteArray::number(record.classification));
    const auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return *it;
    const SignatureStatus status = compute(record);
    m_cache.insert(key, status);
    return status;
}

SignatureStatus SignatureVerifier::compute(const RecordVersion& record) const
{
    SignatureStatus status;
    if (record.signature.isEmpty()) {
        status.state = SignatureStatus::State::Unsigned;
        status.reason = tr("This version carries no signature.");
        return status;
    }
    const CmsVerification v = m_cms.verify(record.body, record.signature);
    status.signingTime = v.signingTime;
    if (!v.signer.isNull())
        status.signer = v.signer.subjectCommonName();
    if (!v.valid) {
        status.state = SignatureStatus::State::Invalid;
        status.reason = tr("The signature does not match this record (%1). The record may have been altered.")
                            .arg(v.error);
        return status;
    }
    // What was signed must be this version (issue 9): its envelope names the same record, version, patient, type,
    // ward, people and status. Only the envelope header is read here; whether the FHIR resource inside is one the
    // codec reads and agrees with its header is checked by every reader of the content (the hub on submission,
    // IncomingRecord on pull, the chart's decode), so a valid signature never makes an unreadable resource readable.
    QString why;
    const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(record.body, &why);
    if (!envelope) {
        status.state = SignatureStatus::State::Invalid;
        status.reason = why;
        return status;
    }
    if (const QString field = envelope->mismatch(record); !field.isEmpty()) {
        status.state = SignatureStatus::State::Invalid;
        status.reason = tr("The record does not match what was signed (%1 differs).").arg(field);
        return status;
    }
    const QString expected = expectedSigner(record);
    if (status.signer != expected) {
        status.state = SignatureStatus::State::Invalid;
        status.reason = tr("Signed by %1, but this version names %2 as its signer.").arg(status.signer, expected);
        return status;
    }
    if (record.timestampToken.isEmpty()) {
        status.state = SignatureStatus::State::NotTimestamped;
        return status;
    }
    QString error;
    QDateTime tsTime;
    if (!m_timestampCheck(record.timestampToken, record.signature, &tsTime, &error)) {
        status.state = SignatureStatus::State::Invalid;
        status.reason = tr("The timestamp token does not verify: %1").arg(error);
        return status;
    }
    status.timestampTime = tsTime;
    status.state = SignatureStatus::State::Valid;
    return status;
}

} // namespace ward
