#pragma once

#include <QString>

class QCoreApplication;

namespace ward {

// Japanese first: the terminal speaks Japanese unless English is asked for explicitly
// (WARD_LANG=en or an English system locale).
class Language
{
public:
    // Returns the language installed ("ja" or "en").
    static QString install(QCoreApplication& app, const QString& requested = QString());
    static QString resolve(const QString& requested, const QString& systemLocaleName);
};

} // namespace ward
