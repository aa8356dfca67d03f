#include "ReceptionTestKit.h"

#include "crypto/KeyPair.h"
#include "ui/reception/StaffFinder.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
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

QString ReceptionTestKit::firstLogin(HubClient& client, const QString& userId, const KeyPair& cardKey, const QString& temporary,
                                     const QString& newPassword)
{
    const HubReply challenge = wait([&](auto done) { client.postJson(QStringLiteral("/api/v1/session/challenge"), {}, done); });
    const QByteArray nonce = QByteArray::fromBase64(challenge.json.value(QStringLiteral("challenge")).toString().toLatin1());
    const QJsonObject proof{{QStringLiteral("kind"), QStringLiteral("piv")},
                            {QStringLiteral("challenge"), QString::fromLatin1(nonce.toBase64())},
                            {QStringLiteral("signature"), QString::fromLatin1(cardKey.sign(nonce).toBase64())}};
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
