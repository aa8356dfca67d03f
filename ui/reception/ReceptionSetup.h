#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QPrinter;

namespace ward {

class ReaderMonitor;
class ReceptionClient;

// What the reception desk needs from the composed terminal: the hub calls of the session, the hub's roles and
// wards (replicated directory), the letter's printer and facts, and the terminal's audit chain.
// The longest reason the hub takes for any administrative change (hub AdminRequest::kMaxReasonLength).
constexpr int kMaxChangeReasonLength = 200;

struct ReceptionSetup
{
    ReceptionClient* client = nullptr;
    QStringList roles;
    QStringList wards;
    QString idPrefix = QStringLiteral("ST");  // the hospital's scheme: prefix + digits (hub staff/next-id)
    int temporaryPasswordValidHours = 72;     // AUTH-7, from the hub's password policy
    QString helpContact;                      // printed on the letter
    int fallbackCodeMinutes = 8 * 60;         // AUTH-2: a card-less code lasts one shift
    // A printer for one letter or report; null when the terminal has none.
    std::function<std::unique_ptr<QPrinter>(const QString& documentName)> printer;
    // The terminal's own audit chain (the letter's issue, never its password).
    std::function<void(const QString& action, const QJsonObject& detail)> audit;
    // The terminal's card readers, for issuing IC cards (null: no card service). The reader holding the clerk's own
    // card (`sessionReader`) is never read for issuing: pulling that card locks the desk (SES-2).
    ReaderMonitor* readers = nullptr;
    QString sessionReader;
};

} // namespace ward
