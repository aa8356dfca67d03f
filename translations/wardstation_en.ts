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
</TS>
