<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountChange</name>
    <message>
        <source>This user ID is retired; retired IDs are never re-enabled or reused.</source>
        <translation>This user ID is retired; retired IDs are never re-enabled or reused.</translation>
    </message>
    <message>
        <source>This user ID is disabled.</source>
        <translation>This user ID is disabled.</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>This account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>This account is not locked.</source>
        <translation>This account is not locked.</translation>
    </message>
    <message>
        <source>This user ID is already enabled.</source>
        <translation>This user ID is already enabled.</translation>
    </message>
    <message>
        <source>This user ID is already disabled.</source>
        <translation>This user ID is already disabled.</translation>
    </message>
    <message>
        <source>The administrator&apos;s user ID is not valid; the change was not made.</source>
        <translation>The administrator&apos;s user ID is not valid; the change was not made.</translation>
    </message>
    <message>
        <source>Administrators cannot make this change to their own account; ask another administrator.</source>
        <translation>Administrators cannot make this change to their own account; ask another administrator.</translation>
    </message>
    <message>
        <source>Record how the person&apos;s identity was verified before issuing a password.</source>
        <translation>Record how the person&apos;s identity was verified before issuing a password.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>The current password is not correct.</translation>
    </message>
    <message>
        <source>The new password does not meet the password policy.</source>
        <translation>The new password does not meet the password policy.</translation>
    </message>
    <message>
        <source>Your temporary password has expired. Ask reception for a new one.</source>
        <translation>Your temporary password has expired. Ask reception for a new one.</translation>
    </message>
    <message>
        <source>The user ID is not valid.</source>
        <translation>The user ID is not valid.</translation>
    </message>
</context>
<context>
    <name>AccountState</name>
    <message>
        <source>must be active, disabled or retired</source>
        <translation>must be active, disabled or retired</translation>
    </message>
    <message>
        <source>must be none, failedLogins or failedOldPassword</source>
        <translation>must be none, failedLogins or failedOldPassword</translation>
    </message>
    <message>
        <source>must be set exactly when lockedAt is set</source>
        <translation>must be set exactly when lockedAt is set</translation>
    </message>
    <message>
        <source>must be an Argon2id verifier</source>
        <translation>must be an Argon2id verifier</translation>
    </message>
    <message>
        <source>must be set while a temporary password is in force</source>
        <translation>must be set while a temporary password is in force</translation>
    </message>
    <message>
        <source>every entry must be an Argon2id verifier</source>
        <translation>every entry must be an Argon2id verifier</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>The disk is full: %1 could not be written (%2). Nothing was changed. Ask IT to free space.</source>
        <translation>The disk is full: %1 could not be written (%2). Nothing was changed. Ask IT to free space.</translation>
    </message>
    <message>
        <source>%1 could not be written (%2). Nothing was changed.</source>
        <translation>%1 could not be written (%2). Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>AuditResults</name>
    <message>
        <source>Chart viewed</source>
        <translation>Chart viewed</translation>
    </message>
    <message>
        <source>Break-the-glass access</source>
        <translation>Break-the-glass access</translation>
    </message>
    <message>
        <source>Record opened</source>
        <translation>Record opened</translation>
    </message>
    <message>
        <source>Record confirmed</source>
        <translation>Record confirmed</translation>
    </message>
    <message>
        <source>Record approved</source>
        <translation>Record approved</translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>Invalid signature</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Login without card</source>
        <translation>Login without card</translation>
    </message>
    <message>
        <source>Terminal unlock</source>
        <translation>Terminal unlock</translation>
    </message>
    <message>
        <source>Session (start, lock, logout)</source>
        <translation>Session (start, lock, logout)</translation>
    </message>
    <message>
        <source>Staff account changes (hub)</source>
        <translation>Staff account changes (hub)</translation>
    </message>
    <message>
        <source>IC card changes (hub)</source>
        <translation>IC card changes (hub)</translation>
    </message>
    <message>
        <source>Audit review and export (hub)</source>
        <translation>Audit review and export (hub)</translation>
    </message>
    <message>
        <source>Session started</source>
        <translation>Session started</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Login without card (flagged)</source>
        <translation>Login without card (flagged)</translation>
    </message>
    <message>
        <source>Login with one-time code (hub)</source>
        <translation>Login with one-time code (hub)</translation>
    </message>
    <message>
        <source>One-time code issued (hub)</source>
        <translation>One-time code issued (hub)</translation>
    </message>
    <message>
        <source>Account unlocked (hub)</source>
        <translation>Account unlocked (hub)</translation>
    </message>
    <message>
        <source>Record held for review (hub)</source>
        <translation>Record held for review (hub)</translation>
    </message>
    <message>
        <source>Record refused on sync</source>
        <translation>Record refused on sync</translation>
    </message>
    <message>
        <source>Audit export (hub)</source>
        <translation>Audit export (hub)</translation>
    </message>
    <message>
        <source>Break-the-glass reviewed (hub)</source>
        <translation>Break-the-glass reviewed (hub)</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>failure</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <source>outside the user&apos;s wards (%1)</source>
        <translation>outside the user&apos;s wards (%1)</translation>
    </message>
    <message>
        <source>after hours</source>
        <translation>after hours</translation>
    </message>
    <message numerus="yes">
        <source>%n failed logins until %1</source>
        <translation>
            <numerusform>%n failed login until %1</numerusform>
            <numerusform>%n failed logins until %1</numerusform>
        </translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>emergency</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Stated reason</source>
        <translation>Stated reason</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Record / object</source>
        <translation>Record / object</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Finding / note</source>
        <translation>Finding / note</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2: %3</source>
        <translation>Reviewed by %1 on %2: %3</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>%1 (patient: %2)</source>
        <translation>%1 (patient: %2)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The CSV file could not be written (%1). Choose another folder.</source>
        <translation>The CSV file could not be written (%1). Choose another folder.</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal. Export the result as CSV instead, or ask IT.</source>
        <translation>No printer is set up at this terminal. Export the result as CSV instead, or ask IT.</translation>
    </message>
    <message>
        <source>The printer failed while printing the result.</source>
        <translation>The printer failed while printing the result.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows printed.</source>
        <translation>
            <numerusform>%n row printed.</numerusform>
            <numerusform>%n rows printed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print and export ledger</source>
        <translation>Print and export ledger</translation>
    </message>
    <message>
        <source>ledger number issued</source>
        <translation>ledger number issued</translation>
    </message>
    <message>
        <source>printed or written</source>
        <translation>printed or written</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>%1 for: %2; to %3</source>
        <translation>%1 for: %2; to %3</translation>
    </message>
</context>
<context>
    <name>CardError</name>
    <message>
        <source>The card was read successfully.</source>
        <translation>The card was read successfully.</translation>
    </message>
    <message>
        <source>The card service is not running. Wait a moment; if this persists, ask IT to restart the card service (pcscd).</source>
        <translation>The card service is not running. Wait a moment; if this persists, ask IT to restart the card service (pcscd).</translation>
    </message>
    <message>
        <source>No card reader was found. Check that the reader is connected.</source>
        <translation>No card reader was found. Check that the reader is connected.</translation>
    </message>
    <message>
        <source>The card reader was disconnected. Reconnect the reader and insert the card again.</source>
        <translation>The card reader was disconnected. Reconnect the reader and insert the card again.</translation>
    </message>
    <message>
        <source>No card is in the reader. Insert your staff card.</source>
        <translation>No card is in the reader. Insert your staff card.</translation>
    </message>
    <message>
        <source>The card was removed while it was being read. Insert the card again and leave it in the reader.</source>
        <translation>The card was removed while it was being read. Insert the card again and leave it in the reader.</translation>
    </message>
    <message>
        <source>The card was reset by another program while it was being read. Insert the card again.</source>
        <translation>The card was reset by another program while it was being read. Insert the card again.</translation>
    </message>
    <message>
        <source>The card does not respond. Insert it again; if this repeats, the card may be damaged — contact reception.</source>
        <translation>The card does not respond. Insert it again; if this repeats, the card may be damaged — contact reception.</translation>
    </message>
    <message>
        <source>The card is in use by another program. Close that program or insert the card again.</source>
        <translation>The card is in use by another program. Close that program or insert the card again.</translation>
    </message>
    <message>
        <source>Communication with the card failed. Insert the card again.</source>
        <translation>Communication with the card failed. Insert the card again.</translation>
    </message>
    <message>
        <source>The card took too long to answer. Insert the card again.</source>
        <translation>The card took too long to answer. Insert the card again.</translation>
    </message>
    <message>
        <source>Reading the card was cancelled.</source>
        <translation>Reading the card was cancelled.</translation>
    </message>
    <message>
        <source>This card has no PIV application. Use your staff IC card.</source>
        <translation>This card has no PIV application. Use your staff IC card.</translation>
    </message>
    <message>
        <source>The card does not hold the expected certificate. Ask reception to check or reissue the card.</source>
        <translation>The card does not hold the expected certificate. Ask reception to check or reissue the card.</translation>
    </message>
    <message>
        <source>The card refused the operation: it requires a PIN first.</source>
        <translation>The card refused the operation: it requires a PIN first.</translation>
    </message>
    <message>
        <source>The card is blocked. Ask reception to unblock or reissue it.</source>
        <translation>The card is blocked. Ask reception to unblock or reissue it.</translation>
    </message>
    <message>
        <source>The card refused the operation in its current state. Insert the card again.</source>
        <translation>The card refused the operation in its current state. Insert the card again.</translation>
    </message>
    <message>
        <source>The card rejected the data it was sent.</source>
        <translation>The card rejected the data it was sent.</translation>
    </message>
    <message>
        <source>The card does not support this operation or key.</source>
        <translation>The card does not support this operation or key.</translation>
    </message>
    <message>
        <source>The card rejected the length of a command.</source>
        <translation>The card rejected the length of a command.</translation>
    </message>
    <message>
        <source>The card does not support this command.</source>
        <translation>The card does not support this command.</translation>
    </message>
    <message>
        <source>The card does not support this command class.</source>
        <translation>The card does not support this command class.</translation>
    </message>
    <message>
        <source>The card reported a memory failure. The card may be damaged — contact reception.</source>
        <translation>The card reported a memory failure. The card may be damaged — contact reception.</translation>
    </message>
    <message>
        <source>The card answered with an unexpected status.</source>
        <translation>The card answered with an unexpected status.</translation>
    </message>
    <message>
        <source>The card sent a malformed answer. Insert it again; if this repeats, contact reception.</source>
        <translation>The card sent a malformed answer. Insert it again; if this repeats, contact reception.</translation>
    </message>
    <message>
        <source>The certificate on the card cannot be read. Ask reception to reissue the card.</source>
        <translation>The certificate on the card cannot be read. Ask reception to reissue the card.</translation>
    </message>
    <message>
        <source>The card&apos;s key type is not supported (ECDSA P-256 is required). Ask reception to reissue the card.</source>
        <translation>The card&apos;s key type is not supported (ECDSA P-256 is required). Ask reception to reissue the card.</translation>
    </message>
    <message>
        <source>The card failed its authenticity check: its signature does not match its certificate. Do not use this card; report it to IT.</source>
        <translation>The card failed its authenticity check: its signature does not match its certificate. Do not use this card; report it to IT.</translation>
    </message>
    <message>
        <source>The reader could not read the card&apos;s serial number.</source>
        <translation>The reader could not read the card&apos;s serial number.</translation>
    </message>
    <message>
        <source>An internal error occurred while reading the card.</source>
        <translation>An internal error occurred while reading the card.</translation>
    </message>
    <message>
        <source>An unknown card error occurred.</source>
        <translation>An unknown card error occurred.</translation>
    </message>
    <message>
        <source>The card never finished its answer and was given up. Remove it and use your staff card; if this is your staff card, ask reception to replace it.</source>
        <translation>The card never finished its answer and was given up. Remove it and use your staff card; if this is your staff card, ask reception to replace it.</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>The secure connection to the hub failed (%1). Check the hub address and that this terminal is enrolled with this hub.</source>
        <translation>The secure connection to the hub failed (%1). Check the hub address and that this terminal is enrolled with this hub.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>The hub did not answer in time.</translation>
    </message>
    <message>
        <source>The hub cannot be reached (%1). Work continues offline.</source>
        <translation>The hub cannot be reached (%1). Work continues offline.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer exceeds %1 bytes and was refused.</source>
        <translation>The hub&apos;s answer exceeds %1 bytes and was refused.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not the JSON object the protocol promises.</source>
        <translation>The hub&apos;s answer is not the JSON object the protocol promises.</translation>
    </message>
    <message>
        <source>The hub does not recognise this terminal%1. Enrol it again with a code from IT.</source>
        <translation>The hub does not recognise this terminal%1. Enrol it again with a code from IT.</translation>
    </message>
    <message>
        <source>The hub refuses this terminal%1. Contact IT.</source>
        <translation>The hub refuses this terminal%1. Contact IT.</translation>
    </message>
    <message>
        <source>The hub refused a request as too large%1.</source>
        <translation>The hub refused a request as too large%1.</translation>
    </message>
    <message>
        <source>The hub had an internal problem (HTTP %1); sync will retry.</source>
        <translation>The hub had an internal problem (HTTP %1); sync will retry.</translation>
    </message>
    <message>
        <source>The hub refused the request (HTTP %1)%2.</source>
        <translation>The hub refused the request (HTTP %1)%2.</translation>
    </message>
    <message>
        <source>The hub&apos;s storage is full. Nothing is lost: this terminal keeps its entries and records and sends them once IT has freed space at the hub.</source>
        <translation>The hub&apos;s storage is full. Nothing is lost: this terminal keeps its entries and records and sends them once IT has freed space at the hub.</translation>
    </message>
</context>
<context>
    <name>IdentityVerification</name>
    <message>
        <source>Record how the person&apos;s identity was verified.</source>
        <translation>Record how the person&apos;s identity was verified.</translation>
    </message>
    <message>
        <source>Record the ledger reference of the identity document that was checked.</source>
        <translation>Record the ledger reference of the identity document that was checked.</translation>
    </message>
    <message>
        <source>Record the user ID of the staff member who verified the identity.</source>
        <translation>Record the user ID of the staff member who verified the identity.</translation>
    </message>
    <message>
        <source>Staff cannot verify their own identity; another registrar must do it.</source>
        <translation>Staff cannot verify their own identity; another registrar must do it.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>must be a whole number from %1 to %2</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>is missing</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be text of at most %1 characters</source>
        <translation>must be text of at most %1 characters</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a zone between 2000 and 2200</source>
        <translation>must be an ISO 8601 time with a zone between 2000 and 2200</translation>
    </message>
    <message>
        <source>must be a list of at most %1 numbers</source>
        <translation>must be a list of at most %1 numbers</translation>
    </message>
    <message>
        <source>every entry must be a whole number from %1 to %2</source>
        <translation>every entry must be a whole number from %1 to %2</translation>
    </message>
    <message>
        <source>must be a list of at most %1 entries</source>
        <translation>must be a list of at most %1 entries</translation>
    </message>
    <message>
        <source>every entry must be text of at most %1 characters</source>
        <translation>every entry must be text of at most %1 characters</translation>
    </message>
</context>
<context>
    <name>LetterIssue</name>
    <message>
        <source>Letter %1</source>
        <translation>Letter %1</translation>
    </message>
    <message>
        <source>%1 The change was made at the hub, but the temporary password was not delivered: use &quot;Reset password&quot; for %2 to print a new letter.</source>
        <translation>%1 The change was made at the hub, but the temporary password was not delivered: use &quot;Reset password&quot; for %2 to print a new letter.</translation>
    </message>
    <message>
        <source>%1 The code was issued at the hub but not delivered; nobody has seen it. Issue a new fallback code for %2 to print a new letter.</source>
        <translation>%1 The code was issued at the hub but not delivered; nobody has seen it. Issue a new fallback code for %2 to print a new letter.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 The letter was approved at the hub but not delivered; nobody has seen its password. Ask for a new letter for %2 (another person approves it) to print one.</source>
        <translation>%1 The letter was approved at the hub but not delivered; nobody has seen its password. Ask for a new letter for %2 (another person approves it) to print one.</translation>
    </message>
</context>
<context>
    <name>LoginDecision</name>
    <message numerus="yes">
        <source>The password is not correct. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>The password is not correct. %n attempt left before the account is locked.</numerusform>
            <numerusform>The password is not correct. %n attempts left before the account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Ask an administrator to unlock it.</source>
        <translation>This account is locked after too many failed attempts. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>This user ID is disabled. Ask reception to re-enable it.</source>
        <translation>This user ID is disabled. Ask reception to re-enable it.</translation>
    </message>
    <message>
        <source>This user ID has been retired and can no longer be used.</source>
        <translation>This user ID has been retired and can no longer be used.</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new password to continue.</source>
        <translation>Your password has expired. Choose a new password to continue.</translation>
    </message>
    <message>
        <source>You are using a temporary password. Choose your own password to continue.</source>
        <translation>You are using a temporary password. Choose your own password to continue.</translation>
    </message>
    <message>
        <source>Your temporary password has expired. Ask reception for a new one.</source>
        <translation>Your temporary password has expired. Ask reception for a new one.</translation>
    </message>
</context>
<context>
    <name>LoginVerdict</name>
    <message numerus="yes">
        <source>The password is not correct. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>The password is not correct. %n attempt left before the account is locked.</numerusform>
            <numerusform>The password is not correct. %n attempts left before the account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password is not correct. Type it again.</source>
        <translation>The password is not correct. Type it again.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Ask an administrator to unlock it.</source>
        <translation>This account is locked after too many failed attempts. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>This user ID is disabled. Ask reception to re-enable it.</source>
        <translation>This user ID is disabled. Ask reception to re-enable it.</translation>
    </message>
    <message>
        <source>This user ID has been retired and can no longer be used.</source>
        <translation>This user ID has been retired and can no longer be used.</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new password to continue.</source>
        <translation>Your password has expired. Choose a new password to continue.</translation>
    </message>
    <message>
        <source>You are using a temporary password. Choose your own password to continue.</source>
        <translation>You are using a temporary password. Choose your own password to continue.</translation>
    </message>
    <message>
        <source>Your temporary password has expired. Ask reception for a new one.</source>
        <translation>Your temporary password has expired. Ask reception for a new one.</translation>
    </message>
    <message>
        <source>This card is not registered to this user ID. Use your own card or ask reception to register it.</source>
        <translation>This card is not registered to this user ID. Use your own card or ask reception to register it.</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network cable or ask IT.</source>
        <translation>The hub cannot be reached. Check the network cable or ask IT.</translation>
    </message>
    <message>
        <source>Your first login on this terminal needs the hub, which cannot be reached now. Use a terminal that is online or ask IT.</source>
        <translation>Your first login on this terminal needs the hub, which cannot be reached now. Use a terminal that is online or ask IT.</translation>
    </message>
    <message>
        <source>The one-time code is not valid (wrong, already used or expired). Ask reception for a new code.</source>
        <translation>The one-time code is not valid (wrong, already used or expired). Ask reception for a new code.</translation>
    </message>
    <message>
        <source>Login failed. Try again or ask IT.</source>
        <translation>Login failed. Try again or ask IT.</translation>
    </message>
    <message>
        <source>Test passed: the emergency account and its letter work. No session was opened; the test is recorded.</source>
        <translation>Test passed: the emergency account and its letter work. No session was opened; the test is recorded.</translation>
    </message>
    <message>
        <source>This emergency account cannot be used now. Call IT.</source>
        <translation>This emergency account cannot be used now. Call IT.</translation>
    </message>
</context>
<context>
    <name>NetworkSlot</name>
    <message>
        <source>The hub&apos;s network-slot key is not %1 bytes of base64.</source>
        <translation>The hub&apos;s network-slot key is not %1 bytes of base64.</translation>
    </message>
</context>
<context>
    <name>OfflineAccountCache</name>
    <message>
        <source>The offline login cache %1 is damaged (%2). Log in once while the hub is reachable.</source>
        <translation>The offline login cache %1 is damaged (%2). Log in once while the hub is reachable.</translation>
    </message>
</context>
<context>
    <name>OfflineFailureCounter</name>
    <message>
        <source>must not exceed failures</source>
        <translation>must not exceed failures</translation>
    </message>
    <message>
        <source>has more than %1 users</source>
        <translation>has more than %1 users</translation>
    </message>
