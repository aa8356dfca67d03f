#include "ui/theme/TintedSvgIconEngine.h"

#include "ui/theme/Appearance.h"
#include "ui/theme/ThemeIcon.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace ward {

TintedSvgIconEngine::TintedSvgIconEngine(QString resourcePath, ColorRole tint)
    : m_path(std::move(resourcePath)), m_tint(tint)
{
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly))
        m_svg = f.readAll();
}

void TintedSvgIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, dpr));
}

QPixmap TintedSvgIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap TintedSvgIconEngine::scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    const QColor color = Appearance::theme().color(mode == QIcon::Disabled ? ColorRole::TextDisabled : m_tint);
    const QSize device = size * scale;
    const QString cacheKey = QStringLiteral("ward-icon:%1:%2:%3x%4")
                                 .arg(m_path, color.name())
                                 .arg(device.width())
                                 .arg(device.height());
    QPixmap pm;
    if (QPixmapCache::find(cacheKey, &pm))
        return pm;
    pm = QPixmap(device);
    pm.fill(Qt::transparent);
    QSvgRenderer renderer(ThemeIcon::tintedSvg(m_svg, color));
    if (renderer.isValid() && !device.isEmpty()) {
        QPainter p(&pm);
        // Keep the icon square and centred in a non-square request.
        const int side = qMin(device.width(), device.height());
        renderer.render(&p, QRectF((device.width() - side) / 2.0, (device.height() - side) / 2.0, side, side));
    }
    pm.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, pm);
    return pm;
}

QIconEngine* TintedSvgIconEngine::clone() const
{
    return new TintedSvgIconEngine(*this);
}

QString TintedSvgIconEngine::key() const
{
    return QStringLiteral("WardTintedSvg");
}

bool TintedSvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace ward
