#pragma once

#include "ui/theme/ThemePalette.h"

#include <QIconEngine>

namespace ward {

// Renders a single-colour symbolic SVG in a palette role of the theme current at paint time: one SVG serves
// both themes, and an icon already on a button follows a theme switch.
class TintedSvgIconEngine : public QIconEngine
{
public:
    TintedSvgIconEngine(QString resourcePath, ColorRole tint);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine* clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QString m_path;
    ColorRole m_tint;
    QByteArray m_svg;
};

} // namespace ward