</context>
<context>
    <name>PasswordLetter</name>
    <message>
        <source>No printer is set up at this terminal. Ask IT to install the desk printer; nothing was changed.</source>
        <translation>No printer is set up at this terminal. Ask IT to install the desk printer; nothing was changed.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; does not accept the letter (out of paper, offline or not allowed). Check it and try again; nothing was changed.</source>
        <translation>The printer &quot;%1&quot; does not accept the letter (out of paper, offline or not allowed). Check it and try again; nothing was changed.</translation>
    </message>
    <message>
        <source>Confidential: to be opened by the addressee only</source>
        <translation>Confidential: to be opened by the addressee only</translation>
    </message>
    <message>
        <source>Your WardStation login</source>
        <translation>Your WardStation login</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Your first login</source>
        <translation>Your first login</translation>
    </message>
    <message>
        <source>Put your IC card in the reader of a ward terminal.</source>
        <translation>Put your IC card in the reader of a ward terminal.</translation>
    </message>
    <message>
        <source>Enter your staff ID and the temporary password above.</source>
        <translation>Enter your staff ID and the temporary password above.</translation>
    </message>
    <message>
        <source>Choose your own password when asked; the temporary password then stops working.</source>
        <translation>Choose your own password when asked; the temporary password then stops working.</translation>
    </message>
    <message>
        <source>Destroy this letter (shredder). Never keep it with your card.</source>
        <translation>Destroy this letter (shredder). Never keep it with your card.</translation>
    </message>
    <message>
        <source>If the temporary password has expired, or this envelope was open when you received it, do not use it: come to the reception desk with your photo ID for a new one.</source>
        <translation>If the temporary password has expired, or this envelope was open when you received it, do not use it: come to the reception desk with your photo ID for a new one.</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>Questions: %1</translation>
    </message>
    <message>
        <source>The letter&apos;s print job was not started; nothing was printed.</source>
        <translation>The letter&apos;s print job was not started; nothing was printed.</translation>
    </message>
    <message>
        <source>The printer failed while printing the letter.</source>
        <translation>The printer failed while printing the letter.</translation>
    </message>
    <message>
        <source>Your one-time login code for this shift</source>
        <translation>Your one-time login code for this shift</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Logging in without your IC card</source>
        <translation>Logging in without your IC card</translation>
    </message>
    <message>
        <source>On the card screen of a ward terminal, choose &quot;%1&quot;.</source>
        <translation>On the card screen of a ward terminal, choose &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Enter your staff ID and the one-time code above, then your own password.</source>
        <translation>Enter your staff ID and the one-time code above, then your own password.</translation>
    </message>
    <message>
        <source>The code works for one login only, until the time above. Your password is still needed: the code alone opens nothing.</source>
        <translation>The code works for one login only, until the time above. Your password is still needed: the code alone opens nothing.</translation>
    </message>
    <message>
        <source>Logins without a card are recorded and flagged for review by the hospital (AUTH-2).</source>
        <translation>Logins without a card are recorded and flagged for review by the hospital (AUTH-2).</translation>
    </message>
    <message>
        <source>Destroy this letter (shredder) after the login, and have your IC card replaced at the reception desk.</source>
        <translation>Destroy this letter (shredder) after the login, and have your IC card replaced at the reception desk.</translation>
    </message>
    <message>
        <source>If this envelope was open when you received it, do not use the code: tell the reception desk at once.</source>
        <translation>If this envelope was open when you received it, do not use the code: tell the reception desk at once.</translation>
    </message>
    <message>
        <source>Use this account only when nobody on the ward can log in with an IC card (the card system is down, staff from outside are helping).</source>
        <translation>Use this account only when nobody on the ward can log in with an IC card (the card system is down, staff from outside are helping).</translation>
    </message>
    <message>
        <source>Enter the account above, the name and workplace of the person who will use it, and why it is needed.</source>
        <translation>Enter the account above, the name and workplace of the person who will use it, and why it is needed.</translation>
    </message>
    <message>
        <source>Type the password above (upper or lower case, spaces and dashes do not matter).</source>
        <translation>Type the password above (upper or lower case, spaces and dashes do not matter).</translation>
    </message>
    <message>
        <source>IT and the auditors are told at once; every action is recorded and reviewed; the session is short. Works also when the network is down, on this ward&apos;s terminals.</source>
        <translation>IT and the auditors are told at once; every action is recorded and reviewed; the session is short. Works also when the network is down, on this ward&apos;s terminals.</translation>
    </message>
    <message>
        <source>After its first use the account stays open for one period, then closes until IT issues a new letter: give this letter to IT after the emergency.</source>
        <translation>After its first use the account stays open for one period, then closes until IT issues a new letter: give this letter to IT after the emergency.</translation>
    </message>
    <message>
        <source>Sealed: to be opened only in an emergency, by the person in charge of the ward</source>
        <translation>Sealed: to be opened only in an emergency, by the person in charge of the ward</translation>
    </message>
    <message>
        <source>Emergency account of %1</source>
        <translation>Emergency account of %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Made by</translation>
    </message>
    <message>
        <source>%1 (asked), %2 (approved)</source>
        <translation>%1 (asked), %2 (approved)</translation>
    </message>
    <message>
        <source>When nobody can log in with an IC card</source>
        <translation>When nobody can log in with an IC card</translation>
    </message>
    <message>
        <source>Keep this letter sealed in the ward&apos;s safe. If the seal is found broken when the account was not needed, tell IT at once: a new letter replaces this one.</source>
        <translation>Keep this letter sealed in the ward&apos;s safe. If the seal is found broken when the account was not needed, tell IT at once: a new letter replaces this one.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>must list from 1 to 32 delays</source>
        <translation>must list from 1 to 32 delays</translation>
    </message>
    <message>
        <source>every delay must be from 0 to %1 ms</source>
        <translation>every delay must be from 0 to %1 ms</translation>
    </message>
    <message>
        <source>delays must not decrease</source>
        <translation>delays must not decrease</translation>
    </message>
    <message>
        <source>must not be below minLength</source>
        <translation>must not be below minLength</translation>
    </message>
    <message>
        <source>must lie between minLength and maxLength</source>
        <translation>must lie between minLength and maxLength</translation>
    </message>
    <message>
        <source>must not exceed maxAgeDays (privileged IDs are stricter)</source>
        <translation>must not exceed maxAgeDays (privileged IDs are stricter)</translation>
    </message>
    <message>
        <source>must not exceed lockoutThreshold (privileged IDs are stricter)</source>
        <translation>must not exceed lockoutThreshold (privileged IDs are stricter)</translation>
    </message>
    <message>
        <source>must be shorter than privilegedMaxAgeDays</source>
        <translation>must be shorter than privilegedMaxAgeDays</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message numerus="yes">
        <source>The password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>The password is too short: use at least %n character.</numerusform>
            <numerusform>The password is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too long: use at most %n character(s).</source>
        <translation>
            <numerusform>The password is too long: use at most %n character.</numerusform>
            <numerusform>The password is too long: use at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, symbols.</source>
        <translation>
            <numerusform>Use at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, symbols.</numerusform>
            <numerusform>Use at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, symbols.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not contain your user ID.</source>
        <translation>The password must not contain your user ID.</translation>
    </message>
    <message numerus="yes">
        <source>This password was used recently. Choose one that differs from your last %n password(s).</source>
        <translation>
            <numerusform>This password was used recently. Choose one that differs from your last %n password.</numerusform>
            <numerusform>This password was used recently. Choose one that differs from your last %n passwords.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password contains a control character or invalid text. Use letters, digits and symbols.</source>
        <translation>The password contains a control character or invalid text. Use letters, digits and symbols.</translation>
    </message>
</context>
<context>
    <name>Patient</name>
    <message>
        <source>Patient field &quot;%1&quot; is missing or not text.</source>
        <translation>Patient field &quot;%1&quot; is missing or not text.</translation>
    </message>
    <message>
        <source>Birth date &quot;%1&quot; is not a valid date.</source>
        <translation>Birth date &quot;%1&quot; is not a valid date.</translation>
    </message>
</context>
<context>
    <name>RecordCodec</name>
    <message>
        <source>The status &quot;%1&quot; is not one this program writes.</source>
        <translation>The status &quot;%1&quot; is not one this program writes.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The vault could not store what the hub sent (%1); sync will retry.</source>
        <translation>The vault could not store what the hub sent (%1); sync will retry.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is malformed (%1); nothing from it was stored.</source>
        <translation>The hub&apos;s answer is malformed (%1); nothing from it was stored.</translation>
    </message>
</context>
<context>
    <name>TerminalIdentity</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Cannot create %1.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled.</source>
        <translation>This terminal is not enrolled.</translation>
    </message>
    <message>
        <source>The terminal key is missing; enrol the terminal again.</source>
        <translation>The terminal key is missing; enrol the terminal again.</translation>
    </message>
    <message>
        <source>The terminal key file is readable by others; refusing to use it. Enrol the terminal again.</source>
        <translation>The terminal key file is readable by others; refusing to use it. Enrol the terminal again.</translation>
    </message>
    <message>
        <source>The terminal&apos;s enrolment files are damaged; enrol the terminal again.</source>
        <translation>The terminal&apos;s enrolment files are damaged; enrol the terminal again.</translation>
    </message>
    <message>
        <source>The terminal&apos;s key, certificate and hub CA do not belong together; enrol the terminal again.</source>
        <translation>The terminal&apos;s key, certificate and hub CA do not belong together; enrol the terminal again.</translation>
    </message>
</context>
<context>
    <name>UserId</name>
    <message>
        <source>Enter a user ID.</source>
        <translation>Enter a user ID.</translation>
    </message>
    <message>
        <source>A user ID has exactly %1 characters.</source>
        <translation>A user ID has exactly %1 characters.</translation>
    </message>
    <message>
        <source>A user ID contains only the letters A–Z, a–z and the digits 0–9.</source>
        <translation>A user ID contains only the letters A–Z, a–z and the digits 0–9.</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>A draft needs an author, a patient and a type.</source>
        <translation>A draft needs an author, a patient and a type.</translation>
    </message>
    <message>
        <source>This draft belongs to another author.</source>
        <translation>This draft belongs to another author.</translation>
    </message>
    <message>
        <source>A saved draft failed its integrity check and was not opened.</source>
        <translation>A saved draft failed its integrity check and was not opened.</translation>
    </message>
    <message>
        <source>This vault was written by a newer WardStation (schema %1, this program knows %2). Update this terminal.</source>
        <translation>This vault was written by a newer WardStation (schema %1, this program knows %2). Update this terminal.</translation>
    </message>
    <message>
        <source>The key slot file %1 is damaged. The vault cannot be opened on this terminal; ask IT to re-enrol it (the hub holds the records).</source>
        <translation>The key slot file %1 is damaged. The vault cannot be opened on this terminal; ask IT to re-enrol it (the hub holds the records).</translation>
    </message>
    <message>
        <source>The password or card does not open this terminal&apos;s vault.</source>
        <translation>The password or card does not open this terminal&apos;s vault.</translation>
    </message>
    <message>
        <source>The key slot file %1 is missing. The vault cannot be opened on this terminal; ask IT to re-enrol it.</source>
        <translation>The key slot file %1 is missing. The vault cannot be opened on this terminal; ask IT to re-enrol it.</translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be read.</source>
        <translation>The key slot file %1 cannot be read.</translation>
    </message>
    <message>
        <source>A user slot needs a user ID and a password.</source>
        <translation>A user slot needs a user ID and a password.</translation>
    </message>
    <message>
        <source>The network key must be 32 bytes.</source>
        <translation>The network key must be 32 bytes.</translation>
    </message>
    <message>
        <source>Record %1 version %2 already exists with different content; nothing was stored.</source>
        <translation>Record %1 version %2 already exists with different content; nothing was stored.</translation>
    </message>
    <message>
        <source>A record needs an ID, a patient, a type and an author.</source>
        <translation>A record needs an ID, a patient, a type and an author.</translation>
    </message>
    <message>
        <source>Classification must be I to IV.</source>
        <translation>Classification must be I to IV.</translation>
    </message>
    <message>
        <source>Record versions start at 1.</source>
        <translation>Record versions start at 1.</translation>
    </message>
    <message>
        <source>Version 1 of a record cannot link to a previous version.</source>
        <translation>Version 1 of a record cannot link to a previous version.</translation>
    </message>
    <message>
        <source>Record %1 version %2 has no version %3 before it.</source>
        <translation>Record %1 version %2 has no version %3 before it.</translation>
    </message>
    <message>
        <source>A correction must stay with the same patient.</source>
        <translation>A correction must stay with the same patient.</translation>
    </message>
    <message>
        <source>Record %1 version %2 does not link to the stored version %3 (hash mismatch).</source>
        <translation>Record %1 version %2 does not link to the stored version %3 (hash mismatch).</translation>
    </message>
    <message>
        <source>Record %1 version %2 already exists; corrections are new versions.</source>
        <translation>Record %1 version %2 already exists; corrections are new versions.</translation>
    </message>
    <message>
        <source>An empty timestamp token cannot be stored.</source>
        <translation>An empty timestamp token cannot be stored.</translation>
    </message>
    <message>
        <source>Record %1 version %2 is not in the vault.</source>
        <translation>Record %1 version %2 is not in the vault.</translation>
    </message>
    <message>
        <source>The vault file %1 cannot be opened.</source>
        <translation>The vault file %1 cannot be opened.</translation>
    </message>
    <message>
        <source>The vault key was refused.</source>
        <translation>The vault key was refused.</translation>
    </message>
    <message>
        <source>The vault cannot be opened with this key, or it is not a WardStation vault.</source>
        <translation>The vault cannot be opened with this key, or it is not a WardStation vault.</translation>
    </message>
    <message>
        <source>The vault is damaged (%1). No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>The vault is damaged (%1). No data was changed. Ask IT to restore this terminal from the hub.</translation>
    </message>
    <message>
        <source>The vault is in use by another program. Close other WardStation windows and try again.</source>
        <translation>The vault is in use by another program. Close other WardStation windows and try again.</translation>
    </message>
    <message>
        <source>The disk is full; the last change was not saved. Ask IT to free space.</source>
        <translation>The disk is full; the last change was not saved. Ask IT to free space.</translation>
    </message>
    <message>
        <source>Confirmed entries cannot be changed or deleted; write a correction instead.</source>
        <translation>Confirmed entries cannot be changed or deleted; write a correction instead.</translation>
    </message>
    <message>
        <source>The data was refused by the vault (%1).</source>
        <translation>The data was refused by the vault (%1).</translation>
    </message>
    <message>
        <source>The vault could not be read or written (%1 during %2).</source>
        <translation>The vault could not be read or written (%1 during %2).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>A vault already exists in %1; wipe it before creating a new one.</source>
        <translation>A vault already exists in %1; wipe it before creating a new one.</translation>
    </message>
    <message>
        <source>There is no vault in %1.</source>
        <translation>There is no vault in %1.</translation>
    </message>
    <message>
        <source>%1 is an unencrypted SQLite file, not a WardStation vault. It was not opened.</source>
        <translation>%1 is an unencrypted SQLite file, not a WardStation vault. It was not opened.</translation>
    </message>
    <message>
        <source>The vault file is truncated (%1 bytes). No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>The vault file is truncated (%1 bytes). No data was changed. Ask IT to restore this terminal from the hub.</translation>
    </message>
    <message>
        <source>The vault&apos;s first page failed its integrity check. No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>The vault&apos;s first page failed its integrity check. No data was changed. Ask IT to restore this terminal from the hub.</translation>
    </message>
    <message>
        <source>The vault failed its integrity check (%1).</source>
        <translation>The vault failed its integrity check (%1).</translation>
    </message>
    <message>
        <source>%1 could not be removed during the wipe.</source>
        <translation>%1 could not be removed during the wipe.</translation>
    </message>
    <message>
        <source>This terminal&apos;s vault holds records in the format of an earlier WardStation version, which this version cannot show. Ask IT to wipe and re-enrol this terminal; its records come back from the hub.</source>
        <translation>This terminal&apos;s vault holds records in the format of an earlier WardStation version, which this version cannot show. Ask IT to wipe and re-enrol this terminal; its records come back from the hub.</translation>
    </message>
    <message>
        <source>This terminal&apos;s vault was made by an older WardStation whose card protection is no longer accepted. Ask IT to re-enrol the terminal (wipe and enrol again); the hub holds every record.</source>
        <translation>This terminal&apos;s vault was made by an older WardStation whose card protection is no longer accepted. Ask IT to re-enrol the terminal (wipe and enrol again); the hub holds every record.</translation>
    </message>
    <message>
        <source>The card did not answer the key agreement (key 9D). Insert the card again; if this repeats, ask reception to check the card.</source>
        <translation>The card did not answer the key agreement (key 9D). Insert the card again; if this repeats, ask reception to check the card.</translation>
    </message>
    <message>
        <source>The emergency letter&apos;s key from the hub is malformed.</source>
        <translation>The emergency letter&apos;s key from the hub is malformed.</translation>
    </message>
</context>
<context>
    <name>VerificationMethods</name>
    <message>
        <source>Driving licence</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <source>My Number card</source>
        <translation>My Number card</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Residence card</source>
        <translation>Residence card</translation>
    </message>
    <message>
        <source>Known in person by the ward manager (signed form)</source>
        <translation>Known in person by the ward manager (signed form)</translation>
    </message>
</context>
<context>
    <name>ward::AccessPolicy</name>
    <message>
        <source>The access policy is not valid JSON: %1</source>
        <translation>The access policy is not valid JSON: %1</translation>
    </message>
    <message>
        <source>The file is not a WardStation access policy (format field missing or wrong).</source>
        <translation>The file is not a WardStation access policy (format field missing or wrong).</translation>
    </message>
    <message>
        <source>The access policy has no valid version number.</source>
        <translation>The access policy has no valid version number.</translation>
    </message>
    <message>
        <source>Record type %1: classification must be I to IV (1–4).</source>
        <translation>Record type %1: classification must be I to IV (1–4).</translation>
    </message>
    <message>
        <source>The access policy defines no roles.</source>
        <translation>The access policy defines no roles.</translation>
    </message>
    <message>
        <source>Role %1: permissions must be a list.</source>
        <translation>Role %1: permissions must be a list.</translation>
    </message>
    <message>
        <source>Role %1: unknown action &quot;%2&quot;.</source>
        <translation>Role %1: unknown action &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Role %1: an empty record type.</source>
        <translation>Role %1: an empty record type.</translation>
    </message>
    <message>
        <source>Role %1: maxClassification must be I to IV (1–4).</source>
        <translation>Role %1: maxClassification must be I to IV (1–4).</translation>
    </message>
    <message>
        <source>Role %1: a permission needs actions and record types.</source>
        <translation>Role %1: a permission needs actions and record types.</translation>
    </message>
    <message>
        <source>A compartment without an id.</source>
        <translation>A compartment without an id.</translation>
    </message>
</context>
<context>
    <name>ward::AccountReportView</name>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>Locked accounts</translation>
    </message>
    <message>
        <source>Passwords near or past expiry</source>
        <translation>Passwords near or past expiry</translation>
    </message>
    <message>
        <source>IDs unused for some days</source>
        <translation>IDs unused for some days</translation>
    </message>
    <message>
        <source>Privileged accounts</source>
        <translation>Privileged accounts</translation>
    </message>
    <message>
        <source>Temporary passwords never used</source>
        <translation>Temporary passwords never used</translation>
    </message>
    <message>
        <source>IC cards not collected</source>
        <translation>IC cards not collected</translation>
    </message>
    <message>
        <source>Days unused</source>
        <translation>Days unused</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>Report rows</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Privileged</source>
        <translation>Privileged</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Expires soon</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s).</source>
        <translation>
            <numerusform>%1: %n account.</numerusform>
            <numerusform>%1: %n accounts.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1 (%2 days)</translation>
    </message>
    <message>
        <source>The CSV file could not be written (%1). Choose another folder.</source>
        <translation>The CSV file could not be written (%1). Choose another folder.</translation>
    </message>
    <message>
        <source>Export report as CSV</source>
        <translation>Export report as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal. Export the report as CSV instead, or ask IT.</source>
        <translation>No printer is set up at this terminal. Export the report as CSV instead, or ask IT.</translation>
    </message>
    <message>
        <source>The printer failed while printing the report.</source>
        <translation>The printer failed while printing the report.</translation>
    </message>
    <message>
        <source>The report was sent to the printer.</source>
        <translation>The report was sent to the printer.</translation>
    </message>
</context>
<context>
    <name>ward::AlertBadges</name>
    <message>
        <source>Allergy</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>No known allergies</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
</context>
<context>
    <name>ward::AppearanceMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>&amp;Light theme</translation>
    </message>
    <message>
        <source>&amp;Night theme (dark ward)</source>
        <translation>&amp;Night theme (dark ward)</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>Lar&amp;ge text</translation>
    </message>
</context>
<context>
    <name>ward::ApprovalList</name>
    <message>
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Proxy entries awaiting your approval: %1</source>
        <translation>Proxy entries awaiting your approval: %1</translation>
    </message>
    <message>
        <source>Entries awaiting your approval</source>
        <translation>Entries awaiting your approval</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ward::AuditAcknowledgement</name>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain is not signed.</source>
        <translation>The hub&apos;s acknowledgement of the audit chain is not signed.</translation>
    </message>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain does not verify against this terminal&apos;s hub: %1</source>
        <translation>The hub&apos;s acknowledgement of the audit chain does not verify against this terminal&apos;s hub: %1</translation>
    </message>
    <message>
        <source>The acknowledgement of the audit chain is signed by %1, not by the hub&apos;s audit certificate.</source>
        <translation>The acknowledgement of the audit chain is signed by %1, not by the hub&apos;s audit certificate.</translation>
    </message>
    <message>
        <source>The hub acknowledged the audit chain of another terminal (%1).</source>
        <translation>The hub acknowledged the audit chain of another terminal (%1).</translation>
    </message>
    <message>
        <source>The hub acknowledged audit entry %1, which is not this terminal&apos;s entry %2.</source>
        <translation>The hub acknowledged audit entry %1, which is not this terminal&apos;s entry %2.</translation>
    </message>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain has no time.</source>
        <translation>The hub&apos;s acknowledgement of the audit chain has no time.</translation>
    </message>
