#pragma once

#include "ui/theme/ThemeIcon.h"

#include <QLabel>

namespace ward {

// How serious a status is; the stylesheet maps it to a colour pair (property `tone`).
enum class StatusTone { Neutral, Ok, Pending, Warning, Danger, Info };

// A status shown three ways at once — icon, colour and word — so it reads without colour vision and without
// hovering (issue 11): sync state, record state (送信待ち / 保存済み / タイムスタンプ付与), hub online/offline.
// A QLabel, so text() is the word and the accessible name follows it.
class StatusBadge : public QLabel
{
    Q_OBJECT

public:
    // A badge is a compact pill beside other content; a banner spans its row and wraps.
    enum class Shape { Badge, Banner };

    explicit StatusBadge(QWidget* parent = nullptr) : StatusBadge(Shape::Badge, parent) {}
    explicit StatusBadge(Shape shape, QWidget* parent = nullptr);

    void setStatus(StatusTone tone, IconName icon, const QString& word);
    void clearStatus();

    StatusTone tone() const { return m_tone; }
    bool hasIcon() const { return m_hasIcon; }
    IconName iconName() const { return m_icon; }

    static QString toneName(StatusTone tone);
    static ColorRole foregroundRole(StatusTone tone);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int iconSide() const;
    void updateIndent();

    StatusTone m_tone = StatusTone::Neutral;
    IconName m_icon = IconName::Info;
    bool m_hasIcon = false;
};

} // namespace ward
