#include "sync/NetworkSlot.h"

#include "sync/HubClient.h"
#include "vault/Vault.h"

#include <QCoreApplication>

namespace ward {

void NetworkSlot::fetchKey(HubClient& client, const QString& sessionToken, KeyCallback done)
{
    client.get(QStringLiteral("/api/v1/network-slot-key"), sessionToken, [done = std::move(done)](const HubReply& r) {
        if (!r.ok()) {
            done(SecureBytes(), r.error);
            return;
        }
        QByteArray b64 = r.json.value(QStringLiteral("key")).toString().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
        b64.fill('\0');
        if (!decoded || decoded.decoded.size() != kKeyBytes) {
            if (decoded)
                decoded.decoded.fill('\0');
            done(SecureBytes(), SyncError(SyncError::Kind::MalformedResponse,
                                          QCoreApplication::translate("NetworkSlot",
                                                                      "The hub's network-slot key is not %1 bytes of base64.")
                                              .arg(kKeyBytes)));
            return;
        }
        const SecureBytes key = SecureBytes::fromQByteArray(decoded.decoded);
        decoded.decoded.fill('\0');
        done(key, SyncError());
    });
}

void NetworkSlot::addTo(Vault& vault, const SecureBytes& key, const QString& actor)
{
    vault.addNetworkSlot(key, actor);
}

std::unique_ptr<Vault> NetworkSlot::open(const QString& vaultDir, const QString& terminalId, const SecureBytes& key)
{
    return Vault::openWithNetworkKey(vaultDir, terminalId, key);
}

} // namespace ward