</context>
<context>
    <name>ward::AuditSearchPanel</name>
    <message>
        <source>Search all entries</source>
        <translation>Search all entries</translation>
    </message>
    <message>
        <source>Who accessed this patient (disclosure request)</source>
        <translation>Who accessed this patient (disclosure request)</translation>
    </message>
    <message>
        <source>One staff member&apos;s activity</source>
        <translation>One staff member&apos;s activity</translation>
    </message>
    <message>
        <source>Access outside the user&apos;s wards or after hours</source>
        <translation>Access outside the user&apos;s wards or after hours</translation>
    </message>
    <message>
        <source>Logins without card and emergency unlocks</source>
        <translation>Logins without card and emergency unlocks</translation>
    </message>
    <message>
        <source>Bursts of failed logins</source>
        <translation>Bursts of failed logins</translation>
    </message>
    <message>
        <source>Records with invalid signatures</source>
        <translation>Records with invalid signatures</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>Only from</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Patient / staff</source>
        <translation>Patient / staff</translation>
    </message>
    <message>
        <source>Terminal / ward / event</source>
        <translation>Terminal / ward / event</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Newer</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Older</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>patient %1</translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation>staff %1</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s ID for the disclosure report.</source>
        <translation>Enter the patient&apos;s ID for the disclosure report.</translation>
    </message>
    <message>
        <source>Enter the staff ID whose activity you want to see.</source>
        <translation>Enter the staff ID whose activity you want to see.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <source>Entries %1–%2</source>
        <translation>Entries %1–%2</translation>
    </message>
    <message>
        <source>Export audit entries as CSV</source>
        <translation>Export audit entries as CSV</translation>
    </message>
    <message>
        <source>Emergency accounts: uses, tests and letters</source>
        <translation>Emergency accounts: uses, tests and letters</translation>
    </message>
</context>
<context>
    <name>ward::AuditShipment</name>
    <message>
        <source>The hub did not acknowledge the audit entries it was sent.</source>
        <translation>The hub did not acknowledge the audit entries it was sent.</translation>
    </message>
    <message>
        <source>The hub acknowledged an audit entry this terminal does not hold.</source>
        <translation>The hub acknowledged an audit entry this terminal does not hold.</translation>
    </message>
</context>
<context>
    <name>ward::AuditorWorkspace</name>
    <message>
        <source>Search and reports</source>
        <translation>Search and reports</translation>
    </message>
    <message>
        <source>Break-the-glass review</source>
        <translation>Break-the-glass review</translation>
    </message>
</context>
<context>
    <name>ward::BreakGlassPanel</name>
    <message>
        <source>Patient outside your wards</source>
        <translation>Patient outside your wards</translation>
    </message>
    <message>
        <source>Reason for opening this chart (required)</source>
        <translation>Reason for opening this chart (required)</translation>
    </message>
    <message>
        <source>Open with this reason</source>
        <translation>Open with this reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The access and your reason are recorded and reviewed by the auditors.</source>
        <translation>The access and your reason are recorded and reviewed by the auditors.</translation>
    </message>
</context>
<context>
    <name>ward::BreakGlassQueue</name>
    <message>
        <source>Show reviewed entries too</source>
        <translation>Show reviewed entries too</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Your finding, e.g. justified: emergency on the ward</source>
        <translation>Your finding, e.g. justified: emergency on the ward</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Break-the-glass accesses waiting for review, oldest first.</source>
        <translation>Break-the-glass accesses waiting for review, oldest first.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>No break-the-glass access is waiting for review.</source>
        <translation>No break-the-glass access is waiting for review.</translation>
    </message>
    <message>
        <source>Marked reviewed: %1&apos;s access at %2.</source>
        <translation>Marked reviewed: %1&apos;s access at %2.</translation>
    </message>
    <message>
        <source>Export break-the-glass entries as CSV</source>
        <translation>Export break-the-glass entries as CSV</translation>
    </message>
    <message>
        <source>Break-the-glass review</source>
        <translation>Break-the-glass review</translation>
    </message>
</context>
<context>
    <name>ward::CardChangePage</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>ID badge</source>
        <translation>ID badge</translation>
    </message>
    <message>
        <source>IC card</source>
        <translation>IC card</translation>
    </message>
    <message>
        <source>%1 bound on %2 (key %3…)</source>
        <translation>%1 bound on %2 (key %3…)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The card is refused at every terminal after its next sync (within one sync interval). The person&apos;s open sessions end now and their signing certificates are revoked; a new signing key is made at their next login. A revoked card is never issued again.</source>
        <translation>The card is refused at every terminal after its next sync (within one sync interval). The person&apos;s open sessions end now and their signing certificates are revoked; a new signing key is made at their next login. A revoked card is never issued again.</translation>
    </message>
    <message>
        <source>Revoke the card of %1</source>
        <translation>Revoke the card of %1</translation>
    </message>
    <message>
        <source>%1

%2

Collect the card if it is here (broken card).</source>
        <translation>%1

%2

Collect the card if it is here (broken card).</translation>
    </message>
    <message>
        <source>e.g. &quot;lost on 3 December&quot;, &quot;card broken&quot;</source>
        <translation>e.g. &quot;lost on 3 December&quot;, &quot;card broken&quot;</translation>
    </message>
    <message>
        <source>Revoke the card</source>
        <translation>Revoke the card</translation>
    </message>
    <message>
        <source>Replace the card of %1</source>
        <translation>Replace the card of %1</translation>
    </message>
    <message>
        <source>%1

First the old card is revoked: %2

Then put the new card in the desk&apos;s reader to issue it to the same person.</source>
        <translation>%1

First the old card is revoked: %2

Then put the new card in the desk&apos;s reader to issue it to the same person.</translation>
    </message>
    <message>
        <source>Revoke and issue a new card</source>
        <translation>Revoke and issue a new card</translation>
    </message>
    <message>
        <source>One-shift fallback code for %1</source>
        <translation>One-shift fallback code for %1</translation>
    </message>
    <message numerus="yes">
        <source>A one-time code for a login without the IC card, valid for one shift (%n hour(s), until about %1), is printed as a sealed letter at this desk; it is never shown on screen. The person logs in once with their staff ID, the code and their own password, and that login is recorded and flagged for review. Check the person&apos;s identity before you issue it.</source>
        <translation>
            <numerusform>A one-time code for a login without the IC card, valid for one shift (%n hour, until about %1), is printed as a sealed letter at this desk; it is never shown on screen. The person logs in once with their staff ID, the code and their own password, and that login is recorded and flagged for review. Check the person&apos;s identity before you issue it.</numerusform>
            <numerusform>A one-time code for a login without the IC card, valid for one shift (%n hours, until about %1), is printed as a sealed letter at this desk; it is never shown on screen. The person logs in once with their staff ID, the code and their own password, and that login is recorded and flagged for review. Check the person&apos;s identity before you issue it.</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. &quot;card forgotten at home&quot;, &quot;card broken, replacement ordered&quot;</source>
        <translation>e.g. &quot;card forgotten at home&quot;, &quot;card broken, replacement ordered&quot;</translation>
    </message>
    <message>
        <source>Print the code letter</source>
        <translation>Print the code letter</translation>
    </message>
</context>
<context>
    <name>ward::CardIssuePage</name>
    <message>
        <source>Staff ID in the card</source>
        <translation>Staff ID in the card</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Issue this card</source>
        <translation>Issue this card</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Issue an IC card to %1 (%2)</source>
        <translation>Issue an IC card to %1 (%2)</translation>
    </message>
    <message>
        <source>The card service of this terminal is not running, so no card can be read. Ask IT to start the card service (pcscd), then try again.</source>
        <translation>The card service of this terminal is not running, so no card can be read. Ask IT to start the card service (pcscd), then try again.</translation>
    </message>
    <message>
        <source>No card reader for new cards is connected at this desk (the reader with your own card is never used for issuing). Connect the desk&apos;s second reader, then put the new card in it.</source>
        <translation>No card reader for new cards is connected at this desk (the reader with your own card is never used for issuing). Connect the desk&apos;s second reader, then put the new card in it.</translation>
    </message>
    <message>
        <source>Put the new card in the reader %1 and leave it there until its details appear.</source>
        <translation>Put the new card in the reader %1 and leave it there until its details appear.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>There are cards in more than one reader (%1). Leave only the new card in a reader.</source>
        <translation>There are cards in more than one reader (%1). Leave only the new card in a reader.</translation>
    </message>
    <message>
        <source>Reading the card in %1…</source>
        <translation>Reading the card in %1…</translation>
    </message>
    <message>
        <source>Check the name and staff ID, then issue the card. Leave it in the reader until it is issued.</source>
        <translation>Check the name and staff ID, then issue the card. Leave it in the reader until it is issued.</translation>
    </message>
    <message>
        <source>The card was taken out while it was being read. Nothing was issued. Put it back and leave it in the reader until its details appear.</source>
        <translation>The card was taken out while it was being read. Nothing was issued. Put it back and leave it in the reader until its details appear.</translation>
    </message>
    <message>
        <source>This card has no PIV application (an ID badge or another kind of card), so it cannot be issued as a staff IC card. Use a staff IC card prepared by IT.</source>
        <translation>This card has no PIV application (an ID badge or another kind of card), so it cannot be issued as a staff IC card. Use a staff IC card prepared by IT.</translation>
    </message>
    <message>
        <source>The certificate on this card cannot be read, or is not a staff card certificate (ECDSA P-256). Nothing was issued. Give the card to IT to be prepared again.</source>
        <translation>The certificate on this card cannot be read, or is not a staff card certificate (ECDSA P-256). Nothing was issued. Give the card to IT to be prepared again.</translation>
    </message>
    <message>
        <source>This card&apos;s key does not match the certificate it holds (the certificate may have been copied from another card). Do not issue it; give it to IT.</source>
        <translation>This card&apos;s key does not match the certificate it holds (the certificate may have been copied from another card). Do not issue it; give it to IT.</translation>
    </message>
    <message>
        <source>%1 Nothing was issued.</source>
        <translation>%1 Nothing was issued.</translation>
    </message>
    <message>
        <source>The certificate on this card expired on %1: an expired card cannot log in. Use another card, or give this one to IT to be renewed.</source>
        <translation>The certificate on this card expired on %1: an expired card cannot log in. Use another card, or give this one to IT to be renewed.</translation>
    </message>
    <message>
        <source>The certificate on this card is valid only from %1. Use another card, or issue this one from that day.</source>
        <translation>The certificate on this card is valid only from %1. Use another card, or issue this one from that day.</translation>
    </message>
    <message>
        <source>This card was prepared for staff ID %1 (the ID in its certificate), not for %2: at login it can only be %1&apos;s card. Use the card prepared for %2.</source>
        <translation>This card was prepared for staff ID %1 (the ID in its certificate), not for %2: at login it can only be %1&apos;s card. Use the card prepared for %2.</translation>
    </message>
    <message>
        <source>This card is already the IC card of %1; nothing needs to be issued.</source>
        <translation>This card is already the IC card of %1; nothing needs to be issued.</translation>
    </message>
    <message>
        <source>The card was taken out before it was issued. Put it back in %1 to issue it.</source>
        <translation>The card was taken out before it was issued. Put it back in %1 to issue it.</translation>
    </message>
    <message>
        <source>Issuing the card at the hub…</source>
        <translation>Issuing the card at the hub…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This card will become the IC card of %1.</source>
        <translation>This card will become the IC card of %1.</translation>
    </message>
    <message>
        <source>This card cannot be issued to %1.</source>
        <translation>This card cannot be issued to %1.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>ward::CardPanel</name>
    <message>
        <source>Bound IC cards</source>
        <translation>Bound IC cards</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Bound on</source>
        <translation>Bound on</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Issue a card…</source>
        <translation>Issue a card…</translation>
    </message>
    <message>
        <source>Replace the card…</source>
        <translation>Replace the card…</translation>
    </message>
    <message>
        <source>Revoke the card…</source>
        <translation>Revoke the card…</translation>
    </message>
    <message>
        <source>One-shift fallback code…</source>
        <translation>One-shift fallback code…</translation>
    </message>
    <message>
        <source>First card</source>
        <translation>First card</translation>
    </message>
    <message>
        <source>Additional card</source>
        <translation>Additional card</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a person in &quot;Find staff&quot;; their IC cards are shown here.</source>
        <translation>Choose a person in &quot;Find staff&quot;; their IC cards are shown here.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>Account: %1. IC card: %2.</source>
        <translation>Account: %1. IC card: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) revoked earlier.</source>
        <translation>
            <numerusform>%n card revoked earlier.</numerusform>
            <numerusform>%n cards revoked earlier.</numerusform>
        </translation>
    </message>
    <message>
        <source>ID badge (UID)</source>
        <translation>ID badge (UID)</translation>
    </message>
    <message>
        <source>IC card (PIV)</source>
        <translation>IC card (PIV)</translation>
    </message>
    <message>
        <source>The card (serial %1) is now the IC card of %2. It works at every terminal after the terminal&apos;s next sync, together with the person&apos;s own password.</source>
        <translation>The card (serial %1) is now the IC card of %2. It works at every terminal after the terminal&apos;s next sync, together with the person&apos;s own password.</translation>
    </message>
    <message>
        <source>The hub refused: this card is already bound to another person. Nothing was changed. If it was handed back, revoke it on that person first; otherwise use another card.</source>
        <translation>The hub refused: this card is already bound to another person. Nothing was changed. If it was handed back, revoke it on that person first; otherwise use another card.</translation>
    </message>
    <message>
        <source>%1 is revoked: every terminal refuses it after its next sync.</source>
        <translation>%1 is revoked: every terminal refuses it after its next sync.</translation>
    </message>
    <message>
        <source>Now put the new card in the desk&apos;s reader.</source>
        <translation>Now put the new card in the desk&apos;s reader.</translation>
    </message>
    <message>
        <source>Replacement: %1</source>
        <translation>Replacement: %1</translation>
    </message>
    <message>
        <source>The fallback code letter for %1 is printed: seal it in an envelope and hand it to the person only. The code works for one login until %2, and that login is flagged for review.</source>
        <translation>The fallback code letter for %1 is printed: seal it in an envelope and hand it to the person only. The code works for one login until %2, and that login is flagged for review.</translation>
    </message>
    <message>
        <source>The hub did bind the card to %1 (its answer was lost on the way).</source>
        <translation>The hub did bind the card to %1 (its answer was lost on the way).</translation>
    </message>
</context>
<context>
    <name>ward::CertificateAuthority</name>
    <message>
        <source>&quot;%1&quot; is not a usable IP address.</source>
        <translation>&quot;%1&quot; is not a usable IP address.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a host name nor an IP address.</source>
        <translation>&quot;%1&quot; is neither a host name nor an IP address.</translation>
    </message>
    <message>
        <source>The certificate request is empty.</source>
        <translation>The certificate request is empty.</translation>
    </message>
    <message>
        <source>The certificate request&apos;s signature is invalid: it does not prove possession of the key.</source>
        <translation>The certificate request&apos;s signature is invalid: it does not prove possession of the key.</translation>
    </message>
    <message>
        <source>The certificate request&apos;s key is not allowed: %1.</source>
        <translation>The certificate request&apos;s key is not allowed: %1.</translation>
    </message>
    <message>
        <source>The common name must be 1 to 64 characters.</source>
        <translation>The common name must be 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The validity period is out of range.</source>
        <translation>The validity period is out of range.</translation>
    </message>
    <message>
        <source>The CA certificate is not valid at this time (valid %1 to %2); no certificate was issued.</source>
        <translation>The CA certificate is not valid at this time (valid %1 to %2); no certificate was issued.</translation>
    </message>
</context>
<context>
    <name>ward::ChangePasswordPage</name>
    <message>
        <source>Choose a new password</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Keep the current password for now</source>
        <translation>Keep the current password for now</translation>
    </message>
</context>
<context>
    <name>ward::ChangeReason</name>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Recorded in the hub&apos;s audit with your name and this terminal.</source>
        <translation>Recorded in the hub&apos;s audit with your name and this terminal.</translation>
    </message>
    <message>
        <source>Write why, in a few words (required, at most %1 characters).</source>
        <translation>Write why, in a few words (required, at most %1 characters).</translation>
    </message>
</context>
<context>
    <name>ward::ChartService</name>
    <message>
        <source>Progress note</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Nursing note</source>
        <translation>Nursing note</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>Lab result</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <source>Medication order</source>
        <translation>Medication order</translation>
    </message>
    <message>
        <source>Patient %1 is not on this terminal.</source>
        <translation>Patient %1 is not on this terminal.</translation>
    </message>
    <message>
        <source>This patient is in another ward (%1). State a reason to open the chart; the access is recorded and reviewed.</source>
        <translation>This patient is in another ward (%1). State a reason to open the chart; the access is recorded and reviewed.</translation>
    </message>
    <message>
        <source>This patient is in a restricted ward (%1) open only to assigned staff.</source>
        <translation>This patient is in a restricted ward (%1) open only to assigned staff.</translation>
    </message>
    <message>
        <source>Your role may not read %1 records of classification %2.</source>
        <translation>Your role may not read %1 records of classification %2.</translation>
    </message>
    <message>
        <source>Record %1 is not on this terminal.</source>
        <translation>Record %1 is not on this terminal.</translation>
    </message>
    <message>
        <source>Record %1 version %2 is not on this terminal.</source>
        <translation>Record %1 version %2 is not on this terminal.</translation>
    </message>
    <message>
        <source>Unknown record type &quot;%1&quot;.</source>
        <translation>Unknown record type &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A correction must keep the record&apos;s patient and type.</source>
        <translation>A correction must keep the record&apos;s patient and type.</translation>
    </message>
    <message>
        <source>Your role may not write %1 records.</source>
        <translation>Your role may not write %1 records.</translation>
    </message>
    <message>
        <source>A draft can only be saved by its author.</source>
        <translation>A draft can only be saved by its author.</translation>
    </message>
    <message>
        <source>You have no signing key on this terminal; log in again to create or unlock it.</source>
        <translation>You have no signing key on this terminal; log in again to create or unlock it.</translation>
    </message>
    <message>
        <source>The draft is no longer on this terminal.</source>
        <translation>The draft is no longer on this terminal.</translation>
    </message>
    <message>
        <source>The record was changed (now version %1) after you started this correction. Open the latest version and correct that.</source>
        <translation>The record was changed (now version %1) after you started this correction. Open the latest version and correct that.</translation>
    </message>
    <message>
        <source>Your role may not confirm %1 records. Use proxy entry for a doctor to approve.</source>
        <translation>Your role may not confirm %1 records. Use proxy entry for a doctor to approve.</translation>
    </message>
    <message>
        <source>Your role may not withdraw %1 records.</source>
        <translation>Your role may not withdraw %1 records.</translation>
    </message>
    <message>
        <source>This record is already marked as entered in error.</source>
        <translation>This record is already marked as entered in error.</translation>
    </message>
    <message>
        <source>Corrections cannot be entered by proxy.</source>
        <translation>Corrections cannot be entered by proxy.</translation>
    </message>
    <message>
        <source>Your role may not enter %1 records on a doctor&apos;s behalf.</source>
        <translation>Your role may not enter %1 records on a doctor&apos;s behalf.</translation>
    </message>
    <message>
        <source>This record is not waiting for approval.</source>
        <translation>This record is not waiting for approval.</translation>
    </message>
    <message>
        <source>Only the doctor the entry was made for can approve it.</source>
        <translation>Only the doctor the entry was made for can approve it.</translation>
    </message>
    <message>
        <source>Your role may not approve %1 records.</source>
        <translation>Your role may not approve %1 records.</translation>
    </message>
    <message>
        <source>The proxy entry&apos;s signature does not verify; it cannot be approved.</source>
        <translation>The proxy entry&apos;s signature does not verify; it cannot be approved.</translation>
    </message>
    <message>
        <source>A draft cannot be moved to another patient, type or record; start a new one.</source>
        <translation>A draft cannot be moved to another patient, type or record; start a new one.</translation>
    </message>
    <message>
        <source>Choose the doctor this entry is made for (a 10-character staff ID).</source>
        <translation>Choose the doctor this entry is made for (a 10-character staff ID).</translation>
    </message>
    <message>
        <source>The entry is not a %1 record.</source>
        <translation>The entry is not a %1 record.</translation>
    </message>
    <message>
        <source>The entry names another patient; start a new entry for this patient.</source>
        <translation>The entry names another patient; start a new entry for this patient.</translation>
    </message>
    <message>
        <source>Version %1 of this record cannot be read (%2); it cannot be changed.</source>
        <translation>Version %1 of this record cannot be read (%2); it cannot be changed.</translation>
    </message>
    <message>
        <source>Version %1 of this record is not on this terminal.</source>
        <translation>Version %1 of this record is not on this terminal.</translation>
    </message>
    <message>
        <source>Alert flag</source>
        <translation>Alert flag</translation>
    </message>
</context>
<context>
    <name>ward::ChartWorkspace</name>
    <message>
        <source>Search patient: ID, name or kana (Ctrl+F)</source>
        <translation>Search patient: ID, name or kana (Ctrl+F)</translation>
    </message>
    <message>
        <source>Patient %1 is outside your wards.</source>
        <translation>Patient %1 is outside your wards.</translation>
    </message>
    <message>
        <source>The draft you were editing is no longer available.</source>
        <translation>The draft you were editing is no longer available.</translation>
    </message>
    <message>
        <source>Your draft could not be saved (%1); the chart stays open.</source>
        <translation>Your draft could not be saved (%1); the chart stays open.</translation>
    </message>
    <message>
        <source>The chart could not be opened: %1</source>
        <translation>The chart could not be opened: %1</translation>
    </message>
    <message>
        <source>Search patient</source>
        <translation>Search patient</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>Ward census</translation>
    </message>
    <message>
        <source>Ward census (%1)</source>
        <translation>Ward census (%1)</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>Find a patient</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ward::CmsEnvelope</name>
    <message>
        <source>No recipient certificate was given.</source>
        <translation>No recipient certificate was given.</translation>
    </message>
    <message>
        <source>The certificate cannot receive an encrypted file: %1</source>
        <translation>The certificate cannot receive an encrypted file: %1</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
