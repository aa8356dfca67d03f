#include "records/RecordEnvelope.h"

#include "crypto/Digest.h"
#include "records/SignatureVerifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace ward {

namespace {

QJsonObject header(const RecordEnvelope& e)
{
    return {{QStringLiteral("approver"), e.approver},
            {QStringLiteral("author"), e.author},
            {QStringLiteral("classification"), e.classification},
            {QStringLiteral("clinicalTime"), e.clinicalTime.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("compartment"), e.compartment},
            {QStringLiteral("patientId"), e.patientId},
            {QStringLiteral("prevHash"), e.prevHash},
            {QStringLiteral("proxyAuthor"), e.proxyAuthor},
            {QStringLiteral("recordId"), e.recordId},
            {QStringLiteral("status"), RecordVersion::statusName(e.status)},
            {QStringLiteral("type"), e.type},
            {QStringLiteral("version"), e.version}};
}

// A character that QJsonDocument writes as itself inside a string (no escape, one byte).
bool plainJsonCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'-'
        || u == u'_' || u == u'.' || u == u':' || u == u'+';
}

// The header's canonical bytes: QJsonDocument's compact form of header(e). Every header a terminal writes holds
// IDs, names of states, hex and ISO times only, so the bytes are put together directly (a record is read far
// more often than written: every chart open and every pulled record parses its envelope); anything outside that
// alphabet goes through QJsonDocument itself, which stays the definition.
QByteArray canonicalHeader(const RecordEnvelope& e)
{
    const QString time = e.clinicalTime.toUTC().toString(Qt::ISODateWithMs);
    const QString status = RecordVersion::statusName(e.status);
    const std::pair<const char*, const QString*> strings[] = {
        {"approver", &e.approver},   {"author", &e.author},       {"clinicalTime", &time},
        {"compartment", &e.compartment}, {"patientId", &e.patientId}, {"prevHash", &e.prevHash},
        {"proxyAuthor", &e.proxyAuthor}, {"recordId", &e.recordId}, {"status", &status},
        {"type", &e.type}};
    for (const auto& field : strings) {
        if (!std::all_of(field.second->cbegin(), field.second->cend(), plainJsonCharacter))
            return QJsonDocument(header(e)).toJson(QJsonDocument::Compact);
    }
    QByteArray out;
    out.reserve(320);
    auto text = [&out](const char* key, const QString& value) {
        out += '"';
        out += key;
        out += "\":\"";
        out += value.toLatin1();
        out += "\",";
    };
    auto number = [&out](const char* key, int value) {
        out += '"';
        out += key;
        out += "\":";
        out += QByteArray::number(value);
        out += ',';
    };
    out += '{';
    text("approver", e.approver);
    text("author", e.author);
    number("classification", e.classification);
    text("clinicalTime", time);
    text("compartment", e.compartment);
    text("patientId", e.patientId);
    text("prevHash", e.prevHash);
    text("proxyAuthor", e.proxyAuthor);
    text("recordId", e.recordId);
    text("status", status);
    text("type", e.type);
    number("version", e.version);
    out.back() = '}';
    return out;
}

} // namespace

QByteArray RecordEnvelope::encode() const
{
    return QByteArray(kMagic) + '\n' + canonicalHeader(*this) + '\n' + resource;
}

bool RecordEnvelope::looksLikeEnvelope(const QByteArray& body)
{
    return body.startsWith(QByteArray(kMagic) + '\n');
}

