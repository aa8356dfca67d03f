// The card layer on the real PC/SC stack: pcscd + vsmartcard vpcd + the wardvcard test card, plus OpenSC
// as an independent reader of the same card.

#include "PcscFixture.h"
#include "VirtualCard.h"
#include "VirtualCardProcess.h"
#include "card/CardAuthenticator.h"
#include "card/CardSession.h"
#include "card/PivCard.h"
#include "card/PivCertificate.h"
#include "card/ReaderMonitor.h"
#include "session/LoginController.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "util/Clock.h"

#include <PCSC/winscard.h>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace ward;

namespace {

const QString kReader0 = QStringLiteral("Virtual PCD 00 00");
const QString kReader1 = QStringLiteral("Virtual PCD 00 01");

QByteArray certDer(const QString& pemPath)
{
    QFile f(pemPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = f.readAll();
    BIO* b = BIO_new_mem_buf(pem.constData(), pem.size());
    X509* cert = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
    BIO_free(b);
    if (!cert)
        return {};
    const int n = i2d_X509(cert, nullptr);
    QByteArray der(n, '\0');
    unsigned char* w = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509(cert, &w);
    X509_free(cert);
    return der;
}

qint64 steadyUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

class TestCardIntegration : public QObject
{
    Q_OBJECT

    PcscFixture m_pcscd;
    QTemporaryDir m_dir;
    QString m_alice;
    QString m_bob;

    QStringList cardArgs(const QString& dir, const QStringList& extra = {}) const
    {
        return QStringList{QStringLiteral("--card"), dir} + extra;
    }

    QByteArray expectedAtr(VirtualCard::Mode mode) const
    {
        VirtualCard::Config c;
        c.mode = VirtualCard::Mode::Uid;
        c.uid = QByteArray::fromHex("0102030405060708");
        QString error;
        auto vc = VirtualCard::create(c, &error);
        if (mode == VirtualCard::Mode::Uid)
            return vc->atr();
        QFile k(m_alice + QStringLiteral("/key.pem"));
        QFile p(m_alice + QStringLiteral("/cert.pem"));
        k.open(QIODevice::ReadOnly);
        p.open(QIODevice::ReadOnly);
        c.mode = VirtualCard::Mode::Piv;
        c.keyPem = k.readAll();
        c.certificatePem = p.readAll();
        return VirtualCard::create(c, &error)->atr();
    }

    // Removes a card and waits until pcscd has noticed, so the next test starts with an empty reader.
    void pull(VirtualCardProcess& card, const QString& reader = kReader0)
    {
        QVERIFY(card.stop());
        QVERIFY(PcscFixture::waitForCard(reader, false, 5000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!VirtualCardProcess::executable().isEmpty(), "WARDVCARD is not set");
        QString error;
        QVERIFY2(m_pcscd.start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        m_alice = m_dir.filePath(QStringLiteral("alice"));
        m_bob = m_dir.filePath(QStringLiteral("bob"));
        QVERIFY2(VirtualCardProcess::makeCard(m_alice, QStringLiteral("ALICE00001"), &error), qPrintable(error));
        QVERIFY2(VirtualCardProcess::makeCard(m_bob, QStringLiteral("BOB0000002"), &error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, false, 5000));
    }

    void cleanup()
    {
        // Every test leaves both readers empty as pcscd sees them, so the next one cannot meet a stale card.
        QVERIFY(!m_pcscd.isRunning() || PcscFixture::waitForCard(kReader0, false, 5000));
        QVERIFY(!m_pcscd.isRunning() || PcscFixture::waitForCard(kReader1, false, 5000));
    }

    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(m_pcscd.stop(&error), qPrintable(error));
    }

    void readerListShowsVirtualReaders()
    {
        ReaderMonitor monitor;
        QSignalSpy available(&monitor, &ReaderMonitor::serviceAvailable);
        QSignalSpy readers(&monitor, &ReaderMonitor::readersChanged);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(available.count() == 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().contains(kReader1), 5000);
        QVERIFY(monitor.readers().contains(kReader0));
        QVERIFY(readers.count() >= 1);
        QVERIFY(readers.last().at(0).toStringList().contains(kReader0));
        QVERIFY(monitor.isServiceAvailable());
        QVERIFY(monitor.presentCards().isEmpty());
    }

    void insertAndRemoveAreReported()
    {
        ReaderMonitor monitor;
        QSignalSpy inserted(&monitor, &ReaderMonitor::cardInserted);
        QSignalSpy removed(&monitor, &ReaderMonitor::cardRemoved);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().contains(kReader0), 5000);
        QCOMPARE(inserted.count(), 0);

        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QElapsedTimer detect;
        detect.start();
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == 1, 5000);
        qInfo("insertion seen by ReaderMonitor %lld ms after the card connected (vpcd polling)", detect.elapsed());
        QCOMPARE(inserted.at(0).at(0).toString(), kReader0);
        QCOMPARE(inserted.at(0).at(1).toByteArray().toHex(), expectedAtr(VirtualCard::Mode::Piv).toHex());
        QCOMPARE(monitor.presentCards().value(kReader0), expectedAtr(VirtualCard::Mode::Piv));

        // Connecting to the card (another application's traffic) is not a removal or insertion.
        QVERIFY(CardAuthenticator::identifyBlocking(kReader0).ok);
        QTest::qWait(300);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 0);

        detect.restart();
        QVERIFY(card.stop());
        QTRY_VERIFY_WITH_TIMEOUT(removed.count() == 1, 5000);
        qInfo("removal seen %lld ms after the card disconnected", detect.elapsed());
        QCOMPARE(removed.at(0).at(0).toString(), kReader0);
        QVERIFY(monitor.presentCards().isEmpty());
        QCOMPARE(inserted.count(), 1);
    }

