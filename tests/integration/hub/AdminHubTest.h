#pragma once

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/KeyPair.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QVariant>
#include <memory>

// The ground the administration API tests stand on (reception desk, IT console, auditor): a real wardhub, one
// enrolled terminal's client, the staff's card keys (bound at the hub with `wardhub admin card bind`) and passwords,
// card + password logins, and requests under a session token. Each test class derives from it and sets m_hub and
// m_terminal up in its own init().
class AdminHubTest : public QObject
{
protected:
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    QHash<QString, std::shared_ptr<ward::KeyPair>> m_cards;
    QHash<QString, QString> m_passwords;

    // The first column of the first row of `sql` in the hub's database (invalid when there is no row) ...
    QVariant value(const QString& sql, const QVariantList& values = {}) const;
    // ... as a number (-1 when there is no row).
    qint64 scalar(const QString& sql, const QVariantList& values = {}) const;
    // A new card key for `id`, its certificate bound at the hub.
    bool bindCard(const QString& id);
    // Card + password login at `client` (the terminal's by default); the session token, empty on refusal (logged).
    QString login(HubClient& client, const QString& id);
    QString login(const QString& id) { return login(*m_terminal, id); }
    // One request under `token` (GET, or POST with `body`); the client carries no token afterwards.
    static HubReply as(HubClient& client, const QString& token, const QString& method, const QString& path,
                       const QJsonObject& body = {});
    HubReply as(const QString& token, const QString& method, const QString& path, const QJsonObject& body = {})
    {
        return as(*m_terminal, token, method, path, body);
    }
};
