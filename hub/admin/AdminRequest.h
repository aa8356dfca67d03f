#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <string>

namespace ward::hub {

// The bodies and query parameters of /api/v1/admin/… read into typed requests before any service sees them.
// Pure (no socket, no database, no keys) so every byte of an untrusted request can be fuzzed
// (tests/fuzz/FuzzAdminRequests.cpp). Every refusal is HubError 400 bad_request naming the field and how to fix
// it, or 413 too_large for a body beyond kMaxBodyBytes: nothing is half-read into a change.
class AdminRequest
{
public:
    // An admin body is a few hundred bytes; a PEM certificate is the largest part.
    static constexpr int kMaxBodyBytes = 16 * 1024;
    static constexpr int kMaxReasonLength = 200;
    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxListEntries = 16;
    static constexpr int kMaxPageSize = 100;

    // Every change to a person names the version it was decided on (optimistic check) and a reason.
    struct Change
    {
        QString userId;
        qint64 version = 0;
        QString reason;
    };
    struct Registration
    {
        QString userId;   // empty: the next free id with idPrefix
        QString idPrefix; // letters of the hospital's scheme (empty: the policy's default)
        QString name;
        QString kana;
        QStringList roles;
        QStringList wards;
        bool privileged = false;
        QString method;      // AUTH-12: how identity was checked
        QString documentRef; // ledger reference of the document seen
    };
    struct StatusChange : Change
    {
        QString action; // disable | enable | retire | unlock
    };
    struct PasswordReset : Change
    {
        QString method;
        QString documentRef;
    };
    struct RoleChange : Change
    {
        QStringList roles;
        QStringList wards;
        bool privileged = false;
    };
    struct CardBinding : Change
    {
        QByteArray certificatePem;
    };
    struct CardRevocation : Change
    {
        QString keyId; // empty: every card of the user
    };
    // AUTH-2: a one-time code for a person without a working card, valid for one shift.
    struct FallbackCode : Change
    {
        int validMinutes = 0; // 0: the default shift (FallbackCodes::kDefaultMinutes)
    };
    struct Decision
    {
        QString requestId;
        QString reason;
    };
    struct Search
    {
        QString text; // id prefix, name or kana (folded)
        QString status;
        QString role;
        QString ward;
        int offset = 0;
        int limit = 50;
    };

    static QJsonObject body(const std::string& raw);
    static Registration registration(const QJsonObject& body);
    static StatusChange statusChange(const QJsonObject& body);
    static PasswordReset passwordReset(const QJsonObject& body);
    static RoleChange roleChange(const QJsonObject& body);
    static CardBinding cardBinding(const QJsonObject& body);
    static CardRevocation cardRevocation(const QJsonObject& body);
    static FallbackCode fallbackCode(const QJsonObject& body);
    static Decision decision(const QJsonObject& body, bool reasonRequired);
    static Search search(const std::map<std::string, std::string>& query);
    // A non-negative integer query parameter within [min, max], or fallback when absent.
    static int intParam(const std::map<std::string, std::string>& query, const char* name, int fallback, int min, int max);

    static bool isIdPrefix(const QString& prefix);
};

} // namespace ward::hub
