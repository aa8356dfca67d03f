#pragma once

#include <QFont>
#include <QList>
#include <QString>

namespace ward {

// The steps of the one type scale. Widgets name a step (property `textStyle`), never a size.
enum class TextStyle { Caption, Body, Title, Heading, Display };

// One family (Noto Sans CJK JP: kana, kanji and Latin drawn alike on every ward PC; Debian fonts-noto-cjk)
// and sizes derived from one base. Large text raises the base, so every step grows together (issue 11:
// readable standing, from 1 m).
class TypeScale
{
public:
    static constexpr qreal kBasePoints = 12;
    static constexpr qreal kLargeBasePoints = 15;

    explicit TypeScale(bool largeText = false);

    static QString family();
    static QString styleName(TextStyle style);
    static QList<TextStyle> allStyles();

    bool largeText() const { return m_large; }
    qreal pointSize(TextStyle style) const;
    bool isBold(TextStyle style) const;
    QFont font(TextStyle style = TextStyle::Body) const;
    // Paper (the password letter, printed reports): the monospaced member of the family, Noto Sans Mono CJK JP,
    // so 0/O and 1/l of a temporary password differ on paper, at the body size of the normal scale. (Qt's PDF
    // writer also maps the proportional face's digits to no text, so a PDF of it would not read back.)
    static QFont paperFont();

private:
    bool m_large;
};

} // namespace ward
