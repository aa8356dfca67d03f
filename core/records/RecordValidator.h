#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward {

// One thing wrong with an entry, tied to the field the user must fix.
struct ValidationProblem
{
    QString field;    // body key, e.g. "temperature"; empty for the whole body
    QString message;  // readable, translated
};

// DATA-7: input is validated before it can be confirmed or even stored as a body: the bytes are valid
// UTF-8 JSON, text carries no control characters, numbers are numbers within physiological ranges.
// Body shapes (JSON objects, keys below; unknown keys are refused so nothing unchecked is signed):
//   progress-note, nursing-note  {"format":"soap","subjective","objective","assessment","plan"}
//                                 or {"format":"text","text"}
//   vital-signs   {"effective": ISO-8601 UTC, "temperature" °C, "pulse" /min, "systolic"/"diastolic" mmHg,
//                  "spo2" %, "respRate" /min}  — at least one measurement; BP as a pair
//   lab-result    {"effective","code","name","value" number,"unit","low","high"}
//   allergy       {"substance","reaction","severity": mild|moderate|severe}
//   medication-order {"drug","dose","route","frequency","start" date}
//   any type may carry "enteredInError": true with a "reason" (the version that withdraws a record).
class RecordValidator
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordValidator)

public:
    struct Range
    {
        double low;
        double high;
    };
    static constexpr Range kTemperature{30.0, 45.0};
    static constexpr Range kPulse{20, 250};
    static constexpr Range kSystolic{40, 300};
    static constexpr Range kDiastolic{20, 200};
    static constexpr Range kSpo2{50, 100};
    static constexpr Range kRespRate{4, 80};
    static constexpr int kMaxTextLength = 20000;

    static QStringList knownTypes();
    static QList<ValidationProblem> validate(const QString& type, const QByteArray& body);
    // The check for one piece of typed text: empty string when fine, else what is wrong.
    // Newline and tab are allowed in multi-line fields; every other C0/C1 control, DEL, lone
    // surrogates and non-characters are refused.
    static QString textProblem(const QString& text, bool multiLine);
    static bool isValidUtf8(const QByteArray& bytes);
};

} // namespace ward
