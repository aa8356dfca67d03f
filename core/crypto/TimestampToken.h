#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ward {

struct TimestampVerification
{
    bool valid = false;
    // Readable English reason when !valid (translatable through context "ward::TimestampToken").
    QString error;
    QDateTime genTime; // UTC, milliseconds when the token carries them; filled whenever the token parses
    QString serialHex; // the token's serial number, lower-case hex; filled whenever the token parses
};

// Checks an RFC 3161 TimeStampToken (DER ContentInfo, as TimestampAuthority::stamp returns it). This is the reference
// path: everything is decoded and checked afresh. For many tokens against the same trust anchors (a sync pull), use
// TimestampVerifier, which gives the same verdicts with the TSA certificate and its chain cached.
class TimestampToken
{
public:
    // Valid only if the token's message imprint (SHA-256/384/512) equals the hash of data, its signature verifies
    // with the TSA certificate it names (ESS signingCertificate checked), and that certificate chains to one of
    // trustedCas with the time-stamping purpose *at genTime* — so tokens stay verifiable after the TSA certificate
    // expires or is rolled over.
    static TimestampVerification verify(const QByteArray& token, const QByteArray& data,
                                        const QList<Certificate>& trustedCas);
};

} // namespace ward
