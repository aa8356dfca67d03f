#pragma once

#include <QString>
#include <QStringList>

namespace ward::KanaFolding {

// Folds text so that the ways a nurse may type a name meet: full/half-width (NFKC), katakana to
// hiragana, Latin case, and spaces removed. 「ｻﾄｳ」「サトウ」「さとう」 all fold to 「さとう」.
QString fold(const QString& text);

// Space-separated overlapping character bigrams of already folded text, plus the last character
// alone so one-character queries can match as a prefix: 「さとう」 → 「さと とう う」.
QString bigrams(const QString& folded);

// Splits folded text into user-perceived characters (surrogate pairs kept together).
QStringList characters(const QString& folded);

} // namespace ward::KanaFolding
