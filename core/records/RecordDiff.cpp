#include "records/RecordDiff.h"

#include "records/RecordCodec.h"

#include <QStringList>

namespace ward {

namespace {

std::optional<QList<QPair<QString, QString>>> fieldsOf(const QByteArray& body)
{
    const auto envelope = RecordEnvelope::parse(body);
    if (!envelope)
        return std::nullopt;
    const auto content = RecordCodec::decode(envelope->resource);
    if (!content)
        return std::nullopt;
    QList<QPair<QString, QString>> fields = RecordCodec::fields(*content);
    fields.prepend({QStringLiteral("status"), RecordVersion::statusName(envelope->status)});
    return fields;
}

QString valueOf(const QList<QPair<QString, QString>>& fields, const QString& key, bool* found)
{
    for (const auto& f : fields) {
        if (f.first == key) {
            *found = true;
            return f.second;
        }
    }
    *found = false;
    return QString();
}

} // namespace

QList<FieldChange> RecordDiff::between(const QByteArray& before, const QByteArray& after)
{
    QList<FieldChange> changes;
    const auto a = fieldsOf(before);
    const auto b = fieldsOf(after);
    if (!a || !b) {
        if (before != after)
            changes.append({FieldChange::Kind::Changed, QStringLiteral("body"), QString::fromUtf8(before),
                            QString::fromUtf8(after)});
        return changes;
    }
    QStringList keys;
    for (const auto& f : *a)
        keys.append(f.first);
    for (const auto& f : *b) {
        if (!keys.contains(f.first))
            keys.append(f.first);
    }
    for (const QString& k : keys) {
        bool inA = false;
        bool inB = false;
        const QString va = valueOf(*a, k, &inA);
        const QString vb = valueOf(*b, k, &inB);
        if (inA && !inB)
            changes.append({FieldChange::Kind::Removed, k, va, QString()});
        else if (!inA && inB)
            changes.append({FieldChange::Kind::Added, k, QString(), vb});
        else if (va != vb)
            changes.append({FieldChange::Kind::Changed, k, va, vb});
    }
    return changes;
}

} // namespace ward
