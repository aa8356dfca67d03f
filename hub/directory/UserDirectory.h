#pragma once

#include "crypto/SecureBytes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// The staff directory: users (10-character alphanumeric ids, never reused — retired users stay as rows),
// roles with hospital-defined permissions, wards, card bindings, Argon2id password verifiers with history,
// and account state (failed attempts, lock, password age). Display names are sealed under the IDENTITY key.
class UserDirectory
{
public:
    static constexpr int kPasswordHistory = 5;
    static constexpr int kTemporaryPasswordLength = 12;

    struct User
    {
        QString id;
        QString displayName;
        QStringList roles;
        QStringList wards;
        bool privileged = false;
        QString status; // active | disabled | retired
        QString passwordVerifier;
        QJsonObject accountState;
        qint64 seq = 0;
    };

    UserDirectory(HubDatabase& db, const DataKeys& keys);

    static bool isValidUserId(const QString& id);
    // Default roles created at init; the hospital edits them afterwards.
    void seedDefaultRoles();
    void ensureWard(const QString& ward, const QString& name);

    // Returns the one-time temporary password (the user must change it at first login). Throws HubError
    // bad_request (id format, unknown role/ward), conflict (id exists — also when retired: ids are never reused).
    SecureBytes addUser(const QString& id, const QString& displayName, const QStringList& roles, const QStringList& wards,
                        bool privileged, const QString& actor);
    // status: active (enable), disabled, retired (final). Retired users cannot be re-enabled.
    void setStatus(const QString& id, const QString& status, const QString& actor);
    // AUTH-12: identity verified in person before a reset; who verified, how, and which document is audited.
    SecureBytes resetPassword(const QString& id, const QString& verifiedBy, const QString& method, const QString& document,
                              const QString& actor);
    // PIV: the card's certificate or SubjectPublicKeyInfo; UID: the serial (hex), stored only as a SHA-256.
    void bindPivCard(const QString& userId, const QByteArray& publicKeyDer, const QString& actor);
    void bindUidCard(const QString& userId, const QByteArray& uid, const QString& actor);

    std::optional<User> find(const QString& id);
    QList<QByteArray> pivKeys(const QString& userId);
    bool hasUid(const QString& userId, const QByteArray& uid);
    void saveAccountState(const QString& userId, const QJsonObject& state);
    // Replaces the verifier (password change / reset) and pushes the old one into the history.
    void setPassword(const QString& userId, const SecureBytes& password, bool temporary);
    // True when the password matches the current verifier or one of the last kPasswordHistory.
    bool isInHistory(const QString& userId, const SecureBytes& password);

    static QString uidHash(const QByteArray& uid);

private:
    QByteArray nameAad(const QString& id) const;
    void requireUser(const QString& id);

    HubDatabase& m_db;
    const DataKeys& m_keys;
};

} // namespace ward::hub
