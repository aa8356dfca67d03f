#include "ui/theme/TypeScale.h"

namespace ward {

TypeScale::TypeScale(bool largeText)
    : m_large(largeText)
{
}

QString TypeScale::family()
{
    return QStringLiteral("Noto Sans CJK JP");
}

QString TypeScale::styleName(TextStyle style)
{
    switch (style) {
    case TextStyle::Caption: return QStringLiteral("caption");
    case TextStyle::Body: return QStringLiteral("body");
    case TextStyle::Title: return QStringLiteral("title");
    case TextStyle::Heading: return QStringLiteral("heading");
    case TextStyle::Display: return QStringLiteral("display");
    }
    return QString();
}

QList<TextStyle> TypeScale::allStyles()
{
    return {TextStyle::Caption, TextStyle::Body, TextStyle::Title, TextStyle::Heading, TextStyle::Display};
}

qreal TypeScale::pointSize(TextStyle style) const
{
    const qreal base = m_large ? kLargeBasePoints : kBasePoints;
    switch (style) {
    case TextStyle::Caption: return qRound(base * 0.85 * 2) / 2.0;
    case TextStyle::Body: return base;
    case TextStyle::Title: return qRound(base * 1.25 * 2) / 2.0;
    case TextStyle::Heading: return qRound(base * 1.6 * 2) / 2.0;
    case TextStyle::Display: return qRound(base * 3.2 * 2) / 2.0;
    }
    return base;
}

bool TypeScale::isBold(TextStyle style) const
{
    return style == TextStyle::Title || style == TextStyle::Heading || style == TextStyle::Display;
}

QFont TypeScale::font(TextStyle style) const
{
    QFont f(family());
    f.setPointSizeF(pointSize(style));
    f.setBold(isBold(style));
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QFont TypeScale::paperFont()
{
    QFont font(QStringLiteral("Noto Sans Mono CJK JP"));
    font.setPointSizeF(kBasePoints - 1);
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace ward
