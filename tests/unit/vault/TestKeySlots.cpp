#include "VaultTestSupport.h"
#include "auth/EmergencyLetterKey.h"
#include "crypto/KeyPair.h"
#include "vault/KeySlotFile.h"
#include "vault/PendingAudit.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <csignal>
#include <sys/resource.h>

using namespace ward;
using namespace ward::test;

namespace {


} // namespace

class TestKeySlots : public QObject
{
    Q_OBJECT

private slots:
    // Proves: AUTH-4
    void userSlotRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        file.addUserSlot(key, QStringLiteral("D000000002"), pw("Ishi!2026x"), test::simulatedCard("card-secret-of-D2"));

        KeySlotFile reread(path);
        reread.load();
        QCOMPARE(reread.keySlots().size(), 2);
        QVERIFY(reread.unwrapUser(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement()).equals(key));
        QVERIFY(reread.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"), test::simulatedCard("card-secret-of-D2")).equals(key));
        QVERIFY(reread.matchesKey(key));
        QVERIFY(!reread.matchesKey(Random::secureBytes(32)));
        // The file never holds the key or the password in the clear.
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.contains("Kango#2026"));
        QVERIFY(!bytes.contains(key.toQByteArrayUnsafe()));
        QVERIFY(!bytes.contains(key.toHex().toQByteArrayUnsafe()));
    }

    // BCP-1 offline: the ward's letter opens the vault through its slot; the terminal never held its password.
    // Proves: BCP-1
    void emergencyLetterOpensItsSlotOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        const EmergencyLetterKey letter1 = EmergencyLetterKey::seal(QStringLiteral("EMERGW3001"), 1, pw("ABCD-EFGH-JKMN-PQRS"), fastKdf());
        file.addEmergencySlot(key, letter1);

        KeySlotFile reread(path);
        reread.load();
        QCOMPARE(reread.keySlots().size(), 2);
        // As printed, or typed in lower case without dashes.
        QVERIFY(reread.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("ABCD-EFGH-JKMN-PQRS")).equals(key));
        QVERIFY(reread.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("abcd efgh jkmn pqrs")).equals(key));
        QCOMPARE(codeOf([&] { reread.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("ABCD-EFGH-JKMN-PQRT")); }),
                 VaultError::Code::NoMatchingSlot);
        QCOMPARE(codeOf([&] { reread.unwrapEmergency(QStringLiteral("EMERGW4001"), pw("ABCD-EFGH-JKMN-PQRS")); }),
                 VaultError::Code::NoMatchingSlot);
        // Not a user slot: the letter does not open through the user path, nor a user's password through this one.
        QCOMPARE(codeOf([&] { reread.unwrapUser(QStringLiteral("EMERGW3001"), pw("ABCD-EFGH-JKMN-PQRS"), CardKeyAgreement()); }),
                 VaultError::Code::NoMatchingSlot);
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.contains("ABCD"));
        QVERIFY(!bytes.contains("PRIVATE KEY"));

        // A new letter replaces the slot: the old letter's password is dead on this terminal.
        const EmergencyLetterKey letter2 = EmergencyLetterKey::seal(QStringLiteral("EMERGW3001"), 2, pw("WXYZ-WXYZ-WXYZ-WXYZ"), fastKdf());
        reread.addEmergencySlot(key, letter2);
        QCOMPARE(reread.keySlots().size(), 2);
        QCOMPARE(codeOf([&] { reread.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("ABCD-EFGH-JKMN-PQRS")); }),
                 VaultError::Code::NoMatchingSlot);
        QVERIFY(reread.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("WXYZWXYZWXYZWXYZ")).equals(key));
        // A letter sealed for another account cannot be slipped into this account's slot.
        QJsonDocument doc = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return QJsonDocument::fromJson(f.readAll());
        }();
        QJsonObject root = doc.object();
        QJsonArray slotArray = root.value(QStringLiteral("slots")).toArray();
        for (int i = 0; i < slotArray.size(); ++i) {
            QJsonObject slot = slotArray.at(i).toObject();
            if (slot.value(QStringLiteral("kind")).toString() == QLatin1String("emergency")) {
                QJsonObject l = slot.value(QStringLiteral("letter")).toObject();
                l[QStringLiteral("account")] = QStringLiteral("EMERGW4001");
                slot[QStringLiteral("letter")] = l;
                slotArray[i] = slot;
            }
        }
        root[QStringLiteral("slots")] = slotArray;
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(root).toJson());
        out.close();
        KeySlotFile swapped(path);
        QCOMPARE(codeOf([&] { swapped.load(); }), VaultError::Code::SlotFileCorrupt);
        QVERIFY(reread.removeEmergencySlot(QStringLiteral("EMERGW3001")).has_value());
        QVERIFY(!reread.removeEmergencySlot(QStringLiteral("EMERGW3001")).has_value());
    }

    // BCP-1 offline: opening the slot hands out the letter's key, and what it signs of a use proves exactly that use
    // (account, letter, terminal, time, use or test) to anyone holding the letter's public point, as the hub does.
    // Proves: BCP-1
    void openedLetterProvesItsUseOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        const EmergencyLetterKey letter = EmergencyLetterKey::seal(QStringLiteral("EMERGW3001"), 3, pw("ABCD-EFGH-JKMN-PQRS"), fastKdf());
        file.addEmergencySlot(key, letter);
        KeyPair letterKey;
        QVERIFY(file.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("abcd-efgh-jkmn-pqrs"), &letterKey).equals(key));
        QVERIFY(letterKey.hasPrivate());
        QCOMPARE(letterKey.publicPoint(), letter.publicPoint);

        const QDateTime at = QDateTime::fromString(QStringLiteral("2026-12-06T03:12:45.123Z"), Qt::ISODateWithMs);
        const QString proof = EmergencyLetterKey::proveUse(letterKey, QStringLiteral("EMERGW3001"), 3, QStringLiteral("T-0001"), at, false);
        QVERIFY(letter.provesUse(proof, QStringLiteral("T-0001"), at, false));
        QVERIFY(!letter.provesUse(proof, QStringLiteral("T-0002"), at, false));            // another terminal
        QVERIFY(!letter.provesUse(proof, QStringLiteral("T-0001"), at.addMSecs(1), false)); // another time
        QVERIFY(!letter.provesUse(proof, QStringLiteral("T-0001"), at, true));              // a test is not a use
        QVERIFY(!letter.provesUse(QString(), QStringLiteral("T-0001"), at, false));
        QVERIFY(!letter.provesUse(proof.left(proof.size() - 4) + QStringLiteral("AAA="), QStringLiteral("T-0001"), at, false));
        QVERIFY(!letter.provesUse(proof + QStringLiteral("!"), QStringLiteral("T-0001"), at, false));
        // The next letter (another key) does not take this letter's proof, nor a proof for another letter number.
        const EmergencyLetterKey next = EmergencyLetterKey::seal(QStringLiteral("EMERGW3001"), 4, pw("WXYZ-WXYZ-WXYZ-WXYZ"), fastKdf());
        QVERIFY(!next.provesUse(proof, QStringLiteral("T-0001"), at, false));
        const QString otherSerial = EmergencyLetterKey::proveUse(letterKey, QStringLiteral("EMERGW3001"), 2, QStringLiteral("T-0001"), at, false);
        QVERIFY(!letter.provesUse(otherSerial, QStringLiteral("T-0001"), at, false));
        // A wrong password hands out nothing.
        KeyPair none;
        QCOMPARE(codeOf([&] { file.unwrapEmergency(QStringLiteral("EMERGW3001"), pw("ABCD-EFGH-JKMN-PQRT"), &none); }),
                 VaultError::Code::NoMatchingSlot);
        QVERIFY(none.isNull());
    }

    // Two connections of one process (the session's, the sync thread's) change the slot file: neither drops the
    // other's slot.
    void twoConnectionsKeepEachOthersSlots()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile session = KeySlotFile::createFor(path, key, fastKdf());
        session.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        KeySlotFile sync(path);
        sync.load();
        session.addUserSlot(key, QStringLiteral("N000000002"), pw("Kango#2027"), CardKeyAgreement());
        sync.addEmergencySlot(key, EmergencyLetterKey::seal(QStringLiteral("EMERGW3001"), 1, pw("ABCDEFGHJKMNPQRS"), fastKdf()));
        KeySlotFile reread(path);
        reread.load();
        QCOMPARE(reread.keySlots().size(), 3);
        QVERIFY(reread.unwrapUser(QStringLiteral("N000000002"), pw("Kango#2027"), CardKeyAgreement()).equals(key));
        QVERIFY(reread.emergencySlot(QStringLiteral("EMERGW3001")).has_value());
    }

    void wrongPasswordWrongCardMissingSlotAllFailAlike()
    {
        QTemporaryDir dir;
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(dir.filePath(QStringLiteral("s")), key, fastKdf());
        file.addUserSlot(key, QStringLiteral("D000000002"), pw("Ishi!2026x"), test::simulatedCard("card-A"));
        QCOMPARE(codeOf([&] { file.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026y"), test::simulatedCard("card-A")); }),
                 VaultError::Code::NoMatchingSlot);
        QCOMPARE(codeOf([&] { file.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"), test::simulatedCard("card-B")); }),
                 VaultError::Code::NoMatchingSlot);
        QCOMPARE(codeOf([&] { file.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"), CardKeyAgreement()); }),
                 VaultError::Code::NoMatchingSlot);
        QCOMPARE(codeOf([&] { file.unwrapUser(QStringLiteral("X000000009"), pw("Ishi!2026x"), test::simulatedCard("card-A")); }),
                 VaultError::Code::NoMatchingSlot);
    }

    void wrongPasswordAndMissingSlotTakeTheSameTime()
    {
        QTemporaryDir dir;
        const SecureBytes key = Random::secureBytes(32);
        Argon2Params kdf = fastKdf();
        kdf.memoryKiB = 16 * 1024;
        KeySlotFile file = KeySlotFile::createFor(dir.filePath(QStringLiteral("s")), key, kdf);
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        const auto once = [&](const QString& user) {
            QElapsedTimer t;
            t.start();
            codeOf([&] { file.unwrapUser(user, pw("wrong-password"), CardKeyAgreement()); });
            return static_cast<double>(t.nsecsElapsed());
        };
        // Interleaved, and the fastest of each kept: a burst of load from other processes (CI runs two tests at a
        // time) slows a few tries of either kind, never the fastest of both.
        double wrong = 1e18, missing = 1e18;
        for (int i = 0; i < 15; ++i) {
            wrong = std::min(wrong, once(QStringLiteral("N000000001")));
            missing = std::min(missing, once(QStringLiteral("Z000000000")));
        }
        const double ratio = wrong / missing;
        qInfo("wrong password %.2f ms, missing slot %.2f ms, ratio %.3f", wrong / 1e6, missing / 1e6, ratio);
        // Both are one Argon2id run; a real difference would be the whole KDF (ratio ~0 or huge).
        QVERIFY2(ratio > 0.6 && ratio < 1.6, qPrintable(QString::number(ratio)));
    }

    void networkSlotAndRewrap()
    {
        QTemporaryDir dir;
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(dir.filePath(QStringLiteral("s")), key, fastKdf());
        const SecureBytes networkKek = Random::secureBytes(32);
        file.addNetworkSlot(key, networkKek);
        QVERIFY(file.unwrapNetwork(networkKek).equals(key));
        QCOMPARE(codeOf([&] { file.unwrapNetwork(Random::secureBytes(32)); }), VaultError::Code::NoMatchingSlot);
        QCOMPARE(codeOf([&] { file.addNetworkSlot(key, Random::secureBytes(16)); }), VaultError::Code::InvalidInput);

        // Password change: the new slot replaces the old one; the old password stops working.
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Old#Pass2026"), CardKeyAgreement());
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("New#Pass2026"), CardKeyAgreement());
        QCOMPARE(file.keySlots().size(), 2);
        QVERIFY(file.unwrapUser(QStringLiteral("N000000001"), pw("New#Pass2026"), CardKeyAgreement()).equals(key));
        QCOMPARE(codeOf([&] { file.unwrapUser(QStringLiteral("N000000001"), pw("Old#Pass2026"), CardKeyAgreement()); }),
                 VaultError::Code::NoMatchingSlot);
        QVERIFY(file.removeUserSlot(QStringLiteral("N000000001")));
        QVERIFY(!file.removeUserSlot(QStringLiteral("N000000001")));
        KeySlotFile reread(file.path());
        reread.load();
        QCOMPARE(reread.keySlots().size(), 1);
        QVERIFY(reread.hasNetworkSlot());
    }

    void tamperedSlotFileFailsCleanly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        file.addUserSlot(key, QStringLiteral("N000000002"), pw("Kango#2027"), CardKeyAgreement());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        f.close();

        const auto loadCode = [&](const QByteArray& contents) {
            QFile w(path);
            w.open(QIODevice::WriteOnly | QIODevice::Truncate);
            w.write(contents);
            w.close();
            return codeOf([&] {
                KeySlotFile k(path);
                k.load();
                k.unwrapUser(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
            });
        };
        QCOMPARE(loadCode("not json at all"), VaultError::Code::SlotFileCorrupt);
        QCOMPARE(loadCode(original.left(original.size() / 2)), VaultError::Code::SlotFileCorrupt);
        QCOMPARE(loadCode(QByteArray(300 * 1024, '{')), VaultError::Code::SlotFileCorrupt);

        QJsonObject root = QJsonDocument::fromJson(original).object();
        QJsonArray slotArray = root.value(QStringLiteral("slots")).toArray();
        // A flipped bit in the wrapped key: the AEAD tag catches it.
        QJsonObject s0 = slotArray.at(0).toObject();
        QByteArray wrapped = QByteArray::fromBase64(s0.value(QStringLiteral("wrapped")).toString().toLatin1());
        wrapped[20] = static_cast<char>(wrapped[20] ^ 0x04);
        s0.insert(QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64()));
        QJsonArray flipped = slotArray;
        flipped[0] = s0;
        root.insert(QStringLiteral("slots"), flipped);
        QCOMPARE(loadCode(QJsonDocument(root).toJson()), VaultError::Code::NoMatchingSlot);

        // Another user's wrapped key copied into this slot: bound by the AAD, refused.
        QJsonObject moved = slotArray.at(0).toObject();
        moved.insert(QStringLiteral("wrapped"), slotArray.at(1).toObject().value(QStringLiteral("wrapped")));
        QJsonArray swapped = slotArray;
        swapped[0] = moved;
        root.insert(QStringLiteral("slots"), swapped);
        QCOMPARE(loadCode(QJsonDocument(root).toJson()), VaultError::Code::NoMatchingSlot);

        // Absurd KDF parameters (a denial of service through a tampered file) are refused.
        QJsonObject greedy = slotArray.at(0).toObject();
        greedy.insert(QStringLiteral("kdf"), QJsonObject{{QStringLiteral("t"), 3}, {QStringLiteral("m"), 1 << 30},
                                                         {QStringLiteral("p"), 1}});
        QJsonArray g = slotArray;
        g[0] = greedy;
        root.insert(QStringLiteral("slots"), g);
        QCOMPARE(loadCode(QJsonDocument(root).toJson()), VaultError::Code::SlotFileCorrupt);

        QFile::remove(path);
        QCOMPARE(codeOf([&] {
                     KeySlotFile k(path);
                     k.load();
                 }),
                 VaultError::Code::SlotFileMissing);
    }

    void fullDiskLeavesTheOldSlotFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        file.addUserSlot(key, QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();

        // A file-size limit makes write() fail with EFBIG, as a full disk fails with ENOSPC.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit tiny = old;
        tiny.rlim_cur = 200;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        const VaultError::Code code = codeOf(
            [&] { file.addUserSlot(key, QStringLiteral("N000000002"), pw("Kango#2027"), CardKeyAgreement()); });
        setrlimit(RLIMIT_FSIZE, &old);

        QCOMPARE(code, VaultError::Code::DiskFull);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
        QCOMPARE(file.keySlots().size(), 1);  // in-memory state follows only durable writes
    }

    void failedUnwrapIsAuditedAtNextOpen()
    {
        QTemporaryDir dir;
        {
            auto vault = Vault::create(dir.path(), QStringLiteral("T-W3-01"), fastKdf());
            vault->addUserSlot(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement(), QStringLiteral("N000000001"));
        }
        QCOMPARE(codeOf([&] {
                     Vault::openWithPassword(dir.path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"),
                                             pw("wrong"));
                 }),
                 VaultError::Code::NoMatchingSlot);
        auto vault = Vault::openWithPassword(dir.path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"),
                                             pw("Kango#2026"));
        QStringList actions;
        for (const AuditEntry& e : vault->audit().entries())
            actions << e.action + QLatin1Char(':') + e.outcome;
        QCOMPARE(actions, (QStringList{QStringLiteral("vault.create:success"), QStringLiteral("slot.add:success"),
                                       QStringLiteral("vault.unwrap:failure"), QStringLiteral("vault.open:success")}));
        QVERIFY(vault->audit().verify().ok);
        QVERIFY(!QFile::exists(Vault::pendingAuditPath(dir.path())));
    }

    // Attack (issue 10, item 3): a stolen disk and the password, without the card. The old "card secret" was a
    // hash of the card's public key and sat in plain login-cache.json, so the password alone opened the slot.
    // Now the slot needs ECDH with the card's 9D key: public values (the slot's point, the card's public keys,
    // their hashes) give nothing.
    // Proves: AUTH-1
    void slotWithoutTheCardDoesNotOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        auto cardKey = std::make_shared<const KeyPair>(KeyPair::generateP256());  // the card's 9D key
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        const KeySlot slot = file.addUserSlot(key, QStringLiteral("D000000002"), pw("Ishi!2026x"),
                                              CardKeyAgreement::softwareKey(cardKey));
        QCOMPARE(slot.cardPoint.size(), 65);

        // What the thief has: the file, the password, and everything public about the card.
        KeySlotFile stolen(path);
        stolen.load();
        const QByteArray publicKey = cardKey->publicDer();
        const auto noMatch = [&](const CardKeyAgreement& card) {
            return codeOf([&] { stolen.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"), card); })
                == VaultError::Code::NoMatchingSlot;
        };
        QVERIFY(noMatch(CardKeyAgreement()));
        QVERIFY(noMatch(CardKeyAgreement([&](const QByteArray&) {
            return SecureBytes::fromQByteArray(Digest::sha256(publicKey));  // the old design's "secret"
        })));
        QVERIFY(noMatch(CardKeyAgreement([&](const QByteArray& point) {
            return SecureBytes::fromQByteArray(point.mid(1, 32));  // the point's own X coordinate
        })));
        auto otherCard = std::make_shared<const KeyPair>(KeyPair::generateP256());
        QVERIFY(noMatch(CardKeyAgreement::softwareKey(otherCard)));
        // The secret itself is nowhere on disk.
        const SecureBytes secret = cardKey->agree(slot.cardPoint);
        QCOMPARE(secret.size(), std::size_t(32));
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        raw.close();
        QVERIFY(!bytes.contains(secret.toQByteArrayUnsafe().toBase64()));
        QVERIFY(!bytes.contains(secret.toQByteArrayUnsafe().toHex()));
        // With the card, it opens.
        QVERIFY(stolen.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"), CardKeyAgreement::softwareKey(cardKey))
                    .equals(key));
        // A point swapped into the slot breaks the slot's binding (the point is in the wrapped key's AAD).
        QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QJsonArray slotArray = root.value(QStringLiteral("slots")).toArray();
        QJsonObject first = slotArray.at(0).toObject();
        first.insert(QStringLiteral("cardPoint"), QString::fromLatin1(KeyPair::generateP256().publicPoint().toBase64()));
        slotArray.replace(0, first);
        root.insert(QStringLiteral("slots"), slotArray);
        QVERIFY(raw.open(QIODevice::WriteOnly | QIODevice::Truncate));
        raw.write(QJsonDocument(root).toJson());
        raw.close();
        KeySlotFile swapped(path);
        swapped.load();
        QCOMPARE(codeOf([&] {
                     swapped.unwrapUser(QStringLiteral("D000000002"), pw("Ishi!2026x"),
                                        CardKeyAgreement::softwareKey(cardKey));
                 }),
                 VaultError::Code::NoMatchingSlot);
    }

    // A card that cannot answer the key agreement writes no slot.
    void cardThatCannotAgreeWritesNoSlot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.slots"));
        const SecureBytes key = Random::secureBytes(32);
        KeySlotFile file = KeySlotFile::createFor(path, key, fastKdf());
        file.save();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        QCOMPARE(codeOf([&] {
                     file.addUserSlot(key, QStringLiteral("D000000002"), pw("Ishi!2026x"),
                                      CardKeyAgreement([](const QByteArray&) { return SecureBytes(); }));
                 }),
                 VaultError::Code::InvalidInput);
        QVERIFY(file.keySlots().isEmpty());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    // Vaults made with the old slot format (version 1) are refused with a plain "re-enrol" error; the file is
    // left as it was.
    void oldSlotFormatAsksToReEnrol()
    {
        QTemporaryDir dir;
        {
            auto vault = Vault::create(dir.path(), QStringLiteral("T-W3-01"), fastKdf());
            vault->addUserSlot(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement(),
                               QStringLiteral("N000000001"));
        }
        const QString path = Vault::slotFilePath(dir.path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        root.insert(QStringLiteral("version"), 1);
        const QByteArray old = QJsonDocument(root).toJson();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(old);
        f.close();
        try {
            Vault::openWithPassword(dir.path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"), pw("Kango#2026"));
            QFAIL("an old slot file opened");
        } catch (const VaultError& e) {
            QCOMPARE(e.code(), VaultError::Code::SlotFormatOutdated);
            QVERIFY(e.message().contains(QStringLiteral("re-enrol")));
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), old);
    }
    // Issue 14: events written while the vault is closed are MAC-chained under a key the vault keeps
    // (PendingAudit): deleting or editing them is chained as audit.pending.tampered at the next open, never silent.
    // Proves: AUD-2
    void eventsWhileClosedCannotBeDeletedSilently()
    {
        QTemporaryDir dir;
        const QString terminal = QStringLiteral("T-W3-01");
        const QString nurse = QStringLiteral("N000000001");
        {
            auto vault = Vault::create(dir.path(), terminal, fastKdf());
            vault->addUserSlot(nurse, pw("Kango#2026"), CardKeyAgreement(), nurse);
        }
        QFile key(PendingAudit::keyPath(dir.path()));
        QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        auto failTimes = [&](int n) {
            for (int i = 0; i < n; ++i)
                QCOMPARE(codeOf([&] { Vault::openWithPassword(dir.path(), terminal, nurse, pw("wrong")); }),
                         VaultError::Code::NoMatchingSlot);
        };
        // What the next open chains: every entry's action (unverified ones marked), and the tamper reports of this open.
        qint64 seen = 0;
        auto openAndRead = [&](QStringList* problems) {
            auto vault = Vault::openWithPassword(dir.path(), terminal, nurse, pw("Kango#2026"));
            QStringList actions;
            problems->clear();
            for (const AuditEntry& e : vault->audit().entries(1, 1000)) {
                if (e.seq > seen && e.action == QLatin1String("audit.pending.tampered"))
                    for (const QJsonValue& p : e.detail.value(QStringLiteral("problems")).toArray())
                        *problems << p.toString();
                actions << e.action + QLatin1Char(':')
                               + (e.detail.contains(QStringLiteral("verified")) ? QStringLiteral("unverified") : e.outcome);
            }
            seen = vault->audit().headSeq();
            return actions;
        };
        auto countOf = [](const QStringList& actions, const QString& a) { return actions.count(a); };
        QStringList problems;

        // Untouched: both failures chained, verified, nothing reported.
        failTimes(2);
        QStringList actions = openAndRead(&problems);
        QCOMPARE(countOf(actions, QStringLiteral("vault.unwrap:failure")), 2);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char(';'))));

        // The whole file deleted: the key file still counts three.
        failTimes(3);
        QVERIFY(QFile::remove(Vault::pendingAuditPath(dir.path())));
        actions = openAndRead(&problems);
        QCOMPARE(countOf(actions, QStringLiteral("vault.unwrap:failure")), 2);
        QVERIFY2(problems.join(QLatin1Char(';')).contains(QLatin1String("3 of 3 events")), qPrintable(problems.join(QLatin1Char(';'))));

        // The last line cut off: one of two missing.
        failTimes(2);
        {
            QFile f(Vault::pendingAuditPath(dir.path()));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = f.readAll().split('\n');
            f.close();
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(lines.first() + '\n');
        }
        actions = openAndRead(&problems);
        QCOMPARE(countOf(actions, QStringLiteral("vault.unwrap:failure")), 3);
        QVERIFY2(problems.join(QLatin1Char(';')).contains(QLatin1String("1 of 2 events")), qPrintable(problems.join(QLatin1Char(';'))));

        // An edited line: chained, marked unverified, and reported.
        failTimes(1);
        {
            QFile f(Vault::pendingAuditPath(dir.path()));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray text = f.readAll();
            f.close();
            text.replace("\"failure\"", "\"success\"");
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        }
        actions = openAndRead(&problems);
        QCOMPARE(countOf(actions, QStringLiteral("vault.unwrap:unverified")), 1);
        QVERIFY2(problems.join(QLatin1Char(';')).contains(QLatin1String("does not verify")), qPrintable(problems.join(QLatin1Char(';'))));

        // Both files deleted: the vault expected a key file.
        failTimes(1);
        QVERIFY(QFile::remove(Vault::pendingAuditPath(dir.path())));
        QVERIFY(QFile::remove(PendingAudit::keyPath(dir.path())));
        actions = openAndRead(&problems);
        QVERIFY2(problems.join(QLatin1Char(';')).contains(QLatin1String("key file is missing")), qPrintable(problems.join(QLatin1Char(';'))));
        auto vault = Vault::openWithPassword(dir.path(), terminal, nurse, pw("Kango#2026"));
        QVERIFY(vault->audit().verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestKeySlots)
#include "TestKeySlots.moc"
