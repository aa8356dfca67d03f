#pragma once

#include <QString>

class QWidget;

namespace ward {

// Sets the semantic properties the stylesheet matches (role, tone, textStyle, invalid) and re-polishes the
// widget so a change made after it was shown takes effect.
class ThemeProperty
{
public:
    static void setRole(QWidget* widget, const QString& role);
    // A banner or badge in one of ThemeStyleSheet::tones() ("ok", "warning", …).
    static void setTone(QWidget* widget, const QString& role, const QString& tone);
    static void setTextStyle(QWidget* widget, const QString& style);
    static void setInvalid(QWidget* widget, bool invalid);

private:
    static void set(QWidget* widget, const char* name, const QVariant& value);
};

} // namespace ward
