#include "diagnostics/DiagnosticReport.h"

namespace ward {

void DiagnosticReport::add(const QString& id, const QString& title, const QString& value, Level level)
{
    checks.append({id, title, value, level});
}

const DiagnosticReport::Check* DiagnosticReport::find(const QString& id) const
{
    for (const Check& c : checks)
        if (c.id == id)
            return &c;
    return nullptr;
}

bool DiagnosticReport::hasProblems() const
{
    for (const Check& c : checks)
        if (c.level == Level::Problem)
            return true;
    return false;
}

QString DiagnosticReport::levelText(Level level)
{
    switch (level) {
    case Level::Ok: return tr("OK");
    case Level::Warning: return tr("Warning");
    case Level::Problem: return tr("Problem");
    case Level::Unavailable: break;
    }
    return tr("Not available");
}

QString DiagnosticReport::toText() const
{
    QStringList lines;
    lines << tr("WardStation terminal diagnostics") << tr("Terminal: %1").arg(terminalId.isEmpty() ? tr("(not enrolled)") : terminalId)
          << tr("Generated: %1 UTC").arg(generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
          << QString();
    for (const Check& c : checks)
        lines << QStringLiteral("[%1] %2: %3").arg(levelText(c.level), c.title, QString(c.value).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace ward
