#include "records/RecordValidator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QStringDecoder>

#include <cmath>

namespace ward {

namespace {

const QSet<QString>& noteKeys()
{
    static const QSet<QString> keys{QStringLiteral("format"),   QStringLiteral("subjective"),
                                    QStringLiteral("objective"), QStringLiteral("assessment"),
                                    QStringLiteral("plan"),      QStringLiteral("text")};
    return keys;
}

} // namespace

QStringList RecordValidator::knownTypes()
{
    return {QStringLiteral("progress-note"), QStringLiteral("nursing-note"),  QStringLiteral("vital-signs"),
            QStringLiteral("lab-result"),    QStringLiteral("allergy"),       QStringLiteral("medication-order")};
}

bool RecordValidator::isValidUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

QString RecordValidator::textProblem(const QString& text, bool multiLine)
{
    if (text.size() > kMaxTextLength)
        return tr("The text is longer than %1 characters.").arg(kMaxTextLength);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const ushort u = c.unicode();
        if (multiLine && (u == '\n' || u == '\t'))
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f))
            return tr("The text contains a control character (U+%1) at position %2; remove it.")
                .arg(u, 4, 16, QLatin1Char('0'))
                .arg(i + 1);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return tr("The text contains a broken character at position %1.").arg(i + 1);
            ++i;
            continue;
        }
        if (c.isLowSurrogate() || c.isNonCharacter())
            return tr("The text contains a broken character at position %1.").arg(i + 1);
    }
    return QString();
}

