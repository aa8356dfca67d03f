#pragma once

#include "crypto/SecureBytes.h"

#include <QString>

namespace ward::hub {

// Issue 12: a person's password for a `wardhub` command, never from the command line (argv is visible to every
// user of the machine in /proc and lands in shell history). Read from `file` (its first line; `-` is standard
// input) for scripts and tests, else from the controlling terminal with echo off — typed twice when `confirm`
// (a new password). The bytes stay in SecureBytes (cleansed when dropped), never in a QString.
class ConsolePassword
{
public:
    // HubError bad_request when there is no terminal and no file, the file does not read, the password is empty
    // or longer than 1024 bytes, or the two typed copies differ.
    static SecureBytes read(const QString& prompt, const QString& file, bool confirm);

private:
    static SecureBytes readLine(int fd, bool* ok);
};

} // namespace ward::hub
