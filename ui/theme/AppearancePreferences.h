#pragma once

#include "ui/theme/Theme.h"

#include <QString>
#include <optional>

namespace ward {

// Where each staff member's theme and text size are remembered on this terminal (issue 11), and the look the
// terminal shows while nobody is logged in (the last one chosen, so a night ward stays dark at the login).
// A small INI file in the terminal's data folder holding only staff IDs and two settings: no patient data,
// nothing secret, readable before the vault is open (the login screen needs it).
class AppearancePreferences
{
public:
    explicit AppearancePreferences(QString filePath);
    static QString pathFor(const QString& dataDir);

    QString filePath() const { return m_path; }
    std::optional<Theme> forStaff(const QString& staffId) const;
    void setForStaff(const QString& staffId, const Theme& theme);
    Theme terminalDefault() const;
    void setTerminalDefault(const Theme& theme);

private:
    std::optional<Theme> read(const QString& group) const;
    void write(const QString& group, const Theme& theme);

    QString m_path;
};

} // namespace ward
