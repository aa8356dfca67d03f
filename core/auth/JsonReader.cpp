#include "auth/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace ward {

namespace {
// Dates outside this window are corrupt or forged, never real account events.
const QDate kEarliestDate(2000, 1, 1);
const QDate kLatestDate(2200, 1, 1);

QString tr(const char* text)
{
    return QCoreApplication::translate("JsonReader", text);
}
} // namespace

JsonReader::JsonReader(const QJsonObject& json)
    : m_json(json)
{
}

void JsonReader::fail(const QString& field, const QString& message)
{
    if (ok())
        m_error = JsonFieldError{field, message};
}

bool JsonReader::present(const QString& key, bool required)
{
    if (!ok())
        return false;
    if (m_json.contains(key))
        return true;
    if (required)
        fail(key, tr("is missing"));
    return false;
}

bool JsonReader::integral(const QJsonValue& v, qint64 min, qint64 max, qint64* out) const
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || d < static_cast<double>(min) || d > static_cast<double>(max))
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

void JsonReader::readInt(const QString& key, qint64 min, qint64 max, int* out, bool required)
{
    if (!present(key, required))
        return;
    qint64 value = 0;
    if (!integral(m_json.value(key), min, max, &value)) {
        fail(key, tr("must be a whole number from %1 to %2").arg(min).arg(max));
        return;
    }
    *out = static_cast<int>(value);
}

void JsonReader::readBool(const QString& key, bool* out, bool required)
{
    if (!present(key, required))
        return;
    const QJsonValue v = m_json.value(key);
    if (!v.isBool()) {
        fail(key, tr("must be true or false"));
        return;
    }
    *out = v.toBool();
}

void JsonReader::readString(const QString& key, int maxLength, QString* out, bool required)
{
    if (!present(key, required))
        return;
    const QJsonValue v = m_json.value(key);
    if (!v.isString() || v.toString().size() > maxLength) {
        fail(key, tr("must be text of at most %1 characters").arg(maxLength));
        return;
    }
    *out = v.toString();
}

void JsonReader::readDateTime(const QString& key, QDateTime* out)
{
    if (!present(key, false))
        return;
    const QJsonValue v = m_json.value(key);
    if (v.isNull()) {
        *out = QDateTime();
        return;
    }
    const QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
    // A time without an offset would be read in the local zone and shift by hours between machines.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime || t.date() < kEarliestDate || t.date() >= kLatestDate) {
        fail(key, tr("must be an ISO 8601 time with a zone between 2000 and 2200"));
        return;
    }
    *out = t.toUTC();
}

void JsonReader::readIntList(const QString& key, int maxCount, qint64 min, qint64 max, QList<int>* out,
                             bool required)
{
    if (!present(key, required))
        return;
    const QJsonValue v = m_json.value(key);
    const QJsonArray array = v.toArray();
    if (!v.isArray() || array.size() > maxCount) {
        fail(key, tr("must be a list of at most %1 numbers").arg(maxCount));
        return;
    }
    QList<int> values;
    for (const QJsonValue& item : array) {
        qint64 value = 0;
        if (!integral(item, min, max, &value)) {
            fail(key, tr("every entry must be a whole number from %1 to %2").arg(min).arg(max));
            return;
        }
        values.append(static_cast<int>(value));
    }
    *out = values;
}

void JsonReader::readStringList(const QString& key, int maxCount, int maxLength, QStringList* out, bool required)
{
    if (!present(key, required))
        return;
    const QJsonValue v = m_json.value(key);
    const QJsonArray array = v.toArray();
    if (!v.isArray() || array.size() > maxCount) {
        fail(key, tr("must be a list of at most %1 entries").arg(maxCount));
        return;
    }
    QStringList values;
    for (const QJsonValue& item : array) {
        if (!item.isString() || item.toString().size() > maxLength) {
            fail(key, tr("every entry must be text of at most %1 characters").arg(maxLength));
            return;
        }
        values.append(item.toString());
    }
    *out = values;
}

void JsonReader::readObject(const QString& key, QJsonObject* out, bool required)
{
    if (!present(key, required))
        return;
    const QJsonValue v = m_json.value(key);
    if (!v.isObject()) {
        fail(key, tr("must be an object"));
        return;
    }
    *out = v.toObject();
}

QJsonValue JsonReader::dateTimeToJson(const QDateTime& t)
{
    if (!t.isValid())
        return QJsonValue(QJsonValue::Null);
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace ward
