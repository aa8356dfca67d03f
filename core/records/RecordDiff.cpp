#include "records/RecordDiff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace ward {

namespace {

QString display(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QString();
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject asObject(const QByteArray& body, bool* ok)
{
    const QJsonDocument d = QJsonDocument::fromJson(body);
    *ok = d.isObject();
    return d.object();
}

} // namespace

QList<FieldChange> RecordDiff::between(const QByteArray& before, const QByteArray& after)
{
    QList<FieldChange> changes;
    bool okA = false;
    bool okB = false;
    const QJsonObject a = asObject(before, &okA);
    const QJsonObject b = asObject(after, &okB);
    if (!okA || !okB) {
        if (before != after)
            changes.append({FieldChange::Kind::Changed, QStringLiteral("body"), QString::fromUtf8(before),
                            QString::fromUtf8(after)});
        return changes;
    }
    QStringList keys = a.keys();
    for (const QString& k : b.keys()) {
        if (!keys.contains(k))
            keys.append(k);
    }
    for (const QString& k : keys) {
        const bool inA = a.contains(k);
        const bool inB = b.contains(k);
        if (inA && !inB)
            changes.append({FieldChange::Kind::Removed, k, display(a.value(k)), QString()});
        else if (!inA && inB)
            changes.append({FieldChange::Kind::Added, k, QString(), display(b.value(k))});
        else if (a.value(k) != b.value(k))
            changes.append({FieldChange::Kind::Changed, k, display(a.value(k)), display(b.value(k))});
    }
    return changes;
}

} // namespace ward
