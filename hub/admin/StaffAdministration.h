#pragma once

#include "hub/admin/AdminRequest.h"
#include "hub/admin/AdminSessions.h"

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class DataKeys;
class FallbackCodes;
class HubDatabase;
class UserDirectory;

// The changes the reception desk makes to staff accounts through /api/v1/admin (issue 12). Every change:
//  - is made by the authenticated admin (AdminSessions::Admin), never a typed id (AUTH-13);
//  - names the version of the person it was decided on and fails with 409 version_conflict when another clerk
//    changed them meanwhile (optimistic check, under the row lock), then bumps the version;
//  - goes into the hub audit chain in the same transaction, with the person, terminal, reason and time
//    (HubAuditLog stamps the time): nothing is half-made.
// AC-4: registering with, or granting, a privileged role (one whose permissions meet AdminPolicy's
// privilegedPermissions, which include users.manage) or the privileged flag is a pending request that a second,
// different holder of users.manage approves; the requester cannot approve their own request.
class StaffAdministration
{
public:
    using Admin = AdminSessions::Admin;

    StaffAdministration(HubDatabase& db, const DataKeys& keys, UserDirectory& users, AdminSessions& sessions,
                        FallbackCodes& fallbackCodes);

    // The next free id of the scheme: prefix + zero-padded number to ten characters, after the highest number
    // ever used with that prefix (retired ids count: ids are never reused, AUTH-3).
    QString nextId(const QString& prefix);

    // 201 {userId, version, temporaryPassword} (the password once; only its verifier is stored), or
    // 202 {pending: true, requestId} when the registration grants privilege.
    QJsonObject registerStaff(const Admin& admin, const AdminRequest::Registration& r, int* status);
    QJsonObject changeStatus(const Admin& admin, const AdminRequest::StatusChange& r);
    QJsonObject resetPassword(const Admin& admin, const AdminRequest::PasswordReset& r);
    QJsonObject changeRoles(const Admin& admin, const AdminRequest::RoleChange& r, int* status);
    QJsonObject bindCard(const Admin& admin, const AdminRequest::CardBinding& r);
    QJsonObject revokeCard(const Admin& admin, const AdminRequest::CardRevocation& r);
    // AUTH-2: {userId, code, validUntil, version}. The code is only in this reply (Cache-Control: no-store); the
    // hub keeps its hash and audits the issue without it. Only for an active user.
    QJsonObject issueFallbackCode(const Admin& admin, const AdminRequest::FallbackCode& r);

    QJsonObject requests(const QString& status);
    QJsonObject approve(const Admin& admin, const AdminRequest::Decision& d);
    QJsonObject refuse(const Admin& admin, const AdminRequest::Decision& d);

private:
    // Inside a transaction: the person's row locked; HubError 404 / 409 version_conflict.
    void requireVersion(const QString& userId, qint64 expected);
    qint64 bumpVersion(const QString& userId);
    bool grantsPrivilege(const QStringList& oldRoles, bool oldPrivileged, const QStringList& newRoles, bool newPrivileged);
    QJsonObject context(const Admin& admin, const QString& reason) const;
    QString fileRequest(const Admin& admin, const QString& kind, const QString& userId, const QJsonObject& body);
    // The pending request (row-locked with `lock`, inside a write transaction); HubError 404 / 409 request_decided /
    // 403 self_approval.
    QJsonObject takePending(const Admin& admin, const AdminRequest::Decision& d, QString* kind, QString* userId, QString* requester,
                            bool lock);
    // Inside a transaction: the pending request marked approved/refused by this admin, and audited.
    void decideRequest(const Admin& admin, const AdminRequest::Decision& d, const QString& status);
    QJsonObject applyRoles(const QString& actor, const QJsonObject& context, const AdminRequest::RoleChange& r);

    HubDatabase& m_db;
    const DataKeys& m_keys;
    UserDirectory& m_users;
    AdminSessions& m_sessions;
    FallbackCodes& m_fallbackCodes;
};

} // namespace ward::hub
