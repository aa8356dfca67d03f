#include "vault/KeySlot.h"

#include "util/StrictBase64.h"

namespace ward {

QByteArray KeySlot::aad() const
{
    // Binds the wrapped key to this slot: a wrapped key copied into another user's slot fails.
    // v2: the card's point is bound too, so a slot's point cannot be swapped for one an attacker chose.
    QByteArray aad = QStringLiteral("ward-keyslot-v2|%1|%2|%3|").arg(kindName(kind), id, userId).toUtf8() + cardPoint.toHex();
    if (kind == Kind::Emergency)
        // BCP-1: and to the letter it was made for (a later letter of the same account needs a slot of its own).
        aad += QStringLiteral("|letter|%1|").arg(letter.serial).toUtf8() + letter.publicPoint.toHex();
    return aad;
}

QString KeySlot::kindName(Kind kind)
{
    switch (kind) {
    case Kind::User: return QStringLiteral("user");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Emergency: return QStringLiteral("emergency");
    }
    return QString();
}

QJsonObject KeySlot::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                  {QStringLiteral("wrapped"), QString::fromLatin1(wrappedKey.toBase64())},
                  {QStringLiteral("created"), createdAt.toUTC().toString(Qt::ISODate)}};
    if (kind == Kind::User) {
        o.insert(QStringLiteral("user"), userId);
        o.insert(QStringLiteral("kdf"), kdf.toJson());
        o.insert(QStringLiteral("card"), cardBound);
        if (cardBound)
            o.insert(QStringLiteral("cardPoint"), QString::fromLatin1(cardPoint.toBase64()));
    } else if (kind == Kind::Emergency) {
        o.insert(QStringLiteral("user"), userId);
        o.insert(QStringLiteral("cardPoint"), QString::fromLatin1(cardPoint.toBase64()));
        o.insert(QStringLiteral("letter"), letter.toJson());
    }
    return o;
}

bool KeySlot::fromJson(const QJsonObject& json, KeySlot* out)
{
    KeySlot s;
    s.id = json.value(QStringLiteral("id")).toString();
    const QString kind = json.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("user"))
        s.kind = Kind::User;
    else if (kind == QLatin1String("network"))
        s.kind = Kind::Network;
    else if (kind == QLatin1String("emergency"))
        s.kind = Kind::Emergency;
    else
        return false;
    const auto b64 = strictBase64;
    if (s.id.isEmpty() || !b64(json.value(QStringLiteral("salt")), &s.salt) || s.salt.size() != 16
        || !b64(json.value(QStringLiteral("wrapped")), &s.wrappedKey) || s.wrappedKey.size() != 12 + 32 + 16)
        return false;
    s.createdAt = QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODate);
    if (!s.createdAt.isValid())
        return false;
    if (s.kind == Kind::User) {
        s.userId = json.value(QStringLiteral("user")).toString();
        const QJsonValue card = json.value(QStringLiteral("card"));
        if (s.userId.isEmpty() || !card.isBool()
            || !Argon2Params::fromJson(json.value(QStringLiteral("kdf")).toObject(), &s.kdf))
            return false;
        s.cardBound = card.toBool();
        if (s.cardBound
            && (!b64(json.value(QStringLiteral("cardPoint")), &s.cardPoint) || s.cardPoint.size() != 65
                || s.cardPoint.at(0) != '\x04'))
            return false;
    } else if (s.kind == Kind::Emergency) {
        s.userId = json.value(QStringLiteral("user")).toString();
        if (!EmergencyLetterKey::fromJson(json.value(QStringLiteral("letter")).toObject(), &s.letter)
            || s.letter.accountId != s.userId || !b64(json.value(QStringLiteral("cardPoint")), &s.cardPoint)
            || s.cardPoint.size() != 65 || s.cardPoint.at(0) != '\x04')
            return false;
    }
    *out = s;
    return true;
}

} // namespace ward