</context>
<context>
    <name>ward::CmsSignature</name>
    <message>
        <source>A signing certificate and its private key are needed to sign.</source>
        <translation>A signing certificate and its private key are needed to sign.</translation>
    </message>
    <message>
        <source>The signing key does not belong to the signing certificate.</source>
        <translation>The signing key does not belong to the signing certificate.</translation>
    </message>
    <message>
        <source>The signing time is invalid.</source>
        <translation>The signing time is invalid.</translation>
    </message>
    <message>
        <source>The signature is not a well-formed CMS SignedData structure.</source>
        <translation>The signature is not a well-formed CMS SignedData structure.</translation>
    </message>
    <message>
        <source>The signature embeds its own content; a detached signature over the record body was expected.</source>
        <translation>The signature embeds its own content; a detached signature over the record body was expected.</translation>
    </message>
    <message>
        <source>The signature must have exactly one signer.</source>
        <translation>The signature must have exactly one signer.</translation>
    </message>
    <message>
        <source>The signature uses a digest algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</source>
        <translation>The signature uses a digest algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</translation>
    </message>
    <message>
        <source>The signature has no valid signing time (CAdES-BES requires one).</source>
        <translation>The signature has no valid signing time (CAdES-BES requires one).</translation>
    </message>
    <message>
        <source>The signature has no signing-certificate-v2 attribute (CAdES-BES requires one).</source>
        <translation>The signature has no signing-certificate-v2 attribute (CAdES-BES requires one).</translation>
    </message>
    <message>
        <source>The signature does not cover plain data content (content type mismatch).</source>
        <translation>The signature does not cover plain data content (content type mismatch).</translation>
    </message>
    <message>
        <source>The signature does not carry the signer&apos;s certificate.</source>
        <translation>The signature does not carry the signer&apos;s certificate.</translation>
    </message>
    <message>
        <source>The signature&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</source>
        <translation>The signature&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</translation>
    </message>
    <message>
        <source>The signing time %1 lies in the future.</source>
        <translation>The signing time %1 lies in the future.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate %1 is not trusted for signing at the signing time %2: %3.</source>
        <translation>The signer&apos;s certificate %1 is not trusted for signing at the signing time %2: %3.</translation>
    </message>
    <message>
        <source>The signature carries a certificate that is not part of the signer&apos;s verified chain.</source>
        <translation>The signature carries a certificate that is not part of the signer&apos;s verified chain.</translation>
    </message>
    <message>
        <source>The signing-certificate-v2 attribute does not name the signer&apos;s certificate.</source>
        <translation>The signing-certificate-v2 attribute does not name the signer&apos;s certificate.</translation>
    </message>
    <message>
        <source>The signature does not match the record body: the body was changed after signing.</source>
        <translation>The signature does not match the record body: the body was changed after signing.</translation>
    </message>
    <message>
        <source>The signature value does not verify with the signer&apos;s certificate %1.</source>
        <translation>The signature value does not verify with the signer&apos;s certificate %1.</translation>
    </message>
    <message>
        <source>The record was signed with certificate %1, not with the author&apos;s certificate %2.</source>
        <translation>The record was signed with certificate %1, not with the author&apos;s certificate %2.</translation>
    </message>
</context>
<context>
    <name>ward::DiagnosticReport</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>WardStation terminal diagnostics</source>
        <translation>WardStation terminal diagnostics</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>Terminal: %1</translation>
    </message>
    <message>
        <source>(not enrolled)</source>
        <translation>(not enrolled)</translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation>Generated: %1 UTC</translation>
    </message>
</context>
<context>
    <name>ward::DiagnosticsPage</name>
    <message>
        <source>Terminal diagnostics</source>
        <translation>Terminal diagnostics</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Copies the checks for a support ticket; the report holds no patient data</source>
        <translation>Copies the checks for a support ticket; the report holds no patient data</translation>
    </message>
    <message>
        <source>Wipe this terminal…</source>
        <translation>Wipe this terminal…</translation>
    </message>
    <message>
        <source>Checking the terminal…</source>
        <translation>Checking the terminal…</translation>
    </message>
    <message>
        <source>Checked at %1 UTC: some checks found problems.</source>
        <translation>Checked at %1 UTC: some checks found problems.</translation>
    </message>
    <message>
        <source>Checked at %1 UTC.</source>
        <translation>Checked at %1 UTC.</translation>
    </message>
    <message>
        <source>The report was copied; paste it into the support ticket.</source>
        <translation>The report was copied; paste it into the support ticket.</translation>
    </message>
</context>
<context>
    <name>ward::DisposalRecordsPage</name>
    <message>
        <source>Wiped at</source>
        <translation>Wiped at</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>IT staff</source>
        <translation>IT staff</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Unsent records lost</source>
        <translation>Unsent records lost</translation>
    </message>
    <message>
        <source>Audit entries lost</source>
        <translation>Audit entries lost</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Disposal records</source>
        <translation>Disposal records</translation>
    </message>
    <message>
        <source>Back to the terminals</source>
        <translation>Back to the terminals</translation>
    </message>
    <message>
        <source>Disposal records of every terminal</source>
        <translation>Disposal records of every terminal</translation>
    </message>
    <message>
        <source>Disposal records of terminal &quot;%1&quot;</source>
        <translation>Disposal records of terminal &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reading the disposal records from the hub…</source>
        <translation>Reading the disposal records from the hub…</translation>
    </message>
    <message>
        <source>%1 (not in the directory)</source>
        <translation>%1 (not in the directory)</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>Loss confirmed by IT with a reason</source>
        <translation>Loss confirmed by IT with a reason</translation>
    </message>
    <message>
        <source>Nothing lost: all was sent first</source>
        <translation>Nothing lost: all was sent first</translation>
    </message>
    <message>
        <source>The hub holds no disposal record here.</source>
        <translation>The hub holds no disposal record here.</translation>
    </message>
</context>
<context>
    <name>ward::DraftEditor</name>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>Correction of %1 (version %2)</source>
        <translation>Correction of %1 (version %2)</translation>
    </message>
    <message>
        <source>Confirm (sign)</source>
        <translation>Confirm (sign)</translation>
    </message>
    <message>
        <source>Enter on behalf of:</source>
        <translation>Enter on behalf of:</translation>
    </message>
    <message>
        <source>Submit for the doctor&apos;s approval</source>
        <translation>Submit for the doctor&apos;s approval</translation>
    </message>
    <message>
        <source>Keep as draft and close</source>
        <translation>Keep as draft and close</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>Not confirmed; fix the following:</source>
        <translation>Not confirmed; fix the following:</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>Not confirmed: %1</translation>
    </message>
    <message>
        <source>Not submitted; fix the following:</source>
        <translation>Not submitted; fix the following:</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Not submitted: %1</translation>
    </message>
    <message>
        <source>Confirming needs your signing key, which is not unlocked in this session. Your draft is kept; log in again to confirm it.</source>
        <translation>Confirming needs your signing key, which is not unlocked in this session. Your draft is kept; log in again to confirm it.</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>The draft could not be discarded: %1</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>Draft saved %1</translation>
    </message>
</context>
<context>
    <name>ward::EmergencyAccountsPanel</name>
    <message>
        <source>Each ward keeps one emergency account in a sealed letter in its safe, for when nobody can log in with an IC card. One person asks for a letter; another approves it at their own desk, where the letter is printed. Using the account alerts IT and the auditors.</source>
        <translation>Each ward keeps one emergency account in a sealed letter in its safe, for when nobody can log in with an IC card. One person asks for a letter; another approves it at their own desk, where the letter is printed. Using the account alerts IT and the auditors.</translation>
    </message>
    <message>
        <source>Emergency accounts</source>
        <translation>Emergency accounts</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Last test</translation>
    </message>
    <message>
        <source>Ask for this ward&apos;s account</source>
        <translation>Ask for this ward&apos;s account</translation>
    </message>
    <message>
        <source>Ask for a new letter</source>
        <translation>Ask for a new letter</translation>
    </message>
    <message>
        <source>Approve and print the letter</source>
        <translation>Approve and print the letter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No letter yet</source>
        <translation>No letter yet</translation>
    </message>
    <message>
        <source>Ready (sealed letter)</source>
        <translation>Ready (sealed letter)</translation>
    </message>
    <message>
        <source>In use until %1</source>
        <translation>In use until %1</translation>
    </message>
    <message>
        <source>Used on %1: needs a new letter</source>
        <translation>Used on %1: needs a new letter</translation>
    </message>
    <message>
        <source>Asked by %1 at %2</source>
        <translation>Asked by %1 at %2</translation>
    </message>
    <message>
        <source>Asked for %1. Another person approves it at their own desk, where the sealed letter is printed.</source>
        <translation>Asked for %1. Another person approves it at their own desk, where the sealed letter is printed.</translation>
    </message>
    <message>
        <source>Asked for a new letter for %1. The current letter works until another person approves the new one.</source>
        <translation>Asked for a new letter for %1. The current letter works until another person approves the new one.</translation>
    </message>
    <message>
        <source>Approved: the letter for %1 is printed. Seal it and take it to the ward&apos;s safe; the previous letter no longer works.</source>
        <translation>Approved: the letter for %1 is printed. Seal it and take it to the ward&apos;s safe; the previous letter no longer works.</translation>
    </message>
</context>
<context>
    <name>ward::EmergencyLoginPage</name>
    <message>
        <source>Periodic test only (nothing opens; recorded as a test)</source>
        <translation>Periodic test only (nothing opens; recorded as a test)</translation>
    </message>
    <message>
        <source>Emergency account</source>
        <translation>Emergency account</translation>
    </message>
    <message>
        <source>Only when nobody can log in with a card. IT and the auditors are told at once, every action is recorded under your name, and the account closes after this shift until IT issues a new letter.</source>
        <translation>Only when nobody can log in with a card. IT and the auditors are told at once, every action is recorded under your name, and the account closes after this shift until IT issues a new letter.</translation>
    </message>
    <message>
        <source>Emergency account (on the sealed letter)</source>
        <translation>Emergency account (on the sealed letter)</translation>
    </message>
    <message>
        <source>e.g. Yamada Taro, visiting doctor, Kita Hospital</source>
        <translation>e.g. Yamada Taro, visiting doctor, Kita Hospital</translation>
    </message>
    <message>
        <source>Your name and where you work</source>
        <translation>Your name and where you work</translation>
    </message>
    <message>
        <source>e.g. IC card system down; visiting staff in a disaster</source>
        <translation>e.g. IC card system down; visiting staff in a disaster</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>ward::EnrolCodePage</name>
    <message>
        <source>Enrolment code for a new terminal</source>
        <translation>Enrolment code for a new terminal</translation>
    </message>
    <message>
        <source>The code lets one new terminal join the hub for the ward you choose. It works once and only until it expires; it is shown once, here.</source>
        <translation>The code lets one new terminal join the hub for the ward you choose. It works once and only until it expires; it is shown once, here.</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Valid for</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>Issue the code</source>
        <translation>Issue the code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hub CA fingerprint (SHA-256) — compare it at the new terminal before the code is sent:</source>
        <translation>Hub CA fingerprint (SHA-256) — compare it at the new terminal before the code is sent:</translation>
    </message>
    <message>
        <source>Done — hide the code</source>
        <translation>Done — hide the code</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Enrolment code for ward %1 — shown only now</source>
        <translation>Enrolment code for ward %1 — shown only now</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Valid until %1 (once)</source>
        <translation>Valid until %1 (once)</translation>
    </message>
    <message>
        <source>At the new terminal: wardstation --enrol --hub &lt;hub address&gt; --code &lt;this code&gt; --hub-ca-fingerprint &lt;the fingerprint above&gt; --data-dir &lt;its data folder&gt; [--terminal &lt;its name in this list; default: the host name&gt;]. If the terminal shows another fingerprint, stop: it is not talking to this hub. Do not write the code down or send it by mail; issue a new one if it expires.</source>
        <translation>At the new terminal: wardstation --enrol --hub &lt;hub address&gt; --code &lt;this code&gt; --hub-ca-fingerprint &lt;the fingerprint above&gt; --data-dir &lt;its data folder&gt; [--terminal &lt;its name in this list; default: the host name&gt;]. If the terminal shows another fingerprint, stop: it is not talking to this hub. Do not write the code down or send it by mail; issue a new one if it expires.</translation>
    </message>
</context>
<context>
    <name>ward::Enrolment</name>
    <message>
        <source>The hub presents a CA with fingerprint %1, which is not the fingerprint you confirmed. Nothing was sent. Check the hub address and the fingerprint printed by wardhub init.</source>
        <translation>The hub presents a CA with fingerprint %1, which is not the fingerprint you confirmed. Nothing was sent. Check the hub address and the fingerprint printed by wardhub init.</translation>
    </message>
    <message>
        <source>The hub did not present its CA certificate in the TLS handshake; enrolment cannot confirm whom it talks to.</source>
        <translation>The hub did not present its CA certificate in the TLS handshake; enrolment cannot confirm whom it talks to.</translation>
    </message>
    <message>
        <source>The hub cannot be reached (%1).</source>
        <translation>The hub cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>The hub did not answer in time.</translation>
    </message>
    <message>
        <source>The terminal name must be 1 to 64 characters.</source>
        <translation>The terminal name must be 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The hub&apos;s enrolment answer does not fit this terminal&apos;s key and the confirmed CA; nothing was stored.</source>
        <translation>The hub&apos;s enrolment answer does not fit this terminal&apos;s key and the confirmed CA; nothing was stored.</translation>
    </message>
</context>
<context>
    <name>ward::ExportDialog</name>
    <message>
        <source>Print or export — %1</source>
        <translation>Print or export — %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Choose the purpose…</source>
        <translation>Choose the purpose…</translation>
    </message>
    <message>
        <source>Purpose (required)</source>
        <translation>Purpose (required)</translation>
    </message>
    <message>
        <source>e.g. referral letter to 中央病院, Dr. 山田</source>
        <translation>e.g. referral letter to 中央病院, Dr. 山田</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Where to</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal</source>
        <translation>No printer is set up at this terminal</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Password for the receiver</source>
        <translation>Password for the receiver</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Print / export</source>
        <translation>Print / export</translation>
    </message>
    <message>
        <source>What you print or export leaves the chart&apos;s protection. It is recorded in the export ledger with your name and purpose, and every page carries your name and the ledger number.</source>
        <translation>What you print or export leaves the chart&apos;s protection. It is recorded in the export ledger with your name and purpose, and every page carries your name and the ledger number.</translation>
    </message>
    <message>
        <source>Your role may not print or export from the chart.</source>
        <translation>Your role may not print or export from the chart.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>The two passwords differ. Type the same password twice.</translation>
    </message>
    <message>
        <source>The password for the receiver must have at least %1 characters.</source>
        <translation>The password for the receiver must have at least %1 characters.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not available at this terminal.</source>
        <translation>The printer &quot;%1&quot; is not available at this terminal.</translation>
    </message>
    <message>
        <source>Not printed: %1 (ledger %2 records the attempt)</source>
        <translation>Not printed: %1 (ledger %2 records the attempt)</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s). Ledger number %1.</source>
        <translation>
            <numerusform>Printed %n page. Ledger number %1.</numerusform>
            <numerusform>Printed %n pages. Ledger number %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Not exported: %1 (ledger %2 records the attempt)</source>
        <translation>Not exported: %1 (ledger %2 records the attempt)</translation>
    </message>
    <message>
        <source>Saved to %1. Ledger number %2.</source>
        <translation>Saved to %1. Ledger number %2.</translation>
    </message>
    <message>
        <source>A password told to the receiver</source>
        <translation>A password told to the receiver</translation>
    </message>
    <message>
        <source>Certificate of %1 (valid until %2)</source>
        <translation>Certificate of %1 (valid until %2)</translation>
    </message>
    <message>
        <source>Encrypt for</source>
        <translation>Encrypt for</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid now. Ask IT for the receiving hospital&apos;s current certificate, or encrypt with a password.</source>
        <translation>The certificate of %1 is not valid now. Ask IT for the receiving hospital&apos;s current certificate, or encrypt with a password.</translation>
    </message>
</context>
<context>
    <name>ward::ExportPolicy</name>
    <message>
        <source>export.destinations must list printer, folder and/or media.</source>
        <translation>export.destinations must list printer, folder and/or media.</translation>
    </message>
    <message>
        <source>export.folder must be an absolute path.</source>
        <translation>export.folder must be an absolute path.</translation>
    </message>
    <message>
        <source>export.mediaRoots must list absolute mount points such as /media.</source>
        <translation>export.mediaRoots must list absolute mount points such as /media.</translation>
    </message>
    <message>
        <source>The hospital policy does not allow exports to removable media at this terminal.</source>
        <translation>The hospital policy does not allow exports to removable media at this terminal.</translation>
    </message>
    <message>
        <source>The hospital policy does not allow output to %1.</source>
        <translation>The hospital policy does not allow output to %1.</translation>
    </message>
    <message>
        <source>Choose a printer.</source>
        <translation>Choose a printer.</translation>
    </message>
    <message>
        <source>No export folder is set in the hospital policy. Ask IT.</source>
        <translation>No export folder is set in the hospital policy. Ask IT.</translation>
    </message>
    <message>
        <source>Files may only be saved in the export folder %1.</source>
        <translation>Files may only be saved in the export folder %1.</translation>
    </message>
    <message>
        <source>The file must be on removable media (under %1).</source>
        <translation>The file must be on removable media (under %1).</translation>
    </message>
    <message>
        <source>export.recipients must list receiving hospitals, each with a name (up to %1 characters) and its certificate in PEM.</source>
        <translation>export.recipients must list receiving hospitals, each with a name (up to %1 characters) and its certificate in PEM.</translation>
    </message>
</context>
<context>
    <name>ward::ExportPurpose</name>
    <message>
        <source>Referral or transfer to another hospital</source>
        <translation>Referral or transfer to another hospital</translation>
    </message>
    <message>
        <source>Disclosure to the patient or family</source>
        <translation>Disclosure to the patient or family</translation>
    </message>
    <message>
        <source>Request by law, court or authority</source>
        <translation>Request by law, court or authority</translation>
    </message>
    <message>
        <source>Case conference in the hospital</source>
        <translation>Case conference in the hospital</translation>
    </message>
    <message>
        <source>Insurance claim or review</source>
        <translation>Insurance claim or review</translation>
    </message>
    <message>
        <source>Other (write the purpose)</source>
        <translation>Other (write the purpose)</translation>
    </message>
    <message>
        <source>Choose the purpose of this output.</source>
        <translation>Choose the purpose of this output.</translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation>Unknown purpose &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Write the purpose in a few words (at least %1 characters).</source>
        <translation>Write the purpose in a few words (at least %1 characters).</translation>
    </message>
    <message>
        <source>The purpose may have at most %1 characters.</source>
        <translation>The purpose may have at most %1 characters.</translation>
    </message>
</context>
<context>
    <name>ward::ExportRequest</name>
    <message>
        <source>Patient summary</source>
        <translation>Patient summary</translation>
    </message>
    <message>
        <source>Notes of a period</source>
        <translation>Notes of a period</translation>
    </message>
    <message>
        <source>Temperature sheet</source>
        <translation>Temperature sheet</translation>
    </message>
    <message>
        <source>Lab results table</source>
        <translation>Lab results table</translation>
    </message>
    <message>
        <source>All records (FHIR file)</source>
        <translation>All records (FHIR file)</translation>
    </message>
    <message>
        <source>Lab results (CSV file)</source>
        <translation>Lab results (CSV file)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Hospital export folder</source>
        <translation>Hospital export folder</translation>
    </message>
    <message>
        <source>Removable media (encrypted)</source>
        <translation>Removable media (encrypted)</translation>
    </message>
</context>
<context>
    <name>ward::ExportService</name>
    <message>
        <source>Your role may not print or export %1.</source>
        <translation>Your role may not print or export %1.</translation>
    </message>
    <message>
        <source>Choose the first and last day of the period.</source>
        <translation>Choose the first and last day of the period.</translation>
    </message>
    <message>
        <source>A data file cannot be printed: save it to the export folder or to removable media.</source>
        <translation>A data file cannot be printed: save it to the export folder or to removable media.</translation>
    </message>
    <message>
        <source>Record %1 does not read (%2); nothing was exported.</source>
        <translation>Record %1 does not read (%2); nothing was exported.</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>Lower limit</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>Upper limit</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>The medium is full: %1 needs %2 KB, %3 KB are free. Nothing was written.</source>
        <translation>The medium is full: %1 needs %2 KB, %3 KB are free. Nothing was written.</translation>
    </message>
    <message>
        <source>%1 could not be written (%2). Nothing was left there.</source>
        <translation>%1 could not be written (%2). Nothing was left there.</translation>
    </message>
    <message>
        <source>The file on the medium did not read back correctly and was removed. Try another medium.</source>
        <translation>The file on the medium did not read back correctly and was removed. Try another medium.</translation>
    </message>
