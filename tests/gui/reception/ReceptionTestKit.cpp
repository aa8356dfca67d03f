#include "ReceptionTestKit.h"

#include "HubProcess.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "ui/reception/StaffFinder.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QTemporaryFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace ward;

HubReply ReceptionTestKit::wait(const std::function<void(HubClient::Callback)>& start)
{
    HubReply reply;
    bool done = false;
    start([&](const HubReply& r) {
        reply = r;
        done = true;
    });
    QDeadlineTimer deadline(30000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return reply;
}

std::unique_ptr<QPrinter> ReceptionTestKit::pdfPrinter(const QString& documentName, const QString& path)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setOutputFormat(QPrinter::PdfFormat);
    printer->setDocName(documentName);
    printer->setOutputFileName(path);
    return printer;
}

std::shared_ptr<KeyPair> ReceptionTestKit::bindCardKey(HubProcess& hub, const QString& userId)
{
    static CertificateAuthority issuer = CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc());
    auto [key, cert] = issuer.issueWithNewKey(CertificateProfile::TerminalClient, userId, 30, QDateTime::currentDateTimeUtc());
    QTemporaryFile pem;
    if (!pem.open())
        return nullptr;
    pem.write(cert.toPem());
    pem.close();
    if (!hub.admin({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), userId, QStringLiteral("--piv-cert"), pem.fileName()}))
        return nullptr;
    return std::make_shared<KeyPair>(std::move(key));
}

bool ReceptionTestKit::startHubWithClerk(HubProcess& hub, const QString& clerkId, std::unique_ptr<HubClient>* client, QString* token,
                                         QString* terminalId, const QStringList& roles)
{
    QTemporaryFile policy;
    if (!hub.init() || !hub.admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")})
        || !policy.open())
        return false;
    policy.write(R"({"admin":{"idleMinutes":30}})");
    policy.close();
    const QString password = QStringLiteral("Uketsuke-Hajime1!");
    if (!hub.admin({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()})
        || !hub.bootstrapRegistrar(clerkId, password, roles))
        return false;
    // The clerk's own card is a key made here: their login, not a card under test.
    const auto key = bindCardKey(hub, clerkId);
    QByteArray certPem, keyPem;
    if (!key || !hub.start() || !hub.enrolTerminal(QStringLiteral("W3"), &certPem, &keyPem, terminalId))
        return false;
    *client = std::make_unique<HubClient>(QUrl(hub.baseUrl()), *Certificate::fromPem(hub.caPem()));
    (*client)->setClientIdentity(*Certificate::fromPem(certPem), *KeyPair::fromPrivatePem(SecureBytes::fromQByteArray(keyPem)));
    *token = login(**client, clerkId, *key, password);
    return !token->isEmpty();
}

QJsonObject ReceptionTestKit::registerNurse(HubClient& client, const QString& token, const QString& name, const QString& kana)
{
    const HubReply r = wait([&](auto done) {
        client.postJson(QStringLiteral("/api/v1/admin/staff"),
                        {{QStringLiteral("name"), name}, {QStringLiteral("kana"), kana},
                         {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse")}}, {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}},
                         {QStringLiteral("verificationMethod"), QStringLiteral("photo ID")}, {QStringLiteral("documentRef"), QStringLiteral("L-7")}},
                        token, done);
    });
    if (!r.ok())
        qWarning("registration of %s: %s", qPrintable(name), qPrintable(r.error.message()));
    return r.json;
}

QJsonObject ReceptionTestKit::cardProof(HubClient& client, const KeyPair& cardKey)
{
    const HubReply challenge = wait([&](auto done) { client.postJson(QStringLiteral("/api/v1/session/challenge"), {}, done); });
    const QByteArray nonce = QByteArray::fromBase64(challenge.json.value(QStringLiteral("challenge")).toString().toLatin1());
    return {{QStringLiteral("kind"), QStringLiteral("piv")},
            {QStringLiteral("challenge"), QString::fromLatin1(nonce.toBase64())},
            {QStringLiteral("signature"), QString::fromLatin1(cardKey.sign(nonce).toBase64())}};
}

QString ReceptionTestKit::login(HubClient& client, const QString& userId, const KeyPair& cardKey, const QString& password)
{
    const QJsonObject proof = cardProof(client, cardKey);
    const HubReply login = wait([&](auto done) {
        client.postJson(QStringLiteral("/api/v1/session"),
                        {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}, {QStringLiteral("cardProof"), proof}}, done);
    });
    if (!login.ok())
        qWarning("login of %s: %s", qPrintable(userId), qPrintable(login.error.message()));
    return login.json.value(QStringLiteral("token")).toString();
}

QString ReceptionTestKit::firstLogin(HubClient& client, const QString& userId, const KeyPair& cardKey, const QString& temporary,
                                     const QString& newPassword)
{
    const QJsonObject proof = cardProof(client, cardKey);
    const HubReply login = wait([&](auto done) {
        client.postJson(QStringLiteral("/api/v1/password"),
                        {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), temporary},
                         {QStringLiteral("newPassword"), newPassword}, {QStringLiteral("cardProof"), proof}},
                        done);
    });
    if (!login.ok())
        qWarning("first login of %s: %s", qPrintable(userId), qPrintable(login.error.message()));
    return login.json.value(QStringLiteral("token")).toString();
}

QString ReceptionTestKit::pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

QString ReceptionTestKit::screenText(QWidget* root)
{
    QStringList texts;
    for (auto* l : root->findChildren<QLabel*>())
        texts << l->text();
    for (auto* e : root->findChildren<QLineEdit*>())
        texts << e->text() << e->placeholderText();
    for (auto* b : root->findChildren<QAbstractButton*>())
        texts << b->text();
    for (auto* t : root->findChildren<QTableWidget*>())
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (t->item(r, c))
                    texts << t->item(r, c)->text();
    return texts.join(QLatin1Char('\n'));
}

void ReceptionTestKit::type(QLineEdit* edit, const QString& text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    edit->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

bool ReceptionTestKit::search(StaffFinder* finder, const QString& text)
{
    QSignalSpy searched(finder, &StaffFinder::searched);
    auto* query = finder->findChild<QLineEdit*>(QStringLiteral("staffQuery"));
    query->clear();
    type(query, text);
    QTest::keyClick(query, Qt::Key_Return);
    return searched.wait(15000) || !searched.isEmpty();
}
