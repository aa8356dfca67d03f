#include "auth/UserId.h"

#include <QCoreApplication>

namespace ward {

UserId::Error UserId::validate(const QString& id)
{
    if (id.isEmpty())
        return Error::Empty;
    if (id.size() != kLength)
        return Error::WrongLength;
    for (QChar c : id) {
        // Only ASCII: full-width digits or look-alike letters would make two "identical" IDs.
        const char16_t u = c.unicode();
        const bool alnum = (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
        if (!alnum)
            return Error::NotAlphanumeric;
    }
    return Error::None;
}

QString UserId::message(Error error)
{
    switch (error) {
    case Error::None:
        return QString();
    case Error::Empty:
        return QCoreApplication::translate("UserId", "Enter a user ID.");
    case Error::WrongLength:
        return QCoreApplication::translate("UserId", "A user ID has exactly %1 characters.").arg(kLength);
    case Error::NotAlphanumeric:
        return QCoreApplication::translate("UserId",
                                           "A user ID contains only the letters A–Z, a–z and the digits 0–9.");
    }
    return QString();
}

} // namespace ward
