#pragma once

#include "sync/HubReply.h"
#include "ui/reception/PasswordLetter.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/ReceptionSetup.h"

#include <QCoreApplication>
#include <functional>

namespace ward {

// One hub call that may hand out a temporary password (register, reset, approve) or a one-shift fallback code
// (content.kind) run with its letter: the printer is started first (a printer that cannot print stops everything
// before the hub changes anything), the secret goes from the hub's reply straight onto paper, and the issue is
// audited on the terminal without the secret.
class LetterIssue
{
    Q_DECLARE_TR_FUNCTIONS(LetterIssue)

public:
    enum class Outcome { Printed, Pending, Done, Refused, NoPrinter, PrintFailed };
    struct Result
    {
        Outcome outcome = Outcome::Refused;
        HubReply reply;
        QString message;  // for the clerk
    };
    using Call = std::function<void(ReceptionClient::Callback)>;

    static void run(const ReceptionSetup& setup, const QString& purpose, PasswordLetter::Content content, Call call,
                    std::function<void(const Result&)> done);
};

} // namespace ward