    void removeAndReinsertOnCommand()
    {
        ReaderMonitor monitor;
        QSignalSpy inserted(&monitor, &ReaderMonitor::cardInserted);
        QSignalSpy removed(&monitor, &ReaderMonitor::cardRemoved);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().contains(kReader0), 5000);
        VirtualCardProcess card(cardArgs(m_alice, {QStringLiteral("--on-command"), QStringLiteral("--start-removed")}));
        QString error;
        QVERIFY2(card.start(&error, false), qPrintable(error));
        QTest::qWait(300);
        QCOMPARE(inserted.count(), 0);
        for (int round = 1; round <= 3; ++round) {
            card.command("insert");
            QVERIFY(card.waitForEvent("inserted"));
            QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == round, 5000);
            QVERIFY(CardAuthenticator::identifyBlocking(kReader0).ok);
            card.command("remove");
            QVERIFY(card.waitForEvent("removed"));
            QTRY_VERIFY_WITH_TIMEOUT(removed.count() == round, 5000);
        }
        // A swap faster than pcscd's vpcd polling: remove and insert back to back.
        card.command("insert");
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == 4, 5000);
        card.command("remove");
        card.command("insert");
        QVERIFY(card.waitForEvent("inserted"));
        QTest::qWait(1500);
        qInfo("fast swap: %lld removals, %lld insertions reported", removed.count() - 3LL, inserted.count() - 4LL);
        card.command("quit");
    }

    void cardAlreadyPresentAtStartIsReported()
    {
        VirtualCardProcess card(cardArgs(m_alice, {QStringLiteral("--reader"), QStringLiteral("1")}));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader1, true, 5000));
        ReaderMonitor monitor;
        QSignalSpy inserted(&monitor, &ReaderMonitor::cardInserted);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == 1, 5000);
        QCOMPARE(inserted.at(0).at(0).toString(), kReader1);
        pull(card, kReader1);
    }

    void pivIdentifyVerifiesSignature()
    {
        ReaderMonitor monitor;
        CardAuthenticator auth;
        std::atomic<qint64> presentAtUs{0};
        // Direct connection: runs in the watcher thread right after SCardGetStatusChange returned "present".
        connect(&monitor, &ReaderMonitor::cardInserted, this, [&](const QString&, const QByteArray&) {
            presentAtUs = steadyUs();
        }, Qt::DirectConnection);
        // Also direct (identify() only queues work on the authenticator's own thread), so the figure below is
        // the card layer's latency, not this test's event-loop polling.
        connect(&monitor, &ReaderMonitor::cardInserted, &auth, [&](const QString& reader, const QByteArray&) {
            auth.identify(reader);
        }, Qt::DirectConnection);
        std::atomic<qint64> doneAtUs{0};
        connect(&auth, &CardAuthenticator::identified, this, [&](const QString&, const CardAuthenticator::Result&) {
            doneAtUs = steadyUs();
        }, Qt::DirectConnection);
        CardAuthenticator::Result result;
        bool delivered = false;
        // The queued delivery goes to a receiver that dies with the locals it writes to.
        QObject receiver;
        connect(&auth, &CardAuthenticator::identified, &receiver, [&](const QString&, const CardAuthenticator::Result& r) {
            // Queued to this (the "UI") thread, as the login screen will receive it.
            QVERIFY(QThread::currentThread() == thread());
            result = r;
            delivered = true;
        });
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().contains(kReader0), 5000);

        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(delivered, 5000);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.identity.kind, CardIdentity::Kind::Piv);
        QCOMPARE(result.identity.certificateDer, certDer(m_alice + QStringLiteral("/cert.pem")));
        QCOMPARE(result.identity.subjectCommonName, QStringLiteral("ALICE00001"));
        QCOMPARE(result.identity.cardSecret, Digest::sha256(result.identity.publicKeyDer));
        QCOMPARE(result.identity.publicKeyDer,
                 PivCertificate::fromDer(result.identity.certificateDer).value.publicKeyDer());
        qInfo("measured: card present -> identified %.2f ms (identify itself %lld ms; budget for card->prompt is 150 ms)",
              (doneAtUs.load() - presentAtUs.load()) / 1000.0, result.elapsedMs);

        // Repeat to see the steady-state cost of one identification.
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 20; ++i)
            QVERIFY(CardAuthenticator::identifyBlocking(kReader0).ok);
        qInfo("measured: mean identify %.2f ms over 20 runs", t.elapsed() / 20.0);
        pull(card);
    }

    void mismatchedKeyIsRefused()
    {
        // Alice's certificate on a card that holds Bob's key: a copied certificate must not log in.
        VirtualCardProcess card({QStringLiteral("--cert"), m_alice + QStringLiteral("/cert.pem"), QStringLiteral("--key"),
                                 m_bob + QStringLiteral("/key.pem"), QStringLiteral("--uid"), QStringLiteral("012e000000000001")});
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        const auto r = CardAuthenticator::identifyBlocking(kReader0);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, CardError::SignatureInvalid);
        QVERIFY(!r.identity.isValid());
        QVERIFY(r.identity.uid.isEmpty());  // no downgrade to a UID badge
        QVERIFY(r.message.contains(QStringLiteral("signature does not match")));
        pull(card);
    }

    void uidBadgeReturnsUid()
    {
        VirtualCardProcess card(cardArgs(m_alice, {QStringLiteral("--mode"), QStringLiteral("uid"), QStringLiteral("--uid"),
                                                    QStringLiteral("012e4cd2a1b3c4d5")}));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        const auto r = CardAuthenticator::identifyBlocking(kReader0);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.identity.kind, CardIdentity::Kind::Uid);
        QCOMPARE(r.identity.uid.toHex(), QByteArray("012e4cd2a1b3c4d5"));
        QVERIFY(r.identity.certificateDer.isEmpty());
        QVERIFY(r.identity.cardSecret.isEmpty());
        pull(card);
    }

    void cardPulledBetweenApdus_data()
    {
        QTest::addColumn<int>("after");
        QTest::newRow("after SELECT") << 1;
        QTest::newRow("after GET DATA") << 2;
        QTest::newRow("after GET RESPONSE") << 3;
    }

    void cardPulledBetweenApdus()
    {
        QFETCH(int, after);
        VirtualCardProcess card(cardArgs(m_alice, {QStringLiteral("--pull-after-apdus"), QString::number(after)}));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        const auto r = CardAuthenticator::identifyBlocking(kReader0);
        QVERIFY(card.waitForEvent("pulled", 3000));
        QVERIFY(!r.ok);
        QVERIFY2(r.error == CardError::CardRemoved, CardErrors::code(r.error));
        QVERIFY(!r.identity.isValid());
        QVERIFY(PcscFixture::waitForCard(kReader0, false, 5000));
        // And the next identification of the (now absent) card says so plainly.
        QCOMPARE(CardAuthenticator::identifyBlocking(kReader0).error, CardError::NoCard);
        card.stop();
    }

    // Attack (issue 10, item 4): a hostile card answers GET DATA and every GET RESPONSE with `61 00` and no
    // data, forever. It used to hold the card thread for good (no later card was ever read). Now the login
    // fails with a clear card error within a bounded time, and the next card is read normally.
    void hostileCardCannotHangTheCardThread()
    {
        ReaderMonitor monitor;
        CardAuthenticator auth;
        LoginController login(nullptr, nullptr, LoginController::Config());
        login.attachCardStack(&monitor, &auth);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.readers().contains(kReader0), 5000);

        VirtualCardProcess hostile(cardArgs(m_alice, {QStringLiteral("--misbehave"), QStringLiteral("endless-61")}));
        QString error;
        QVERIFY2(hostile.start(&error), qPrintable(error));
        QElapsedTimer t;
        t.start();  // the card is connected to vpcd; pcscd reports it within its poll (~0.5 s)
        QTRY_COMPARE_WITH_TIMEOUT(login.message(), CardErrors::message(CardError::ProtocolViolation), 5000);
        qInfo("measured: hostile card inserted -> refused after %lld ms", t.elapsed());
        QVERIFY(t.elapsed() < 3000);
        QCOMPARE(login.state(), LoginController::State::WaitingForCard);
        QVERIFY(login.isErrorMessage());
        const auto direct = CardAuthenticator::identifyBlocking(kReader0);
        QCOMPARE(direct.error, CardError::ProtocolViolation);

        // The card thread is free: Bob's card in the other reader logs in as usual.
        VirtualCardProcess good(cardArgs(m_bob, {QStringLiteral("--reader"), QStringLiteral("1")}));
        QVERIFY2(good.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), LoginController::State::PasswordEntry, 5000);
        QCOMPARE(login.userId(), QStringLiteral("BOB0000002"));
        pull(good, kReader1);
        pull(hostile);
        monitor.stop();
    }

    // Issue 10, item 3: the card's key management key (9D) computes ECDH for the key slot through GENERAL
    // AUTHENTICATE. The card's answer equals ECDH with its 9D key computed in software, is the same for the
    // same point (the slot reopens), and differs between cards and between points.
    void keyManagementKeyAgreesOnTheCard()
    {
        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        QFile kmFile(m_alice + QStringLiteral("/km-key.pem"));
        QVERIFY(kmFile.open(QIODevice::ReadOnly));
        const auto km = KeyPair::fromPrivatePem(SecureBytes::fromQByteArray(kmFile.readAll()));
        QVERIFY(km);
        const QByteArray point = KeyPair::generateP256().publicPoint();
        const CardKeyAgreement onCard = CardAuthenticator::keyAgreementIn(kReader0);
        const SecureBytes secret = onCard.agree(point);
        QCOMPARE(secret.size(), std::size_t(32));
        QVERIFY(secret.equals(km->agree(point)));
        QVERIFY(onCard.agree(point).equals(secret));
        QVERIFY(!onCard.agree(KeyPair::generateP256().publicPoint()).equals(secret));
        // A point off the curve is refused by the card: no secret.
        QByteArray offCurve = point;
        offCurve[64] = static_cast<char>(offCurve[64] ^ 0x01);
        QVERIFY(onCard.agree(offCurve).isEmpty());
        pull(card);

        VirtualCardProcess bob(cardArgs(m_bob));
        QVERIFY2(bob.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        const SecureBytes bobSecret = CardAuthenticator::keyAgreementIn(kReader0).agree(point);
        QCOMPARE(bobSecret.size(), std::size_t(32));
        QVERIFY(!bobSecret.equals(secret));
        pull(bob);
        // No card in the reader: nothing.
        QVERIFY(CardAuthenticator::keyAgreementIn(kReader0).agree(point).isEmpty());
    }

    void noCardAndUnknownReader()
    {
        QCOMPARE(CardAuthenticator::identifyBlocking(kReader1).error, CardError::NoCard);
        QCOMPARE(CardAuthenticator::identifyBlocking(QStringLiteral("No Such Reader 00 00")).error,
                 CardError::ReaderUnavailable);
    }

    void resetByAnotherApplicationIsRetriedOnce()
    {
        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));
        CardSession session;
        QCOMPARE(session.open(kReader0), CardError::None);

        // Another application resets the card under our handle.
        SCARDCONTEXT ctx = 0;
        QCOMPARE(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx), SCARD_S_SUCCESS);
        SCARDHANDLE other = 0;
        DWORD proto = 0;
        QCOMPARE(SCardConnect(ctx, kReader0.toUtf8().constData(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                              &other, &proto),
                 SCARD_S_SUCCESS);
        QCOMPARE(SCardReconnect(other, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_RESET_CARD, &proto),
                 SCARD_S_SUCCESS);
        SCardDisconnect(other, SCARD_LEAVE_CARD);
        SCardReleaseContext(ctx);

        CardIdentity id;
        const CardError e = session.runTransaction([&] {
            const auto r = PivCard(session).authenticate();
            id = r.value;
            return r.error;
        });
        QVERIFY2(e == CardError::None, CardErrors::code(e));
        QCOMPARE(session.resetRetries(), 1);
        QCOMPARE(id.kind, CardIdentity::Kind::Piv);
        session.close();
        pull(card);
    }

    void heartbeatAdvancesAndStopIsPrompt()
    {
        ReaderMonitor monitor;
        monitor.setHeartbeatIntervalMs(200);
        QSignalSpy available(&monitor, &ReaderMonitor::serviceAvailable);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(available.count() == 1, 5000);
        const qint64 before = monitor.lastAliveMs();
        QTest::qWait(700);
        QVERIFY(monitor.lastAliveMs() - before >= 400);
        QVERIFY(Clock::instance().monotonicMs() - monitor.lastAliveMs() < 600);

        ReaderMonitor slow;
        slow.setHeartbeatIntervalMs(30000);
        QSignalSpy slowAvailable(&slow, &ReaderMonitor::serviceAvailable);
        slow.start();
        QTRY_VERIFY_WITH_TIMEOUT(slowAvailable.count() == 1, 5000);
        QTest::qWait(100);  // let it settle inside SCardGetStatusChange
        QElapsedTimer t;
        t.start();
        slow.stop();
        qInfo("ReaderMonitor::stop() took %lld ms with a 30 s wait in progress", t.elapsed());
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(!slow.isRunning());
    }

    void pcscdRestartIsSurvived()
    {
        ReaderMonitor monitor;
        QSignalSpy available(&monitor, &ReaderMonitor::serviceAvailable);
        QSignalSpy unavailable(&monitor, &ReaderMonitor::serviceUnavailable);
        QSignalSpy inserted(&monitor, &ReaderMonitor::cardInserted);
        QSignalSpy removed(&monitor, &ReaderMonitor::cardRemoved);
        monitor.start();
        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == 1, 5000);
        QCOMPARE(available.count(), 1);

        QElapsedTimer t;
        t.start();
        QVERIFY2(m_pcscd.stop(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(unavailable.count() == 1, 5000);
        qInfo("serviceUnavailable %lld ms after pcscd stopped", t.elapsed());
        QCOMPARE(removed.count(), 1);  // fail closed: a card we can no longer see counts as removed
        QVERIFY(!monitor.isServiceAvailable());
        QVERIFY(monitor.presentCards().isEmpty());
        QCOMPARE(CardAuthenticator::identifyBlocking(kReader0).error, CardError::ServiceUnavailable);
        const qint64 aliveDuringOutage = monitor.lastAliveMs();
        // A monitor started while pcscd is absent reports that, and recovers like the first one.
        ReaderMonitor late;
        QSignalSpy lateAvailable(&late, &ReaderMonitor::serviceAvailable);
        QSignalSpy lateUnavailable(&late, &ReaderMonitor::serviceUnavailable);
        QSignalSpy lateInserted(&late, &ReaderMonitor::cardInserted);
        late.start();
        QTRY_VERIFY_WITH_TIMEOUT(lateUnavailable.count() == 1, 5000);
        QCOMPARE(lateAvailable.count(), 0);
        QTest::qWait(1500);
        QVERIFY(monitor.lastAliveMs() > aliveDuringOutage);  // still retrying, not stuck
        QCOMPARE(unavailable.count(), 1);                      // reported once, not on every retry

        t.restart();
        QVERIFY2(m_pcscd.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(available.count() == 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() == 2, 10000);
        qInfo("card seen again %lld ms after pcscd restarted", t.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(lateAvailable.count() == 1 && lateInserted.count() == 1, 10000);
        QCOMPARE(lateUnavailable.count(), 1);
        late.stop();
        QCOMPARE(inserted.last().at(0).toString(), kReader0);
        QVERIFY(monitor.isRunning());
        const auto r = CardAuthenticator::identifyBlocking(kReader0);
        QVERIFY2(r.ok, qPrintable(r.message));
        pull(card);
        QTRY_VERIFY_WITH_TIMEOUT(removed.count() == 2, 5000);
    }

    void openScReadsAndSignsWithTheCard()
    {
        VirtualCardProcess card(cardArgs(m_alice));
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, true, 5000));

        QProcess list;
        list.start(QStringLiteral("pkcs15-tool"), {QStringLiteral("-r"), QStringLiteral("0"), QStringLiteral("--list-certificates")});
        QVERIFY(list.waitForFinished(20000));
        const QByteArray out = list.readAllStandardOutput();
        QVERIFY2(list.exitCode() == 0, list.readAllStandardError().constData());
        QVERIFY2(out.contains("Certificate for Card Authentication"), out.constData());

        QTemporaryDir tmp;
        const QString pemOut = tmp.filePath(QStringLiteral("card-auth.pem"));
        QProcess read;
        read.start(QStringLiteral("pkcs15-tool"), {QStringLiteral("-r"), QStringLiteral("0"), QStringLiteral("--read-certificate"),
                                                   QStringLiteral("04"), QStringLiteral("-o"), pemOut});
        QVERIFY(read.waitForFinished(20000));
        QCOMPARE(read.exitCode(), 0);
        QCOMPARE(certDer(pemOut), certDer(m_alice + QStringLiteral("/cert.pem")));

        // pkcs11-tool signs 32 bytes with the Card Authentication key (ID 04 = slot 9E). OpenSC's PIV token
        // is flagged "login required", so pkcs11-tool logs in even though 9E itself needs no PIN.
        const QString in = tmp.filePath(QStringLiteral("digest.bin"));
        const QString sigOut = tmp.filePath(QStringLiteral("sig.der"));
        const QByteArray digest = Digest::sha256("record body");
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(digest);
        f.close();
        QProcess sign;
        sign.start(QStringLiteral("pkcs11-tool"),
                   {QStringLiteral("--module"), QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
                    QStringLiteral("--slot-index"), QStringLiteral("0"), QStringLiteral("--login"), QStringLiteral("--pin"),
                    QStringLiteral("123456"), QStringLiteral("--sign"), QStringLiteral("--id"), QStringLiteral("04"),
                    QStringLiteral("-m"), QStringLiteral("ECDSA"), QStringLiteral("--signature-format"), QStringLiteral("openssl"),
                    QStringLiteral("--input-file"), in, QStringLiteral("--output-file"), sigOut});
        QVERIFY(sign.waitForFinished(20000));
        QVERIFY2(sign.exitCode() == 0, sign.readAllStandardError().constData());
        QFile sf(sigOut);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        const auto cert = PivCertificate::fromDer(certDer(m_alice + QStringLiteral("/cert.pem")));
        QVERIFY(cert.ok());
        QVERIFY(cert.value.verifyPrehashed(digest, sf.readAll()));
        pull(card);
    }
};

QTEST_GUILESS_MAIN(TestCardIntegration)
#include "TestCardIntegration.moc"