</context>
<context>
    <name>ward::HelpOverlay</name>
    <message>
        <source>Ask your ward manager whom to call; the hospital has not entered a contact on this terminal yet.</source>
        <translation>Ask your ward manager whom to call; the hospital has not entered a contact on this terminal yet.</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Lost or broken card</source>
        <translation>Lost or broken card</translation>
    </message>
    <message>
        <source>Tell reception at once: they block the card so nobody else can use it. For this shift they can give you a one-time code: choose &quot;No card? Use a one-time code from reception&quot; on the card screen. That login is recorded and flagged.</source>
        <translation>Tell reception at once: they block the card so nobody else can use it. For this shift they can give you a one-time code: choose &quot;No card? Use a one-time code from reception&quot; on the card screen. That login is recorded and flagged.</translation>
    </message>
    <message>
        <source>Forgotten password</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Nobody can look your password up. Reception resets it after checking your staff ID, and gives you a sealed temporary password that you change at your next login.</source>
        <translation>Nobody can look your password up. Reception resets it after checking your staff ID, and gives you a sealed temporary password that you change at your next login.</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>After too many wrong passwords the account locks. Waiting does not unlock it: an administrator must, after checking who you are. Call the contact below.</source>
        <translation>After too many wrong passwords the account locks. Waiting does not unlock it: an administrator must, after checking who you are. Call the contact below.</translation>
    </message>
    <message>
        <source>Password expired or expiring</source>
        <translation>Password expired or expiring</translation>
    </message>
    <message>
        <source>From a few days before expiry each login tells you how many days are left and offers to change it. On the day it expires you must choose a new one to log in; the hub must be reachable.</source>
        <translation>From a few days before expiry each login tells you how many days are left and offers to change it. On the day it expires you must choose a new one to log in; the hub must be reachable.</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>Whom to call</translation>
    </message>
    <message>
        <source>Why the screen is locked</source>
        <translation>Why the screen is locked</translation>
    </message>
    <message>
        <source>The terminal locks when nobody used it for a while, when the card was removed or when someone pressed Lock. Your drafts were saved; nothing of the session is on the screen.</source>
        <translation>The terminal locks when nobody used it for a while, when the card was removed or when someone pressed Lock. Your drafts were saved; nothing of the session is on the screen.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Insert your staff card and enter your password.</source>
        <translation>Insert your staff card and enter your password.</translation>
    </message>
    <message>
        <source>Someone else&apos;s session</source>
        <translation>Someone else&apos;s session</translation>
    </message>
    <message>
        <source>Insert your own card and enter your password: the locked session ends (its drafts are kept for its owner) and yours starts.</source>
        <translation>Insert your own card and enter your password: the locked session ends (its drafts are kept for its owner) and yours starts.</translation>
    </message>
    <message>
        <source>Help: logging in</source>
        <translation>Help: logging in</translation>
    </message>
    <message>
        <source>Help: the locked screen</source>
        <translation>Help: the locked screen</translation>
    </message>
    <message>
        <source>This screen has no keyboard shortcuts.</source>
        <translation>This screen has no keyboard shortcuts.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts on this screen</source>
        <translation>Keyboard shortcuts on this screen</translation>
    </message>
</context>
<context>
    <name>ward::HubLoginBackend</name>
    <message>
        <source>The hub refused this terminal&apos;s certificate (TLS handshake failed). Ask IT to check the terminal&apos;s enrolment.</source>
        <translation>The hub refused this terminal&apos;s certificate (TLS handshake failed). Ask IT to check the terminal&apos;s enrolment.</translation>
    </message>
    <message>
        <source>The hub did not issue a card challenge (%1). Ask IT.</source>
        <translation>The hub did not issue a card challenge (%1). Ask IT.</translation>
    </message>
    <message>
        <source>The password (or the card) was not accepted. Type the password again; after too many failures the account is locked.</source>
        <translation>The password (or the card) was not accepted. Type the password again; after too many failures the account is locked.</translation>
    </message>
    <message>
        <source>This hub does not offer card-less login yet. Ask IT.</source>
        <translation>This hub does not offer card-less login yet. Ask IT.</translation>
    </message>
    <message>
        <source>The hub refused the login: %1</source>
        <translation>The hub refused the login: %1</translation>
    </message>
    <message>
        <source>The hub accepted the login but did not release this terminal&apos;s vault key. Ask IT to check the terminal&apos;s enrolment.</source>
        <translation>The hub accepted the login but did not release this terminal&apos;s vault key. Ask IT to check the terminal&apos;s enrolment.</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so the password cannot be changed now. Try again later.</source>
        <translation>The hub cannot be reached, so the password cannot be changed now. Try again later.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>The current password is not correct.</translation>
    </message>
    <message>
        <source>This hub does not support changing passwords from a terminal yet. Ask IT.</source>
        <translation>This hub does not support changing passwords from a terminal yet. Ask IT.</translation>
    </message>
    <message>
        <source>The hub refused the change: %1</source>
        <translation>The hub refused the change: %1</translation>
    </message>
    <message>
        <source>This hub does not offer emergency accounts yet. Ask IT.</source>
        <translation>This hub does not offer emergency accounts yet. Ask IT.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer for the emergency account is incomplete. Call IT.</source>
        <translation>The hub&apos;s answer for the emergency account is incomplete. Call IT.</translation>
    </message>
    <message>
        <source>This emergency account was used on %1 and is closed until IT issues a new letter.</source>
        <translation>This emergency account was used on %1 and is closed until IT issues a new letter.</translation>
    </message>
    <message>
        <source>This emergency account was used and is closed until IT issues a new letter.</source>
        <translation>This emergency account was used and is closed until IT issues a new letter.</translation>
    </message>
    <message>
        <source>This emergency account is in use; a test login is not possible now.</source>
        <translation>This emergency account is in use; a test login is not possible now.</translation>
    </message>
    <message>
        <source>This emergency account has no approved letter yet. Call IT.</source>
        <translation>This emergency account has no approved letter yet. Call IT.</translation>
    </message>
</context>
<context>
    <name>ward::ItWorkspace</name>
    <message>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>Policy approvals</source>
        <translation>Policy approvals</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Notices (%1)</source>
        <translation>Notices (%1)</translation>
    </message>
</context>
<context>
    <name>ward::LastLoginBanner</name>
    <message>
        <source>This was not me</source>
        <translation>This was not me</translation>
    </message>
    <message>
        <source>Send report to IT</source>
        <translation>Send report to IT</translation>
    </message>
    <message>
        <source>Optional: what you noticed (no patient information)</source>
        <translation>Optional: what you noticed (no patient information)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Report to IT that this login or these attempts were not yours. IT reviews it and may contact you; change your password soon.</source>
        <translation>Report to IT that this login or these attempts were not yours. IT reviews it and may contact you; change your password soon.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Last login: %1 at terminal %2.</source>
        <translation>Last login: %1 at terminal %2.</translation>
    </message>
    <message>
        <source>This is your first login.</source>
        <translation>This is your first login.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) since then.</source>
        <translation>
            <numerusform>%n failed attempt since then.</numerusform>
            <numerusform>%n failed attempts since then.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the report…</source>
        <translation>Sending the report…</translation>
    </message>
</context>
<context>
    <name>ward::LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>Locked by %1</translation>
    </message>
    <message>
        <source>Card read. Enter your password to unlock.</source>
        <translation>Card read. Enter your password to unlock.</translation>
    </message>
    <message>
        <source>Insert your staff card and enter your password to unlock.</source>
        <translation>Insert your staff card and enter your password to unlock.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>ward::LoginController</name>
    <message>
        <source>The card service is not running. Ask IT to restart the card service (pcscd).</source>
        <translation>The card service is not running. Ask IT to restart the card service (pcscd).</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <source>The card was removed during login. Present your card again.</source>
        <translation>The card was removed during login. Present your card again.</translation>
    </message>
    <message>
        <source>This hospital does not allow ID badges without a chip key for login. Use your staff IC card.</source>
        <translation>This hospital does not allow ID badges without a chip key for login. Use your staff IC card.</translation>
    </message>
    <message>
        <source>This card is not registered. Ask reception to register your card.</source>
        <translation>This card is not registered. Ask reception to register your card.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>No card reader is connected. Check the reader&apos;s cable or ask IT.</source>
        <translation>No card reader is connected. Check the reader&apos;s cable or ask IT.</translation>
    </message>
    <message>
        <source>Enter the one-time code reception gave you.</source>
        <translation>Enter the one-time code reception gave you.</translation>
    </message>
    <message>
        <source>Card-less login with a one-time code. Enter your password.</source>
        <translation>Card-less login with a one-time code. Enter your password.</translation>
    </message>
    <message>
        <source>This terminal has no hub and no vault configured. Ask IT.</source>
        <translation>This terminal has no hub and no vault configured. Ask IT.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Enter your current password to change it.</source>
        <translation>Enter your current password to change it.</translation>
    </message>
    <message>
        <source>The new password and its confirmation differ. Type them again.</source>
        <translation>The new password and its confirmation differ. Type them again.</translation>
    </message>
    <message>
        <source>Checking the new password…</source>
        <translation>Checking the new password…</translation>
    </message>
    <message>
        <source>The password can only be changed while the hub is reachable.</source>
        <translation>The password can only be changed while the hub is reachable.</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s). On that day you must change it to log in.</source>
        <translation>
            <numerusform>Your password expires in %n day. On that day you must change it to log in.</numerusform>
            <numerusform>Your password expires in %n days. On that day you must change it to log in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change it now?</source>
        <translation>Change it now?</translation>
    </message>
    <message>
        <source>This terminal is offline: change it at the next login while the hub is reachable.</source>
        <translation>This terminal is offline: change it at the next login while the hub is reachable.</translation>
    </message>
    <message>
        <source>Choose a new password. You can also keep the current one for now.</source>
        <translation>Choose a new password. You can also keep the current one for now.</translation>
    </message>
    <message>
        <source>Type the emergency account printed on the sealed letter (it begins with EMERG).</source>
        <translation>Type the emergency account printed on the sealed letter (it begins with EMERG).</translation>
    </message>
    <message>
        <source>Type your own name and where you work: the record must say who used the account.</source>
        <translation>Type your own name and where you work: the record must say who used the account.</translation>
    </message>
    <message>
        <source>Say briefly why the emergency account is needed.</source>
        <translation>Say briefly why the emergency account is needed.</translation>
    </message>
    <message>
        <source>Test of the emergency account: type the password from the sealed letter. Nothing will open.</source>
        <translation>Test of the emergency account: type the password from the sealed letter. Nothing will open.</translation>
    </message>
    <message>
        <source>Emergency account: type the password from the sealed letter. IT and the auditors are told at once.</source>
        <translation>Emergency account: type the password from the sealed letter. IT and the auditors are told at once.</translation>
    </message>
</context>
<context>
    <name>ward::LoginScreen</name>
    <message>
        <source>Card-less login (one-time code). This login is flagged and recorded.</source>
        <translation>Card-less login (one-time code). This login is flagged and recorded.</translation>
    </message>
    <message>
        <source>Present your card</source>
        <translation>Present your card</translation>
    </message>
    <message>
        <source>No card? Use a one-time code from reception</source>
        <translation>No card? Use a one-time code from reception</translation>
    </message>
    <message>
        <source>Card-less login</source>
        <translation>Card-less login</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>User ID</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>User ID: %1</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>You can try again in %n second.</numerusform>
            <numerusform>You can try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s).</source>
        <translation>
            <numerusform>Your password expires in %n day.</numerusform>
            <numerusform>Your password expires in %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Card-less login with a one-time code: this session is flagged.</source>
        <translation>Card-less login with a one-time code: this session is flagged.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Change password now</source>
        <translation>Change password now</translation>
    </message>
    <message>
        <source>Maintenance and diagnostics (IT)</source>
        <translation>Maintenance and diagnostics (IT)</translation>
    </message>
    <message>
        <source>IT staff: present your own IC card and enter your password. The terminal&apos;s diagnostics page opens after the login for an account allowed to manage terminals; anyone else sees their usual screen.</source>
        <translation>IT staff: present your own IC card and enter your password. The terminal&apos;s diagnostics page opens after the login for an account allowed to manage terminals; anyone else sees their usual screen.</translation>
    </message>
    <message>
        <source>Login for maintenance and diagnostics (IT)</source>
        <translation>Login for maintenance and diagnostics (IT)</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT. IT and the auditors are told; everything is recorded.</source>
        <translation>EMERGENCY ACCOUNT. IT and the auditors are told; everything is recorded.</translation>
    </message>
    <message>
        <source>Emergency account (sealed letter)</source>
        <translation>Emergency account (sealed letter)</translation>
    </message>
    <message>
        <source>Emergency account: %1</source>
        <translation>Emergency account: %1</translation>
    </message>
</context>
<context>
    <name>ward::MainWindow</name>
    <message>
        <source>WardStation</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <source>Present your staff card to begin.</source>
        <translation>Present your staff card to begin.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>ward::NotEnrolledScreen</name>
    <message>
        <source>This terminal is not enrolled</source>
        <translation>This terminal is not enrolled</translation>
    </message>
    <message>
        <source>It holds no patient data and nobody can log in. To use it again, IT issues an enrolment code for a ward at the hub and enrols it:
wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR</source>
        <translation>It holds no patient data and nobody can log in. To use it again, IT issues an enrolment code for a ward at the hub and enrols it:
wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR</translation>
    </message>
</context>
<context>
    <name>ward::NoteEditor</name>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>S — subjective</source>
        <translation>S — subjective</translation>
    </message>
    <message>
        <source>O — objective</source>
        <translation>O — objective</translation>
    </message>
    <message>
        <source>A — assessment</source>
        <translation>A — assessment</translation>
    </message>
    <message>
        <source>P — plan</source>
        <translation>P — plan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Note format</source>
        <translation>Note format</translation>
    </message>
</context>
<context>
    <name>ward::NoticesPanel</name>
    <message>
        <source>Uses of the wards&apos; emergency accounts in the last 14 days, newest first. Check each with the ward, then have a second person issue a new letter for the account.</source>
        <translation>Uses of the wards&apos; emergency accounts in the last 14 days, newest first. Check each with the ward, then have a second person issue a new letter for the account.</translation>
    </message>
    <message>
        <source>Emergency account notices</source>
        <translation>Emergency account notices</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Person at the terminal</source>
        <translation>Person at the terminal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Used (offline, reported later)</source>
        <translation>Used (offline, reported later)</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message numerus="yes">
        <source>Emergency account in use: %1 (%n use(s) in the last 24 hours). Check with the ward now.</source>
        <translation>
            <numerusform>Emergency account in use: %1 (%n use in the last 24 hours). Check with the ward now.</numerusform>
            <numerusform>Emergency account in use: %1 (%n uses in the last 24 hours). Check with the ward now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported by a terminal of another ward, which cannot hold this letter: not accepted.</source>
        <translation>Reported by a terminal of another ward, which cannot hold this letter: not accepted.</translation>
    </message>
    <message>
        <source>Reported by a terminal without the letter&apos;s proof: not accepted. Check that terminal.</source>
        <translation>Reported by a terminal without the letter&apos;s proof: not accepted. Check that terminal.</translation>
    </message>
    <message>
        <source>The account&apos;s use period was over.</source>
        <translation>The account&apos;s use period was over.</translation>
    </message>
    <message>
        <source>A test login while the account was in use.</source>
        <translation>A test login while the account was in use.</translation>
    </message>
    <message>
        <source>The account had no approved letter yet.</source>
        <translation>The account had no approved letter yet.</translation>
    </message>
</context>
<context>
    <name>ward::OfflineLoginBackend</name>
    <message>
        <source>A one-time code can only be used while the hub is reachable.</source>
        <translation>A one-time code can only be used while the hub is reachable.</translation>
    </message>
    <message>
        <source>The password can only be changed while the hub is reachable. Try again when the network is back, or use a terminal that is online.</source>
        <translation>The password can only be changed while the hub is reachable. Try again when the network is back, or use a terminal that is online.</translation>
    </message>
    <message>
        <source>This terminal&apos;s offline login data was altered and cannot be trusted. Log in while the hub is reachable, and tell IT.</source>
        <translation>This terminal&apos;s offline login data was altered and cannot be trusted. Log in while the hub is reachable, and tell IT.</translation>
    </message>
    <message>
        <source>This terminal has no offline key for this emergency account (it is another ward&apos;s, or its letter has not reached this terminal yet). Follow the ward&apos;s paper procedure and call IT.</source>
        <translation>This terminal has no offline key for this emergency account (it is another ward&apos;s, or its letter has not reached this terminal yet). Follow the ward&apos;s paper procedure and call IT.</translation>
    </message>
    <message>
        <source>This emergency account was used on %1 and is closed until IT issues a new letter.</source>
        <translation>This emergency account was used on %1 and is closed until IT issues a new letter.</translation>
    </message>
    <message>
        <source>This letter is no longer valid on this terminal (a newer letter was issued). Call IT.</source>
        <translation>This letter is no longer valid on this terminal (a newer letter was issued). Call IT.</translation>
    </message>
</context>
<context>
    <name>ward::PatientChart</name>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>Ver.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Labs</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Medication orders</source>
        <translation>Medication orders</translation>
    </message>
    <message>
        <source>New progress note</source>
        <translation>New progress note</translation>
    </message>
    <message>
        <source>New nursing note</source>
        <translation>New nursing note</translation>
    </message>
    <message>
        <source>Enter vital signs</source>
        <translation>Enter vital signs</translation>
    </message>
    <message>
        <source>ID %1 · %2 years · %3 · %4 bed %5</source>
        <translation>ID %1 · %2 years · %3 · %4 bed %5</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (by %2)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>Temperature chart</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>Ordered by</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this patient cannot be read (a record format from before this version). Re-seed this terminal from the hub.</source>
        <translation>
            <numerusform>%n record of this patient cannot be read (a record format from before this version). Re-seed this terminal from the hub.</numerusform>
            <numerusform>%n records of this patient cannot be read (a record format from before this version). Re-seed this terminal from the hub.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the timeline</source>
        <translation>Show the timeline</translation>
    </message>
    <message>
        <source>Show the temperature chart</source>
        <translation>Show the temperature chart</translation>
    </message>
    <message>
        <source>Show lab results</source>
        <translation>Show lab results</translation>
    </message>
    <message>
        <source>Show allergies</source>
        <translation>Show allergies</translation>
    </message>
    <message>
        <source>Show medication orders</source>
        <translation>Show medication orders</translation>
    </message>
    <message>
        <source>Print / export…</source>
        <translation>Print / export…</translation>
    </message>
    <message>
        <source>Print or export this chart</source>
        <translation>Print or export this chart</translation>
    </message>
</context>
<context>
    <name>ward::PendingRequests</name>
    <message>
        <source>Requests waiting for approval</source>
        <translation>Requests waiting for approval</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>Reason (required to refuse)</source>
        <translation>Reason (required to refuse)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Register %1</source>
        <translation>Register %1</translation>
    </message>
    <message>
        <source>Approved: the roles of %1 are changed.</source>
        <translation>Approved: the roles of %1 are changed.</translation>
    </message>
    <message>
        <source>Approved: %1 is registered and the letter is printed. Seal it in an envelope.</source>
        <translation>Approved: %1 is registered and the letter is printed. Seal it in an envelope.</translation>
    </message>
    <message>
        <source>Refused. Nothing was changed for this person.</source>
        <translation>Refused. Nothing was changed for this person.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Change roles and wards (wards: %1)</source>
        <translation>Change roles and wards (wards: %1)</translation>
    </message>
    <message>
        <source>%1 was changed after this request was filed, so it cannot be applied as filed. Refuse it with a reason, and file the change again if it is still needed.</source>
        <translation>%1 was changed after this request was filed, so it cannot be applied as filed. Refuse it with a reason, and file the change again if it is still needed.</translation>
    </message>
