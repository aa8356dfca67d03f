#include "records/KanaFolding.h"

namespace ward::KanaFolding {

QString fold(const QString& text)
{
    const QString nfkc = text.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(nfkc.size());
    for (QChar c : nfkc) {
        const char16_t u = c.unicode();
        if (c.isSpace() || u == 0x30FB /* ・ */)
            continue;
        if (u >= 0x30A1 && u <= 0x30F6)  // katakana ァ..ヶ → hiragana ぁ..ゖ
            out.append(QChar(static_cast<char16_t>(u - 0x60)));
        else
            out.append(c.toCaseFolded());
    }
    return out;
}

QStringList characters(const QString& folded)
{
    QStringList chars;
    for (int i = 0; i < folded.size(); ++i) {
        if (folded.at(i).isHighSurrogate() && i + 1 < folded.size()) {
            chars << folded.mid(i, 2);
            ++i;
        } else {
            chars << QString(folded.at(i));
        }
    }
    return chars;
}

QString bigrams(const QString& folded)
{
    const QStringList chars = characters(folded);
    QStringList grams;
    for (int i = 0; i + 1 < chars.size(); ++i)
        grams << chars.at(i) + chars.at(i + 1);
    if (!chars.isEmpty())
        grams << chars.last();
    return grams.join(QLatin1Char(' '));
}

} // namespace ward::KanaFolding
