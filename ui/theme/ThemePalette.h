#pragma once

#include <QColor>
#include <QMap>
#include <QList>
#include <QString>

namespace ward {

// What a colour is for. Widgets name a role (through a stylesheet property or, for painted charts, this
// enum); only the palette knows the colour (issue 11: no widget sets colours by hand).
enum class ColorRole {
    Window,            // the page behind everything
    Surface,           // inputs, tables, lists, cards
    SurfaceAlt,        // alternate table rows, headers, toolbars
    Text,
    TextMuted,         // secondary text (metadata, captions)
    TextDisabled,
    Border,
    Focus,             // keyboard focus ring
    Accent,            // primary action button
    OnAccent,
    Selection,
    OnSelection,
    OkBackground,      // status tones: background of a badge or banner ...
    OnOk,              // ... and the text and icon on it
    PendingBackground,
    OnPending,
    WarningBackground,
    OnWarning,
    DangerBackground,
    OnDanger,
    InfoBackground,
    OnInfo,
    DangerText,        // an abnormal value (high, allergy) on a surface
    InfoText,          // a low value on a surface
    DiffAdded,         // version comparison: background of added text
    DiffRemoved,
    ChartBackground,   // 温度板 (TemperatureSheet, VitalSignsChart)
    ChartText,
    ChartGrid,
    ChartDayLine,
    ChartHighlight,    // today's column
    ChartTemperature,
    ChartPulse,
    ChartPressure,
    ChartRespiration,
    ChartNow,          // the current time on today's column
};

// A text colour on a background colour that the theme promises to keep readable.
struct ColorPair {
    QString name;
    ColorRole foreground;
    ColorRole background;
};

// The colours of one theme. light() is for day wards; night() keeps every large area dark so a screen in a
// dimmed ward does not light the room, while text stays at WCAG AA contrast (issue 11).
class ThemePalette
{
public:
    static ThemePalette light();
    static ThemePalette night();

    QColor color(ColorRole role) const { return m_colors.value(role); }
    void setColor(ColorRole role, const QColor& color) { m_colors.insert(role, color); }
    bool defines(ColorRole role) const { return m_colors.contains(role); }

    // Every text/background pair the palette is used with; each must reach 4.5:1 (WCAG 2.1 1.4.3).
    static QList<ColorPair> textPairs();
    // Lines and symbols drawn on a background (chart series, focus ring, input borders): 3:1 (WCAG 1.4.11).
    static QList<ColorPair> graphicPairs();
    // Roles that fill large areas: in the night theme they must stay dark.
    static QList<ColorRole> backgroundRoles();
    static QList<ColorRole> allRoles();
    static QString roleName(ColorRole role);
    // Paper is white whatever the screen's theme: the ink of printed text, and the light grey of the watermark
    // across a printed page (opaque: translucent text becomes a bitmap in some PDF and printer pipelines, and then
    // neither reads back nor copies legibly).
    static QColor paperInk();
    static QColor paperWatermark();
    static QColor paper();
    // A colour part-way (0 … 1) from `from` to `to`: a stronger or fainter line in either theme.
    static QColor mix(const QColor& from, const QColor& to, double amount);

private:
    QMap<ColorRole, QColor> m_colors;
};

} // namespace ward
