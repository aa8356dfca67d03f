#pragma once

#include <QByteArray>
#include <optional>

namespace ward {

// Where the single embedded certificate sits inside a CMS ContentInfo/SignedData, found by a strict DER walk, and
// the same ContentInfo re-encoded without its certificates field. Decoding the certificate is most of the cost of
// d2i_CMS_ContentInfo in OpenSSL 3.0 (~80 µs of ~90 µs); CmsVerifier decodes the rest without it and takes the
// certificate from its cache (issue 5). Anything outside the one expected shape — indefinite or non-minimal
// lengths, no certificates or more than one, CRLs, a content type other than signedData, trailing bytes — gives
// nullopt, and the caller takes the full, uncached path instead.
class SignedDataLayout
{
public:
    static std::optional<SignedDataLayout> locate(const QByteArray& contentInfoDer);

    // Offset and length of the certificate's DER inside the ContentInfo given to locate().
    int certificateOffset() const { return m_certOffset; }
    int certificateLength() const { return m_certLength; }
    // ContentInfo { signedData, [0] SignedData without the [0] certificates field }.
    const QByteArray& withoutCertificates() const { return m_stripped; }

private:
    int m_certOffset = 0;
    int m_certLength = 0;
    QByteArray m_stripped;
};

} // namespace ward
