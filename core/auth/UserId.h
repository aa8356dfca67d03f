#pragma once

#include <QString>

namespace ward {

// AUTH-3 (000 別紙1 "利用者識別番号 10桁の英数字"): a staff user ID is exactly ten ASCII letters or
// digits. Uniqueness and never reusing a retired ID are the hub directory's job (it keeps retired
// rows forever); this class only decides whether a string can be an ID at all.
class UserId
{
public:
    enum class Error { None, Empty, WrongLength, NotAlphanumeric };

    static constexpr int kLength = 10;

    static Error validate(const QString& id);
    static bool isValid(const QString& id) { return validate(id) == Error::None; }
    // BCP-1: the wards' emergency accounts are named so that nobody can mistake them ("EMERG…", e.g. EMERGW3001);
    // the prefix is theirs alone, so a staff ID never starts with it.
    static constexpr char kEmergencyPrefix[] = "EMERG";
    static bool isEmergency(const QString& id) { return id.startsWith(QLatin1String(kEmergencyPrefix), Qt::CaseInsensitive); }
    // Readable English (translated) text for an error, for the registrar's form.
    static QString message(Error error);
};

} // namespace ward
