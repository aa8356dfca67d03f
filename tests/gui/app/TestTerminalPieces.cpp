#include "Terminal.h"
#include "TerminalOptions.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CertificateRequest.h"
#include "records/SigningIdentity.h"
#include "session/LockController.h"
#include "sync/SyncStatus.h"
#include "ui/SessionShell.h"
#include "util/Clock.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QLabel>
#include <QMainWindow>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

namespace {

Argon2Params cheapKdf()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

qint64 signingKeyRows(Vault& vault)
{
    SqlStatement q = vault.database().prepare("SELECT COUNT(*) FROM signing_keys");
    return q.step() ? q.integer(0) : -1;
}

bool parse(const QStringList& args, TerminalOptions* out, QString* error)
{
    QCommandLineParser cli;
    TerminalOptions::addOptions(cli);
    if (!cli.parse(QStringList{QStringLiteral("wardstation")} + args)) {
        *error = cli.errorText();
        return false;
    }
    return TerminalOptions::fromCommandLine(cli, out, error);
}

} // namespace

class TestTerminalPieces : public QObject
{
    Q_OBJECT

private slots:
    void shellShowsTheLoginWidgetWhileLoggedOut()
    {
        QMainWindow window;
        LockController lock;
        auto* shell = new SessionShell(&lock, [](const UserSession&) { return nullptr; });
        window.setCentralWidget(shell);
        window.show();
        QPointer<QWidget> placeholder = shell->loginWidget();
        QVERIFY(placeholder);
        auto* login = new QLabel(QStringLiteral("login"));
        shell->setLoginWidget(login);
        QVERIFY(!placeholder);  // the built-in prompt is gone
        QCOMPARE(shell->loginWidget(), static_cast<QWidget*>(login));
        QVERIFY(login->isVisible());
        auto* stack = shell->findChild<QStackedWidget*>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(login));
        shell->setLoginWidget(nullptr);  // ignored
        QCOMPARE(shell->loginWidget(), static_cast<QWidget*>(login));
    }

    void optionsRefuseIncompleteHubSettings()
    {
        QTemporaryDir tmp;
        TerminalOptions o;
        QString error;
        QVERIFY(!parse({QStringLiteral("--hub"), QStringLiteral("https://127.0.0.1:8443")}, &o, &error));
        QVERIFY(error.contains(QStringLiteral("--hub")));
        error.clear();
        QVERIFY(!parse({QStringLiteral("--tls-cert"), tmp.filePath(QStringLiteral("missing.pem"))}, &o, &error));
        QVERIFY(error.contains(QStringLiteral("missing.pem")));
        QVERIFY(!parse({QStringLiteral("--sync-interval"), QStringLiteral("0")}, &o, &error));
        QVERIFY(parse({QStringLiteral("--data-dir"), tmp.path(), QStringLiteral("--terminal"), QStringLiteral("T1")}, &o, &error));
        QCOMPARE(o.vaultDir, tmp.filePath(QStringLiteral("vault")));
        QCOMPARE(o.terminalId, QStringLiteral("T1"));
        QVERIFY(!o.hasHub());
    }

    void issuerAnswersAreCheckedBeforeAnythingIsStored()
    {
        QTemporaryDir tmp;
        auto vault = Vault::create(tmp.path(), QStringLiteral("T1"), cheapKdf());
        const SecureBytes password = SecureBytes::fromUtf8(QStringLiteral("Kango-Pass1!"));
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("Staff CA"), 3650, Clock::instance().nowUtc());
        const QString user = QStringLiteral("NURSE00001");

        // The hub down: refused, nothing stored.
        const SigningIdentity::Issuer down = [](const QByteArray&, QString* error) -> std::optional<Certificate> {
            *error = QStringLiteral("hub unreachable");
            return std::nullopt;
        };
        try {
            SigningIdentity::obtain(*vault, user, password, down, cheapKdf());
            QFAIL("no certificate, yet an identity");
        } catch (const SigningError& e) {
            QCOMPARE(e.code(), SigningError::Code::CertificateRefused);
        }
        QCOMPARE(signingKeyRows(*vault), qint64(0));

        // An issuer answering with a certificate for another key: refused, nothing stored.
        const SigningIdentity::Issuer foreign = [&ca, user](const QByteArray&, QString* error) {
            const KeyPair other = KeyPair::generateP256();
            const auto csr = CertificateRequest::fromPem(CertificateRequest::createPem(other, user));
            return ca.issue(*csr, CertificateProfile::StaffSigning, user, 30, Clock::instance().nowUtc(), {}, error);
        };
        QVERIFY_THROWS_EXCEPTION(SigningError, SigningIdentity::obtain(*vault, user, password, foreign, cheapKdf()));
        QCOMPARE(signingKeyRows(*vault), qint64(0));

        // A proper issuer: certified and stored; the next obtain unwraps it without asking anyone.
        const SigningIdentity first = SigningIdentity::obtain(*vault, user, password, SigningIdentity::localIssuer(ca), cheapKdf());
        QCOMPARE(first.certificate().subjectCommonName(), user);
        QCOMPARE(signingKeyRows(*vault), qint64(1));
        const SigningIdentity again = SigningIdentity::obtain(*vault, user, password, down, cheapKdf());
        QCOMPARE(again.certificate().serialHex(), first.certificate().serialHex());
        QVERIFY(!again.sign(QByteArrayLiteral("body")).isEmpty());
    }

    void statusTextCarriesNoRecordContent()
    {
        SyncStatus s;
        QVERIFY(Terminal::syncStatusText(s).contains(QStringLiteral("offline")));
        s.online = true;
        s.queueLength = 3;
        s.clockSkewWarning = true;
        s.clockSkewMs = 125000;
        s.lastError = QStringLiteral("rejected record 3f2a of patient P000001");
        const QString text = Terminal::syncStatusText(s);
        QVERIFY(text.contains(QStringLiteral("online")));
        QVERIFY(text.contains(QStringLiteral("3")));
        QVERIFY(text.contains(QStringLiteral("125")));
        QVERIFY(!text.contains(QStringLiteral("P000001")));
    }
};

QTEST_MAIN(TestTerminalPieces)
#include "TestTerminalPieces.moc"
