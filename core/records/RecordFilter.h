#pragma once

#include <QDate>
#include <QStringList>

namespace ward {

// Which records a chart view lists: by type and by date of creation (inclusive); empty = all.
struct RecordFilter
{
    QStringList types;
    QDate from;
    QDate to;
};

} // namespace ward
