#include "AdminHubTest.h"

#include "crypto/CertificateAuthority.h"
#include "hub/storage/HubDatabase.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryFile>

using ward::CertificateAuthority;
using ward::CertificateProfile;
using ward::KeyPair;

QVariant AdminHubTest::value(const QString& sql, const QVariantList& values) const
{
    ward::hub::HubDatabase db(m_hub->config());
    QSqlQuery q = db.exec(sql, values);
    return q.next() ? q.value(0) : QVariant();
}

qint64 AdminHubTest::scalar(const QString& sql, const QVariantList& values) const
{
    const QVariant v = value(sql, values);
    return v.isValid() ? v.toLongLong() : -1;
}

bool AdminHubTest::bindCard(const QString& id)
{
    static CertificateAuthority issuer = CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc());
    auto [key, cert] = issuer.issueWithNewKey(CertificateProfile::TerminalClient, id, 30, QDateTime::currentDateTimeUtc());
    QTemporaryFile pem;
    if (!pem.open())
        return false;
    pem.write(cert.toPem());
    pem.close();
    m_cards.insert(id, std::make_shared<KeyPair>(std::move(key)));
    return m_hub->admin({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), id, QStringLiteral("--piv-cert"), pem.fileName()});
}

QString AdminHubTest::login(HubClient& client, const QString& id)
{
    const HubReply r = client.postJson(QStringLiteral("/api/v1/session"),
                                       {{QStringLiteral("userId"), id}, {QStringLiteral("password"), m_passwords[id]},
                                        {QStringLiteral("cardProof"), client.pivProof(*m_cards[id])}});
    if (r.status != 200)
        qWarning("login of %s: %d %s", qPrintable(id), r.status, r.body.constData());
    return r.json.value(QStringLiteral("token")).toString();
}

HubReply AdminHubTest::as(HubClient& client, const QString& token, const QString& method, const QString& path, const QJsonObject& body)
{
    client.setBearerToken(token);
    const HubReply r = method == QLatin1String("GET") ? client.get(path) : client.postJson(path, body);
    client.setBearerToken(QString());
    return r;
}
