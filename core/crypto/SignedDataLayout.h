#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace ward {

// Where the certificates sit inside a CMS ContentInfo/SignedData (a record signature or an RFC 3161 token), found
// by a strict DER walk, and the same ContentInfo re-encoded without its certificates field. Decoding the carried
// certificates is most of the cost of d2i_CMS_ContentInfo/d2i_PKCS7 in OpenSSL 3.0 (~80 µs each); CmsVerifier and
// TimestampVerifier decode the rest without them and take the certificates from their caches. Anything outside the
// expected shape — indefinite or non-minimal lengths, no certificates or more than kMaxCertificates, CRLs, a content
// type other than signedData, trailing bytes — gives nullopt, and the caller takes the full OpenSSL path.
class SignedDataLayout
{
public:
    static constexpr int kMaxCertificates = 4;

    struct Span
    {
        int offset = 0;
        int length = 0;
    };

    static std::optional<SignedDataLayout> locate(const QByteArray& contentInfoDer);

    // Each certificate's DER inside the ContentInfo given to locate(), in order.
    const QList<Span>& certificates() const { return m_certs; }
    // The content of the [0] certificates field: all certificates' DER, back to back.
    Span certificateSet() const { return m_set; }
    // ContentInfo { signedData, [0] SignedData without the [0] certificates field }.
    const QByteArray& withoutCertificates() const { return m_stripped; }

private:
    QList<Span> m_certs;
    Span m_set;
    QByteArray m_stripped;
};

} // namespace ward
