#include "ui/theme/ThemeStyleSheet.h"

#include "ui/theme/Spacing.h"

namespace ward {

namespace {

struct ToneRoles {
    const char* name;
    ColorRole background;
    ColorRole foreground;
};

constexpr ToneRoles kTones[] = {
    {"ok", ColorRole::OkBackground, ColorRole::OnOk},
    {"pending", ColorRole::PendingBackground, ColorRole::OnPending},
    {"warning", ColorRole::WarningBackground, ColorRole::OnWarning},
    {"danger", ColorRole::DangerBackground, ColorRole::OnDanger},
    {"info", ColorRole::InfoBackground, ColorRole::OnInfo},
};

} // namespace

QStringList ThemeStyleSheet::tones()
{
    QStringList out;
    for (const ToneRoles& t : kTones)
        out << QLatin1String(t.name);
    return out;
}

QString ThemeStyleSheet::build(const Theme& theme, int touchTargetPx, const Images& images)
{
    using R = ColorRole;
    auto c = [&theme](ColorRole role) { return theme.color(role).name(); };
    const TypeScale& type = theme.typeScale();
    const int target = touchTargetPx;
    QString s;

    // Base text and every step of the type scale.
    for (TextStyle style : TypeScale::allStyles()) {
        s += QStringLiteral("*[textStyle=\"%1\"] { font-size: %2pt; font-weight: %3; }\n")
                 .arg(TypeScale::styleName(style), QString::number(type.pointSize(style)),
                      type.isBold(style) ? QStringLiteral("bold") : QStringLiteral("normal"));
    }
    s += QStringLiteral("QToolTip { color: %1; background-color: %2; border: 1px solid %3; padding: %4px; }\n")
             .arg(c(R::Text), c(R::Surface), c(R::Border))
             .arg(Spacing::kXs);

    // Buttons: at least one touch target high; keyboard focus as a thick ring in the focus colour.
    s += QStringLiteral(
             "QPushButton { color: %1; background-color: %2; border: 1px solid %3; border-radius: 6px;"
             " min-height: %4px; padding: 2px %5px; }\n"
             "QPushButton:hover { background-color: %6; }\n"
             "QPushButton:pressed, QPushButton:checked { background-color: %6; color: %7; }\n"
             "QPushButton:focus { border: 3px solid %8; padding: 0px %9px; }\n"
             "QPushButton:disabled { color: %10; background-color: %11; border-color: %2; }\n")
             .arg(c(R::Text), c(R::SurfaceAlt), c(R::Border))
             .arg(target - 6)
             .arg(Spacing::kL)
             .arg(c(R::Selection), c(R::OnSelection), c(R::Focus))
             .arg(Spacing::kL - 2)
             .arg(c(R::TextDisabled), c(R::Window));
    s += QStringLiteral(
             "QPushButton[role=\"primary\"], QPushButton:default { color: %1; background-color: %2; border-color: %2; }\n"
             "QPushButton[role=\"primary\"]:focus, QPushButton:default:focus { border-color: %3; }\n"
             "QPushButton[role=\"danger\"] { color: %4; background-color: %5; border-color: %5; }\n"
             "QPushButton[role=\"danger\"]:focus { border-color: %3; }\n"
             "QPushButton[role=\"primary\"]:disabled, QPushButton[role=\"danger\"]:disabled,"
             " QPushButton:default:disabled { color: %6; background-color: %7; border-color: %8; }\n")
             .arg(c(R::OnAccent), c(R::Accent), c(R::Focus), c(R::OnDanger), c(R::DangerBackground),
                  c(R::TextDisabled), c(R::Window), c(R::SurfaceAlt));

    // Toolbars: text beside the icon, buttons sized by their content and the touch target, not by hand.
    s += QStringLiteral(
             "QToolBar { background-color: %1; border: none; border-bottom: 1px solid %2; spacing: %3px; padding: %4px; }\n"
             "QToolButton { color: %5; background-color: transparent; border: 1px solid transparent; border-radius: 6px;"
             " min-height: %6px; min-width: %6px; padding: 0px %3px; }\n"
             "QToolButton:hover { background-color: %7; }\n"
             "QToolButton:pressed, QToolButton:checked { background-color: %7; color: %8; }\n"
             "QToolButton:focus { border: 3px solid %9; }\n"
             "QToolButton:disabled { color: %10; }\n")
             .arg(c(R::SurfaceAlt), c(R::Border))
             .arg(Spacing::kS)
             .arg(Spacing::kXs)
             .arg(c(R::Text))
             .arg(target - 2)
             .arg(c(R::Selection), c(R::OnSelection), c(R::Focus), c(R::TextDisabled));

    // Inputs.
    s += QStringLiteral(
             "QLineEdit, QPlainTextEdit, QTextEdit, QTextBrowser, QSpinBox, QDoubleSpinBox, QComboBox, QDateTimeEdit,"
             " QDateEdit, QTimeEdit { color: %1; background-color: %2; border: 1px solid %3; border-radius: 4px;"
             " padding: 4px; selection-background-color: %4; selection-color: %5; }\n"
             "QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox, QDateTimeEdit, QDateEdit, QTimeEdit { min-height: %6px; }\n"
             "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QTextBrowser:focus, QSpinBox:focus,"
             " QDoubleSpinBox:focus, QComboBox:focus, QDateTimeEdit:focus, QDateEdit:focus, QTimeEdit:focus"
             " { border: 3px solid %7; padding: 2px; }\n"
             "QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled { color: %8; background-color: %9; }\n"
             "*[invalid=\"true\"] { border: 3px solid %10; padding: 2px; }\n"
             "QComboBox QAbstractItemView { color: %1; background-color: %2; selection-background-color: %4;"
             " selection-color: %5; }\n"
             )
             .arg(c(R::Text), c(R::Surface), c(R::Border), c(R::Selection), c(R::OnSelection))
             .arg(target - 10)
             .arg(c(R::Focus), c(R::TextDisabled), c(R::Window), c(R::DangerText));
    if (!images.arrowDown.isEmpty()) {
        s += QStringLiteral(
                 "QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down { subcontrol-origin: border;"
                 " subcontrol-position: top right; width: %1px; border: none; border-left: 1px solid %2; }\n"
                 "QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { subcontrol-origin: border; width: %1px;"
                 " border: none; border-left: 1px solid %2; }\n"
                 "QAbstractSpinBox::up-button { subcontrol-position: top right; }\n"
                 "QAbstractSpinBox::down-button { subcontrol-position: bottom right; }\n"
                 "QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow, QAbstractSpinBox::down-arrow"
                 " { image: url(%3); width: 16px; height: 16px; }\n"
                 "QAbstractSpinBox::up-arrow { image: url(%4); width: 16px; height: 16px; }\n"
                 "QComboBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:disabled { image: url(%5); }\n"
                 "QAbstractSpinBox::up-arrow:disabled { image: url(%6); }\n")
                 .arg(Spacing::kXl + Spacing::kXs)
                 .arg(c(R::Border), images.arrowDown, images.arrowUp, images.arrowDownDisabled, images.arrowUpDisabled);
    }
    s += QStringLiteral("QCheckBox, QRadioButton { min-height: %1px; spacing: %2px; }\n"
                        "QCheckBox:focus, QRadioButton:focus { color: %3; text-decoration: underline; }\n")
             .arg(target - 8)
             .arg(Spacing::kS)
             .arg(c(R::Text));

    // Tables, lists and trees.
    s += QStringLiteral(
             "QTableView, QTreeView, QListView { color: %1; background-color: %2; alternate-background-color: %3;"
             " gridline-color: %3; border: 1px solid %4; selection-background-color: %5; selection-color: %6; }\n"
             "QTableView:focus, QTreeView:focus, QListView:focus { border: 3px solid %7; }\n"
             "QTableView::item, QTreeView::item, QListView::item { padding: %8px %9px; }\n"
             "QHeaderView::section { color: %1; background-color: %3; border: none; border-bottom: 1px solid %4;"
             " border-right: 1px solid %4; padding: %8px %9px; font-weight: bold; }\n"
             "QTableCornerButton::section { background-color: %3; border: none; }\n")
             .arg(c(R::Text), c(R::Surface), c(R::SurfaceAlt), c(R::Border), c(R::Selection), c(R::OnSelection),
                  c(R::Focus))
             .arg(Spacing::kXs)
             .arg(Spacing::kS);

    // Tabs.
    s += QStringLiteral(
             "QTabWidget::pane { border: 1px solid %1; background-color: %2; }\n"
             "QTabBar::tab { color: %3; background-color: %4; border: 1px solid %1; border-bottom: none;"
             " border-top-left-radius: 6px; border-top-right-radius: 6px; min-height: %5px; padding: 0px %6px;"
             " margin-right: 2px; }\n"
             "QTabBar::tab:selected { color: %7; background-color: %2; border-top: 3px solid %8; }\n"
             "QTabBar::tab:focus { border: 3px solid %9; }\n"
             "QTabBar::tab:disabled { color: %10; }\n")
             .arg(c(R::Border), c(R::Window), c(R::TextMuted), c(R::SurfaceAlt))
             .arg(target - 4)
             .arg(Spacing::kL)
             .arg(c(R::Text), c(R::Accent), c(R::Focus), c(R::TextDisabled));

    // Group boxes, menus and the status bar.
    s += QStringLiteral(
             "QGroupBox { border: 1px solid %1; border-radius: 6px; margin-top: %2px; padding-top: %3px; }\n"
             "QGroupBox::title { subcontrol-origin: margin; left: %3px; padding: 0px %4px; font-weight: bold; }\n"
             "QMenuBar { background-color: %5; color: %6; }\n"
             "QMenuBar::item { padding: %4px %3px; }\n"
             "QMenuBar::item:selected { background-color: %7; color: %8; }\n"
             "QMenu { background-color: %9; color: %6; border: 1px solid %1; }\n"
             "QMenu::item { padding: %4px %10px; min-height: %11px; }\n"
             "QMenu::item:selected { background-color: %7; color: %8; }\n"
             "QStatusBar { background-color: %5; color: %6; border-top: 1px solid %1; }\n")
             .arg(c(R::Border))
             .arg(Spacing::kL)
             .arg(Spacing::kS)
             .arg(Spacing::kXs)
             .arg(c(R::SurfaceAlt), c(R::Text), c(R::Selection), c(R::OnSelection), c(R::Surface))
             .arg(Spacing::kXl)
             .arg(target - 8);

    // Messages, banners and badges: the tone names the colour pair.
    s += QStringLiteral("QLabel[role=\"error\"] { color: %1; font-weight: bold; }\n"
                        "QLabel[role=\"muted\"] { color: %2; }\n")
             .arg(c(R::DangerText), c(R::TextMuted));
    s += QStringLiteral("*[role=\"banner\"] { padding: %1px %2px; border-radius: 4px; font-weight: bold; }\n"
                        "*[role=\"badge\"] { padding: %3px %1px; border-radius: 6px; font-weight: bold; }\n")
             .arg(Spacing::kS)
             .arg(Spacing::kM)
             .arg(Spacing::kXs);
    for (const ToneRoles& t : kTones) {
        s += QStringLiteral("*[role=\"banner\"][tone=\"%1\"], *[role=\"badge\"][tone=\"%1\"]"
                            " { color: %2; background-color: %3; }\n")
                 .arg(QLatin1String(t.name), c(t.foreground), c(t.background));
    }
    // Issue 18: the lock screensaver is dark whatever the theme (it stands for hours in a dimmed ward); help
    // overlays cover the screen under them with the page colour.
    const ThemePalette night = ThemePalette::night();
    s += QStringLiteral("*[role=\"screensaver\"], *[role=\"screensaver\"] QLabel { color: %1; background-color: %2; }\n"
                        "*[role=\"overlay\"] { background-color: %3; }\n")
             .arg(night.color(R::TextMuted).name(), night.color(R::Window).name(), c(R::Window));
    s += QStringLiteral("*[role=\"badge\"][tone=\"neutral\"] { color: %1; background-color: %2; border: 1px solid %3; }\n")
             .arg(c(R::Text), c(R::SurfaceAlt), c(R::Border));
    return s;
}

QString ThemeStyleSheet::richText(const Theme& theme)
{
    return QStringLiteral(".added { background-color: %1; color: %3; font-weight: bold; }\n"
                          ".removed { background-color: %2; color: %3; text-decoration: line-through; }\n")
        .arg(theme.color(ColorRole::DiffAdded).name(), theme.color(ColorRole::DiffRemoved).name(),
             theme.color(ColorRole::Text).name());
}

} // namespace ward