std::optional<RecordEnvelope> RecordEnvelope::parse(const QByteArray& body, QString* problem)
{
    auto fail = [problem](const QString& why) -> std::optional<RecordEnvelope> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (!looksLikeEnvelope(body))
        return fail(tr("This record is in the format used before this version of WardStation; the data must be "
                       "re-seeded (hub) or the terminal re-enrolled."));
    const int start = static_cast<int>(qstrlen(kMagic)) + 1;
    const int end = body.indexOf('\n', start);
    if (end < 0)
        return fail(tr("The record envelope has no header line."));
    const QByteArray headerBytes = body.mid(start, end - start);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(headerBytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(tr("The record envelope's header is not a JSON object."));
    const QJsonObject o = doc.object();
    static const QStringList kKeys = header(RecordEnvelope()).keys();
    if (o.keys() != kKeys)
        return fail(tr("The record envelope's header does not have exactly the fields %1.").arg(kKeys.join(QStringLiteral(", "))));
    RecordEnvelope e;
    for (const QString& k : kKeys) {
        const bool number = k == QLatin1String("classification") || k == QLatin1String("version");
        if (number ? !o.value(k).isDouble() : !o.value(k).isString())
            return fail(tr("The record envelope's field \"%1\" has the wrong type.").arg(k));
    }
    e.approver = o.value(QStringLiteral("approver")).toString();
    e.author = o.value(QStringLiteral("author")).toString();
    e.classification = o.value(QStringLiteral("classification")).toInt();
    e.clinicalTime = QDateTime::fromString(o.value(QStringLiteral("clinicalTime")).toString(), Qt::ISODateWithMs);
    e.compartment = o.value(QStringLiteral("compartment")).toString();
    e.patientId = o.value(QStringLiteral("patientId")).toString();
    e.prevHash = o.value(QStringLiteral("prevHash")).toString();
    e.proxyAuthor = o.value(QStringLiteral("proxyAuthor")).toString();
    e.recordId = o.value(QStringLiteral("recordId")).toString();
    e.type = o.value(QStringLiteral("type")).toString();
    e.version = o.value(QStringLiteral("version")).toInt();
    if (!RecordVersion::statusFromName(o.value(QStringLiteral("status")).toString(), &e.status))
        return fail(tr("The record envelope's status \"%1\" is unknown.").arg(o.value(QStringLiteral("status")).toString()));
    if (!e.clinicalTime.isValid())
        return fail(tr("The record envelope's clinical time is not a date and time."));
    const auto lowerHex = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); };
    const bool hashShape = e.prevHash.isEmpty()
        || (e.prevHash.size() == 64 && std::all_of(e.prevHash.cbegin(), e.prevHash.cend(), lowerHex));
    if (!hashShape || (e.version == 1) != e.prevHash.isEmpty())
        return fail(tr("The record envelope's previous-version hash is malformed."));
    if (e.version < 1 || e.classification < 1 || e.classification > 4)
        return fail(tr("The record envelope's version or classification is out of range."));
    // One record, one envelope: anything but the canonical encoding would let two byte strings carry one record.
    // The magic line and the resource are taken verbatim, so the header's bytes decide.
    if (canonicalHeader(e) != headerBytes)
        return fail(tr("The record envelope is not in its canonical form."));
    e.resource = body.mid(end + 1);
    return e;
}

QString RecordEnvelope::prevHashOf(const QByteArray& previousBody)
{
    return previousBody.isEmpty() ? QString() : QString::fromLatin1(Digest::sha256(previousBody).toHex());
}

RecordEnvelope RecordEnvelope::forVersion(const RecordVersion& r, const QByteArray& previousBody,
                                          const QDateTime& clinicalTime, const QByteArray& resource)
{
    RecordEnvelope e;
    e.recordId = r.recordId;
    e.version = r.version;
    e.patientId = r.patientId;
    e.type = r.type;
    e.author = r.author;
    e.proxyAuthor = r.proxyAuthor;
    e.approver = r.approver;
    e.compartment = r.compartment;
    e.classification = r.classification;
    e.prevHash = prevHashOf(previousBody);
    e.clinicalTime = clinicalTime.toUTC();
    e.status = r.status;
    e.resource = resource;
    return e;
}

QString RecordEnvelope::expectedSigner() const
{
    RecordVersion r;
    r.status = status;
    r.author = author;
    r.proxyAuthor = proxyAuthor;
    r.approver = approver;
    return SignatureVerifier::expectedSigner(r);
}

QString RecordEnvelope::wireMismatch(const QString& id, int v, const QString& patient, const QString& recordType,
                                     const QString& ward, const QString& by, const QString& prev) const
{
    const std::pair<const char*, bool> fields[] = {
        {"recordId", id == recordId}, {"version", v == version},  {"patientId", patient == patientId},
        {"type", recordType == type}, {"ward", ward == compartment}, {"author", by == author},
        {"prevHash", prev == prevHash}};
    for (const auto& [name, same] : fields) {
        if (!same)
            return QLatin1String(name);
    }
    return QString();
}

QString RecordEnvelope::mismatch(const RecordVersion& r) const
{
    if (r.recordId != recordId)
        return QStringLiteral("recordId");
    if (r.version != version)
        return QStringLiteral("version");
    if (r.patientId != patientId)
        return QStringLiteral("patientId");
    if (r.type != type)
        return QStringLiteral("type");
    if (r.author != author)
        return QStringLiteral("author");
    if (r.proxyAuthor != proxyAuthor)
        return QStringLiteral("proxyAuthor");
    if (r.approver != approver)
        return QStringLiteral("approver");
    if (r.compartment != compartment)
        return QStringLiteral("compartment");
    if (r.classification != classification)
        return QStringLiteral("classification");
    if (r.status != status)
        return QStringLiteral("status");
    return QString();
}

} // namespace ward
