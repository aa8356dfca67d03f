#include "exports/ExportPurpose.h"

namespace ward {

QStringList ExportPurpose::codes()
{
    return {QStringLiteral("referral"), QStringLiteral("patient-request"), QStringLiteral("legal"),
            QStringLiteral("conference"), QStringLiteral("insurance"), QStringLiteral("other")};
}

QString ExportPurpose::label(const QString& code)
{
    if (code == QLatin1String("referral"))
        return tr("Referral or transfer to another hospital");
    if (code == QLatin1String("patient-request"))
        return tr("Disclosure to the patient or family");
    if (code == QLatin1String("legal"))
        return tr("Request by law, court or authority");
    if (code == QLatin1String("conference"))
        return tr("Case conference in the hospital");
    if (code == QLatin1String("insurance"))
        return tr("Insurance claim or review");
    if (code == QLatin1String("other"))
        return tr("Other (write the purpose)");
    return QString();
}

QString ExportPurpose::problem(const QString& code, const QString& text)
{
    if (code.isEmpty())
        return tr("Choose the purpose of this output.");
    if (!codes().contains(code))
        return tr("Unknown purpose \"%1\".").arg(code);
    const QString words = text.trimmed();
    if (code == QLatin1String("other") && words.size() < kMinOtherTextLength)
        return tr("Write the purpose in a few words (at least %1 characters).").arg(kMinOtherTextLength);
    if (words.size() > kMaxTextLength)
        return tr("The purpose may have at most %1 characters.").arg(kMaxTextLength);
    return QString();
}

} // namespace ward
