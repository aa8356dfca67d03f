#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace ward {

// DATA-4: what leaves the hospital on removable media is encrypted as CMS that the receiver opens with stock
// OpenSSL and nothing of ours:
//   - for a receiving hospital's certificate: AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084), the content
//     key transported (RSA) or agreed (EC) to that certificate;
//       openssl cms -decrypt -inform DER -in FILE -inkey their-key.pem
//   - under a password: EnvelopedData with AES-256-CBC and a PasswordRecipientInfo (RFC 3211: PBKDF2 and AES-256 key
//     wrap);  openssl cms -decrypt -inform DER -in FILE -pwri_password PASSWORD
//     OpenSSL 3.0 (Debian 12) cannot wrap a GCM content key for a password recipient (CMS_add0_recipient_password
//     fails on GCM's parameters), so a password envelope has no authentication tag: prefer a certificate where the
//     receiver has one. The records inside a FHIR export carry their authors' signatures either way.
class CmsEnvelope
{
public:
    // RFC 3211's PBKDF2 for a password recipient: slows guessing of a password typed at the ward (~0.3 s here).
    static constexpr int kPasswordIterations = 600000;
    static constexpr int kMinPasswordLength = 10;

    // DER; empty with *error when the certificate is null or its key cannot receive (OpenSSL's reason).
    static QByteArray sealForCertificate(const QByteArray& content, const Certificate& recipient, QString* error);
    // DER; empty with *error for a password shorter than kMinPasswordLength.
    static QByteArray sealWithPassword(const QByteArray& content, const QString& password, QString* error);
    // The content of a password envelope, nullopt for a wrong password or a malformed envelope (the terminal's own
    // check after writing to media; the receiver uses openssl).
    static std::optional<QByteArray> openWithPassword(const QByteArray& der, const QString& password);
};

} // namespace ward
