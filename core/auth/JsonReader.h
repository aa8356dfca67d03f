#pragma once

#include "auth/JsonFieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ward {

// Typed, bounded reads from a QJsonObject for the auth documents. A tampered or buggy document
// (wrong type, fraction where a count belongs, absurd value) must be refused as a whole with the
// field named, so each read checks type and range, and after the first error every later read is a
// no-op: callers read into a scratch copy and commit only when ok().
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject& json);

    // An absent key leaves *out unchanged unless required is true (then it is an error).
    void readInt(const QString& key, qint64 min, qint64 max, int* out, bool required = false);
    void readBool(const QString& key, bool* out, bool required = false);
    void readString(const QString& key, int maxLength, QString* out, bool required = false);
    // ISO 8601 with an offset or Z; stored as UTC. Absent or null means "never" (invalid QDateTime).
    void readDateTime(const QString& key, QDateTime* out);
    void readIntList(const QString& key, int maxCount, qint64 min, qint64 max, QList<int>* out, bool required = false);
    void readStringList(const QString& key, int maxCount, int maxLength, QStringList* out, bool required = false);
    void readObject(const QString& key, QJsonObject* out, bool required = false);
    // Records an error found by the caller's own cross-field checks.
    void fail(const QString& field, const QString& message);

    bool ok() const { return !m_error.isError(); }
    const JsonFieldError& error() const { return m_error; }

    static QJsonValue dateTimeToJson(const QDateTime& t);

private:
    bool present(const QString& key, bool required);
    bool integral(const QJsonValue& v, qint64 min, qint64 max, qint64* out) const;

    QJsonObject m_json;
    JsonFieldError m_error;
};

} // namespace ward
