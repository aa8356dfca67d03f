#include "ui/theme/ThemeItem.h"

#include "ui/theme/Appearance.h"

#include <QTableWidget>

namespace ward {

namespace {

// Where the role is kept; far above the roles the chart's tables use for their own data.
constexpr int kEmphasisRole = Qt::UserRole + 0x5e;

void paint(QTableWidgetItem* item, ColorRole role)
{
    item->setForeground(Appearance::color(role));
    QFont f = item->font();
    f.setBold(true);
    item->setFont(f);
}

} // namespace

void ThemeItem::setEmphasis(QTableWidgetItem* item, ColorRole role)
{
    if (!item)
        return;
    item->setData(kEmphasisRole, int(role));
    paint(item, role);
}

void ThemeItem::restyle(QTableWidget* table)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int col = 0; col < table->columnCount(); ++col) {
            QTableWidgetItem* item = table->item(row, col);
            if (item && item->data(kEmphasisRole).isValid())
                paint(item, ColorRole(item->data(kEmphasisRole).toInt()));
        }
    }
}

void ThemeItem::follow(QTableWidget* table)
{
    QObject::connect(Appearance::instance(), &Appearance::changed, table, [table] { restyle(table); });
}

} // namespace ward
