#include "records/LabResult.h"

namespace ward {

LabResult::Flag LabResult::flagFor(double value, std::optional<double> low, std::optional<double> high)
{
    if (low && value < *low)
        return Flag::Low;
    if (high && value > *high)
        return Flag::High;
    return Flag::Normal;
}

QString LabResult::displayUnit(const QString& ucum)
{
    static const QChar kSuperscripts[] = {u'⁰', u'¹', u'²', u'³', u'⁴', u'⁵', u'⁶', u'⁷', u'⁸', u'⁹'};
    QString out;
    out.reserve(ucum.size() + 2);
    for (int i = 0; i < ucum.size(); ++i) {
        const QChar c = ucum.at(i);
        // UCUM's power of ten, "10*N" (N one digit or more), as ×10ᴺ.
        if (c == u'1' && ucum.mid(i, 3) == QLatin1String("10*") && (i == 0 || !ucum.at(i - 1).isDigit())) {
            int j = i + 3;
            QString power;
            while (j < ucum.size() && ucum.at(j).isDigit())
                power += kSuperscripts[ucum.at(j++).digitValue()];
            if (!power.isEmpty()) {
                out += QStringLiteral("×10") + power;
                i = j - 1;
                continue;
            }
        }
        // The micro prefix: UCUM writes "u" before a unit letter (uL, ug, umol, uU is not used on lab sheets).
        if (c == u'u' && (i == 0 || !ucum.at(i - 1).isLetter()) && i + 1 < ucum.size() && ucum.at(i + 1).isLetter()) {
            out += QChar(0x00B5);
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace ward
