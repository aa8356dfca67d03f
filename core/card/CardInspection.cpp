#include "card/CardInspection.h"

#include "card/CardSession.h"
#include "card/PivCard.h"
#include "crypto/Certificate.h"
#include "crypto/Digest.h"
#include "util/Clock.h"

#include <QElapsedTimer>

namespace ward {

CardInspection CardInspection::read(const QString& reader)
{
    QElapsedTimer timer;
    timer.start();
    CardInspection out;
    CardIdentity identity;
    CardSession session;
    CardError err = session.open(reader);
    if (err == CardError::None) {
        err = session.runTransaction([&]() -> CardError {
            PivCard piv(session);
            const auto proof = piv.authenticate();
            out.statusWord = proof.statusWord;
            identity = proof.value;
            return proof.error;
        });
    }
    session.close();
    if (err == CardError::None) {
        // PivCertificate accepted the DER; the X.509 details come from the same bytes.
        const auto cert = Certificate::fromDer(identity.certificateDer);
        if (!cert) {
            err = CardError::CertificateInvalid;
        } else {
            out.certificatePem = cert->toPem();
            out.subjectCommonName = cert->subjectCommonName();
            out.issuerCommonName = cert->issuerCommonName();
            out.serialHex = cert->serialHex();
            out.notBefore = cert->notBefore();
            out.notAfter = cert->notAfter();
            out.keyId = QString::fromLatin1(Digest::sha256(cert->publicKeyDer()).toHex());
            const QDateTime now = Clock::instance().nowUtc();
            out.validity = now < out.notBefore  ? Validity::NotYetValid
                           : now > out.notAfter ? Validity::Expired
                                                : Validity::Valid;
        }
    }
    out.error = err;
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace ward
