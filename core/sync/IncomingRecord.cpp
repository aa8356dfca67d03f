#include "sync/IncomingRecord.h"

#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"
#include "records/SignatureVerifier.h"


#include <QJsonDocument>
#include <QRegularExpression>

namespace ward {

namespace {

bool base64Field(const QJsonObject& o, const char* key, QByteArray* out, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return !required;
    if (!v.isString())
        return false;
    const auto r = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}

} // namespace

QString IncomingRecord::typeToHub(const QString& vaultType)
{
    return QString(vaultType).replace(QLatin1Char('-'), QLatin1Char('_'));
}

QString IncomingRecord::typeFromHub(const QString& hubType)
{
    return QString(hubType).replace(QLatin1Char('_'), QLatin1Char('-'));
}

IncomingRecord IncomingRecord::fromChange(const QJsonObject& item)
{
    static const QRegularExpression kHash(QStringLiteral("^([0-9a-f]{64})?$"));
    IncomingRecord in;
    in.seq = static_cast<qint64>(item.value(QStringLiteral("seq")).toDouble());
    RecordVersion& r = in.record;
    r.recordId = item.value(QStringLiteral("recordId")).toString();
    const QJsonValue version = item.value(QStringLiteral("version"));
    r.version = version.isDouble() ? version.toInt() : 0;
    r.patientId = item.value(QStringLiteral("patientId")).toString();
    r.type = typeFromHub(item.value(QStringLiteral("type")).toString());
    r.compartment = item.value(QStringLiteral("ward")).toString();
    r.author = item.value(QStringLiteral("author")).toString();
    in.hubPrevHash = item.value(QStringLiteral("prevHash")).toString();
    r.confirmedAt = QDateTime::fromString(item.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs);
    r.createdAt = r.confirmedAt;
    r.status = RecordVersion::Status::Confirmed;
    if (r.recordId.isEmpty() || r.version < 1 || r.patientId.isEmpty() || r.type.isEmpty() || r.author.isEmpty()
        || r.compartment.isEmpty())
        in.rejection = QStringLiteral("malformed: a required field is missing");
    else if (!kHash.match(in.hubPrevHash).hasMatch() || (r.version == 1) != in.hubPrevHash.isEmpty())
        in.rejection = QStringLiteral("malformed: prevHash");
    else if (!base64Field(item, "body", &r.body, true) || r.body.isEmpty())
        in.rejection = QStringLiteral("malformed: body");
    else if (!base64Field(item, "signature", &r.signature, true) || r.signature.isEmpty())
        in.rejection = QStringLiteral("malformed: signature");
    else if (!base64Field(item, "timestampToken", &r.timestampToken, false))
        in.rejection = QStringLiteral("malformed: timestampToken");
    else
        in.rejection = in.adoptEnvelope();
    return in;
}

QString IncomingRecord::adoptEnvelope()
{
    // Issue 9: what the hub says about a record must be what its author signed; the chart's metadata the feed
    // does not carry (classification, proxy author, approver, status) comes from the signed envelope.
    QString problem;
    const std::optional<RecordEnvelope> e = RecordEnvelope::parse(record.body, &problem);
    if (!e)
        return QStringLiteral("invalid_body: envelope: ") + problem;
    const QString field = e->wireMismatch(record.recordId, record.version, record.patientId, record.type, record.compartment,
                                          record.author, hubPrevHash);
    if (!field.isEmpty())
        return QStringLiteral("metadata_mismatch: the hub's %1 differs from what was signed").arg(field);
    record.classification = e->classification;
    record.proxyAuthor = e->proxyAuthor;
    record.approver = e->approver;
    record.status = e->status;
    QList<ValidationProblem> problems;
    if (!RecordCodec::decode(*e, &problems)) {
        const ValidationProblem first = problems.value(0);
        return QStringLiteral("invalid_body: %1: %2").arg(first.field.isEmpty() ? QStringLiteral("resource") : first.field, first.message);
    }
    return QString();
}

void IncomingRecord::verify(const QList<Certificate>& trustedCas)
{
    if (!rejection.isEmpty())
        return;
    verify(CmsVerifier(trustedCas, 0), TimestampVerifier(trustedCas, 0));
}

void IncomingRecord::verify(const CmsVerifier& signatures, const TimestampVerifier& timestamps)
{
    if (!rejection.isEmpty())
        return;
    const CmsVerification v = signatures.verify(record.body, record.signature);
    if (!v.valid) {
        rejection = QStringLiteral("bad_signature: ") + v.error;
        return;
    }
    // Staff signing certificates name the user id as their subject CN: a signature by anyone else is not
    // the author's (or the proxy's, or the approver's), however valid.
    if (v.signer.subjectCommonName() != SignatureVerifier::expectedSigner(record)) {
        rejection = QStringLiteral("signer_not_author");
        return;
    }
    if (v.signingTime.isValid())
        record.createdAt = v.signingTime.toUTC();
    if (record.timestampToken.isEmpty()) {
        rejection = QStringLiteral("missing_timestamp_token");
        return;
    }
    const TimestampVerification t = timestamps.verify(record.timestampToken, record.signature);
    if (!t.valid)
        rejection = QStringLiteral("bad_timestamp_token: ") + t.error;
}

} // namespace ward
