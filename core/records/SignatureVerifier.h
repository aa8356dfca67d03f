#pragma once

#include "crypto/Certificate.h"
#include "crypto/CmsVerifier.h"
#include "records/RecordVersion.h"
#include "records/SignatureStatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <functional>

namespace ward {

// Verifies stored record signatures against the staff CA (EX-2) and remembers the answers per
// (record, version, content digest): a chart of hundreds of versions redraws without re-verifying,
// and content changed underneath a cached answer is a different key, so it is verified again.
// New versions go through one CmsVerifier, which keeps each signer certificate and its verified chain (issue 5).
class SignatureVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ward::SignatureVerifier)

public:
    // Checks the hub's RFC 3161 token over the signature DER; false + *error when it does not verify.
    using TimestampCheck =
        std::function<bool(const QByteArray& token, const QByteArray& signatureDer, QDateTime* time, QString* error)>;

    // Without a timestampCheck, tokens are verified with a TimestampVerifier against trustedCas (the hub's CA
    // issues both the staff and the TSA certificates).
    explicit SignatureVerifier(QList<Certificate> trustedCas, TimestampCheck timestampCheck = {});
    static TimestampCheck timestampCheckFor(const QList<Certificate>& tsaTrustedCas);

    SignatureStatus verify(const RecordVersion& record);
    // Who must have signed this version (AC-5): the proxy for a pending entry, the approving
    // doctor for an approved one, otherwise the author.
    static QString expectedSigner(const RecordVersion& record);

    int cachedCount() const { return m_cache.size(); }
    void clearCache() { m_cache.clear(); }

private:
    SignatureStatus compute(const RecordVersion& record) const;

    QList<Certificate> m_trustedCas;
    CmsVerifier m_cms;
    TimestampCheck m_timestampCheck;
    QHash<QByteArray, SignatureStatus> m_cache;
};

} // namespace ward
