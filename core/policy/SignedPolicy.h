#pragma once

#include "crypto/Certificate.h"
#include "policy/PolicyRules.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace ward {

class KeyPair;

// CFG-2: one version of the hospital policy as the hub signs it and a terminal checks it. The signed bytes are
// the canonical form of {"policy": …, "version": n}: Qt's compact JSON of that object (keys sorted, no
// whitespace, UTF-8) — canonicalBytes() is the only place they are made, for the hub and the terminal alike. The
// signature is a detached CMS SignedData (CmsSignature) by the hub's policy certificate: issued by the hub CA the
// terminal pinned at enrolment, with the subject CN kSignerName (a staff id can never take that name), so a staff
// signing key cannot sign a policy and neither can another hub. See docs/ARCHITECTURE.md "Signed policy".
struct SignedPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ward::SignedPolicy)

public:
    static constexpr const char* kSignerName = "WardStation Hub Policy";

    // Why a terminal refused a policy version (reported to the hub with the code).
    enum class Refusal { None, Unsigned, BadSignature, WrongSigner, Invalid, NotNewer };

    struct Verdict
    {
        Refusal refusal = Refusal::None;
        QString message; // readable, no secret: names the version and the reason
        QDateTime signedAt;
        bool accepted() const { return refusal == Refusal::None; }
    };

    int version = 0;
    QJsonObject policy;
    QByteArray signature; // CMS DER; empty when the hub sent none

    static QByteArray canonicalBytes(int version, const QJsonObject& policy);
    // The hub's side: the detached CMS signature over canonicalBytes; empty when the key does not fit the certificate.
    static QByteArray sign(int version, const QJsonObject& policy, const Certificate& signerCert, const KeyPair& signerKey);

    // The change feed's item {"kind": "policy", "version", "policy", "signature": base64 DER} and back.
    QJsonObject toFeedItem() const;
    static SignedPolicy fromFeedItem(const QJsonObject& item);

    // A terminal's decision: applied only when signed by its hub's policy certificate (chaining to hubCas), valid by
    // PolicyRules, and newer than versionInForce (0 when none is in force).
    Verdict check(const QList<Certificate>& hubCas, int versionInForce) const;

    static QString refusalCode(Refusal refusal);
};

} // namespace ward
