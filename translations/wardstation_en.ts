<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
