#include "ui/theme/AppearancePreferences.h"

#include <QDir>
#include <QSettings>
#include <QUrl>

namespace ward {

namespace {

// Staff IDs go into INI group names: percent-encode so no ID can reach into another group.
QString staffGroup(const QString& staffId)
{
    return QStringLiteral("staff/") + QString::fromLatin1(QUrl::toPercentEncoding(staffId));
}

} // namespace

AppearancePreferences::AppearancePreferences(QString filePath)
    : m_path(std::move(filePath))
{
}

QString AppearancePreferences::pathFor(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("appearance.ini"));
}

std::optional<Theme> AppearancePreferences::read(const QString& group) const
{
    QSettings s(m_path, QSettings::IniFormat);
    s.beginGroup(group);
    const auto kind = Theme::kindFromName(s.value(QStringLiteral("theme")).toString());
    if (!kind)
        return std::nullopt;
    return Theme(*kind, s.value(QStringLiteral("largeText"), false).toBool());
}

void AppearancePreferences::write(const QString& group, const Theme& theme)
{
    QSettings s(m_path, QSettings::IniFormat);
    s.beginGroup(group);
    s.setValue(QStringLiteral("theme"), Theme::kindName(theme.kind()));
    s.setValue(QStringLiteral("largeText"), theme.largeText());
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError)
        qWarning("appearance preferences not saved to %s", qPrintable(m_path));
}

std::optional<Theme> AppearancePreferences::forStaff(const QString& staffId) const
{
    if (staffId.isEmpty())
        return std::nullopt;
    return read(staffGroup(staffId));
}

void AppearancePreferences::setForStaff(const QString& staffId, const Theme& theme)
{
    if (!staffId.isEmpty())
        write(staffGroup(staffId), theme);
}

Theme AppearancePreferences::terminalDefault() const
{
    return read(QStringLiteral("terminal")).value_or(Theme());
}

void AppearancePreferences::setTerminalDefault(const Theme& theme)
{
    write(QStringLiteral("terminal"), theme);
}

} // namespace ward
