#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ward {

// DATA-3 "who changed what is visible": the field-by-field difference between two versions' bodies,
// in a form a nurse can read (key: old → new) rather than a byte diff of JSON.
struct FieldChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind;
    QString field;
    QString before;
    QString after;
};

class RecordDiff
{
public:
    // Two versions' bodies (signed envelopes), read through RecordCodec and compared field by field
    // (RecordCodec::fields). A body the codec cannot read is compared as one field "body".
    static QList<FieldChange> between(const QByteArray& before, const QByteArray& after);
};

} // namespace ward
