// The wipe's password confirmation (issue 13, DATA-5) counts like a login (AUTH-5): the real WipeDialog and
// TerminalWipe on a real vault, against wardhub as a real process over loopback mutual TLS. Wrong passwords lock the
// IT person's account at the hub, each refusal says so in words, nothing is wiped, and both ends audit it.

#include "HubProcess.h"
#include "ReceptionTestKit.h"
#include "TerminalWipe.h"
#include "VaultTestSupport.h"

#include "auth/PasswordPolicy.h"
#include "crypto/Certificate.h"
#include "sync/HubClient.h"
#include "ui/it/WipeDialog.h"
#include "audit/AuditLog.h"
#include "vault/Vault.h"

#include <QCheckBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

class TestWipeConfirmation : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_client;
    QString m_thisTerminal;
    QString m_clerkToken;
    QString m_itToken;
    std::shared_ptr<KeyPair> m_itCard;
    QTemporaryDir m_dir;

    static const QString& itStaff()
    {
        static const QString id = QStringLiteral("ITSTAFF002");
        return id;
    }
    static const QString& itPassword()
    {
        static const QString password = QStringLiteral("Jouhou-Jiro-22!");
        return password;
    }

    QString vaultDir() const { return m_dir.filePath(QStringLiteral("vault")); }

    // Types `password` into the dialog and answers with the message it shows once the check is done.
    static QString confirmWith(WipeDialog& dialog, const QString& password)
    {
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("wipePasswordEdit"));
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("confirmWipeButton"));
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("wipeMessage"));
        QTest::keyClicks(edit, password);
        if (!button->isEnabled())
            return QStringLiteral("(the wipe button stayed disabled)");
        QTest::mouseClick(button, Qt::LeftButton);
        const QString checking = WipeDialog::tr("Checking your password…");
        if (!QTest::qWaitFor([&] { return message->text() != checking || !dialog.isVisible(); }, 20000))
            return QStringLiteral("(no answer in 20 s)");
        return message->text();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_hub = std::make_unique<HubProcess>(QStringLiteral("wipe_confirmation"));
        QVERIFY(ReceptionTestKit::startHubWithClerk(*m_hub, QStringLiteral("RECEPTION1"), &m_client, &m_clerkToken, &m_thisTerminal));
        // IT is privileged (AUTH-10): fewer attempts before the lock.
        const QString temporary = m_hub->addStaff(itStaff(), QStringLiteral("情報 次郎"), QStringLiteral("it"), QStringLiteral("W3"), true);
        QVERIFY(!temporary.isEmpty());
        m_itCard = ReceptionTestKit::bindCardKey(*m_hub, itStaff());
        QVERIFY(m_itCard);
        m_itToken = ReceptionTestKit::firstLogin(*m_client, itStaff(), *m_itCard, temporary, itPassword());
        QVERIFY(!m_itToken.isEmpty());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_hub)
            m_hub->stop();
    }

    // One wrong password is refused in words; the right one then confirms and the wipe goes ahead (the success ends
    // the run of failures, as a login does).
    void theRightPasswordConfirmsTheWipe()
    {
        const QString dir = m_dir.filePath(QStringLiteral("first"));
        auto vault = Vault::create(dir, m_thisTerminal, test::fastKdf());
        int wipes = 0;
        QString reason;
        TerminalWipe::Session session{dir, m_thisTerminal, itStaff(), vault.get(), nullptr, nullptr, m_client.get(),
                                      test::fastKdf(), [this] { return m_itToken; }};
        TerminalWipe wipe(session, [&](const QString& why, const TerminalDisposal::Unsent&) {
            ++wipes;
            reason = why;
        });
        WipeDialog dialog(wipe);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isReady(), 20000);
        dialog.findChild<QCheckBox*>(QStringLiteral("confirmLossCheck"))->setChecked(true);
        QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(QStringLiteral("lossReasonEdit")), QStringLiteral("test PC retired"));
        QCOMPARE(confirmWith(dialog, QStringLiteral("Not-My-Password-1!")),
                 TerminalWipe::tr("The password is not correct. Nothing was wiped. Wrong passwords count toward locking your "
                                  "account, as at login."));
        QCOMPARE(wipes, 0);
        QTest::qWait(PasswordPolicy().nonResponseDelayMs(1) + 300);
        confirmWith(dialog, itPassword());
        QTRY_COMPARE_WITH_TIMEOUT(wipes, 1, 20000);
        QCOMPARE(reason, QStringLiteral("test PC retired"));
        QByteArray hubAudit;
        QVERIFY(m_hub->admin({QStringLiteral("audit"), QStringLiteral("list")}, &hubAudit));
        QCOMPARE(int(hubAudit.count("terminal.wipe.confirm")), 2);
        QVERIFY(hubAudit.contains("confirmed"));
    }

    void wrongPasswordsLockTheAccountAndNothingIsWiped()
    {
        auto vault = Vault::create(vaultDir(), m_thisTerminal, test::fastKdf());
        vault->addUserSlot(itStaff(), test::pw("Jouhou-Jiro-22!"), test::simulatedCard("it"), QStringLiteral("test"));
        int wipes = 0;
        TerminalWipe::Session session{vaultDir(), m_thisTerminal, itStaff(), vault.get(), nullptr, nullptr, m_client.get(),
                                      test::fastKdf(), [this] { return m_itToken; }};
        TerminalWipe wipe(session, [&](const QString&, const TerminalDisposal::Unsent&) { ++wipes; });
        WipeDialog dialog(wipe);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isReady(), 20000);
        // This vault's audit chain was never shipped (no sync here): the loss is confirmed with a reason, so only the
        // password stands between IT and the wipe.
        auto* lossCheck = dialog.findChild<QCheckBox*>(QStringLiteral("confirmLossCheck"));
        QVERIFY(lossCheck->isVisible());
        lossCheck->setChecked(true);
        QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(QStringLiteral("lossReasonEdit")), QStringLiteral("test PC retired"));

        QByteArray audited;
        QVERIFY(m_hub->admin({QStringLiteral("audit"), QStringLiteral("list")}, &audited));
        const int confirmationsBefore = int(audited.count("terminal.wipe.confirm"));
        const PasswordPolicy policy;
        const int threshold = policy.privilegedLockoutThreshold;
        QVERIFY(threshold >= 2);
        const QString wrong = TerminalWipe::tr("The password is not correct. Nothing was wiped. Wrong passwords count toward "
                                               "locking your account, as at login.");
        const QString locked = TerminalWipe::tr("Your account is locked after too many wrong passwords. Nothing was wiped. "
                                                "Another administrator must unlock the account before anyone can wipe with it.");
        for (int attempt = 1; attempt < threshold; ++attempt) {
            QCOMPARE(confirmWith(dialog, QStringLiteral("Wrong-Guess-%1!").arg(attempt)), wrong);
            // AUTH-5 不応時間: the hub answers the next attempt only after the non-response delay.
            QTest::qWait(policy.nonResponseDelayMs(attempt) + 300);
        }
        // The threshold-th wrong password locks the account.
        QCOMPARE(confirmWith(dialog, QStringLiteral("Wrong-Guess-last!")), locked);
        QTest::qWait(policy.nonResponseDelayMs(threshold) + 300);
        // Now even the right password is refused, and so is a login: one counter for both.
        QCOMPARE(confirmWith(dialog, itPassword()), locked);
        QVERIFY(ReceptionTestKit::login(*m_client, itStaff(), *m_itCard, itPassword()).isEmpty());
        QVERIFY(dialog.isVisible());

        // Nothing was wiped: no wipe asked, the vault opens, its files are there.
        QCOMPARE(wipes, 0);
        QVERIFY(Vault::exists(vaultDir()));
        QVERIFY(Vault::openWithKey(vaultDir(), m_thisTerminal, vault->key()));

        // Audited at both ends: each confirmation on the terminal, the lock and each confirmation at the hub.
        int refusedHere = 0;
        for (const AuditEntry& e : vault->audit().entries())
            if (e.action == QLatin1String("terminal.wipe.confirm") && e.outcome == QLatin1String("failure"))
                ++refusedHere;
        QCOMPARE(refusedHere, threshold + 1);
        QByteArray hubAudit;
        QVERIFY(m_hub->admin({QStringLiteral("audit"), QStringLiteral("list")}, &hubAudit));
        QCOMPARE(int(hubAudit.count("terminal.wipe.confirm")), confirmationsBefore + threshold + 1);
        QVERIFY2(hubAudit.contains("user.locked"), hubAudit.constData());
        QVERIFY(hubAudit.contains("login_failed"));
        QVERIFY(hubAudit.contains("account_locked"));
    }
};

QTEST_MAIN(TestWipeConfirmation)
#include "TestWipeConfirmation.moc"