QList<ValidationProblem> RecordValidator::validate(const QString& type, const QByteArray& body)
{
    QList<ValidationProblem> problems;
    auto problem = [&problems](const QString& field, const QString& message) {
        problems.append({field, message});
    };
    if (!knownTypes().contains(type)) {
        problem(QString(), tr("Unknown record type \"%1\".").arg(type));
        return problems;
    }
    if (!isValidUtf8(body)) {
        problem(QString(), tr("The entry is not valid UTF-8 text."));
        return problems;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        problem(QString(), tr("The entry is not a JSON object."));
        return problems;
    }
    const QJsonObject o = doc.object();

    // Every string anywhere in the body is checked for control characters, whatever the type.
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isString()) {
            const QString p = textProblem(it.value().toString(), true);
            if (!p.isEmpty())
                problem(it.key(), p);
        } else if (!it.value().isDouble() && !it.value().isBool()) {
            problem(it.key(), tr("Field \"%1\" must be text or a number.").arg(it.key()));
        }
    }
    if (!problems.isEmpty())
        return problems;

    if (o.value(QStringLiteral("enteredInError")).toBool(false)) {
        if (o.value(QStringLiteral("reason")).toString().trimmed().isEmpty())
            problem(QStringLiteral("reason"), tr("Say why the record was entered in error."));
        return problems;
    }

    auto text = [&](const QString& key, bool required) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty())) {
            if (required)
                problem(key, tr("\"%1\" is required.").arg(key));
            return;
        }
        if (!v.isString())
            problem(key, tr("\"%1\" must be text.").arg(key));
    };
    auto number = [&](const QString& key, const QString& label, Range range, const QString& unit) -> bool {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            problem(key, tr("%1 must be a number.").arg(label));
            return false;
        }
        const double d = v.toDouble();
        if (d < range.low || d > range.high) {
            problem(key, tr("%1 must be between %2 and %3 %4.").arg(label).arg(range.low).arg(range.high).arg(unit));
            return false;
        }
        return true;
    };
    auto onlyKeys = [&](const QSet<QString>& allowed) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                problem(it.key(), tr("Unexpected field \"%1\".").arg(it.key()));
        }
    };

    if (type == QLatin1String("progress-note") || type == QLatin1String("nursing-note")) {
        onlyKeys(noteKeys());
        const QString format = o.value(QStringLiteral("format")).toString();
        if (format == QLatin1String("soap")) {
            for (const char* k : {"subjective", "objective", "assessment", "plan"})
                text(QLatin1String(k), false);
            bool any = false;
            for (const char* k : {"subjective", "objective", "assessment", "plan"})
                any = any || !o.value(QLatin1String(k)).toString().trimmed().isEmpty();
            if (!any)
                problem(QString(), tr("Write at least one of S, O, A or P."));
            if (o.contains(QStringLiteral("text")))
                problem(QStringLiteral("text"), tr("A SOAP note has no free-text field."));
        } else if (format == QLatin1String("text")) {
            text(QStringLiteral("text"), true);
        } else {
            problem(QStringLiteral("format"), tr("A note is either SOAP or free text."));
        }
    } else if (type == QLatin1String("vital-signs")) {
        onlyKeys({QStringLiteral("effective"), QStringLiteral("temperature"), QStringLiteral("pulse"),
                  QStringLiteral("systolic"), QStringLiteral("diastolic"), QStringLiteral("spo2"),
                  QStringLiteral("respRate")});
        const QDateTime effective =
            QDateTime::fromString(o.value(QStringLiteral("effective")).toString(), Qt::ISODate);
        if (!effective.isValid())
            problem(QStringLiteral("effective"), tr("The time of measurement is missing or not a date and time."));
        int measured = 0;
        measured += number(QStringLiteral("temperature"), tr("Body temperature"), kTemperature, QStringLiteral("°C"));
        measured += number(QStringLiteral("pulse"), tr("Pulse"), kPulse, QStringLiteral("/min"));
        const bool sys = number(QStringLiteral("systolic"), tr("Systolic pressure"), kSystolic, QStringLiteral("mmHg"));
        const bool dia = number(QStringLiteral("diastolic"), tr("Diastolic pressure"), kDiastolic, QStringLiteral("mmHg"));
        measured += sys + dia;
        measured += number(QStringLiteral("spo2"), tr("SpO2"), kSpo2, QStringLiteral("%"));
        measured += number(QStringLiteral("respRate"), tr("Respiratory rate"), kRespRate, QStringLiteral("/min"));
        if (o.contains(QStringLiteral("systolic")) != o.contains(QStringLiteral("diastolic")))
            problem(QStringLiteral("diastolic"), tr("Enter blood pressure as systolic and diastolic together."));
        else if (sys && dia
                 && o.value(QStringLiteral("systolic")).toDouble() <= o.value(QStringLiteral("diastolic")).toDouble())
            problem(QStringLiteral("systolic"), tr("Systolic pressure must be higher than diastolic."));
        if (measured == 0 && problems.isEmpty())
            problem(QString(), tr("Enter at least one measurement."));
    } else if (type == QLatin1String("lab-result")) {
        onlyKeys({QStringLiteral("effective"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("value"),
                  QStringLiteral("unit"), QStringLiteral("low"), QStringLiteral("high")});
        text(QStringLiteral("name"), true);
        text(QStringLiteral("unit"), false);
        text(QStringLiteral("code"), false);
        if (!o.value(QStringLiteral("value")).isDouble())
            problem(QStringLiteral("value"), tr("A lab result needs a numeric value."));
        for (const char* k : {"low", "high"}) {
            if (o.contains(QLatin1String(k)) && !o.value(QLatin1String(k)).isDouble())
                problem(QLatin1String(k), tr("Reference limits must be numbers."));
        }
    } else if (type == QLatin1String("allergy")) {
        onlyKeys({QStringLiteral("substance"), QStringLiteral("reaction"), QStringLiteral("severity")});
        text(QStringLiteral("substance"), true);
        text(QStringLiteral("reaction"), false);
        const QString severity = o.value(QStringLiteral("severity")).toString();
        if (!severity.isEmpty() && severity != QLatin1String("mild") && severity != QLatin1String("moderate")
            && severity != QLatin1String("severe"))
            problem(QStringLiteral("severity"), tr("Severity is mild, moderate or severe."));
    } else if (type == QLatin1String("medication-order")) {
        onlyKeys({QStringLiteral("drug"), QStringLiteral("dose"), QStringLiteral("route"), QStringLiteral("frequency"),
                  QStringLiteral("start")});
        text(QStringLiteral("drug"), true);
        text(QStringLiteral("dose"), true);
        text(QStringLiteral("route"), false);
        text(QStringLiteral("frequency"), false);
    }
    return problems;
}

} // namespace ward
