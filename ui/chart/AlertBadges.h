#pragma once

#include "records/PatientFlag.h"
#include "records/PatientSummary.h"
#include "ui/theme/ThemeIcon.h"

#include <QList>
#include <QString>
#include <QWidget>

class QGridLayout;
class QHBoxLayout;

namespace ward {

class StatusBadge;

// One patient's alerts as StatusBadges of the design system: an icon whose shape tells the kind, the tone's
// colour and the word (issue 11: never colour or icon alone, and nothing only on hover). Each badge carries its
// accessible name (the word) and description (the details) and the property alertKind (allergy, infection,
// fall-risk, npo, none). Compact (the census row): icon + word. Full (the chart's banner): icon + word + details
// in two columns, wrapping, with "No known allergies" when there are none.
class AlertBadges : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Allergy, Infection, FallRisk, Npo };
    enum class Mode { Compact, Full };

    struct Alert
    {
        Kind kind;
        QString detail;  // substances / the flag's text
    };

    explicit AlertBadges(Mode mode, QWidget* parent = nullptr);

    void setAlerts(const QList<Alert>& alerts);
    QList<Kind> kinds() const { return m_kinds; }
    // The badge of a kind (null when absent); the allergy badge exists in Full mode even with no allergies ("No
    // known allergies", property alert = false).
    StatusBadge* badge(Kind kind) const;

    // Allergies first (one badge listing every substance), then flags in the order infection, fall risk, NPO.
    static QList<Alert> fromSummary(const PatientSummary& summary);
    // The same from the allergies' text (empty: none) and the active flags: one badge per kind, texts joined.
    static QList<Alert> alertsFor(const QString& allergies, const QList<PatientFlag>& flags);
    static Kind kindOf(PatientFlag::Kind kind);
    static QString word(Kind kind);
    static QString kindName(Kind kind);  // property value, stable: allergy, infection, fall-risk, npo
    static IconName iconOf(Kind kind);

private:
    StatusBadge* makeBadge(Kind kind, const QString& text, const QString& description, bool alert);
    void clear();

    Mode m_mode;
    QHBoxLayout* m_row = nullptr;    // Compact
    QGridLayout* m_grid = nullptr;   // Full: two columns, so four alerts take two lines
    QList<Kind> m_kinds;
    QList<StatusBadge*> m_badges;
};

} // namespace ward