</context>
<context>
    <name>ward::PolicyEditor</name>
    <message>
        <source>Passwords</source>
        <translation>Passwords</translation>
    </message>
    <message>
        <source>Lock and session times</source>
        <translation>Lock and session times</translation>
    </message>
    <message>
        <source>Cards and help</source>
        <translation>Cards and help</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>Roles and permissions</translation>
    </message>
    <message>
        <source>Compartments</source>
        <translation>Compartments</translation>
    </message>
    <message>
        <source>Offline grace</source>
        <translation>Offline grace</translation>
    </message>
    <message>
        <source>Changes against the version in force</source>
        <translation>Changes against the version in force</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Why the policy changes, e.g. &quot;infection control committee, 12 March&quot;</source>
        <translation>Why the policy changes, e.g. &quot;infection control committee, 12 March&quot;</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Review changes</source>
        <translation>Review changes</translation>
    </message>
    <message>
        <source>Save and sign</source>
        <translation>Save and sign</translation>
    </message>
    <message>
        <source>Discard edits</source>
        <translation>Discard edits</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Minimum length</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>Character kinds required (of 4)</source>
        <translation>Character kinds required (of 4)</translation>
    </message>
    <message>
        <source>Earlier passwords that cannot be reused</source>
        <translation>Earlier passwords that cannot be reused</translation>
    </message>
    <message>
        <source>Password valid for</source>
        <translation>Password valid for</translation>
    </message>
    <message>
        <source>Privileged ID: password valid for</source>
        <translation>Privileged ID: password valid for</translation>
    </message>
    <message>
        <source>Warn before expiry</source>
        <translation>Warn before expiry</translation>
    </message>
    <message>
        <source>Failed attempts before the account locks</source>
        <translation>Failed attempts before the account locks</translation>
    </message>
    <message>
        <source>Privileged ID: failed attempts before it locks</source>
        <translation>Privileged ID: failed attempts before it locks</translation>
    </message>
    <message>
        <source>Temporary password valid for</source>
        <translation>Temporary password valid for</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Idle lock after</source>
        <translation>Idle lock after</translation>
    </message>
    <message>
        <source>Countdown shown before the idle lock</source>
        <translation>Countdown shown before the idle lock</translation>
    </message>
    <message>
        <source>Privileged session: idle lock after</source>
        <translation>Privileged session: idle lock after</translation>
    </message>
    <message>
        <source>A locked session ends after</source>
        <translation>A locked session ends after</translation>
    </message>
    <message>
        <source>Privileged session: time limit</source>
        <translation>Privileged session: time limit</translation>
    </message>
    <message>
        <source>Lock screen dims after (0: never)</source>
        <translation>Lock screen dims after (0: never)</translation>
    </message>
    <message>
        <source>Administration session: idle end after</source>
        <translation>Administration session: idle end after</translation>
    </message>
    <message>
        <source>Lock the session</source>
        <translation>Lock the session</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>When the card is removed</source>
        <translation>When the card is removed</translation>
    </message>
    <message>
        <source>Allow UID badges (any reader can copy them: only where no IC card is issued)</source>
        <translation>Allow UID badges (any reader can copy them: only where no IC card is issued)</translation>
    </message>
    <message>
        <source>UID badges</source>
        <translation>UID badges</translation>
    </message>
    <message>
        <source>UID badges allowed</source>
        <translation>UID badges allowed</translation>
    </message>
    <message>
        <source>e.g. IT office, extension 2345</source>
        <translation>e.g. IT office, extension 2345</translation>
    </message>
    <message>
        <source>Whom staff call about cards and passwords</source>
        <translation>Whom staff call about cards and passwords</translation>
    </message>
    <message>
        <source>Help contact</source>
        <translation>Help contact</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Record types</source>
        <translation>Record types</translation>
    </message>
    <message>
        <source>Highest classification</source>
        <translation>Highest classification</translation>
    </message>
    <message>
        <source>Add a permission row</source>
        <translation>Add a permission row</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Remove the selected row</translation>
    </message>
    <message>
        <source>Wards and departments whose records are kept apart (AC-2). A special compartment is open only to its assigned staff, without break-the-glass (AC-3).</source>
        <translation>Wards and departments whose records are kept apart (AC-2). A special compartment is open only to its assigned staff, without break-the-glass (AC-3).</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>Special</translation>
    </message>
    <message>
        <source>Add a compartment</source>
        <translation>Add a compartment</translation>
    </message>
    <message>
        <source>Remove the selected compartment</source>
        <translation>Remove the selected compartment</translation>
    </message>
    <message>
        <source>Records signed on a terminal that was offline longer than this are held at the hub for review.</source>
        <translation>Records signed on a terminal that was offline longer than this are held at the hub for review.</translation>
    </message>
    <message>
        <source>Warn when a terminal&apos;s clock is off by</source>
        <translation>Warn when a terminal&apos;s clock is off by</translation>
    </message>
    <message>
        <source>Reading the policy in force from the hub…</source>
        <translation>Reading the policy in force from the hub…</translation>
    </message>
    <message>
        <source>The policy could not be read</source>
        <translation>The policy could not be read</translation>
    </message>
    <message>
        <source>Policy version %1 in force</source>
        <translation>Policy version %1 in force</translation>
    </message>
    <message>
        <source>No policy set yet: the terminals use their shipped defaults</source>
        <translation>No policy set yet: the terminals use their shipped defaults</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) need correcting before the policy can be saved</source>
        <translation>
            <numerusform>%n setting needs correcting before the policy can be saved</numerusform>
            <numerusform>%n settings need correcting before the policy can be saved</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: the edited policy is the version in force.</source>
        <translation>Nothing was changed: the edited policy is the version in force.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>A colleague saved another version of the policy meanwhile. Nothing was saved: choose &quot;Discard edits&quot; to see the version in force, then make the change again.</source>
        <translation>A colleague saved another version of the policy meanwhile. Nothing was saved: choose &quot;Discard edits&quot; to see the version in force, then make the change again.</translation>
    </message>
    <message>
        <source>Saved and signed by the hub as policy version %1. Terminals apply it at their next sync.</source>
        <translation>Saved and signed by the hub as policy version %1. Terminals apply it at their next sync.</translation>
    </message>
    <message>
        <source>Role %1: permissions</source>
        <translation>Role %1: permissions</translation>
    </message>
    <message>
        <source>(not set: terminal default)</source>
        <translation>(not set: terminal default)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(no such role)</source>
        <translation>(no such role)</translation>
    </message>
    <message>
        <source>%1 (terminal default)</source>
        <translation>%1 (terminal default)</translation>
    </message>
    <message>
        <source>%1 on %2 up to classification %3</source>
        <translation>%1 on %2 up to classification %3</translation>
    </message>
    <message>
        <source>Hub permissions</source>
        <translation>Hub permissions</translation>
    </message>
    <message>
        <source>Hub permissions of each role</source>
        <translation>Hub permissions of each role</translation>
    </message>
    <message>
        <source>What each role may do at the hub: users.manage, cards.manage, terminals.manage, policy.manage, audit.read, records.review (comma-separated, empty for none). Granting users.manage, cards.manage, terminals.manage or policy.manage needs a second IT person&apos;s approval (AC-4). A role is removed by removing its rows from both tables; a role somebody holds cannot be removed.</source>
        <translation>What each role may do at the hub: users.manage, cards.manage, terminals.manage, policy.manage, audit.read, records.review (comma-separated, empty for none). Granting users.manage, cards.manage, terminals.manage or policy.manage needs a second IT person&apos;s approval (AC-4). A role is removed by removing its rows from both tables; a role somebody holds cannot be removed.</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>Add a role</translation>
    </message>
    <message>
        <source>Remove the selected role</source>
        <translation>Remove the selected role</translation>
    </message>
    <message>
        <source>This change grants privileges (%1). It was not applied: it waits for a second IT person to approve or refuse it under &quot;Policy approvals&quot;.</source>
        <translation>This change grants privileges (%1). It was not applied: it waits for a second IT person to approve or refuse it under &quot;Policy approvals&quot;.</translation>
    </message>
    <message>
        <source>Role %1: hub permissions</source>
        <translation>Role %1: hub permissions</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Nothing was saved: a role you removed is still held by staff. Change their roles at the reception desk first. (%1)</source>
        <translation>Nothing was saved: a role you removed is still held by staff. Change their roles at the reception desk first. (%1)</translation>
    </message>
    <message>
        <source>One row per permission of a role (AC-1). Actions: read, write, confirm, approve, proxy-enter, export. Record types: names such as nursing-note, or * for every type. Highest classification: 1 to 4 (I–IV).</source>
        <translation>One row per permission of a role (AC-1). Actions: read, write, confirm, approve, proxy-enter, export. Record types: names such as nursing-note, or * for every type. Highest classification: 1 to 4 (I–IV).</translation>
    </message>
</context>
<context>
    <name>ward::PolicyRequestsPanel</name>
    <message>
        <source>Policy changes that grant privileges wait here for a second IT person (AC-4). Select one to see its changes; the person who filed it cannot decide it.</source>
        <translation>Policy changes that grant privileges wait here for a second IT person (AC-4). Select one to see its changes; the person who filed it cannot decide it.</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Privileges granted</source>
        <translation>Privileges granted</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Policy changes waiting for approval</source>
        <translation>Policy changes waiting for approval</translation>
    </message>
    <message>
        <source>Changes against the version it was made on</source>
        <translation>Changes against the version it was made on</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Reason (required to refuse)</source>
        <translation>Reason (required to refuse)</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>Approve and sign</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>You filed this policy change yourself: a second IT person must approve or refuse it (AC-4).</source>
        <translation>You filed this policy change yourself: a second IT person must approve or refuse it (AC-4).</translation>
    </message>
    <message>
        <source>Another policy version came into force after this request was filed. Refuse it; the change is made again on the version in force.</source>
        <translation>Another policy version came into force after this request was filed. Refuse it; the change is made again on the version in force.</translation>
    </message>
    <message>
        <source>Approved: the hub signed it as policy version %1; terminals apply it at their next sync.</source>
        <translation>Approved: the hub signed it as policy version %1; terminals apply it at their next sync.</translation>
    </message>
    <message>
        <source>Refused: the policy in force is unchanged.</source>
        <translation>Refused: the policy in force is unchanged.</translation>
    </message>
</context>
<context>
    <name>ward::PolicyRules</name>
    <message>
        <source>%1 must be a group of settings (a JSON object).</source>
        <translation>%1 must be a group of settings (a JSON object).</translation>
    </message>
    <message>
        <source>cards.allowUidBadges must be true or false.</source>
        <translation>cards.allowUidBadges must be true or false.</translation>
    </message>
    <message>
        <source>help.contact must be a text of at most %1 characters.</source>
        <translation>help.contact must be a text of at most %1 characters.</translation>
    </message>
    <message>
        <source>records.offlineGraceHours must be a whole number of hours from 1 to %1.</source>
        <translation>records.offlineGraceHours must be a whole number of hours from 1 to %1.</translation>
    </message>
    <message>
        <source>clock.skewWarningSeconds must be a whole number of seconds from 1 to %1.</source>
        <translation>clock.skewWarningSeconds must be a whole number of seconds from 1 to %1.</translation>
    </message>
    <message>
        <source>emergency.sessionMinutes must be a whole number of minutes from 5 to %1.</source>
        <translation>emergency.sessionMinutes must be a whole number of minutes from 5 to %1.</translation>
    </message>
    <message>
        <source>emergency.useHours must be a whole number of hours from 1 to %1.</source>
        <translation>emergency.useHours must be a whole number of hours from 1 to %1.</translation>
    </message>
</context>
<context>
    <name>ward::PrintedDocument</name>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>None recorded</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>Latest vital signs</translation>
    </message>
    <message>
        <source>Medication orders</source>
        <translation>Medication orders</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Temperature ℃</source>
        <translation>Temperature ℃</translation>
    </message>
    <message>
        <source>Pulse /min</source>
        <translation>Pulse /min</translation>
    </message>
    <message>
        <source>Blood pressure mmHg</source>
        <translation>Blood pressure mmHg</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>Respiration /min</source>
        <translation>Respiration /min</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Nothing was recorded in this period.</source>
        <translation>Nothing was recorded in this period.</translation>
    </message>
    <message>
        <source>Contains personal health information. Do not copy or leave unattended; return or shred after use.  Page %1 of %2</source>
        <translation>Contains personal health information. Do not copy or leave unattended; return or shred after use.  Page %1 of %2</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not available at this terminal.</source>
        <translation>The printer &quot;%1&quot; is not available at this terminal.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not accept the job.</source>
        <translation>The printer &quot;%1&quot; did not accept the job.</translation>
    </message>
    <message>
        <source>The document could not be started.</source>
        <translation>The document could not be started.</translation>
    </message>
    <message>
        <source>The printer failed at page %1.</source>
        <translation>The printer failed at page %1.</translation>
    </message>
    <message>
        <source>The printer reported an error while printing.</source>
        <translation>The printer reported an error while printing.</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Ledger %1</translation>
    </message>
    <message>
        <source>Printed by %1 %2 · %3 · %4</source>
        <translation>Printed by %1 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1   %2 – %3</source>
        <translation>%1   %2 – %3</translation>
    </message>
</context>
<context>
    <name>ward::Reauthenticator</name>
    <message>
        <source>A check is already running. Wait for its answer.</source>
        <translation>A check is already running. Wait for its answer.</translation>
    </message>
    <message>
        <source>This terminal has no hub and no vault configured. Ask IT.</source>
        <translation>This terminal has no hub and no vault configured. Ask IT.</translation>
    </message>
</context>
<context>
    <name>ward::ReceptionClient</name>
    <message>
        <source>The hub cannot be reached (%1). Nothing was changed; try again when the hub is back.</source>
        <translation>The hub cannot be reached (%1). Nothing was changed; try again when the hub is back.</translation>
    </message>
    <message>
        <source>Another clerk changed this person a moment ago. The row now shows the current state: check it and do the change again if it is still needed.</source>
        <translation>Another clerk changed this person a moment ago. The row now shows the current state: check it and do the change again if it is still needed.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>This card was revoked (reported lost or broken) and cannot be issued again. Use a new card.</source>
        <translation>This card was revoked (reported lost or broken) and cannot be issued again. Use a new card.</translation>
    </message>
    <message>
        <source>You filed this request yourself: a second authorised person must approve it (AC-4).</source>
        <translation>You filed this request yourself: a second authorised person must approve it (AC-4).</translation>
    </message>
    <message>
        <source>Another person has already decided this request. The list was refreshed.</source>
        <translation>Another person has already decided this request. The list was refreshed.</translation>
    </message>
    <message>
        <source>The administration session ended after a few idle minutes (privileged session). Log out and log in again with your card and password to continue.</source>
        <translation>The administration session ended after a few idle minutes (privileged session). Log out and log in again with your card and password to continue.</translation>
    </message>
    <message>
        <source>The administration session reached its time limit (privileged session). Log out and log in again with your card and password to continue.</source>
        <translation>The administration session reached its time limit (privileged session). Log out and log in again with your card and password to continue.</translation>
    </message>
    <message>
        <source>Administration needs a login with your IC card and password; a one-time code login cannot change accounts.</source>
        <translation>Administration needs a login with your IC card and password; a one-time code login cannot change accounts.</translation>
    </message>
    <message>
        <source>Your role does not allow this change. Ask a colleague with the reception role.</source>
        <translation>Your role does not allow this change. Ask a colleague with the reception role.</translation>
    </message>
    <message>
        <source>Not found at the hub: %1</source>
        <translation>Not found at the hub: %1</translation>
    </message>
    <message>
        <source>The hub did not accept the entry: %1 Correct the field and try again.</source>
        <translation>The hub did not accept the entry: %1 Correct the field and try again.</translation>
    </message>
    <message>
        <source>Your role does not allow administering terminals (permission terminals.manage). Ask a colleague from IT.</source>
        <translation>Your role does not allow administering terminals (permission terminals.manage). Ask a colleague from IT.</translation>
    </message>
    <message>
        <source>Your role does not allow changing the hospital policy (permission policy.manage). Ask a colleague from IT.</source>
        <translation>Your role does not allow changing the hospital policy (permission policy.manage). Ask a colleague from IT.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
    <message>
        <source>Your role does not allow this (permission %1).</source>
        <translation>Your role does not allow this (permission %1).</translation>
    </message>
    <message>
        <source>You asked for this letter yourself: a second authorised person must approve it at their own desk (BCP-1).</source>
        <translation>You asked for this letter yourself: a second authorised person must approve it at their own desk (BCP-1).</translation>
    </message>
</context>
<context>
    <name>ward::ReceptionWorkspace</name>
    <message>
        <source>Find staff</source>
        <translation>Find staff</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>IC cards</source>
        <translation>IC cards</translation>
    </message>
    <message>
        <source>Emergency accounts</source>
        <translation>Emergency accounts</translation>
    </message>
</context>
<context>
    <name>ward::RecordCodec</name>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>The text is longer than %1 characters.</translation>
    </message>
    <message>
        <source>The text contains a control character (U+%1) at position %2; remove it.</source>
        <translation>The text contains a control character (U+%1) at position %2; remove it.</translation>
    </message>
    <message>
        <source>The text contains a broken character at position %1.</source>
        <translation>The text contains a broken character at position %1.</translation>
    </message>
    <message>
        <source>Unknown record type &quot;%1&quot;.</source>
        <translation>Unknown record type &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The content does not belong to a %1 record.</source>
        <translation>The content does not belong to a %1 record.</translation>
    </message>
    <message>
        <source>The record must name its patient.</source>
        <translation>The record must name its patient.</translation>
    </message>
    <message>
        <source>The record must name its author.</source>
        <translation>The record must name its author.</translation>
    </message>
    <message>
        <source>The clinical time is missing or not a date and time.</source>
        <translation>The clinical time is missing or not a date and time.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>The reason the record was entered in error</source>
        <translation>The reason the record was entered in error</translation>
    </message>
    <message>
        <source>Only a record entered in error carries a reason.</source>
        <translation>Only a record entered in error carries a reason.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4.</source>
        <translation>%1 must be between %2 and %3 %4.</translation>
    </message>
    <message>
        <source>Body temperature</source>
        <translation>Body temperature</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>Systolic pressure</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>Diastolic pressure</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Respiratory rate</translation>
    </message>
    <message>
        <source>Enter blood pressure as systolic and diastolic together.</source>
        <translation>Enter blood pressure as systolic and diastolic together.</translation>
    </message>
    <message>
        <source>Systolic pressure must be higher than diastolic.</source>
        <translation>Systolic pressure must be higher than diastolic.</translation>
    </message>
    <message>
        <source>Enter at least one measurement.</source>
        <translation>Enter at least one measurement.</translation>
    </message>
    <message>
        <source>A lab result needs its 17-character JLAC10 code.</source>
        <translation>A lab result needs its 17-character JLAC10 code.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LOINC code.</source>
        <translation>&quot;%1&quot; is not a LOINC code.</translation>
    </message>
    <message>
        <source>The test name</source>
        <translation>The test name</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>The unit</translation>
    </message>
    <message>
        <source>A lab result needs a numeric value.</source>
        <translation>A lab result needs a numeric value.</translation>
    </message>
    <message>
        <source>Reference limits must be numbers.</source>
        <translation>Reference limits must be numbers.</translation>
    </message>
    <message>
        <source>The lower reference limit is above the upper one.</source>
        <translation>The lower reference limit is above the upper one.</translation>
    </message>
    <message>
        <source>The substance</source>
        <translation>The substance</translation>
    </message>
    <message>
        <source>The reaction</source>
        <translation>The reaction</translation>
    </message>
    <message>
        <source>A substance code needs the URI of its code system.</source>
        <translation>A substance code needs the URI of its code system.</translation>
    </message>
    <message>
        <source>A code system is given without a code.</source>
        <translation>A code system is given without a code.</translation>
    </message>
    <message>
        <source>The substance code</source>
        <translation>The substance code</translation>
    </message>
    <message>
        <source>The code system</source>
        <translation>The code system</translation>
    </message>
    <message>
        <source>Describe the reaction whose severity is given.</source>
        <translation>Describe the reaction whose severity is given.</translation>
    </message>
    <message>
        <source>The drug</source>
        <translation>The drug</translation>
    </message>
    <message>
        <source>The dose</source>
        <translation>The dose</translation>
    </message>
    <message>
        <source>The route</source>
        <translation>The route</translation>
    </message>
    <message>
        <source>The frequency</source>
        <translation>The frequency</translation>
    </message>
    <message>
        <source>A YJ code has 12 letters and digits.</source>
        <translation>A YJ code has 12 letters and digits.</translation>
    </message>
    <message>
        <source>A HOT9 code has 9 digits.</source>
        <translation>A HOT9 code has 9 digits.</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>The note</translation>
    </message>
    <message>
        <source>Write at least one of S, O, A or P.</source>
        <translation>Write at least one of S, O, A or P.</translation>
    </message>
    <message>
        <source>A SOAP note has no free-text field.</source>
        <translation>A SOAP note has no free-text field.</translation>
    </message>
    <message>
        <source>A free-text note has no S, O, A or P fields.</source>
        <translation>A free-text note has no S, O, A or P fields.</translation>
    </message>
    <message>
        <source>The code &quot;%1&quot; has no system; a code must name its code system.</source>
        <translation>The code &quot;%1&quot; has no system; a code must name its code system.</translation>
    </message>
    <message>
        <source>A coding has a system but no code.</source>
        <translation>A coding has a system but no code.</translation>
    </message>
    <message>
        <source>The clinical time (%1) is missing or not a date and time.</source>
        <translation>The clinical time (%1) is missing or not a date and time.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 must be a number.</translation>
    </message>
    <message>
        <source>The record is larger than %1 bytes.</source>
        <translation>The record is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>The record is not valid UTF-8 text.</source>
        <translation>The record is not valid UTF-8 text.</translation>
    </message>
    <message>
        <source>The record is not a FHIR resource (not a JSON object).</source>
        <translation>The record is not a FHIR resource (not a JSON object).</translation>
    </message>
    <message>
        <source>The resource names no patient (Patient/&lt;id&gt;).</source>
        <translation>The resource names no patient (Patient/&lt;id&gt;).</translation>
    </message>
    <message>
        <source>The resource names no author (Practitioner/&lt;id&gt;).</source>
        <translation>The resource names no author (Practitioner/&lt;id&gt;).</translation>
    </message>
    <message>
        <source>Not a vital sign this program records.</source>
        <translation>Not a vital sign this program records.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LOINC vital-sign code.</source>
        <translation>&quot;%1&quot; is not a LOINC vital-sign code.</translation>
    </message>
    <message>
        <source>A lab result needs its JLAC10 code (system %1).</source>
        <translation>A lab result needs its JLAC10 code (system %1).</translation>
    </message>
    <message>
        <source>The interpretation must be H, L or N.</source>
        <translation>The interpretation must be H, L or N.</translation>
    </message>
    <message>
        <source>An Observation here is either vital-signs or laboratory.</source>
        <translation>An Observation here is either vital-signs or laboratory.</translation>
    </message>
    <message>
        <source>The start date is not a date.</source>
        <translation>The start date is not a date.</translation>
    </message>
    <message>
        <source>A note&apos;s document type is LOINC %1 (progress note) or %2 (nursing note).</source>
        <translation>A note&apos;s document type is LOINC %1 (progress note) or %2 (nursing note).</translation>
    </message>
    <message>
        <source>A note section&apos;s text is not plain escaped text in an XHTML div.</source>
        <translation>A note section&apos;s text is not plain escaped text in an XHTML div.</translation>
    </message>
    <message>
        <source>The section code %1 is not S, O, A or P.</source>
        <translation>The section code %1 is not S, O, A or P.</translation>
    </message>
    <message>
        <source>The resource has fields or a layout this program does not write; records are written only by WardStation&apos;s record codec.</source>
        <translation>The resource has fields or a layout this program does not write; records are written only by WardStation&apos;s record codec.</translation>
    </message>
    <message>
        <source>The resource is a %1 record but the envelope says %2.</source>
        <translation>The resource is a %1 record but the envelope says %2.</translation>
    </message>
    <message>
        <source>The resource names another patient than the envelope.</source>
        <translation>The resource names another patient than the envelope.</translation>
    </message>
    <message>
        <source>The resource names another author than the envelope.</source>
        <translation>The resource names another author than the envelope.</translation>
    </message>
    <message>
        <source>The resource&apos;s clinical time differs from the envelope&apos;s.</source>
        <translation>The resource&apos;s clinical time differs from the envelope&apos;s.</translation>
    </message>
    <message>
        <source>The resource&apos;s status differs from the envelope&apos;s.</source>
        <translation>The resource&apos;s status differs from the envelope&apos;s.</translation>
    </message>
    <message>
        <source>The version&apos;s %1 differs from what was signed.</source>
        <translation>The version&apos;s %1 differs from what was signed.</translation>
    </message>
    <message>
        <source>The alert text</source>
        <translation>The alert text</translation>
    </message>
    <message>
        <source>An alert flag is set by the person responsible; it cannot wait for approval.</source>
        <translation>An alert flag is set by the person responsible; it cannot wait for approval.</translation>
    </message>
    <message>
        <source>The resource type &quot;%1&quot; is not a record type (Observation, AllergyIntolerance, MedicationRequest, Composition or Flag).</source>
        <translation>The resource type &quot;%1&quot; is not a record type (Observation, AllergyIntolerance, MedicationRequest, Composition or Flag).</translation>
    </message>
    <message>
        <source>The status &quot;%1&quot; is not one this program writes.</source>
        <translation>The status &quot;%1&quot; is not one this program writes.</translation>
    </message>
    <message>
        <source>A flag&apos;s code is infection-precautions, fall-risk or npo (system %1).</source>
        <translation>A flag&apos;s code is infection-precautions, fall-risk or npo (system %1).</translation>
    </message>
