#include "ui/theme/ThemePalette.h"

#include <initializer_list>
#include <utility>

namespace ward {

namespace {

ThemePalette make(std::initializer_list<std::pair<ColorRole, const char*>> colors)
{
    ThemePalette p;
    for (const auto& [role, hex] : colors)
        p.setColor(role, QColor(QLatin1String(hex)));
    return p;
}

} // namespace

ThemePalette ThemePalette::light()
{
    return make({
        {ColorRole::Window, "#f3f5f7"},
        {ColorRole::Surface, "#ffffff"},
        {ColorRole::SurfaceAlt, "#e8edf2"},
        {ColorRole::Text, "#1b1f24"},
        {ColorRole::TextMuted, "#4b5763"},
        {ColorRole::TextDisabled, "#8a949e"},
        {ColorRole::Border, "#7b8794"},
        {ColorRole::Focus, "#0a58ca"},
        {ColorRole::Accent, "#0b5cad"},
        {ColorRole::OnAccent, "#ffffff"},
        {ColorRole::Selection, "#cfe3f7"},
        {ColorRole::OnSelection, "#0d1b2a"},
        {ColorRole::OkBackground, "#1b6e35"},
        {ColorRole::OnOk, "#ffffff"},
        {ColorRole::PendingBackground, "#7a4f00"},
        {ColorRole::OnPending, "#ffffff"},
        {ColorRole::WarningBackground, "#fff0c2"},
        {ColorRole::OnWarning, "#4d3600"},
        {ColorRole::DangerBackground, "#b00020"},
        {ColorRole::OnDanger, "#ffffff"},
        {ColorRole::InfoBackground, "#e3f0fc"},
        {ColorRole::OnInfo, "#0d3c6e"},
        {ColorRole::DangerText, "#b00020"},
        {ColorRole::InfoText, "#0d47a1"},
        {ColorRole::DiffAdded, "#d4f7d4"},
        {ColorRole::DiffRemoved, "#f7d4d4"},
        {ColorRole::ChartBackground, "#ffffff"},
        {ColorRole::ChartText, "#1b1f24"},
        {ColorRole::ChartGrid, "#cfd8dc"},
        {ColorRole::ChartDayLine, "#546e7a"},
        {ColorRole::ChartHighlight, "#fff8e1"},
        {ColorRole::ChartTemperature, "#1565c0"},
        {ColorRole::ChartPulse, "#c62828"},
        {ColorRole::ChartPressure, "#263238"},
        {ColorRole::ChartRespiration, "#2e7d32"},
        {ColorRole::ChartNow, "#c25100"},
    });
}

ThemePalette ThemePalette::night()
{
    return make({
        {ColorRole::Window, "#0e1216"},
        {ColorRole::Surface, "#151a20"},
        {ColorRole::SurfaceAlt, "#1c232b"},
        {ColorRole::Text, "#d5dce3"},
        {ColorRole::TextMuted, "#a3aeb9"},
        {ColorRole::TextDisabled, "#66717c"},
        {ColorRole::Border, "#5c6b7a"},
        {ColorRole::Focus, "#6cb4ff"},
        {ColorRole::Accent, "#1a4470"},
        {ColorRole::OnAccent, "#e8f1fb"},
        {ColorRole::Selection, "#234466"},
        {ColorRole::OnSelection, "#e8f1fb"},
        {ColorRole::OkBackground, "#12391f"},
        {ColorRole::OnOk, "#a8e6b8"},
        {ColorRole::PendingBackground, "#3d2c00"},
        {ColorRole::OnPending, "#ffd98a"},
        {ColorRole::WarningBackground, "#362a00"},
        {ColorRole::OnWarning, "#ffe08a"},
        {ColorRole::DangerBackground, "#4d0d14"},
        {ColorRole::OnDanger, "#ffb3b8"},
        {ColorRole::InfoBackground, "#10263d"},
        {ColorRole::OnInfo, "#a9d1ff"},
        {ColorRole::DangerText, "#ff8a95"},
        {ColorRole::InfoText, "#8ec5ff"},
        {ColorRole::DiffAdded, "#173d20"},
        {ColorRole::DiffRemoved, "#4a1a1e"},
        {ColorRole::ChartBackground, "#11161b"},
        {ColorRole::ChartText, "#cfd6dd"},
        {ColorRole::ChartGrid, "#2c3640"},
        {ColorRole::ChartDayLine, "#5f7180"},
        {ColorRole::ChartHighlight, "#262012"},
        {ColorRole::ChartTemperature, "#6fb1ff"},
        {ColorRole::ChartPulse, "#ff7b7b"},
        {ColorRole::ChartPressure, "#c9d3dc"},
        {ColorRole::ChartRespiration, "#7fd18b"},
        {ColorRole::ChartNow, "#ffa552"},
    });
}

QList<ColorPair> ThemePalette::textPairs()
{
    using R = ColorRole;
    return {
        {QStringLiteral("text on window"), R::Text, R::Window},
        {QStringLiteral("text on surface"), R::Text, R::Surface},
        {QStringLiteral("text on alternate rows"), R::Text, R::SurfaceAlt},
        {QStringLiteral("muted text on window"), R::TextMuted, R::Window},
        {QStringLiteral("muted text on surface"), R::TextMuted, R::Surface},
        {QStringLiteral("muted text on alternate rows"), R::TextMuted, R::SurfaceAlt},
        {QStringLiteral("primary button"), R::OnAccent, R::Accent},
        {QStringLiteral("selected row"), R::OnSelection, R::Selection},
        {QStringLiteral("ok badge"), R::OnOk, R::OkBackground},
        {QStringLiteral("pending badge"), R::OnPending, R::PendingBackground},
        {QStringLiteral("warning banner"), R::OnWarning, R::WarningBackground},
        {QStringLiteral("danger banner"), R::OnDanger, R::DangerBackground},
        {QStringLiteral("info banner"), R::OnInfo, R::InfoBackground},
        {QStringLiteral("abnormal value on surface"), R::DangerText, R::Surface},
        {QStringLiteral("abnormal value on alternate rows"), R::DangerText, R::SurfaceAlt},
        {QStringLiteral("error message on window"), R::DangerText, R::Window},
        {QStringLiteral("low value on surface"), R::InfoText, R::Surface},
        {QStringLiteral("low value on alternate rows"), R::InfoText, R::SurfaceAlt},
        {QStringLiteral("added text"), R::Text, R::DiffAdded},
        {QStringLiteral("removed text"), R::Text, R::DiffRemoved},
        {QStringLiteral("chart labels"), R::ChartText, R::ChartBackground},
        {QStringLiteral("chart labels on today's column"), R::ChartText, R::ChartHighlight},
        {QStringLiteral("chart alert labels"), R::DangerText, R::ChartBackground},
        {QStringLiteral("chart slot hours"), R::TextMuted, R::ChartBackground},
        {QStringLiteral("temperature scale"), R::ChartTemperature, R::ChartBackground},
        {QStringLiteral("pulse scale"), R::ChartPulse, R::ChartBackground},
        {QStringLiteral("blood pressure scale"), R::ChartPressure, R::ChartBackground},
        {QStringLiteral("temperature legend on window"), R::ChartTemperature, R::Window},
        {QStringLiteral("pulse legend on window"), R::ChartPulse, R::Window},
        {QStringLiteral("blood pressure legend on window"), R::ChartPressure, R::Window},
    };
}

QList<ColorPair> ThemePalette::graphicPairs()
{
    using R = ColorRole;
    return {
        {QStringLiteral("focus ring on window"), R::Focus, R::Window},
        {QStringLiteral("focus ring on surface"), R::Focus, R::Surface},
        {QStringLiteral("input border on surface"), R::Border, R::Surface},
        {QStringLiteral("input border on window"), R::Border, R::Window},
        {QStringLiteral("day line"), R::ChartDayLine, R::ChartBackground},
        {QStringLiteral("now line"), R::ChartNow, R::ChartBackground},
        {QStringLiteral("respiration series"), R::ChartRespiration, R::ChartBackground},
    };
}

QList<ColorRole> ThemePalette::backgroundRoles()
{
    using R = ColorRole;
    return {R::Window, R::Surface, R::SurfaceAlt, R::Accent, R::Selection, R::OkBackground, R::PendingBackground,
            R::WarningBackground, R::DangerBackground, R::InfoBackground, R::DiffAdded, R::DiffRemoved,
            R::ChartBackground, R::ChartHighlight};
}

QList<ColorRole> ThemePalette::allRoles()
{
    QList<ColorRole> roles;
    for (int r = int(ColorRole::Window); r <= int(ColorRole::ChartNow); ++r)
        roles << ColorRole(r);
    return roles;
}

QColor ThemePalette::mix(const QColor& from, const QColor& to, double amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QString ThemePalette::roleName(ColorRole role)
{
    using R = ColorRole;
    switch (role) {
    case R::Window: return QStringLiteral("window");
    case R::Surface: return QStringLiteral("surface");
    case R::SurfaceAlt: return QStringLiteral("surface-alt");
    case R::Text: return QStringLiteral("text");
    case R::TextMuted: return QStringLiteral("text-muted");
    case R::TextDisabled: return QStringLiteral("text-disabled");
    case R::Border: return QStringLiteral("border");
    case R::Focus: return QStringLiteral("focus");
    case R::Accent: return QStringLiteral("accent");
    case R::OnAccent: return QStringLiteral("on-accent");
    case R::Selection: return QStringLiteral("selection");
    case R::OnSelection: return QStringLiteral("on-selection");
    case R::OkBackground: return QStringLiteral("ok-background");
    case R::OnOk: return QStringLiteral("on-ok");
    case R::PendingBackground: return QStringLiteral("pending-background");
    case R::OnPending: return QStringLiteral("on-pending");
    case R::WarningBackground: return QStringLiteral("warning-background");
    case R::OnWarning: return QStringLiteral("on-warning");
    case R::DangerBackground: return QStringLiteral("danger-background");
    case R::OnDanger: return QStringLiteral("on-danger");
    case R::InfoBackground: return QStringLiteral("info-background");
    case R::OnInfo: return QStringLiteral("on-info");
    case R::DangerText: return QStringLiteral("danger-text");
    case R::InfoText: return QStringLiteral("info-text");
    case R::DiffAdded: return QStringLiteral("diff-added");
    case R::DiffRemoved: return QStringLiteral("diff-removed");
    case R::ChartBackground: return QStringLiteral("chart-background");
    case R::ChartText: return QStringLiteral("chart-text");
    case R::ChartGrid: return QStringLiteral("chart-grid");
    case R::ChartDayLine: return QStringLiteral("chart-day-line");
    case R::ChartHighlight: return QStringLiteral("chart-highlight");
    case R::ChartTemperature: return QStringLiteral("chart-temperature");
    case R::ChartPulse: return QStringLiteral("chart-pulse");
    case R::ChartPressure: return QStringLiteral("chart-pressure");
    case R::ChartRespiration: return QStringLiteral("chart-respiration");
    case R::ChartNow: return QStringLiteral("chart-now");
    }
    return QString();
}

QColor ThemePalette::paperInk()
{
    return QColor(0, 0, 0);
}

QColor ThemePalette::paper()
{
    return QColor(255, 255, 255);
}

QColor ThemePalette::paperWatermark()
{
    return QColor(215, 215, 215);
}

} // namespace ward
