// The terminal's diagnostics page (issue 13) and its wipe dialog (DATA-5), offscreen on a real SQLCipher vault:
// every check is shown, a damaged vault is reported as a problem, an unreachable hub as unreachable, the copied
// report carries no patient data from the vault, and the wipe is refused with the counts of what would be lost
// until IT confirms the loss with a reason and their password checks out.

#include "VaultTestSupport.h"
#include "audit/AuditAcknowledgement.h"
#include "audit/AuditLog.h"
#include "crypto/CertificateAuthority.h"
#include "diagnostics/TerminalDiagnostics.h"
#include "sync/HubClient.h"
#include "sync/HubReplica.h"
#include "sync/PushQueue.h"
#include "ui/it/DiagnosticsPage.h"
#include "ui/it/WipeDialog.h"
#include "ui/it/WipeHandler.h"
#include "vault/Vault.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

namespace {

const QString kTerminal = QStringLiteral("T-DIAG-0001");
const QString kPatientName = QStringLiteral("佐藤 花子");
const QString kPatientId = QStringLiteral("P0042");

class ScriptedWipe : public WipeHandler
{
public:
    TerminalDisposal::Unsent left;
    QString hubError;
    bool passwordOk = false;
    QString typedPassword;
    int wipes = 0;
    QString wipeReason;
    TerminalDisposal::Unsent wipeLost;

    void sendUnsent(std::function<void(const TerminalDisposal::Unsent&, const QString&)> done) override
    {
        // Answered later, as the hub would.
        QTimer::singleShot(50, [this, done] { done(left, hubError); });
    }
    void verifyPassword(const SecureBytes& password, std::function<void(bool, const QString&)> done) override
    {
        typedPassword = QString::fromUtf8(password.toQByteArrayUnsafe());
        QTimer::singleShot(20, [this, done] { done(passwordOk, passwordOk ? QString() : QStringLiteral("wrong password")); });
    }
    void wipe(const QString& reason, const TerminalDisposal::Unsent& lost) override
    {
        ++wipes;
        wipeReason = reason;
        wipeLost = lost;
    }
};

QString cell(QTableWidget* table, const QString& id, int column)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 1)->data(Qt::UserRole).toString() == id)
            return table->item(row, column)->text();
    return QString();
}

} // namespace

class TestDiagnosticsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SecureBytes m_key;
    QByteArray m_terminalCert;
    QByteArray m_hubCa;
    std::unique_ptr<CertificateAuthority> m_ca;

    QString vaultDir() const { return m_dir.filePath(QStringLiteral("vault")); }

    TerminalDiagnostics::Setup setup(HubClient* hub = nullptr) const
    {
        TerminalDiagnostics::Setup s;
        s.vaultDir = vaultDir();
        s.terminalId = kTerminal;
        s.terminalCertificatePem = m_terminalCert;
        s.hubCaPem = m_hubCa;
        s.vaultKey = m_key;
        s.hub = hub;
        s.programVersion = QStringLiteral("9.8.7");
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A vault with a patient, a record queued for the hub and audit entries naming the patient.
        auto vault = Vault::create(vaultDir(), kTerminal, test::fastKdf());
        vault->addUserSlot(QStringLiteral("NS00000001"), test::pw("Kango-001!x"), test::simulatedCard("card"), QStringLiteral("test"));
        vault->patients().upsert(test::patient(kPatientId, kPatientName, QStringLiteral("さとう はなこ")));
        const RecordVersion r = test::record(kPatientId, QByteArrayLiteral("夜間良眠"));
        vault->records().appendAll({r});
        PushQueue(vault->database()).enqueue(r.recordId, r.version);
        vault->audit().append(QStringLiteral("NS00000001"), QStringLiteral("patient.view"), kPatientId, kPatientName, QStringLiteral("success"));
        m_key = vault->key();
        // The terminal's certificate runs out in 10 days: a warning, not yet a problem.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_ca = std::make_unique<CertificateAuthority>(CertificateAuthority::create(QStringLiteral("Hub CA"), 3650, now));
        CertificateAuthority& ca = *m_ca;
        m_hubCa = ca.certificate().toPem();
        m_terminalCert = ca.issueWithNewKey(CertificateProfile::TerminalClient, kTerminal, 10, now).second.toPem();
    }

    void pageShowsEveryCheckAndCopiesAReportWithoutPatientData()
    {
        TerminalDiagnostics diagnostics;
        DiagnosticsPage page(diagnostics, [this] { return setup(); }, nullptr);
        page.resize(900, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasReport(), 20000);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("diagnosticsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 16);
        // Issue 14: no acknowledgement from a hub yet.
        QCOMPARE(page.report().find(QStringLiteral("sync.auditAcknowledgement"))->level, DiagnosticReport::Level::Warning);
        QCOMPARE(page.report().find(QStringLiteral("vault.integrity"))->level, DiagnosticReport::Level::Ok);
        QCOMPARE(page.report().find(QStringLiteral("vault.auditChain"))->level, DiagnosticReport::Level::Ok);
        QCOMPARE(cell(table, QStringLiteral("sync.unsentRecords"), 2), QStringLiteral("1"));
        QCOMPARE(page.report().find(QStringLiteral("sync.unsentRecords"))->level, DiagnosticReport::Level::Warning);
        // Nothing was ever acknowledged by a hub: the whole chain is unsent.
        QVERIFY(cell(table, QStringLiteral("sync.unsentAudit"), 2).toInt() >= 2);
        QCOMPARE(page.report().find(QStringLiteral("tls.terminal"))->level, DiagnosticReport::Level::Warning);
        QCOMPARE(page.report().find(QStringLiteral("tls.hubCa"))->level, DiagnosticReport::Level::Ok);
        QCOMPARE(page.report().find(QStringLiteral("hub.reachability"))->level, DiagnosticReport::Level::Unavailable);
        QCOMPARE(cell(table, QStringLiteral("version.program"), 2), QStringLiteral("9.8.7"));
        QCOMPARE(page.report().find(QStringLiteral("version.schema"))->level, DiagnosticReport::Level::Ok);
        // The local time source is reported as what it is: chrony or timedatectl when one answers, else not available.
        const DiagnosticReport::Check* time = page.report().find(QStringLiteral("time.source"));
        QVERIFY(time);
        if (time->level == DiagnosticReport::Level::Unavailable)
            QVERIFY(time->value.contains(QLatin1String("chronyc")) && time->value.contains(QLatin1String("timedatectl")));

        QApplication::clipboard()->clear();
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("copyReportButton")), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.contains(kTerminal));
        QVERIFY(copied.contains(QStringLiteral("9.8.7")));
        QCOMPARE(copied.count(QLatin1Char('\n')), 16 + 4);
        QVERIFY2(!copied.contains(kPatientName) && !copied.contains(QStringLiteral("佐藤")), qPrintable(copied));
        QVERIFY2(!copied.contains(kPatientId), qPrintable(copied));
        QVERIFY(!copied.contains(QStringLiteral("NS00000001")));
    }

    // Issue 14: the hub's signed acknowledgement kept in the vault is shown (up to which entry, when), verified again
    // against the pinned hub CA; one made by another hub is a problem.
    void acknowledgementKeptInTheVaultIsVerifiedAndShown()
    {
        QTemporaryDir copy;
        for (const QString& f : QDir(vaultDir()).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(vaultDir()).filePath(f), copy.filePath(f)));
        auto acknowledged = [&](CertificateAuthority& signer) {
            auto vault = Vault::openWithKey(copy.path(), kTerminal, m_key);
            const AuditEntry head = vault->audit().entries(vault->audit().headSeq(), 1).first();
            auto [key, cert] = signer.issueWithNewKey(CertificateProfile::StaffSigning, QString::fromLatin1(AuditAcknowledgement::kSignerName),
                                                      30, QDateTime::currentDateTimeUtc());
            AuditAcknowledgement ack = AuditAcknowledgement::make(kTerminal, head.seq, head.hash, QDateTime::currentDateTimeUtc());
            ack.sign(cert, key);
            HubReplica(vault->database()).setAuditAcknowledgement(ack);
            return head.seq;
        };
        auto check = [&](DiagnosticReport::Level* level, QString* text) {
            TerminalDiagnostics diagnostics;
            DiagnosticsPage page(diagnostics, [&] {
                TerminalDiagnostics::Setup s = setup();
                s.vaultDir = copy.path();
                return s;
            }, nullptr);
            if (!QTest::qWaitFor([&] { return page.hasReport(); }, 20000))
                return false;
            const DiagnosticReport::Check* c = page.report().find(QStringLiteral("sync.auditAcknowledgement"));
            if (!c)
                return false;
            *level = c->level;
            *text = cell(page.findChild<QTableWidget*>(QStringLiteral("diagnosticsTable")), QStringLiteral("sync.auditAcknowledgement"), 2);
            return true;
        };
        const qint64 seq = acknowledged(*m_ca);
        DiagnosticReport::Level level{};
        QString text;
        QVERIFY(check(&level, &text));
        QCOMPARE(level, DiagnosticReport::Level::Ok);
        QVERIFY2(text.contains(QString::number(seq)), qPrintable(text));

        CertificateAuthority otherHub = CertificateAuthority::create(QStringLiteral("Hub CA"), 30, QDateTime::currentDateTimeUtc());
        acknowledged(otherHub);
        QVERIFY(check(&level, &text));
        QCOMPARE(level, DiagnosticReport::Level::Problem);
        QVERIFY2(!text.isEmpty(), qPrintable(text));
    }

    void unreachableHubAndDamagedVaultAreProblems()
    {
        // A hub that does not listen.
        const CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("Other"), 30, QDateTime::currentDateTimeUtc());
        HubClient hub(QUrl(QStringLiteral("https://127.0.0.1:1")), ca.certificate());
        hub.setTimeoutMs(5000);
        // A copy of the vault with one page flipped.
        QTemporaryDir copy;
        for (const QString& f : QDir(vaultDir()).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(vaultDir()).filePath(f), copy.filePath(f)));
        QFile db(Vault::databasePath(copy.path()));
        QVERIFY(db.open(QIODevice::ReadWrite));
        db.seek(db.size() - 500);
        const QByteArray original = db.read(16);
        db.seek(db.size() - 500);
        QByteArray flipped = original;
        for (char& c : flipped)
            c = static_cast<char>(~c);
        db.write(flipped);
        db.close();

        TerminalDiagnostics diagnostics;
        DiagnosticsPage page(diagnostics, [&] {
            TerminalDiagnostics::Setup s = setup(&hub);
            s.vaultDir = copy.path();
            return s;
        }, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(page.hasReport(), 30000);
        QCOMPARE(page.report().find(QStringLiteral("hub.reachability"))->level, DiagnosticReport::Level::Problem);
        QCOMPARE(page.report().find(QStringLiteral("hub.clockSkew"))->level, DiagnosticReport::Level::Unavailable);
        QCOMPARE(page.report().find(QStringLiteral("vault.integrity"))->level, DiagnosticReport::Level::Problem);
        QVERIFY(page.report().hasProblems());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("diagnosticsStatus"))->text().contains(QLatin1String("problem")));
    }

    void wipeIsRefusedWithCountsUntilTheLossIsConfirmedWithAReason()
    {
        ScriptedWipe handler;
        handler.left = {2, 5};
        handler.hubError = QStringLiteral("the hub is not reachable");
        TerminalDiagnostics diagnostics;
        DiagnosticsPage page(diagnostics, [this] { return setup(); }, &handler);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasReport(), 20000);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("wipeTerminalButton")), Qt::LeftButton);
        WipeDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<WipeDialog*>()) != nullptr);
        QTRY_VERIFY(dialog->isReady());
        const QString summary = dialog->findChild<QLabel*>(QStringLiteral("unsentSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("2 record")) && summary.contains(QLatin1String("5 audit")), qPrintable(summary));
        auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("wipePasswordEdit"));
        auto* wipe = dialog->findChild<QPushButton*>(QStringLiteral("confirmWipeButton"));
        auto* confirm = dialog->findChild<QCheckBox*>(QStringLiteral("confirmLossCheck"));
        auto* reason = dialog->findChild<QPlainTextEdit*>(QStringLiteral("lossReasonEdit"));
        QVERIFY(confirm->isVisible());
        QTest::keyClicks(password, QStringLiteral("Joho-Kanri-01!"));
        QVERIFY(!wipe->isEnabled());  // refused: the loss is not confirmed
        confirm->setChecked(true);
        QVERIFY(!wipe->isEnabled());  // still refused: no reason
        reason->setPlainText(QStringLiteral("基板故障のため送信不可"));
        QVERIFY(wipe->isEnabled());

        // A wrong password wipes nothing.
        QTest::mouseClick(wipe, Qt::LeftButton);
        QTRY_COMPARE(dialog->findChild<QLabel*>(QStringLiteral("wipeMessage"))->text(), QStringLiteral("wrong password"));
        QCOMPARE(handler.typedPassword, QStringLiteral("Joho-Kanri-01!"));
        QCOMPARE(handler.wipes, 0);
        QVERIFY(password->text().isEmpty());

        handler.passwordOk = true;
        QTest::keyClicks(password, QStringLiteral("Joho-Kanri-01!"));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_COMPARE(handler.wipes, 1);
        QCOMPARE(handler.wipeReason, QStringLiteral("基板故障のため送信不可"));
        QCOMPARE(handler.wipeLost.records, qint64(2));
        QCOMPARE(handler.wipeLost.auditEntries, qint64(5));
    }

    void nothingUnsentNeedsOnlyThePassword()
    {
        ScriptedWipe handler;
        handler.passwordOk = true;
        WipeDialog dialog(handler);
        dialog.show();
        QTRY_VERIFY(dialog.isReady());
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("confirmLossCheck"))->isVisible());
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("wipePasswordEdit"));
        QTest::keyClicks(password, QStringLiteral("Joho-Kanri-01!"));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("confirmWipeButton"))->isEnabled());
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_COMPARE(handler.wipes, 1);
        QVERIFY(!handler.wipeLost.any());
    }
};

QTEST_MAIN(TestDiagnosticsPage)
#include "TestDiagnosticsPage.moc"