</context>
<context>
    <name>ward::RecordDetail</name>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Reason it was entered in error</source>
        <translation>Reason it was entered in error</translation>
    </message>
    <message>
        <source>Mark entered in error</source>
        <translation>Mark entered in error</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>Approve and sign</translation>
    </message>
    <message>
        <source>Select a record</source>
        <translation>Select a record</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — version %2</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Author: %1</translation>
    </message>
    <message>
        <source>Entered by proxy: %1</source>
        <translation>Entered by proxy: %1</translation>
    </message>
    <message>
        <source>Approved by: %1</source>
        <translation>Approved by: %1</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Confirmed: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Classification: %1</source>
        <translation>Classification: %1</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>The record could not be read: %1</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>Not approved: %1</translation>
    </message>
    <message>
        <source>Not marked: %1</source>
        <translation>Not marked: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Clinical time: %1</source>
        <translation>Clinical time: %1</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <source>Time-stamped: %1</source>
        <translation>Time-stamped: %1</translation>
    </message>
    <message>
        <source>Time-stamped: not yet</source>
        <translation>Time-stamped: not yet</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>ward::RecordEnvelope</name>
    <message>
        <source>This record is in the format used before this version of WardStation; the data must be re-seeded (hub) or the terminal re-enrolled.</source>
        <translation>This record is in the format used before this version of WardStation; the data must be re-seeded (hub) or the terminal re-enrolled.</translation>
    </message>
    <message>
        <source>The record envelope has no header line.</source>
        <translation>The record envelope has no header line.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s header is not a JSON object.</source>
        <translation>The record envelope&apos;s header is not a JSON object.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s header does not have exactly the fields %1.</source>
        <translation>The record envelope&apos;s header does not have exactly the fields %1.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s field &quot;%1&quot; has the wrong type.</source>
        <translation>The record envelope&apos;s field &quot;%1&quot; has the wrong type.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s status &quot;%1&quot; is unknown.</source>
        <translation>The record envelope&apos;s status &quot;%1&quot; is unknown.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s clinical time is not a date and time.</source>
        <translation>The record envelope&apos;s clinical time is not a date and time.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s previous-version hash is malformed.</source>
        <translation>The record envelope&apos;s previous-version hash is malformed.</translation>
    </message>
    <message>
        <source>The record envelope&apos;s version or classification is out of range.</source>
        <translation>The record envelope&apos;s version or classification is out of range.</translation>
    </message>
    <message>
        <source>The record envelope is not in its canonical form.</source>
        <translation>The record envelope is not in its canonical form.</translation>
    </message>
</context>
<context>
    <name>ward::RecordPresenter</name>
    <message>
        <source>S (subjective)</source>
        <translation>S (subjective)</translation>
    </message>
    <message>
        <source>O (objective)</source>
        <translation>O (objective)</translation>
    </message>
    <message>
        <source>A (assessment)</source>
        <translation>A (assessment)</translation>
    </message>
    <message>
        <source>P (plan)</source>
        <translation>P (plan)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>Pulse (/min)</translation>
    </message>
    <message>
        <source>BP systolic (mmHg)</source>
        <translation>BP systolic (mmHg)</translation>
    </message>
    <message>
        <source>BP diastolic (mmHg)</source>
        <translation>BP diastolic (mmHg)</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>Respiratory rate (/min)</translation>
    </message>
    <message>
        <source>Measured at</source>
        <translation>Measured at</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Entered in error</translation>
    </message>
    <message>
        <source>Entered in error: %1</source>
        <translation>Entered in error: %1</translation>
    </message>
    <message>
        <source>BT %1°C</source>
        <translation>BT %1°C</translation>
    </message>
    <message>
        <source>P %1</source>
        <translation>P %1</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>BP %1/%2</translation>
    </message>
    <message>
        <source>SpO2 %1%</source>
        <translation>SpO2 %1%</translation>
    </message>
    <message>
        <source>RR %1</source>
        <translation>RR %1</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ valid</translation>
    </message>
    <message>
        <source>✓ no timestamp yet</source>
        <translation>✓ no timestamp yet</translation>
    </message>
    <message>
        <source>✗ INVALID</source>
        <translation>✗ INVALID</translation>
    </message>
    <message>
        <source>✗ not signed</source>
        <translation>✗ not signed</translation>
    </message>
    <message>
        <source>Not sent (awaiting approval)</source>
        <translation>Not sent (awaiting approval)</translation>
    </message>
    <message>
        <source>From hub</source>
        <translation>From hub</translation>
    </message>
    <message>
        <source>Queued for sync</source>
        <translation>Queued for sync</translation>
    </message>
    <message>
        <source>Sent to hub</source>
        <translation>Sent to hub</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>mild</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>severe</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <source>Code (JLAC10)</source>
        <translation>Code (JLAC10)</translation>
    </message>
    <message>
        <source>(cannot be read: not a record this program writes)</source>
        <translation>(cannot be read: not a record this program writes)</translation>
    </message>
    <message>
        <source>This record cannot be read: its body is not a record this program writes. The terminal must be re-seeded from the hub.</source>
        <translation>This record cannot be read: its body is not a record this program writes. The terminal must be re-seeded from the hub.</translation>
    </message>
    <message>
        <source>added: &lt;span class=&apos;added&apos;&gt;%1&lt;/span&gt;</source>
        <translation>added: &lt;span class=&apos;added&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>removed: &lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt;</source>
        <translation>removed: &lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt; → &lt;span class=&apos;added&apos;&gt;%2&lt;/span&gt;</source>
        <translation>&lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt; → &lt;span class=&apos;added&apos;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Infection precautions</source>
        <translation>Infection precautions</translation>
    </message>
    <message>
        <source>Fall risk</source>
        <translation>Fall risk</translation>
    </message>
    <message>
        <source>NPO</source>
        <translation>NPO</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation>%1 h %2 min ago</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 lifted: %2</source>
        <translation>%1 lifted: %2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>lifted</translation>
    </message>
</context>
<context>
    <name>ward::RegistrationForm</name>
    <message>
        <source>Next free ID</source>
        <translation>Next free ID</translation>
    </message>
    <message>
        <source>This ID:</source>
        <translation>This ID:</translation>
    </message>
    <message>
        <source>Chosen staff ID</source>
        <translation>Chosen staff ID</translation>
    </message>
    <message>
        <source>10 letters or digits</source>
        <translation>10 letters or digits</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Family name and given name, as on the photo ID</source>
        <translation>Family name and given name, as on the photo ID</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <source>Reading in hiragana or katakana</source>
        <translation>Reading in hiragana or katakana</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>Wards</translation>
    </message>
    <message>
        <source>Identity checked with</source>
        <translation>Identity checked with</translation>
    </message>
    <message>
        <source>Document reference</source>
        <translation>Document reference</translation>
    </message>
    <message>
        <source>Register and print the letter</source>
        <translation>Register and print the letter</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(not available)</translation>
    </message>
    <message>
        <source>The hub gives the next free ID of the scheme when you register.</source>
        <translation>The hub gives the next free ID of the scheme when you register.</translation>
    </message>
    <message>
        <source>Waiting for the hub&apos;s next free ID…</source>
        <translation>Waiting for the hub&apos;s next free ID…</translation>
    </message>
    <message>
        <source>%1 An ID is exactly 10 letters A-Z or digits, e.g. ST00001234.</source>
        <translation>%1 An ID is exactly 10 letters A-Z or digits, e.g. ST00001234.</translation>
    </message>
    <message>
        <source>%1 is already used (IDs are never reused, also after retirement). Choose another or use the next free ID.</source>
        <translation>%1 is already used (IDs are never reused, also after retirement). Choose another or use the next free ID.</translation>
    </message>
    <message>
        <source>Checking at the hub whether %1 is free…</source>
        <translation>Checking at the hub whether %1 is free…</translation>
    </message>
    <message>
        <source>%1 is free.</source>
        <translation>%1 is free.</translation>
    </message>
    <message>
        <source>Enter the name as written on the photo ID.</source>
        <translation>Enter the name as written on the photo ID.</translation>
    </message>
    <message>
        <source>Enter the reading of the name in kana (e.g. かんご はなこ).</source>
        <translation>Enter the reading of the name in kana (e.g. かんご はなこ).</translation>
    </message>
    <message>
        <source>Use only hiragana or katakana and spaces (no kanji, letters or digits).</source>
        <translation>Use only hiragana or katakana and spaces (no kanji, letters or digits).</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>Enter the number of the document you checked (e.g. the licence number).</source>
        <translation>Enter the number of the document you checked (e.g. the licence number).</translation>
    </message>
    <message>
        <source>%1 is registered. The letter with the temporary password is printed: seal it in an envelope and hand it to the person only. Next: issue the IC card.</source>
        <translation>%1 is registered. The letter with the temporary password is printed: seal it in an envelope and hand it to the person only. Next: issue the IC card.</translation>
    </message>
    <message>
        <source>Pending approval: %1 gets a privileged role, so a second person with the right to manage users must approve the request (request %2). The letter is printed when it is approved.</source>
        <translation>Pending approval: %1 gets a privileged role, so a second person with the right to manage users must approve the request (request %2). The letter is printed when it is approved.</translation>
    </message>
</context>
<context>
    <name>ward::RevokeTerminalPage</name>
    <message>
        <source>e.g. &quot;reported stolen&quot;, &quot;disposed of&quot;, &quot;replaced by a new PC&quot;</source>
        <translation>e.g. &quot;reported stolen&quot;, &quot;disposed of&quot;, &quot;replaced by a new PC&quot;</translation>
    </message>
    <message>
        <source>Revoke the terminal</source>
        <translation>Revoke the terminal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Revoke terminal &quot;%1&quot; (ward %2)</source>
        <translation>Revoke terminal &quot;%1&quot; (ward %2)</translation>
    </message>
    <message>
        <source>The hub refuses this terminal from its next request: it can no longer log anyone in online, sync records or fetch its vault&apos;s network key, which is never released again. Records it has not sent stay on it. To use the PC again, enrol it anew with a fresh code. This cannot be undone.</source>
        <translation>The hub refuses this terminal from its next request: it can no longer log anyone in online, sync records or fetch its vault&apos;s network key, which is never released again. Records it has not sent stay on it. To use the PC again, enrol it anew with a fresh code. This cannot be undone.</translation>
    </message>
    <message>
        <source>This is the terminal you are using: your session here loses the hub at once.</source>
        <translation>This is the terminal you are using: your session here loses the hub at once.</translation>
    </message>
