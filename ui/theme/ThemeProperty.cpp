#include "ui/theme/ThemeProperty.h"

#include <QStyle>
#include <QVariant>
#include <QWidget>

namespace ward {

void ThemeProperty::set(QWidget* widget, const char* name, const QVariant& value)
{
    if (!widget || widget->property(name) == value)
        return;
    widget->setProperty(name, value);
    // Property selectors are matched when a widget is polished.
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

void ThemeProperty::setRole(QWidget* widget, const QString& role)
{
    set(widget, "role", role);
}

void ThemeProperty::setTone(QWidget* widget, const QString& role, const QString& tone)
{
    if (!widget)
        return;
    widget->setProperty("role", role);
    set(widget, "tone", tone);
}

void ThemeProperty::setTextStyle(QWidget* widget, const QString& style)
{
    set(widget, "textStyle", style);
}

void ThemeProperty::setInvalid(QWidget* widget, bool invalid)
{
    set(widget, "invalid", invalid);
}

} // namespace ward
