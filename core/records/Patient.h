#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>

namespace ward {

// Identity data (DATA-2): kept apart from health data in the vault and under its own data key at the hub.
struct Patient
{
    QString patientId;   // hospital patient number
    QString name;        // kanji, e.g. 佐藤 花子
    QString kana;        // reading, e.g. さとう はなこ
    QDate birthDate;
    QString sex;         // "M", "F", "O", "U" (the hub sends FHIR male/female/other/unknown; sync maps them)
    QString address;
    QString ward;        // compartment (AC-2)
    QString bed;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, Patient* out, QString* error);
    int ageOn(const QDate& day) const;
};

} // namespace ward
