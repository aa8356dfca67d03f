#include "ui/theme/Appearance.h"

#include "ui/theme/AppearancePreferences.h"
#include "ui/theme/Spacing.h"
#include "ui/theme/ThemeIcon.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QPixmapCache>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

namespace ward {

namespace {

QPointer<Appearance>& current()
{
    static QPointer<Appearance> instance;
    return instance;
}

const Theme& defaultTheme()
{
    static const Theme theme;
    return theme;
}

} // namespace

Appearance::Appearance(QObject* parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("appearance"));
}

Appearance::~Appearance() = default;

Appearance* Appearance::instance()
{
    QPointer<Appearance>& a = current();
    if (!a)
        a = new Appearance(QCoreApplication::instance());
    return a;
}

const Theme& Appearance::theme()
{
    const QPointer<Appearance>& a = current();
    return a ? a->m_theme : defaultTheme();
}

void Appearance::apply(const Theme& theme)
{
    m_theme = theme;
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) {
        // Fusion draws from the palette alone, so both themes look the same on every desktop.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme.qtPalette());
        QApplication::setFont(theme.typeScale().font(TextStyle::Body));
        app->setStyleSheet(ThemeStyleSheet::build(theme, Spacing::touchTargetPx(), writeImages(theme)));
        // Tinted icons are cached by colour; the old colours are no longer wanted.
        QPixmapCache::clear();
    }
    emit changed(m_theme);
}

ThemeStyleSheet::Images Appearance::writeImages(const Theme& theme)
{
    ThemeStyleSheet::Images images;
    if (!m_images.isValid())
        return images;
    // One file per icon and colour: a stylesheet that still points at the previous theme's never changes under it.
    auto write = [this](IconName name, ColorRole role, const Theme& t) {
        const QColor color = t.color(role);
        const QString path = m_images.filePath(QStringLiteral("%1-%2.svg")
                                                   .arg(QFileInfo(ThemeIcon::resourcePath(name)).baseName(),
                                                        color.name().mid(1)));
        if (!QFileInfo::exists(path)) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(ThemeIcon::tintedSvg(name, color)) <= 0)
                return QString();
        }
        return path;
    };
    images.arrowDown = write(IconName::ArrowDown, ColorRole::Text, theme);
    images.arrowUp = write(IconName::ArrowUp, ColorRole::Text, theme);
    images.arrowDownDisabled = write(IconName::ArrowDown, ColorRole::TextDisabled, theme);
    images.arrowUpDisabled = write(IconName::ArrowUp, ColorRole::TextDisabled, theme);
    for (const QString& p : {images.arrowDown, images.arrowUp, images.arrowDownDisabled, images.arrowUpDisabled}) {
        if (p.isEmpty())
            return ThemeStyleSheet::Images();  // Qt's own arrows rather than none
    }
    return images;
}

void Appearance::setPreferences(std::unique_ptr<AppearancePreferences> preferences)
{
    m_preferences = std::move(preferences);
    if (m_preferences)
        apply(m_preferences->terminalDefault());
}

void Appearance::setStaffId(const QString& staffId)
{
    m_staffId = staffId;
    if (staffId.isEmpty() || !m_preferences)
        return;
    if (const auto remembered = m_preferences->forStaff(staffId); remembered && *remembered != m_theme)
        apply(*remembered);
}

void Appearance::choose(const Theme& theme)
{
    if (m_preferences) {
        m_preferences->setForStaff(m_staffId, theme);
        m_preferences->setTerminalDefault(theme);
    }
    apply(theme);
}

} // namespace ward
