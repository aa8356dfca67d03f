#pragma once

#include "ui/theme/Theme.h"
#include "ui/theme/ThemeStyleSheet.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

namespace ward {

class AppearancePreferences;

// The look the application shows now. apply() sets Qt's palette, the application font (the type scale's body)
// and the one stylesheet (ThemeStyleSheet) on the whole application: every widget restyles at once, no restart.
// Charts that paint read theme() on each paint. choose() is a user's decision: applied and remembered for the
// staff member logged in (setStaffId), and as the terminal's look for the next login screen.
class Appearance : public QObject
{
    Q_OBJECT

public:
    static Appearance* instance();
    // The current theme (the light theme until something is applied).
    static const Theme& theme();
    static QColor color(ColorRole role) { return theme().color(role); }

    void apply(const Theme& theme);
    // Takes the store and applies the terminal's look.
    void setPreferences(std::unique_ptr<AppearancePreferences> preferences);
    AppearancePreferences* preferences() const { return m_preferences.get(); }
    // The staff member whose choice is shown; their remembered look is applied. Empty: nobody (logged out),
    // the current look stays.
    void setStaffId(const QString& staffId);
    QString staffId() const { return m_staffId; }
    void choose(const Theme& theme);
    void chooseKind(Theme::Kind kind) { choose(Theme(kind, theme().largeText())); }
    void chooseLargeText(bool large) { choose(Theme(theme().kind(), large)); }

signals:
    void changed(const ward::Theme& theme);

private:
    explicit Appearance(QObject* parent);
    ~Appearance() override;

    ThemeStyleSheet::Images writeImages(const Theme& theme);

    Theme m_theme;
    QTemporaryDir m_images;  // the stylesheet's tinted arrows (no patient data; removed at exit)
    std::unique_ptr<AppearancePreferences> m_preferences;
    QString m_staffId;
};

} // namespace ward
