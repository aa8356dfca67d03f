// The reception desk's IC card panel (issue 12) driven through its real widgets offscreen, against wardhub as a
// real process over loopback mutual TLS, with the real pcscd, vpcd and virtual cards (wardvcard) in the desk's
// reader: issuing, a card bound to someone else, a card pulled mid-read, cards the desk cannot issue, a version
// conflict, the hub going away, replacing and revoking with a reason, and the one-shift fallback code letter.
// pcscd is one per host: CTest holds RESOURCE_LOCK pcscd.

#include "HubProcess.h"
#include "PcscFixture.h"
#include "ReceptionTestKit.h"
#include "VirtualCardProcess.h"

#include "card/ReaderMonitor.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "ui/reception/CardChangePage.h"
#include "ui/reception/CardIssuePage.h"
#include "ui/reception/CardPanel.h"
#include "ui/reception/PasswordLetter.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/ReceptionWorkspace.h"
#include "ui/reception/StaffFinder.h"
#include "ui/Language.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/Theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace ward;
using Kit = ReceptionTestKit;
using State = CardIssuePage::State;

namespace {
// The desk's reader for new cards; the clerk's own card sits in the other one and is never read for issuing.
const QString kDeskReader = QStringLiteral("Virtual PCD 00 01");
const QString kClerkReader = QStringLiteral("Virtual PCD 00 00");
const QString kClerk = QStringLiteral("RECEPTION1");
} // namespace

class TestReceptionCards : public QObject
{
    Q_OBJECT

    struct Person
    {
        QString id;
        QString temporary;
    };

    PcscFixture m_pcscd;
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_client;
    std::unique_ptr<ReaderMonitor> m_readers;
    QTemporaryDir m_tmp;
    QString m_token;
    Person m_hanako;
    Person m_jiro;
    QList<std::pair<QString, QJsonObject>> m_audited;
    int m_letters = 0;

    QString letterPath(int n) const { return m_tmp.filePath(QStringLiteral("letter-%1.pdf").arg(n)); }

    ReceptionSetup setup()
    {
        ReceptionSetup s;
        s.roles = {QStringLiteral("nurse"), QStringLiteral("reception")};
        s.wards = {QStringLiteral("W3")};
        s.helpContact = QStringLiteral("情報システム課 内線 1234");
        s.printer = [this](const QString& name) { return Kit::pdfPrinter(name, letterPath(++m_letters)); };
        s.audit = [this](const QString& action, const QJsonObject& detail) { m_audited.append({action, detail}); };
        s.readers = m_readers.get();
        s.sessionReader = kClerkReader;
        return s;
    }

    std::unique_ptr<ReceptionWorkspace> desk()
    {
        auto d = std::make_unique<ReceptionWorkspace>(*m_client, m_token, QStringList{QStringLiteral("users.manage"), QStringLiteral("cards.manage")},
                                                      setup());
        d->resize(1280, 800);
        d->show();
        return d;
    }

    // Finds `userId` in the staff finder, selects the row and opens the IC cards tab: the panel shows that person.
    CardPanel* openCards(ReceptionWorkspace* d, const QString& userId)
    {
        if (!Kit::search(d->finder(), userId) || d->finder()->table()->rowCount() != 1)
            return nullptr;
        d->finder()->table()->selectRow(0);
        d->tabs()->setCurrentWidget(d->cards());
        return d->cards()->person().value(QStringLiteral("userId")).toString() == userId ? d->cards() : nullptr;
    }

    QString cardDir(const QString& name) const { return m_tmp.filePath(QStringLiteral("cards/") + name); }

    // A test card whose certificate names `holder` (self-signed, key made here).
    QString newCard(const QString& name, const QString& holder)
    {
        QString error;
        if (!VirtualCardProcess::makeCard(cardDir(name), holder, &error))
            qWarning("card %s: %s", qPrintable(name), qPrintable(error));
        return cardDir(name);
    }

    static Certificate certificateOf(const QString& dir)
    {
        QFile f(dir + QStringLiteral("/cert.pem"));
        return f.open(QIODevice::ReadOnly) ? Certificate::fromPem(f.readAll()).value_or(Certificate()) : Certificate();
    }

    static QString keyIdOf(const QString& dir)
    {
        return QString::fromLatin1(Digest::sha256(certificateOf(dir).publicKeyDer()).toHex());
    }