</context>
<context>
    <name>ward::RoleChangePanel</name>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>Wards</translation>
    </message>
    <message>
        <source>Privileged ID (stricter password rules, shorter sessions)</source>
        <translation>Privileged ID (stricter password rules, shorter sessions)</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>What will change</translation>
    </message>
    <message>
        <source>A role that may manage staff, cards, terminals or the policy, or the privileged flag, is granted only when a second authorised person approves it (segregation of duties): the change then waits under &quot;Waiting for approval&quot;.</source>
        <translation>A role that may manage staff, cards, terminals or the policy, or the privileged flag, is granted only when a second authorised person approves it (segregation of duties): the change then waits under &quot;Waiting for approval&quot;.</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Why this change is made, e.g. &quot;moves to ward W4 from 1 April&quot;</source>
        <translation>Why this change is made, e.g. &quot;moves to ward W4 from 1 April&quot;</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Change roles and wards</source>
        <translation>Change roles and wards</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Roles and wards of %1 (%2)</source>
        <translation>Roles and wards of %1 (%2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1: %2 (unchanged)</source>
        <translation>%1: %2 (unchanged)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Privileged ID</source>
        <translation>Privileged ID</translation>
    </message>
    <message>
        <source>The roles and wards of %1 are changed. Terminals apply them after their next sync.</source>
        <translation>The roles and wards of %1 are changed. Terminals apply them after their next sync.</translation>
    </message>
    <message>
        <source>Pending approval by a second person: the change for %1 grants a privileged role or the privileged flag, so another person with the right to manage users must approve it under &quot;Waiting for approval&quot;. Nothing changes until then.</source>
        <translation>Pending approval by a second person: the change for %1 grants a privileged role or the privileged flag, so another person with the right to manage users must approve it under &quot;Waiting for approval&quot;. Nothing changes until then.</translation>
    </message>
    <message>
        <source>Nothing would change yet: tick or untick a role, a ward or the privileged flag.</source>
        <translation>Nothing would change yet: tick or untick a role, a ward or the privileged flag.</translation>
    </message>
    <message>
        <source>Keep at least one role. To end all access, disable or retire the ID instead.</source>
        <translation>Keep at least one role. To end all access, disable or retire the ID instead.</translation>
    </message>
    <message>
        <source>Write why, in a few words (required, at most %1 characters).</source>
        <translation>Write why, in a few words (required, at most %1 characters).</translation>
    </message>
    <message>
        <source>Recorded in the hub&apos;s audit with your name and this terminal.</source>
        <translation>Recorded in the hub&apos;s audit with your name and this terminal.</translation>
    </message>
</context>
<context>
    <name>ward::SessionShell</name>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Insert your staff card to log in.</source>
        <translation>Insert your staff card to log in.</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Lock the screen (Ctrl+L)</translation>
    </message>
    <message numerus="yes">
        <source>The screen locks in %n second(s). Move the mouse or press a key to keep working.</source>
        <translation>
            <numerusform>The screen locks in %n second. Move the mouse or press a key to keep working.</numerusform>
            <numerusform>The screen locks in %n seconds. Move the mouse or press a key to keep working.</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert your staff card, then enter your password.</source>
        <translation>Insert your staff card, then enter your password.</translation>
    </message>
    <message>
        <source>This card is not registered for this terminal. Use your staff card.</source>
        <translation>This card is not registered for this terminal. Use your staff card.</translation>
    </message>
    <message>
        <source>The card was removed. Insert your card and enter your password again.</source>
        <translation>The card was removed. Insert your card and enter your password again.</translation>
    </message>
    <message>
        <source>The card and password do not match. Check your password and try again.</source>
        <translation>The card and password do not match. Check your password and try again.</translation>
    </message>
    <message>
        <source>The password cannot be checked on this terminal. Call IT.</source>
        <translation>The password cannot be checked on this terminal. Call IT.</translation>
    </message>
    <message>
        <source>Your password must be changed first. Log in at the login screen of a free terminal to change it.</source>
        <translation>Your password must be changed first. Log in at the login screen of a free terminal to change it.</translation>
    </message>
    <message>
        <source>You have not used this terminal before and the hub cannot be reached. Use a terminal you have used before, or try again when the network is back.</source>
        <translation>You have not used this terminal before and the hub cannot be reached. Use a terminal you have used before, or try again when the network is back.</translation>
    </message>
    <message>
        <source>The password could not be checked. Call IT.</source>
        <translation>The password could not be checked. Call IT.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Last login…</source>
        <translation>Last login…</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT in use by %1. IT and the auditors have been told; every action is recorded and reviewed. This session ends at %2.</source>
        <translation>EMERGENCY ACCOUNT in use by %1. IT and the auditors have been told; every action is recorded and reviewed. This session ends at %2.</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT in use by %1, offline. IT and the auditors are told as soon as the hub is reachable; every action is recorded and reviewed. This session ends at %2.</source>
        <translation>EMERGENCY ACCOUNT in use by %1, offline. IT and the auditors are told as soon as the hub is reachable; every action is recorded and reviewed. This session ends at %2.</translation>
    </message>
</context>
<context>
    <name>ward::SignatureStatus</name>
    <message>
        <source>Signature valid</source>
        <translation>Signature valid</translation>
    </message>
    <message>
        <source>Signature valid, not yet timestamped</source>
        <translation>Signature valid, not yet timestamped</translation>
    </message>
    <message>
        <source>Signature INVALID</source>
        <translation>Signature INVALID</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Not signed</translation>
    </message>
</context>
<context>
    <name>ward::SignatureVerifier</name>
    <message>
        <source>This version carries no signature.</source>
        <translation>This version carries no signature.</translation>
    </message>
    <message>
        <source>The signature does not match this record (%1). The record may have been altered.</source>
        <translation>The signature does not match this record (%1). The record may have been altered.</translation>
    </message>
    <message>
        <source>Signed by %1, but this version names %2 as its signer.</source>
        <translation>Signed by %1, but this version names %2 as its signer.</translation>
    </message>
    <message>
        <source>The timestamp token does not verify: %1</source>
        <translation>The timestamp token does not verify: %1</translation>
    </message>
    <message>
        <source>The record does not match what was signed (%1 differs).</source>
        <translation>The record does not match what was signed (%1 differs).</translation>
    </message>
</context>
<context>
    <name>ward::SignedPolicy</name>
    <message>
        <source>Policy version %1 is not signed by the hub.</source>
        <translation>Policy version %1 is not signed by the hub.</translation>
    </message>
    <message>
        <source>The signature of policy version %1 does not verify against this terminal&apos;s hub: %2</source>
        <translation>The signature of policy version %1 does not verify against this terminal&apos;s hub: %2</translation>
    </message>
    <message>
        <source>Policy version %1 is signed by %2, not by the hub&apos;s policy certificate.</source>
        <translation>Policy version %1 is signed by %2, not by the hub&apos;s policy certificate.</translation>
    </message>
    <message>
        <source>Policy version %1 breaks the policy rules (%2: %3).</source>
        <translation>Policy version %1 breaks the policy rules (%2: %3).</translation>
    </message>
    <message>
        <source>Policy version %1 is not newer than version %2 in force.</source>
        <translation>Policy version %1 is not newer than version %2 in force.</translation>
    </message>
</context>
<context>
    <name>ward::SigningIdentity</name>
    <message>
        <source>The stored signing key of %1 is damaged. Ask IT to reissue the signing certificate.</source>
        <translation>The stored signing key of %1 is damaged. Ask IT to reissue the signing certificate.</translation>
    </message>
    <message>
        <source>The signing key does not open with this password.</source>
        <translation>The signing key does not open with this password.</translation>
    </message>
    <message>
        <source>The stored signing key of %1 does not match its certificate. Ask IT to reissue it.</source>
        <translation>The stored signing key of %1 does not match its certificate. Ask IT to reissue it.</translation>
    </message>
    <message>
        <source>The staff CA did not issue a signing certificate: %1</source>
        <translation>The staff CA did not issue a signing certificate: %1</translation>
    </message>
    <message>
        <source>The record could not be signed: %1</source>
        <translation>The record could not be signed: %1</translation>
    </message>
</context>
<context>
    <name>ward::StaffChangePanel</name>
    <message>
        <source>Why this change is made, e.g. &quot;on leave until 1 April&quot;</source>
        <translation>Why this change is made, e.g. &quot;on leave until 1 April&quot;</translation>
    </message>
    <message>
        <source>Identity checked with</source>
        <translation>Identity checked with</translation>
    </message>
    <message>
        <source>Document reference</source>
        <translation>Document reference</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>Disable %1</translation>
    </message>
    <message>
        <source>Every terminal refuses this person&apos;s card and password after its next sync, and their signing certificates are revoked. The account, its history and its cards stay; it can be enabled again.</source>
        <translation>Every terminal refuses this person&apos;s card and password after its next sync, and their signing certificates are revoked. The account, its history and its cards stay; it can be enabled again.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Enable %1</translation>
    </message>
    <message>
        <source>The person can log in again with their card and password (a new signing key is made at their next login).</source>
        <translation>The person can log in again with their card and password (a new signing key is made at their next login).</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Retire %1 (final)</source>
        <translation>Retire %1 (final)</translation>
    </message>
    <message>
        <source>Final: the ID is closed for good and never reused; login is refused everywhere, signing certificates are revoked, and the ID cannot be enabled again. Collect the IC card.</source>
        <translation>Final: the ID is closed for good and never reused; login is refused everywhere, signing certificates are revoked, and the ID cannot be enabled again. Collect the IC card.</translation>
    </message>
    <message>
        <source>Retire for good</source>
        <translation>Retire for good</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>Unlock %1</translation>
    </message>
    <message>
        <source>The lockout after failed passwords ends and the failure count starts again. The password stays the same; reset it too if the person has forgotten it.</source>
        <translation>The lockout after failed passwords ends and the failure count starts again. The password stays the same; reset it too if the person has forgotten it.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Reset the password of %1</translation>
    </message>
    <message>
        <source>The current password stops working now. A new temporary password is printed as a sealed letter at this desk (it is never shown on screen); the person must choose their own at the first login. Signing certificates are revoked.</source>
        <translation>The current password stops working now. A new temporary password is printed as a sealed letter at this desk (it is never shown on screen); the person must choose their own at the first login. Signing certificates are revoked.</translation>
    </message>
    <message>
        <source>Reset and print the letter</source>
        <translation>Reset and print the letter</translation>
    </message>
    <message>
        <source>Enter the number of the document you checked (e.g. the licence number), so the check can be traced.</source>
        <translation>Enter the number of the document you checked (e.g. the licence number), so the check can be traced.</translation>
    </message>
</context>
<context>
    <name>ward::StaffFinder</name>
    <message>
        <source>Find staff</source>
        <translation>Find staff</translation>
    </message>
    <message>
        <source>Staff ID, name or kana</source>
        <translation>Staff ID, name or kana</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Staff found</source>
        <translation>Staff found</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>Name (kana)</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>Wards</translation>
    </message>
    <message>
        <source>IC card</source>
        <translation>IC card</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Password age</source>
        <translation>Password age</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>Enable…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Unlock…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>%1 people match; the first %2 are listed. Type more of the name or ID.</source>
        <translation>%1 people match; the first %2 are listed. Type more of the name or ID.</translation>
    </message>
    <message>
        <source>%1, locked</source>
        <translation>%1, locked</translation>
    </message>
    <message>
        <source>%1, temporary password</source>
        <translation>%1, temporary password</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Revoked, none active</source>
        <translation>Revoked, none active</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(privileged)</source>
        <translation>(privileged)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>at terminal %1</source>
        <translation>at terminal %1</translation>
    </message>
    <message>
        <source>No password yet</source>
        <translation>No password yet</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 is disabled.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 is enabled.</translation>
    </message>
    <message>
        <source>%1 is retired.</source>
        <translation>%1 is retired.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 is unlocked.</translation>
    </message>
    <message>
        <source>The password of %1 is reset. The letter is printed: seal it in an envelope and hand it to the person only.</source>
        <translation>The password of %1 is reset. The letter is printed: seal it in an envelope and hand it to the person only.</translation>
    </message>
    <message>
        <source>Roles and wards…</source>
        <translation>Roles and wards…</translation>
    </message>
</context>
<context>
    <name>ward::StatusStrip</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>Hub: not configured (offline only)</source>
        <translation>Hub: not configured (offline only)</translation>
    </message>
    <message>
        <source>M/d (ddd) HH:mm</source>
        <translation>M/d (ddd) HH:mm</translation>
    </message>
    <message>
        <source>Hub: online</source>
        <translation>Hub: online</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>Hub: offline</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <source>clock differs from the hub by %1 s: call IT</source>
        <translation>clock differs from the hub by %1 s: call IT</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n record waiting</numerusform>
            <numerusform>%n records waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-lock in %1:%2</source>
        <translation>Auto-lock in %1:%2</translation>
    </message>
    <message>
        <source>hub storage full: data kept here, call IT</source>
        <translation>hub storage full: data kept here, call IT</translation>
    </message>
</context>
<context>
    <name>ward::TemperatureSheet</name>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>Resp. (/min)</source>
        <translation>Resp. (/min)</translation>
    </message>
    <message>
        <source>Night 0–8</source>
        <translation>Night 0–8</translation>
    </message>
    <message>
        <source>Day 8–16</source>
        <translation>Day 8–16</translation>
    </message>
    <message>
        <source>Evening 16–24</source>
        <translation>Evening 16–24</translation>
    </message>
    <message>
        <source>No vital signs recorded</source>
        <translation>No vital signs recorded</translation>
    </message>
    <message>
        <source>BT %1°C</source>
        <translation>BT %1°C</translation>
    </message>
    <message>
        <source>P %1</source>
        <translation>P %1</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>BP %1/%2</translation>
    </message>
    <message>
        <source>SpO2 %1%</source>
        <translation>SpO2 %1%</translation>
    </message>
    <message>
        <source>RR %1</source>
        <translation>RR %1</translation>
    </message>
</context>
<context>
    <name>ward::Terminal</name>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>End the session; drafts are kept for your next login</source>
        <translation>End the session; drafts are kept for your next login</translation>
    </message>
    <message>
        <source>Preparing your signing key…</source>
        <translation>Preparing your signing key…</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Tell IT or your ward manager now.</source>
        <translation>Tell IT or your ward manager now.</translation>
    </message>
    <message>
        <source>Tell IT now: %1</source>
        <translation>Tell IT now: %1</translation>
    </message>
    <message>
        <source>The hub cannot be reached: the report is kept on this terminal and sent when it is back. %1</source>
        <translation>The hub cannot be reached: the report is kept on this terminal and sent when it is back. %1</translation>
    </message>
    <message>
        <source>Report received by the hub and recorded for IT. Change your password soon.</source>
        <translation>Report received by the hub and recorded for IT. Change your password soon.</translation>
    </message>
    <message>
        <source>The report could not be delivered yet (%1); it is sent again after the next sync. %2</source>
        <translation>The report could not be delivered yet (%1); it is sent again after the next sync. %2</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>The reception desk was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>The reception desk was idle too long (privileged session). Unlock with your card and password to continue.</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>The IT console was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>The IT console was idle too long (privileged session). Unlock with your card and password to continue.</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Wiping the terminal…</source>
        <translation>Wiping the terminal…</translation>
    </message>
    <message>
        <source>The terminal was wiped and its disposal record reached the hub.</source>
        <translation>The terminal was wiped and its disposal record reached the hub.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>The auditor&apos;s workspace was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>The auditor&apos;s workspace was idle too long (privileged session). Unlock with your card and password to continue.</translation>
    </message>
</context>
<context>
    <name>ward::TerminalDiagnostics</name>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 is not installed</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 did not answer</translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation>%1 did not answer (%2)</translation>
    </message>
    <message>
        <source>Local time source</source>
        <translation>Local time source</translation>
    </message>
    <message>
        <source>chrony: reference %1, system time %2</source>
        <translation>chrony: reference %1, system time %2</translation>
    </message>
    <message>
        <source>timedatectl: synchronised with NTP</source>
        <translation>timedatectl: synchronised with NTP</translation>
    </message>
    <message>
        <source>timedatectl: not synchronised with NTP</source>
        <translation>timedatectl: not synchronised with NTP</translation>
    </message>
    <message>
        <source>Not available: %1; %2</source>
        <translation>Not available: %1; %2</translation>
    </message>
    <message>
        <source>None (the terminal is not enrolled)</source>
        <translation>None (the terminal is not enrolled)</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Cannot be read</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Expired on %1</translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>Valid until %1 (%n day left)</numerusform>
            <numerusform>Valid until %1 (%n days left)</numerusform>
        </translation>
    </message>
    <message>
        <source>Vault integrity (PRAGMA integrity_check)</source>
        <translation>Vault integrity (PRAGMA integrity_check)</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Audit chain</translation>
    </message>
    <message>
        <source>Unsent records</source>
        <translation>Unsent records</translation>
    </message>
    <message>
        <source>Unsent audit entries</source>
        <translation>Unsent audit entries</translation>
    </message>
    <message>
        <source>Vault schema version</source>
        <translation>Vault schema version</translation>
    </message>
    <message>
        <source>Not checked: the vault is opened by a login</source>
        <translation>Not checked: the vault is opened by a login</translation>
    </message>
    <message>
        <source>Not checked: there is no vault on this terminal</source>
        <translation>Not checked: there is no vault on this terminal</translation>
    </message>
    <message>
        <source>The vault does not open: %1</source>
        <translation>The vault does not open: %1</translation>
    </message>
    <message>
        <source>ok (%1 ms)</source>
        <translation>ok (%1 ms)</translation>
    </message>
    <message numerus="yes">
        <source>Intact (%n entries)</source>
        <translation>
            <numerusform>Intact (%n entry)</numerusform>
            <numerusform>Intact (%n entries)</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry %1: %2</source>
        <translation>Broken at entry %1: %2</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1 (this program: %2)</translation>
    </message>
    <message>
        <source>card inserted in %1</source>
        <translation>card inserted in %1</translation>
    </message>
    <message>
        <source>card removed from %1</source>
        <translation>card removed from %1</translation>
    </message>
    <message>
        <source>card service lost</source>
        <translation>card service lost</translation>
    </message>
    <message>
        <source>card service available</source>
        <translation>card service available</translation>
    </message>
    <message>
        <source>Card service (pcscd)</source>
        <translation>Card service (pcscd)</translation>
    </message>
    <message>
        <source>Running and answering</source>
        <translation>Running and answering</translation>
    </message>
    <message>
        <source>pcscd is running but does not answer the terminal</source>
        <translation>pcscd is running but does not answer the terminal</translation>
    </message>
    <message>
        <source>pcscd is not running</source>
        <translation>pcscd is not running</translation>
    </message>
    <message>
        <source>Card readers</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <source>None connected</source>
        <translation>None connected</translation>
    </message>
    <message>
        <source>Last card event</source>
        <translation>Last card event</translation>
    </message>
    <message>
        <source>None since the terminal started</source>
        <translation>None since the terminal started</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <translation>%1 at %2 UTC</translation>
    </message>
    <message>
        <source>Terminal certificate</source>
        <translation>Terminal certificate</translation>
    </message>
    <message>
        <source>Hub CA certificate</source>
        <translation>Hub CA certificate</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 free of %2</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Program version</translation>
    </message>
    <message>
        <source>Hub reachability</source>
        <translation>Hub reachability</translation>
    </message>
    <message>
        <source>Clock skew against the hub</source>
        <translation>Clock skew against the hub</translation>
    </message>
    <message>
        <source>No hub configured</source>
        <translation>No hub configured</translation>
    </message>
    <message>
        <source>Not available without a hub</source>
        <translation>Not available without a hub</translation>
    </message>
    <message>
        <source>%1 not reachable: %2</source>
        <translation>%1 not reachable: %2</translation>
    </message>
    <message>
        <source>Not measured (the hub did not answer)</source>
        <translation>Not measured (the hub did not answer)</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 answered in %2 ms</translation>
    </message>
    <message>
        <source>%1 s (%2; warning above %3 s)</source>
        <translation>%1 s (%2; warning above %3 s)</translation>
    </message>
    <message>
        <source>this terminal is behind the hub</source>
        <translation>this terminal is behind the hub</translation>
    </message>
    <message>
        <source>this terminal is ahead of the hub</source>
        <translation>this terminal is ahead of the hub</translation>
    </message>
    <message>
        <source>The hub&apos;s answer carried no time</source>
        <translation>The hub&apos;s answer carried no time</translation>
    </message>
    <message>
        <source>in step with the hub</source>
        <translation>in step with the hub</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>No hub CA to verify it against</source>
        <translation>No hub CA to verify it against</translation>
    </message>
    <message>
        <source>Entry %1 is not in this vault</source>
        <translation>Entry %1 is not in this vault</translation>
    </message>
    <message>
        <source>Up to entry %1, signed by the hub on %2</source>
        <translation>Up to entry %1, signed by the hub on %2</translation>
    </message>
    <message>
        <source>Audit chain acknowledged by the hub</source>
        <translation>Audit chain acknowledged by the hub</translation>
    </message>
</context>
<context>
    <name>ward::TerminalDisposal</name>
    <message numerus="yes">
        <source>The wipe was refused: %n record(s) and %1 audit entries have not reached the hub and would be lost. Connect the terminal to the hub and try again, or confirm the loss with a reason.</source>
        <translation>
            <numerusform>The wipe was refused: %n record and %1 audit entries have not reached the hub and would be lost. Connect the terminal to the hub and try again, or confirm the loss with a reason.</numerusform>
            <numerusform>The wipe was refused: %n records and %1 audit entries have not reached the hub and would be lost. Connect the terminal to the hub and try again, or confirm the loss with a reason.</numerusform>
        </translation>
    </message>
    <message>
        <source>The wipe could not finish destroying the local data: %1</source>
        <translation>The wipe could not finish destroying the local data: %1</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 could not be removed.</translation>
    </message>
    <message>
        <source>The disposal record has not reached the hub yet; it is sent when the terminal next starts with the hub reachable.</source>
        <translation>The disposal record has not reached the hub yet; it is sent when the terminal next starts with the hub reachable.</translation>
    </message>
    <message>
        <source>The disposal record has not reached the hub yet (%1); it is sent again when the terminal next starts.</source>
        <translation>The disposal record has not reached the hub yet (%1); it is sent again when the terminal next starts.</translation>
    </message>
    <message>
        <source>The terminal&apos;s enrolment could not be deleted from %1.</source>
        <translation>The terminal&apos;s enrolment could not be deleted from %1.</translation>
    </message>
</context>
<context>
    <name>ward::TerminalWipe</name>
    <message>
        <source>this terminal has no hub connection</source>
        <translation>this terminal has no hub connection</translation>
    </message>
    <message>
        <source>no signing key is stored for this user on this terminal</source>
        <translation>no signing key is stored for this user on this terminal</translation>
    </message>
    <message>
        <source>Your password cannot be checked on this terminal (%1). Nothing was wiped.</source>
        <translation>Your password cannot be checked on this terminal (%1). Nothing was wiped.</translation>
    </message>
    <message>
        <source>Your password cannot be checked: %1. Nothing was wiped.</source>
        <translation>Your password cannot be checked: %1. Nothing was wiped.</translation>
    </message>
    <message>
        <source>The password is not correct. Nothing was wiped. Wrong passwords count toward locking your account, as at login.</source>
        <translation>The password is not correct. Nothing was wiped. Wrong passwords count toward locking your account, as at login.</translation>
    </message>
    <message>
        <source>Your account is locked after too many wrong passwords. Nothing was wiped. Another administrator must unlock the account before anyone can wipe with it.</source>
        <translation>Your account is locked after too many wrong passwords. Nothing was wiped. Another administrator must unlock the account before anyone can wipe with it.</translation>
    </message>
    <message>
        <source>The hub did not confirm your password (%1). Nothing was wiped.</source>
        <translation>The hub did not confirm your password (%1). Nothing was wiped.</translation>
    </message>
    <message>
        <source>%1 Nothing was wiped.</source>
        <translation>%1 Nothing was wiped.</translation>
    </message>
</context>
<context>
    <name>ward::TerminalsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Enrolment code…</source>
        <translation>Enrolment code…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Clock vs hub</source>
        <translation>Clock vs hub</translation>
    </message>
    <message>
        <source>Audit head acknowledged</source>
        <translation>Audit head acknowledged</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>in step</source>
        <translation>in step</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ahead</source>
        <translation>%1 ahead</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 behind</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>This terminal</translation>
    </message>
    <message>
        <source>Revoked %1 by %2: %3</source>
        <translation>Revoked %1 by %2: %3</translation>
    </message>
    <message>
        <source>the hub console</source>
        <translation>the hub console</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>no reason recorded</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entry %1</translation>
    </message>
    <message>
        <source>Terminal &quot;%1&quot; is revoked: the hub refuses its next request.</source>
        <translation>Terminal &quot;%1&quot; is revoked: the hub refuses its next request.</translation>
    </message>
    <message>
        <source>Disposal records…</source>
        <translation>Disposal records…</translation>
    </message>
    <message>
        <source>Wipes reported to the hub: of the selected terminal, or of every terminal when none is selected.</source>
        <translation>Wipes reported to the hub: of the selected terminal, or of every terminal when none is selected.</translation>
    </message>
</context>
<context>
    <name>ward::TimestampAuthority</name>
    <message>
        <source>The time-stamping authority needs a certificate and its private key.</source>
        <translation>The time-stamping authority needs a certificate and its private key.</translation>
    </message>
    <message>
        <source>The time-stamping key does not belong to the TSA certificate.</source>
        <translation>The time-stamping key does not belong to the TSA certificate.</translation>
    </message>
    <message>
        <source>The TSA certificate is not a time-stamping certificate (extendedKeyUsage=critical,timeStamping).</source>
        <translation>The TSA certificate is not a time-stamping certificate (extendedKeyUsage=critical,timeStamping).</translation>
    </message>
</context>
<context>
    <name>ward::TimestampToken</name>
    <message>
        <source>The data is not an RFC 3161 time-stamp token.</source>
        <translation>The data is not an RFC 3161 time-stamp token.</translation>
    </message>
    <message>
        <source>The time-stamp token has no valid time.</source>
        <translation>The time-stamp token has no valid time.</translation>
    </message>
    <message>
        <source>The time-stamp token uses a hash algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</source>
        <translation>The time-stamp token uses a hash algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</translation>
    </message>
    <message>
        <source>The time-stamp token does not carry its signer&apos;s certificate.</source>
        <translation>The time-stamp token does not carry its signer&apos;s certificate.</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</source>
        <translation>The time-stamp token&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</translation>
    </message>
    <message>
        <source>The time-stamping authority&apos;s certificate is not trusted at %1: %2.</source>
        <translation>The time-stamping authority&apos;s certificate is not trusted at %1: %2.</translation>
    </message>
    <message>
        <source>The time-stamp token carries a certificate that is not part of the TSA&apos;s verified chain.</source>
        <translation>The time-stamp token carries a certificate that is not part of the TSA&apos;s verified chain.</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s signing-certificate attribute does not match its signer.</source>
        <translation>The time-stamp token&apos;s signing-certificate attribute does not match its signer.</translation>
    </message>
    <message>
        <source>The time-stamp token does not cover this data: it was changed.</source>
        <translation>The time-stamp token does not cover this data: it was changed.</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s signature does not verify.</source>
        <translation>The time-stamp token&apos;s signature does not verify.</translation>
    </message>
    <message>
        <source>The time-stamp token is invalid: %1.</source>
        <translation>The time-stamp token is invalid: %1.</translation>
    </message>
    <message>
        <source>The time-stamp token is invalid.</source>
        <translation>The time-stamp token is invalid.</translation>
    </message>
</context>
<context>
    <name>ward::VersionHistory</name>
    <message>
        <source>Compare version</source>
        <translation>Compare version</translation>
    </message>
    <message>
        <source>with</source>
        <translation>with</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>v%1 · %2 · %3 · %4</source>
        <translation>v%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Only one version.</source>
        <translation>Only one version.</translation>
    </message>
</context>
<context>
    <name>ward::VitalSignsChart</name>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>Pulse (/min)</translation>
    </message>
    <message>
        <source>Blood pressure (mmHg)</source>
        <translation>Blood pressure (mmHg)</translation>
    </message>
    <message>
        <source>◀ Previous day</source>
        <translation>◀ Previous day</translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation>Next day ▶</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ward::VitalsEntry</name>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 must be a number.</translation>
    </message>
</context>
<context>
    <name>ward::WardView</name>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Age / sex</source>
        <translation>Age / sex</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Ward census: %1</source>
        <translation>Ward census: %1</translation>
    </message>
    <message numerus="yes">
        <source>Search results: %n patient(s)</source>
        <translation>
            <numerusform>Search results: %n patient</numerusform>
            <numerusform>Search results: %n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 y / %2</source>
        <translation>%1 y / %2</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>Ward census</translation>
    </message>
    <message>
        <source>%1
%2 (%3)</source>
        <translation>%1
%2 (%3)</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>Latest vital signs</translation>
    </message>
    <message>
        <source>Last nursing note</source>
        <translation>Last nursing note</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>Bed %1</translation>
    </message>
    <message>
        <source>%1（%2）
%3</source>
        <translation>%1（%2）
%3</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ward::WipeDialog</name>
    <message>
        <source>Wipe this terminal</source>
        <translation>Wipe this terminal</translation>
    </message>
    <message>
        <source>Wiping destroys this terminal&apos;s encrypted vault and key slots, writes a disposal record and sends it to the hub. The terminal is then no longer enrolled.</source>
        <translation>Wiping destroys this terminal&apos;s encrypted vault and key slots, writes a disposal record and sends it to the hub. The terminal is then no longer enrolled.</translation>
    </message>
    <message>
        <source>Sending unsent records and audit entries to the hub…</source>
        <translation>Sending unsent records and audit entries to the hub…</translation>
    </message>
    <message>
        <source>I confirm that what has not reached the hub is lost with the wipe</source>
        <translation>I confirm that what has not reached the hub is lost with the wipe</translation>
    </message>
    <message>
        <source>Reason for the wipe, kept in the disposal record (required when unsent data is lost)</source>
        <translation>Reason for the wipe, kept in the disposal record (required when unsent data is lost)</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Your password:</translation>
    </message>
    <message>
        <source>Wipe the terminal</source>
        <translation>Wipe the terminal</translation>
    </message>
    <message>
        <source>Everything this terminal held for the hub has been sent.</source>
        <translation>Everything this terminal held for the hub has been sent.</translation>
    </message>
    <message>
        <source>Not everything could be sent to the hub.</source>
        <translation>Not everything could be sent to the hub.</translation>
    </message>
    <message>
        <source>Not everything could be sent to the hub: %1</source>
        <translation>Not everything could be sent to the hub: %1</translation>
    </message>
    <message>
        <source>Checking your password…</source>
        <translation>Checking your password…</translation>
    </message>
</context>
</TS>
