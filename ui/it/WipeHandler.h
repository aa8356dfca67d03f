#pragma once

#include "crypto/SecureBytes.h"
#include "sync/TerminalDisposal.h"

#include <QString>
#include <functional>

namespace ward {

// What the diagnostics page's wipe (DATA-5) asks of the terminal it runs on; the terminal (app/TerminalWipe) does
// the work, the page and WipeDialog only ask and show. Answers come back on the UI thread.
class WipeHandler
{
public:
    virtual ~WipeHandler() = default;

    // Sends unsent records and audit entries to the hub, then counts what is still unsent; hubError says why
    // something could not be sent (empty when all was).
    virtual void sendUnsent(std::function<void(const TerminalDisposal::Unsent& left, const QString& hubError)> done) = 0;
    // The IT user's password, checked again before anything is destroyed (off the UI thread).
    virtual void verifyPassword(const SecureBytes& password, std::function<void(bool ok, const QString& message)> done) = 0;
    // Ends the session and wipes; the terminal then shows "not enrolled". lost: what is still unsent (confirmed).
    virtual void wipe(const QString& reason, const TerminalDisposal::Unsent& lost) = 0;
};

} // namespace ward
