#include "records/Patient.h"

#include <QCoreApplication>

namespace ward {

QJsonObject Patient::toJson() const
{
    return QJsonObject{{QStringLiteral("patientId"), patientId},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("kana"), kana},
                       {QStringLiteral("birthDate"), birthDate.toString(Qt::ISODate)},
                       {QStringLiteral("sex"), sex},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("ward"), ward},
                       {QStringLiteral("bed"), bed}};
}

bool Patient::fromJson(const QJsonObject& json, Patient* out, QString* error)
{
    const auto str = [&](const char* key, QString* field, bool required) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString() || (required && v.toString().isEmpty())) {
            if (error)
                *error = QCoreApplication::translate("Patient", "Patient field \"%1\" is missing or not text.")
                             .arg(QLatin1String(key));
            return false;
        }
        *field = v.toString();
        return true;
    };
    Patient p;
    QString birth;
    if (!str("patientId", &p.patientId, true) || !str("name", &p.name, true) || !str("kana", &p.kana, false)
        || !str("birthDate", &birth, false) || !str("sex", &p.sex, false) || !str("address", &p.address, false)
        || !str("ward", &p.ward, true) || !str("bed", &p.bed, false))
        return false;
    if (!birth.isEmpty()) {
        p.birthDate = QDate::fromString(birth, Qt::ISODate);
        if (!p.birthDate.isValid()) {
            if (error)
                *error = QCoreApplication::translate("Patient", "Birth date \"%1\" is not a valid date.").arg(birth);
            return false;
        }
    }
    *out = p;
    return true;
}

int Patient::ageOn(const QDate& day) const
{
    if (!birthDate.isValid() || !day.isValid())
        return -1;
    int age = day.year() - birthDate.year();
    if (day.month() < birthDate.month() || (day.month() == birthDate.month() && day.day() < birthDate.day()))
        --age;
    return age;
}

} // namespace ward
