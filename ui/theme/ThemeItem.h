#pragma once

#include "ui/theme/ThemePalette.h"

class QTableWidget;
class QTableWidgetItem;

namespace ward {

// Emphasis inside item views (an abnormal lab value, an allergy, an invalid signature): a palette role and
// bold, kept on the item so a theme switch can repaint it in the new theme's colour.
class ThemeItem
{
public:
    // The item's text in `role` of the current theme, bold.
    static void setEmphasis(QTableWidgetItem* item, ColorRole role);
    // Re-applies every emphasis in `table` from the current theme.
    static void restyle(QTableWidget* table);
    // Keeps `table` restyled on every theme change, for as long as it lives.
    static void follow(QTableWidget* table);
};

} // namespace ward
