#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward {

class KeyPair;

// The one codec for what the hub signs for its terminals (CFG-2 policy versions, issue 14 audit acknowledgements and
// checkpoints): the signed bytes are Qt's compact JSON of one object (keys sorted, no whitespace, UTF-8), the
// signature a detached CMS SignedData (CmsSignature) by a hub certificate issued by the hub CA with a fixed subject
// CN per purpose, so a key for one purpose (or a staff key, or another hub) cannot speak for another.
class HubStatement
{
public:
    static QByteArray canonicalBytes(const QJsonObject& statement);
    // Empty when the key does not fit the certificate.
    static QByteArray sign(const QJsonObject& statement, const Certificate& signerCert, const KeyPair& signerKey);

    enum class Problem { None, Unsigned, BadSignature, WrongSigner };
    struct Check
    {
        Problem problem = Problem::None;
        QString detail;  // CmsSignature's reason, or the signer's CN
        QDateTime signedAt;
        bool ok() const { return problem == Problem::None; }
    };
    // Verifies against the pinned hub CAs and requires the signer certificate's CN to be signerName.
    static Check verify(const QJsonObject& statement, const QByteArray& signature, const QList<Certificate>& hubCas,
                        const QString& signerName);
};

} // namespace ward
