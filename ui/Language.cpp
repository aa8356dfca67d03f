#include "ui/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ward {

QString Language::resolve(const QString& requested, const QString& systemLocaleName)
{
    if (requested == QLatin1String("en") || requested == QLatin1String("ja"))
        return requested;
    if (requested.isEmpty() && systemLocaleName.startsWith(QLatin1String("en")))
        return QStringLiteral("en");
    return QStringLiteral("ja");
}

QString Language::install(QCoreApplication& app, const QString& requested)
{
    const QString wanted = requested.isEmpty() ? qEnvironmentVariable("WARD_LANG") : requested;
    const QString lang = resolve(wanted, QLocale::system().name());
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/wardstation_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(lang == QLatin1String("en") ? QLocale::English : QLocale::Japanese));
    return lang;
}

} // namespace ward
