#include "ui/reception/LetterIssue.h"

#include "util/Clock.h"

#include <QJsonObject>
#include <QPrinter>

namespace ward {

void LetterIssue::run(const ReceptionSetup& setup, const QString& purpose, PasswordLetter::Content content, Call call,
                      std::function<void(const Result&)> done)
{
    auto letter = std::make_shared<PasswordLetter>(setup.printer ? setup.printer(tr("Letter %1").arg(content.userId))
                                                                 : std::unique_ptr<QPrinter>());
    QString error;
    if (!letter->open(&error)) {
        done({Outcome::NoPrinter, HubReply(), error});
        return;
    }
    const int hours = setup.temporaryPasswordValidHours;
    const auto audit = setup.audit;
    call([letter, content, hours, audit, purpose, done](const HubReply& reply) mutable {
        Result result;
        result.reply = reply;
        const bool code = content.kind == PasswordLetter::Kind::FallbackCode;
        const bool emergency = content.kind == PasswordLetter::Kind::EmergencyLetter;
        const QString secret = reply.json.value(code        ? QStringLiteral("code")
                                                : emergency ? QStringLiteral("password")
                                                            : QStringLiteral("temporaryPassword"))
                                   .toString();
        if (!reply.ok()) {
            letter->abandon();
            result.outcome = Outcome::Refused;
            result.message = ReceptionClient::explain(reply);
        } else if (reply.json.value(QStringLiteral("pending")).toBool()) {
            letter->abandon();
            result.outcome = Outcome::Pending;
        } else if (secret.isEmpty()) {
            letter->abandon();
            result.outcome = Outcome::Done;
        } else {
            if (content.userId.isEmpty())
                content.userId = reply.json.value(QStringLiteral("userId")).toString();
            // A fallback code's end is the hub's; a temporary password's follows the policy from the hub's time.
            const QDateTime until = QDateTime::fromString(reply.json.value(QStringLiteral("validUntil")).toString(), Qt::ISODateWithMs);
            const QDateTime issued = reply.hubTime.isValid() ? reply.hubTime : Clock::instance().nowUtc();
            content.expiresAt = until.isValid() ? until : issued.addSecs(qint64(hours) * 3600);
            if (emergency) {
                // BCP-1: the letter names its ward, number and the two people who made it.
                const QString wardName = reply.json.value(QStringLiteral("wardName")).toString();
                const QString ward = reply.json.value(QStringLiteral("ward")).toString();
                content.ward = wardName.isEmpty() || wardName == ward ? ward : tr("%1 (%2)").arg(wardName, ward);
                content.issuedAt = QDateTime::fromString(reply.json.value(QStringLiteral("issuedAt")).toString(), Qt::ISODateWithMs);
                content.letterSerial = reply.json.value(QStringLiteral("letter")).toInt();
                content.requestedBy = reply.json.value(QStringLiteral("requestedBy")).toString();
                content.approvedBy = reply.json.value(QStringLiteral("approvedBy")).toString();
            }
            QString error;
            if (letter->print(content, secret, &error)) {
                result.outcome = Outcome::Printed;
            } else {
                // AUTH-7, AUTH-2: the secret exists only on a letter that failed; it is never shown instead. A new
                // reset (which voids the password) or a new code prints a new letter.
                result.outcome = Outcome::PrintFailed;
                result.message = emergency
                                     ? tr("%1 The letter was approved at the hub but not delivered; nobody has seen its "
                                          "password. Ask for a new letter for %2 (another person approves it) to print one.")
                                           .arg(error, content.userId)
                                 : code ? tr("%1 The code was issued at the hub but not delivered; nobody has seen it. Issue a "
                                           "new fallback code for %2 to print a new letter.")
                                            .arg(error, content.userId)
                                      : tr("%1 The change was made at the hub, but the temporary password was not "
                                           "delivered: use \"Reset password\" for %2 to print a new letter.")
                                            .arg(error, content.userId);
            }
            if (audit)
                audit(QStringLiteral("reception.letter.print"),
                      {{QStringLiteral("userId"), content.userId},
                       {QStringLiteral("purpose"), purpose},
                       {QStringLiteral("printed"), result.outcome == Outcome::Printed}});
        }
        done(result);
    });
}

} // namespace ward
