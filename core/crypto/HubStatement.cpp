#include "crypto/HubStatement.h"

#include "crypto/CmsSignature.h"

#include <QJsonDocument>

namespace ward {

QByteArray HubStatement::canonicalBytes(const QJsonObject& statement)
{
    // QJsonObject keeps its keys sorted, and compact output has no whitespace: one byte string per statement.
    return QJsonDocument(statement).toJson(QJsonDocument::Compact);
}

QByteArray HubStatement::sign(const QJsonObject& statement, const Certificate& signerCert, const KeyPair& signerKey)
{
    return CmsSignature::signDetached(canonicalBytes(statement), signerCert, signerKey);
}

HubStatement::Check HubStatement::verify(const QJsonObject& statement, const QByteArray& signature,
                                         const QList<Certificate>& hubCas, const QString& signerName)
{
    Check c;
    if (signature.isEmpty()) {
        c.problem = Problem::Unsigned;
        return c;
    }
    const CmsVerification cms = CmsSignature::verifyDetached(canonicalBytes(statement), signature, hubCas);
    if (!cms.valid) {
        c.problem = Problem::BadSignature;
        c.detail = cms.error;
        return c;
    }
    if (cms.signer.subjectCommonName() != signerName) {
        c.problem = Problem::WrongSigner;
        c.detail = cms.signer.subjectCommonName();
        return c;
    }
    c.signedAt = cms.signingTime;
    return c;
}

} // namespace ward
