#include "policy/SignedPolicy.h"

#include "crypto/HubStatement.h"

namespace ward {

namespace {
QJsonObject statement(int version, const QJsonObject& policy)
{
    return {{QStringLiteral("policy"), policy}, {QStringLiteral("version"), version}};
}
} // namespace

QByteArray SignedPolicy::canonicalBytes(int version, const QJsonObject& policy)
{
    return HubStatement::canonicalBytes(statement(version, policy));
}

QByteArray SignedPolicy::sign(int version, const QJsonObject& policy, const Certificate& signerCert, const KeyPair& signerKey)
{
    return HubStatement::sign(statement(version, policy), signerCert, signerKey);
}

QJsonObject SignedPolicy::toFeedItem() const
{
    QJsonObject item{{QStringLiteral("kind"), QStringLiteral("policy")}, {QStringLiteral("version"), version},
                     {QStringLiteral("policy"), policy}};
    if (!signature.isEmpty())
        item.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
    return item;
}

SignedPolicy SignedPolicy::fromFeedItem(const QJsonObject& item)
{
    SignedPolicy p;
    p.version = item.value(QStringLiteral("version")).toInt();
    p.policy = item.value(QStringLiteral("policy")).toObject();
    p.signature = QByteArray::fromBase64(item.value(QStringLiteral("signature")).toString().toLatin1());
    return p;
}

SignedPolicy::Verdict SignedPolicy::check(const QList<Certificate>& hubCas, int versionInForce) const
{
    Verdict v;
    auto refuse = [&](Refusal r, const QString& message) {
        v.refusal = r;
        v.message = message;
        return v;
    };
    if (signature.isEmpty())
        return refuse(Refusal::Unsigned, tr("Policy version %1 is not signed by the hub.").arg(version));
    const HubStatement::Check cms = HubStatement::verify(statement(version, policy), signature, hubCas, QLatin1String(kSignerName));
    if (cms.problem == HubStatement::Problem::BadSignature)
        return refuse(Refusal::BadSignature,
                      tr("The signature of policy version %1 does not verify against this terminal's hub: %2").arg(version).arg(cms.detail));
    if (cms.problem == HubStatement::Problem::WrongSigner)
        return refuse(Refusal::WrongSigner, tr("Policy version %1 is signed by %2, not by the hub's policy certificate.")
                                                .arg(version)
                                                .arg(cms.detail));
    const QList<PolicyFieldError> errors = PolicyRules::check(policy);
    if (!errors.isEmpty())
        return refuse(Refusal::Invalid, tr("Policy version %1 breaks the policy rules (%2: %3).")
                                            .arg(version)
                                            .arg(errors.first().field, errors.first().message));
    if (version <= versionInForce)
        return refuse(Refusal::NotNewer, tr("Policy version %1 is not newer than version %2 in force.").arg(version).arg(versionInForce));
    v.signedAt = cms.signedAt;
    return v;
}

QString SignedPolicy::refusalCode(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None: return QString();
    case Refusal::Unsigned: return QStringLiteral("unsigned");
    case Refusal::BadSignature: return QStringLiteral("bad_signature");
    case Refusal::WrongSigner: return QStringLiteral("wrong_signer");
    case Refusal::Invalid: return QStringLiteral("invalid");
    case Refusal::NotNewer: return QStringLiteral("not_newer");
    }
    return QString();
}

} // namespace ward
