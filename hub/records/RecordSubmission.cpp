#include "hub/records/RecordSubmission.h"

#include "hub/HubError.h"
#include "hub/HubVersion.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RecordIngest", text);
}

bool decodeBase64(const QJsonValue& v, QByteArray* out)
{
    if (!v.isString())
        return false;
    const auto r = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}

// Issue 9: the push's metadata must be what was signed (the envelope), and the FHIR resource must be one the
// codec writes, agreeing with the envelope. The reason names the field; nothing of a refused record is stored.
QString checkBody(RecordSubmission* c)
{
    QString problem;
    const std::optional<RecordEnvelope> e = RecordEnvelope::parse(c->body, &problem);
    if (!e)
        return QStringLiteral("invalid_body: envelope: ") + problem;
    const QString field = e->wireMismatch(c->recordId, c->version, c->patientId,
                                          QString(c->type).replace(QLatin1Char('_'), QLatin1Char('-')), c->ward, c->author,
                                          c->prevHash);
    if (!field.isEmpty())
        return QStringLiteral("envelope_mismatch: %1 differs from what was signed").arg(field);
    QList<ValidationProblem> problems;
    if (!RecordCodec::decode(*e, &problems)) {
        const ValidationProblem first = problems.value(0);
        return QStringLiteral("invalid_body: %1: %2").arg(first.field.isEmpty() ? QStringLiteral("resource") : first.field, first.message);
    }
    c->signer = e->expectedSigner();
    return {};
}

} // namespace

QJsonArray RecordSubmission::batch(const QJsonObject& request)
{
    const QJsonValue protocol = request.value(QStringLiteral("protocol"));
    if (!protocol.isDouble() || protocol.toInt() < kProtocolVersionMin || protocol.toInt() > kProtocolVersionMax)
        throw HubError(QStringLiteral("unsupported_protocol"),
                       tr("Protocol version %1 is not served here (supported: %2..%3).")
                           .arg(protocol.toVariant().toString())
                           .arg(kProtocolVersionMin)
                           .arg(kProtocolVersionMax),
                       400);
    const QJsonValue recordsValue = request.value(QStringLiteral("records"));
    if (!recordsValue.isArray() || recordsValue.toArray().isEmpty() || recordsValue.toArray().size() > kMaxRecords)
        throw HubError(QStringLiteral("bad_batch"), tr("\"records\" must be an array of 1 to %1 records.").arg(kMaxRecords), 400);
    return recordsValue.toArray();
}

QString RecordSubmission::parse(const QJsonValue& value, RecordSubmission* c)
{
    static const QRegularExpression kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    static const QRegularExpression kType(QStringLiteral("^[a-z][a-z_]{0,31}$"));
    static const QRegularExpression kHash(QStringLiteral("^([0-9a-f]{64})?$"));
    static const QRegularExpression kIdent(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!value.isObject())
        return QStringLiteral("malformed: not an object");
    const QJsonObject o = value.toObject();
    c->recordId = o.value(QStringLiteral("recordId")).toString();
    const QJsonValue version = o.value(QStringLiteral("version"));
    c->version = version.isDouble() && version.toDouble() == static_cast<double>(version.toInt()) ? version.toInt() : 0;
    c->patientId = o.value(QStringLiteral("patientId")).toString();
    c->type = o.value(QStringLiteral("type")).toString();
    c->ward = o.value(QStringLiteral("ward")).toString();
    c->author = o.value(QStringLiteral("author")).toString();
    const QJsonValue prev = o.value(QStringLiteral("prevHash"));
    c->prevHash = prev.toString();
    if (!kUuid.match(c->recordId).hasMatch())
        return QStringLiteral("malformed: recordId must be a lower-case UUID");
    if (c->version < 1)
        return QStringLiteral("malformed: version must be an integer ≥ 1");
    if (!kIdent.match(c->patientId).hasMatch())
        return QStringLiteral("malformed: patientId");
    if (!kType.match(c->type).hasMatch())
        return QStringLiteral("malformed: type");
    if (!kIdent.match(c->ward).hasMatch())
        return QStringLiteral("malformed: ward");
    if (!kIdent.match(c->author).hasMatch())
        return QStringLiteral("malformed: author");
    if (!prev.isString() || !kHash.match(c->prevHash).hasMatch())
        return QStringLiteral("malformed: prevHash must be \"\" or 64 lower-case hex digits");
    if (!decodeBase64(o.value(QStringLiteral("body")), &c->body) || c->body.isEmpty() || c->body.size() > kMaxBodyBytes)
        return QStringLiteral("malformed: body must be base64 of 1 to %1 bytes").arg(kMaxBodyBytes);
    if (!decodeBase64(o.value(QStringLiteral("signature")), &c->signature) || c->signature.isEmpty()
        || c->signature.size() > kMaxSignatureBytes)
        return QStringLiteral("malformed: signature must be base64 DER");
    if ((c->version == 1) != c->prevHash.isEmpty())
        return QStringLiteral("malformed: prevHash is empty exactly for version 1");
    return checkBody(c);
}

} // namespace ward::hub
