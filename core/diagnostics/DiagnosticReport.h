#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace ward {

// What the terminal's diagnostics found (issue 13), one check per line, as IT reads it on the diagnostics page and
// pastes it into a support ticket. Only facts about the machine: ids of the terminal and its enrolment, counts,
// versions, times — never a patient's name or id, nor a staff member's, nor a secret.
struct DiagnosticReport
{
    Q_DECLARE_TR_FUNCTIONS(ward::DiagnosticReport)

public:
    enum class Level { Ok, Warning, Problem, Unavailable };

    struct Check
    {
        QString id;     // stable: "card.service", "hub.reachability", … (tests and the page find checks by it)
        QString title;  // translated
        QString value;  // translated, one line
        Level level = Level::Unavailable;
    };

    QDateTime generatedAt;  // UTC
    QString terminalId;
    QList<Check> checks;

    void add(const QString& id, const QString& title, const QString& value, Level level);
    const Check* find(const QString& id) const;
    bool hasProblems() const;
    // The text IT copies (plain, one check per line, with the terminal and the time).
    QString toText() const;
    static QString levelText(Level level);
};

} // namespace ward

Q_DECLARE_METATYPE(ward::DiagnosticReport)