    // The card in the desk's reader (wardvcard running); `extra` options for misbehaving cards.
    std::unique_ptr<VirtualCardProcess> insert(const QStringList& cardOptions)
    {
        auto card = std::make_unique<VirtualCardProcess>(QStringList{QStringLiteral("--reader"), QStringLiteral("1")} + cardOptions);
        QString error;
        if (!card->start(&error))
            qWarning("card not inserted: %s", qPrintable(error));
        return card;
    }

    void pull(std::unique_ptr<VirtualCardProcess>& card)
    {
        card->stop();
        card.reset();
        PcscFixture::waitForCard(kDeskReader, false, 5000);
    }

    QJsonObject person(const QString& userId)
    {
        return Kit::wait([&](auto done) { m_client->get(QStringLiteral("/api/v1/admin/staff/person?userId=") + userId, m_token, done); }).json;
    }

    static QStringList boundKeys(const QJsonObject& person)
    {
        QStringList keys;
        for (const QJsonValue& c : person.value(QStringLiteral("cards")).toArray())
            keys << c.toObject().value(QStringLiteral("keyId")).toString();
        return keys;
    }

    // The hub's audit entries of one action (wardhub audit list): actor and detail.
    QList<QJsonObject> audit(const QString& action)
    {
        QByteArray out;
        m_hub->admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), action}, &out);
        QList<QJsonObject> entries;
        for (const QString& line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() < 5 || parts.at(3) != action)
                continue;
            QJsonObject detail = QJsonDocument::fromJson(parts.mid(4).join(QLatin1Char(' ')).toUtf8()).object();
            detail[QStringLiteral("actor")] = parts.at(2);
            entries << detail;
        }
        return entries;
    }

    // Issue → the card in the reader → the page is ready to confirm (or in `until`).
    CardIssuePage* startIssue(CardPanel* panel)
    {
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("cardIssue")), Qt::LeftButton);
        return panel->pages()->currentWidget() == panel->issuePage() ? panel->issuePage() : nullptr;
    }

    // Confirms the issue page and waits until the hub answered and the person was read again.
    bool confirmIssue(CardPanel* panel)
    {
        QSignalSpy answered(panel, &CardPanel::changeAnswered);
        QTest::mouseClick(panel->issuePage()->findChild<QPushButton*>(QStringLiteral("cardIssueConfirm")), Qt::LeftButton);
        if (!answered.wait(30000) && answered.isEmpty())
            return false;
        return answered.first().at(0).toBool();
    }

    Person registerNurse(const QString& name, const QString& kana)
    {
        const QJsonObject r = Kit::registerNurse(*m_client, m_token, name, kana);
        return {r.value(QStringLiteral("userId")).toString(), r.value(QStringLiteral("temporaryPassword")).toString()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        Appearance::instance()->apply(Theme());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "pdftotext (poppler-utils) is needed");
        QString error;
        QVERIFY2(m_pcscd.start(&error), qPrintable(error));
        m_hub = std::make_unique<HubProcess>(QStringLiteral("reception_cards"));
        QVERIFY(Kit::startHubWithClerk(*m_hub, kClerk, &m_client, &m_token));
        // Two nurses registered at the desk, without cards yet.
        m_hanako = registerNurse(QStringLiteral("看護 花子"), QStringLiteral("かんご はなこ"));
        m_jiro = registerNurse(QStringLiteral("看護 次郎"), QStringLiteral("かんご じろう"));
        QVERIFY(!m_hanako.id.isEmpty() && !m_jiro.id.isEmpty());

        m_readers = std::make_unique<ReaderMonitor>();
        m_readers->setHeartbeatIntervalMs(200);
        m_readers->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_readers->isServiceAvailable() && m_readers->readers().contains(kDeskReader), 10000);
    }

    void cleanupTestCase()
    {
        if (m_readers)
            m_readers->stop();
        m_client.reset();
        if (m_hub)
            m_hub->stop();
        m_pcscd.stop();
    }

    void cleanup()
    {
        PcscFixture::waitForCard(kDeskReader, false, 5000);
        if (QTest::currentTestFailed() && m_hub)
            qWarning("hub log:\n%s", m_hub->log().right(4000).constData());
    }

    // Card in the desk's reader → read off the UI thread → whose card it becomes → confirmed → bound at the hub.
    void issueACardFromTheDeskReader()
    {
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_hanako.id);
        QVERIFY(panel);
        QCOMPARE(panel->cards()->rowCount(), 0);
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        QCOMPARE(page->deskReaders(), QStringList{kDeskReader});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::WaitingForCard, 5000);
        QVERIFY2(page->message().contains(kDeskReader), qPrintable(page->message()));

        const QString dir = newCard(QStringLiteral("hanako"), m_hanako.id);
        auto card = insert({QStringLiteral("--card"), dir});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        // Whose card it becomes, and the certificate's own words.
        const Certificate cert = certificateOf(dir);
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("cardIssueHolder"))->text(),
                 CardIssuePage::tr("This card will become the IC card of %1.").arg(QStringLiteral("看護 花子 (%1)").arg(m_hanako.id)));
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("cardIssueSubject"))->text(), m_hanako.id);
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("cardIssueSerial"))->text(), cert.serialHex());
        QVERIFY(!page->findChild<QLabel*>(QStringLiteral("cardIssueValidity"))->text().isEmpty());
        QCOMPARE(page->card().keyId, keyIdOf(dir));

        const qint64 before = person(m_hanako.id).value(QStringLiteral("version")).toInteger();
        QVERIFY2(confirmIssue(panel), qPrintable(panel->outcome()->text()));
        QCOMPARE(panel->outcome()->tone(), StatusTone::Ok);
        QVERIFY(panel->outcome()->text().contains(cert.serialHex()));
        // The hub lists it bound to her; the panel and the finder's row show it.
        const QJsonObject now = person(m_hanako.id);
        QCOMPARE(boundKeys(now), QStringList{keyIdOf(dir)});
        QCOMPARE(now.value(QStringLiteral("version")).toInteger(), before + 1);
        QCOMPARE(panel->cards()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(d->finder()->table()->item(0, StaffFinder::CardColumn)->text(), StaffFinder::cardWord(QStringLiteral("active")), 5000);
        // Audited at the hub with the clerk, the terminal and the reason.
        const QJsonObject bound = audit(QStringLiteral("card.bind")).last();
        QCOMPARE(bound.value(QStringLiteral("actor")).toString(), kClerk);
        QCOMPARE(bound.value(QStringLiteral("user")).toString(), m_hanako.id);
        QCOMPARE(bound.value(QStringLiteral("keyId")).toString(), keyIdOf(dir));
        QCOMPARE(bound.value(QStringLiteral("reason")).toString(), CardPanel::tr("First card"));
        QVERIFY(!bound.value(QStringLiteral("terminal")).toString().isEmpty());
        pull(card);
    }

    // A card already bound to another person: the hub refuses, the desk says so, nothing changes.
    void cardBoundToSomeoneElseIsRefused()
    {
        // A card prepared for Jiro but bound to Hanako at another desk by mistake.
        const QString dir = newCard(QStringLiteral("mixup"), m_jiro.id);
        const qint64 hanakoVersion = person(m_hanako.id).value(QStringLiteral("version")).toInteger();
        QFile pem(dir + QStringLiteral("/cert.pem"));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const HubReply elsewhere = Kit::wait([&](auto done) {
            m_client->postJson(QStringLiteral("/api/v1/admin/cards/bind"),
                               {{QStringLiteral("userId"), m_hanako.id}, {QStringLiteral("version"), hanakoVersion},
                                {QStringLiteral("reason"), QStringLiteral("予備")}, {QStringLiteral("certificate"), QString::fromLatin1(pem.readAll())}},
                               m_token, done);
        });
        QVERIFY2(elsewhere.ok(), qPrintable(elsewhere.error.message()));

        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_jiro.id);
        QVERIFY(panel);
        const QJsonObject before = person(m_jiro.id);
        const int binds = audit(QStringLiteral("card.bind")).size();
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        auto card = insert({QStringLiteral("--card"), dir});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        QVERIFY(!confirmIssue(panel));
        QCOMPARE(panel->outcome()->tone(), StatusTone::Danger);
        QCOMPARE(panel->outcome()->text(),
                 CardPanel::tr("The hub refused: this card is already bound to another person. Nothing was changed. If it was "
                               "handed back, revoke it on that person first; otherwise use another card."));
        const QJsonObject after = person(m_jiro.id);
        QVERIFY(boundKeys(after).isEmpty());
        QCOMPARE(after.value(QStringLiteral("version")), before.value(QStringLiteral("version")));
        QVERIFY(boundKeys(person(m_hanako.id)).contains(keyIdOf(dir)));
        QCOMPARE(audit(QStringLiteral("card.bind")).size(), binds);
        pull(card);
        // Put right: revoked on Hanako, this card is never issued again (the hub's card_revoked).
        const HubReply revoked = Kit::wait([&](auto done) {
            m_client->postJson(QStringLiteral("/api/v1/admin/cards/revoke"),
                               {{QStringLiteral("userId"), m_hanako.id}, {QStringLiteral("version"), hanakoVersion + 1},
                                {QStringLiteral("reason"), QStringLiteral("誤登録")}, {QStringLiteral("keyId"), keyIdOf(dir)}},
                               m_token, done);
        });
        QVERIFY2(revoked.ok(), qPrintable(revoked.error.message()));
    }

    // The card pulled while it is read: a message, and nothing is bound.
    void cardPulledMidReadBindsNothing()
    {
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_jiro.id);
        QVERIFY(panel);
        const int binds = audit(QStringLiteral("card.bind")).size();
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        // SELECT and the start of the certificate are answered, then the card leaves the reader.
        auto card = insert({QStringLiteral("--card"), newCard(QStringLiteral("pulled"), m_jiro.id), QStringLiteral("--pull-after-apdus"),
                            QStringLiteral("2")});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Refused, 10000);
        QCOMPARE(page->message(), CardIssuePage::tr("The card was taken out while it was being read. Nothing was issued. Put it "
                                                     "back and leave it in the reader until its details appear."));
        QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("cardIssueConfirm"))->isEnabled());
        QVERIFY(boundKeys(person(m_jiro.id)).isEmpty());
        QCOMPARE(audit(QStringLiteral("card.bind")).size(), binds);
        card.reset();
    }

    // Cards the desk must not issue are refused on the page, before the hub is asked.
    void cardsTheDeskCannotIssue()
    {
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_jiro.id);
        QVERIFY(panel);
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        QString holder;  // what the page said of the card while it was in the reader
        auto refusedWith = [&](const QStringList& options, const QString& message) {
            QSignalSpy states(page, &CardIssuePage::stateChanged);
            auto card = insert(options);
            // A refusal of this card, not the previous one still on the page.
            [&] { QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.last().at(0).value<State>() == State::Refused, 10000); }();
            const bool same = page->message() == message;
            if (!same)
                qWarning("the page said: %s", qPrintable(page->message()));
            holder = page->findChild<QLabel*>(QStringLiteral("cardIssueHolder"))->text();
            pull(card);
            return same;
        };
        // No PIV application (an ID badge).
        QVERIFY(refusedWith({QStringLiteral("--card"), newCard(QStringLiteral("badge"), m_jiro.id), QStringLiteral("--mode"), QStringLiteral("uid")},
                            CardIssuePage::tr("This card has no PIV application (an ID badge or another kind of card), so it cannot "
                                              "be issued as a staff IC card. Use a staff IC card prepared by IT.")));
        // A certificate that expired.
        CertificateAuthority issuer = CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc().addDays(-60));
        auto [key, cert] = issuer.issueWithNewKey(CertificateProfile::TerminalClient, m_jiro.id, 10, QDateTime::currentDateTimeUtc().addDays(-40));
        QDir().mkpath(cardDir(QStringLiteral("expired")));
        QFile keyFile(cardDir(QStringLiteral("expired/key.pem"))), certFile(cardDir(QStringLiteral("expired/cert.pem")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly) && certFile.open(QIODevice::WriteOnly));
        keyFile.write(key.privatePem().toQByteArrayUnsafe());
        certFile.write(cert.toPem());
        keyFile.close();
        certFile.close();
        QVERIFY(refusedWith({QStringLiteral("--key"), keyFile.fileName(), QStringLiteral("--cert"), certFile.fileName(),
                             QStringLiteral("--uid"), QStringLiteral("0102030405060708")},
                            CardIssuePage::tr("The certificate on this card expired on %1: an expired card cannot log in. Use "
                                              "another card, or give this one to IT to be renewed.")
                                .arg(QLocale().toString(cert.notAfter().toLocalTime().date(), QLocale::LongFormat))));
        // A readable certificate is shown, with the verdict in place of the holder.
        QCOMPARE(holder, CardIssuePage::tr("This card cannot be issued to %1.").arg(QStringLiteral("看護 次郎 (%1)").arg(m_jiro.id)));
        // A card prepared for someone else (its certificate names another staff ID).
        QVERIFY(refusedWith({QStringLiteral("--card"), newCard(QStringLiteral("other"), m_hanako.id)},
                            CardIssuePage::tr("This card was prepared for staff ID %1 (the ID in its certificate), not for %2: at "
                                              "login it can only be %1's card. Use the card prepared for %2.")
                                .arg(m_hanako.id, m_jiro.id)));
        QVERIFY(boundKeys(person(m_jiro.id)).isEmpty());
    }

    // Another clerk changed the person after the desk read them, and then the hub went away: each time a message,
    // nothing bound; with the hub back the same card is issued.
    void versionConflictAndHubAwayBindNothing()
    {
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_jiro.id);
        QVERIFY(panel);
        const QString dir = newCard(QStringLiteral("jiro"), m_jiro.id);
        // Another clerk's change meanwhile (a fallback code moves the version).
        const qint64 seen = panel->person().value(QStringLiteral("version")).toInteger();
        const HubReply other = Kit::wait([&](auto done) {
            m_client->postJson(QStringLiteral("/api/v1/admin/cards/fallback-code"),
                               {{QStringLiteral("userId"), m_jiro.id}, {QStringLiteral("version"), seen}, {QStringLiteral("reason"), QStringLiteral("別の受付")}},
                               m_token, done);
        });
        QVERIFY(other.ok());
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        auto card = insert({QStringLiteral("--card"), dir});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        QVERIFY(!confirmIssue(panel));
        QCOMPARE(panel->outcome()->text(),
                 ReceptionClient::tr("Another clerk changed this person a moment ago. The row now shows the current state: check it "
                                     "and do the change again if it is still needed."));
        QVERIFY(boundKeys(person(m_jiro.id)).isEmpty());
        // The panel now holds the current version.
        QCOMPARE(panel->person().value(QStringLiteral("version")).toInteger(), seen + 1);

        // The card is still in the reader: issuing again reads it at once; the hub stops before the confirmation.
        page = startIssue(panel);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        m_hub->stop();
        QVERIFY(!confirmIssue(panel));
        QVERIFY(m_hub->start());
        QVERIFY2(panel->outcome()->text().startsWith(ReceptionClient::tr("The hub cannot be reached (%1). Nothing was changed; try again when the hub is back.").section(QLatin1Char('('), 0, 0)),
                 qPrintable(panel->outcome()->text()));
        QVERIFY(boundKeys(person(m_jiro.id)).isEmpty());
        QCOMPARE(person(m_jiro.id).value(QStringLiteral("version")).toInteger(), seen + 1);

        page = startIssue(panel);
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        QVERIFY2(confirmIssue(panel), qPrintable(panel->outcome()->text()));
        QCOMPARE(boundKeys(person(m_jiro.id)), QStringList{keyIdOf(dir)});
        pull(card);
    }

    // Replace (revoke with a reason, straight on to the new card), then revoke the new one as lost: the hub lists
    // the cards revoked and has audited each step with the clerk and the reason.
    // Proves: EX-4
    void replaceThenRevokeWithAReason()
    {
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_hanako.id);
        QVERIFY(panel);
        QCOMPARE(panel->cards()->rowCount(), 1);
        const QString oldKey = boundKeys(panel->person()).first();
        panel->cards()->selectRow(0);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("cardReplace")), Qt::LeftButton);
        CardChangePage* change = panel->changePage();
        QCOMPARE(panel->pages()->currentWidget(), change);
        QVERIFY(change->findChild<QLabel*>(QStringLiteral("cardChangeConsequence"))->text().contains(
            CardChangePage::tr("The card is refused at every terminal after its next sync (within one sync interval). The "
                               "person's open sessions end now and their signing certificates are revoked; a new signing "
                               "key is made at their next login. A revoked card is never issued again.")));
        auto* confirm = change->findChild<QPushButton*>(QStringLiteral("cardChangeConfirm"));
        QVERIFY(!confirm->isEnabled());
        Kit::type(change->findChild<QLineEdit*>(QStringLiteral("cardChangeReason")), QStringLiteral("カード破損"));
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        // Revoked at the hub, and the issue page follows for the same person.
        QTRY_COMPARE_WITH_TIMEOUT(panel->pages()->currentWidget(), static_cast<QWidget*>(panel->issuePage()), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->issuePage()->state(), State::WaitingForCard, 10000);
        QVERIFY(!boundKeys(person(m_hanako.id)).contains(oldKey));
        const QJsonObject revoke = audit(QStringLiteral("card.revoke")).last();
        QCOMPARE(revoke.value(QStringLiteral("actor")).toString(), kClerk);
        QCOMPARE(revoke.value(QStringLiteral("user")).toString(), m_hanako.id);
        QCOMPARE(revoke.value(QStringLiteral("reason")).toString(), QStringLiteral("カード破損"));
        const QString dir = newCard(QStringLiteral("hanako2"), m_hanako.id);
        auto card = insert({QStringLiteral("--card"), dir});
        QTRY_COMPARE_WITH_TIMEOUT(panel->issuePage()->state(), State::Ready, 10000);
        QVERIFY2(confirmIssue(panel), qPrintable(panel->outcome()->text()));
        QCOMPARE(boundKeys(person(m_hanako.id)), QStringList{keyIdOf(dir)});
        QCOMPARE(audit(QStringLiteral("card.bind")).last().value(QStringLiteral("reason")).toString(),
                 CardPanel::tr("Replacement: %1").arg(QStringLiteral("カード破損")));
        pull(card);

        // Lost: revoke with a reason; the hub lists it revoked.
        const int revokedBefore = person(m_hanako.id).value(QStringLiteral("revokedCards")).toInt();
        panel->cards()->selectRow(0);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("cardRevoke")), Qt::LeftButton);
        Kit::type(change->findChild<QLineEdit*>(QStringLiteral("cardChangeReason")), QStringLiteral("紛失届（12月3日）"));
        QSignalSpy answered(panel, &CardPanel::changeAnswered);
        QTest::mouseClick(change->findChild<QPushButton*>(QStringLiteral("cardChangeConfirm")), Qt::LeftButton);
        QVERIFY(answered.wait(15000));
        QVERIFY2(answered.first().at(0).toBool(), qPrintable(panel->outcome()->text()));
        const QJsonObject now = person(m_hanako.id);
        QVERIFY(boundKeys(now).isEmpty());
        QCOMPARE(now.value(QStringLiteral("cardStatus")).toString(), QStringLiteral("revoked"));
        QCOMPARE(now.value(QStringLiteral("revokedCards")).toInt(), revokedBefore + 1);
        QCOMPARE(panel->cards()->rowCount(), 0);
        QCOMPARE(audit(QStringLiteral("card.revoke")).last().value(QStringLiteral("reason")).toString(), QStringLiteral("紛失届（12月3日）"));
        QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("cardRevoke"))->isEnabled());
    }

    // AUTH-2: the code is printed on a sealed letter (read back from the PDF), never shown; it works once.
    // Proves: AUTH-2
    void fallbackCodeIsPrintedNeverShown()
    {
        // Hanako chooses her password with her card first (the code needs her own password).
        const QString dir = newCard(QStringLiteral("hanako3"), m_hanako.id);
        QFile pem(dir + QStringLiteral("/cert.pem")), keyPem(dir + QStringLiteral("/key.pem"));
        QVERIFY(pem.open(QIODevice::ReadOnly) && keyPem.open(QIODevice::ReadOnly));
        const HubReply bound = Kit::wait([&](auto done) {
            m_client->postJson(QStringLiteral("/api/v1/admin/cards/bind"),
                               {{QStringLiteral("userId"), m_hanako.id}, {QStringLiteral("version"), person(m_hanako.id).value(QStringLiteral("version"))},
                                {QStringLiteral("reason"), QStringLiteral("再発行")}, {QStringLiteral("certificate"), QString::fromLatin1(pem.readAll())}},
                               m_token, done);
        });
        QVERIFY2(bound.ok(), qPrintable(bound.error.message()));
        const QString password = QStringLiteral("Kango-Hanako1!");
        QVERIFY(!Kit::firstLogin(*m_client, m_hanako.id, *KeyPair::fromPrivatePem(SecureBytes::fromQByteArray(keyPem.readAll())),
                                 m_hanako.temporary, password)
                     .isEmpty());

        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_hanako.id);
        QVERIFY(panel);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("cardFallbackCode")), Qt::LeftButton);
        CardChangePage* change = panel->changePage();
        QCOMPARE(panel->pages()->currentWidget(), change);
        QVERIFY(change->findChild<QLabel*>(QStringLiteral("cardChangeConsequence"))->text().contains(QStringLiteral("8")));
        Kit::type(change->findChild<QLineEdit*>(QStringLiteral("cardChangeReason")), QStringLiteral("カード忘れ"));
        QSignalSpy answered(panel, &CardPanel::changeAnswered);
        const int letter = m_letters + 1;
        QTest::mouseClick(change->findChild<QPushButton*>(QStringLiteral("cardChangeConfirm")), Qt::LeftButton);
        QVERIFY(answered.wait(15000));
        QVERIFY2(answered.first().at(0).toBool(), qPrintable(panel->outcome()->text()));
        QCOMPARE(m_letters, letter);

        const QString text = Kit::pdfText(letterPath(letter));
        QVERIFY2(text.contains(PasswordLetter::tr("Your one-time login code for this shift")), qPrintable(text));
        QVERIFY(text.contains(m_hanako.id));
        QVERIFY(text.contains(QStringLiteral("看護 花子")));
        QVERIFY(text.contains(PasswordLetter::tr("Valid until")));
        QVERIFY(text.contains(QStringLiteral("情報システム課 内線 1234")));
        const QRegularExpressionMatch found =
            QRegularExpression(PasswordLetter::tr("One-time code") + QStringLiteral("\\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")).match(text);
        QVERIFY2(found.hasMatch(), qPrintable(text));
        const QString code = found.captured(1);
        // Never on screen, never in the terminal's audit or the hub's.
        QVERIFY(!Kit::screenText(d.get()).contains(code));
        QCOMPARE(m_audited.last().first, QStringLiteral("reception.letter.print"));
        QCOMPARE(m_audited.last().second.value(QStringLiteral("purpose")).toString(), QStringLiteral("fallback-code"));
        QVERIFY(!QJsonDocument(m_audited.last().second).toJson().contains(code.toUtf8()));
        const QJsonObject issued = audit(QStringLiteral("user.fallback-code.issue")).last();
        QCOMPARE(issued.value(QStringLiteral("actor")).toString(), kClerk);
        QCOMPARE(issued.value(QStringLiteral("user")).toString(), m_hanako.id);
        QCOMPARE(issued.value(QStringLiteral("reason")).toString(), QStringLiteral("カード忘れ"));
        QByteArray all;
        QVERIFY(m_hub->admin({QStringLiteral("audit"), QStringLiteral("list")}, &all));
        QVERIFY(!all.contains(code.toLatin1()) && !all.contains(QString(code).remove(QLatin1Char('-')).toLatin1()));
        // The printed code is the hub's: it opens one card-less session with her password, then never again.
        auto fallback = [&] {
            return Kit::wait([&](auto done) {
                m_client->postJson(QStringLiteral("/api/v1/session/fallback"),
                                   {{QStringLiteral("userId"), m_hanako.id}, {QStringLiteral("code"), code}, {QStringLiteral("password"), password}},
                                   done);
            });
        };
        const HubReply first = fallback();
        QVERIFY2(first.ok(), qPrintable(first.error.message()));
        QCOMPARE(first.json.value(QStringLiteral("fallback")).toBool(), true);
        QCOMPARE(fallback().error.hubCode(), QStringLiteral("fallback_code_invalid"));
    }

    // A card about to be issued, in Japanese: WARD_SCREENSHOT_DIR=DIR ctest -R test_reception_cards.
    void screenshot()
    {
        const QByteArray shots = qgetenv("WARD_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("WARD_SCREENSHOT_DIR not set");
        Language::install(*qApp, QStringLiteral("ja"));
        auto d = desk();
        CardPanel* panel = openCards(d.get(), m_jiro.id);
        QVERIFY(panel);
        CardIssuePage* page = startIssue(panel);
        QVERIFY(page);
        auto card = insert({QStringLiteral("--card"), newCard(QStringLiteral("shot"), m_jiro.id)});
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), State::Ready, 10000);
        QTest::qWait(300);
        QVERIFY(d->grab().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("reception-card.png"))));
        pull(card);
    }
};

QTEST_MAIN(TestReceptionCards)
#include "TestReceptionCards.moc"
