#include "ui/theme/ThemeIcon.h"

#include "ui/theme/TintedSvgIconEngine.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ward {

QString ThemeIcon::resourcePath(IconName name)
{
    const char* file = nullptr;
    switch (name) {
    case IconName::Lock: file = "system-lock-screen"; break;
    case IconName::LogOut: file = "system-log-out"; break;
    case IconName::Ok: file = "emblem-ok"; break;
    case IconName::Pending: file = "appointment-soon"; break;
    case IconName::Saved: file = "document-save"; break;
    case IconName::Timestamped: file = "security-high"; break;
    case IconName::Warning: file = "dialog-warning"; break;
    case IconName::Error: file = "dialog-error"; break;
    case IconName::Info: file = "dialog-information"; break;
    case IconName::HubOnline: file = "network-transmit-receive"; break;
    case IconName::HubOffline: file = "network-offline"; break;
    case IconName::Syncing: file = "emblem-synchronizing"; break;
    case IconName::Search: file = "system-search"; break;
    case IconName::Refresh: file = "view-refresh"; break;
    case IconName::Edit: file = "document-edit"; break;
    case IconName::NewRecord: file = "document-new"; break;
    case IconName::Print: file = "document-print"; break;
    case IconName::Back: file = "go-previous"; break;
    case IconName::User: file = "avatar-default"; break;
    case IconName::Card: file = "auth-smartcard"; break;
    case IconName::Password: file = "dialog-password"; break;
    case IconName::History: file = "document-open-recent"; break;
    case IconName::BreakGlass: file = "security-low"; break;
    case IconName::NightTheme: file = "weather-clear-night"; break;
    case IconName::LightTheme: file = "weather-clear"; break;
    case IconName::LargeText: file = "zoom-in"; break;
    case IconName::Delete: file = "edit-delete"; break;
    case IconName::Send: file = "document-send"; break;
    case IconName::ArrowDown: file = "pan-down"; break;
    case IconName::ArrowUp: file = "pan-up"; break;
    case IconName::Allergy: file = "dialog-warning"; break;
    // Not in Adwaita: drawn for WardStation in the set's style (resources/README.md).
    case IconName::Infection: file = "ward-infection"; break;
    case IconName::FallRisk: file = "ward-fall-risk"; break;
    case IconName::Npo: file = "ward-npo"; break;
    }
    return QStringLiteral(":/icons/symbolic/%1-symbolic.svg").arg(QLatin1String(file));
}

QList<IconName> ThemeIcon::all()
{
    QList<IconName> out;
    for (int i = int(IconName::Lock); i <= int(IconName::Npo); ++i)
        out << IconName(i);
    return out;
}

QByteArray ThemeIcon::tintedSvg(const QByteArray& svg, const QColor& color)
{
    // Symbolic icons are drawn in one colour: every colour in the file becomes the tint.
    static const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{6}\\b"));
    QString text = QString::fromUtf8(svg);
    text.replace(hex, color.name());
    return text.toUtf8();
}

QByteArray ThemeIcon::tintedSvg(IconName name, const QColor& color)
{
    QFile f(resourcePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return tintedSvg(f.readAll(), color);
}

QIcon ThemeIcon::icon(IconName name, ColorRole tint)
{
    // One engine per icon and tint (long timelines set hundreds); the colour is looked up when painted.
    static QHash<int, QIcon> cache;
    const int key = int(name) * 256 + int(tint);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(new TintedSvgIconEngine(resourcePath(name), tint)));
    return *it;
}

} // namespace ward
