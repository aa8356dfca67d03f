#include "VaultTestSupport.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlcipher/sqlite3.h>

using namespace ward;
using namespace ward::test;

namespace {

const QString kTerminal = QStringLiteral("T-W3-01");
const QString kUser = QStringLiteral("N000000001");


void makeVault(const QString& dir, int records = 50)
{
    auto vault = Vault::create(dir, kTerminal, fastKdf());
    vault->addUserSlot(kUser, pw("Kango#2026"), CardKeyAgreement(), kUser);
    vault->patients().upsert(patient(QStringLiteral("P0001"), QStringLiteral("佐藤 花子"), QStringLiteral("さとう はなこ")));
    QList<RecordVersion> batch;
    for (int i = 0; i < records; ++i)
        batch << record(QStringLiteral("P0001"), QByteArray("{\"text\":\"note ") + QByteArray::number(i) + "\"}"
                                                     + QByteArray(1500, 'x'));
    vault->records().appendAll(batch);
}

std::unique_ptr<Vault> openAsUser(const QString& dir)
{
    return Vault::openWithPassword(dir, kTerminal, kUser, pw("Kango#2026"));
}

void patchFile(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(offset));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestVaultFile : public QObject
{
    Q_OBJECT

private slots:
    // Proves: DATA-1
    void sqlcipherCliCannotReadWithoutTheKey()
    {
        QTemporaryDir dir;
        makeVault(dir.path());
        const QString db = Vault::databasePath(dir.path());
        QFile raw(db);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("patients"));
        QVERIFY(!bytes.contains(QStringLiteral("佐藤").toUtf8()));

        QProcess cli;
        cli.start(QStringLiteral("sqlcipher"), {db, QStringLiteral("SELECT count(*) FROM sqlite_master;")});
        QVERIFY(cli.waitForFinished(20000));
        const QByteArray out = cli.readAllStandardOutput() + cli.readAllStandardError();
        QVERIFY2(out.contains("file is encrypted or is not a database"), out.constData());
        QVERIFY(cli.exitCode() != 0 || !out.contains("|"));

        // With the key the stock CLI reads it: the file is ordinary SQLCipher, not a private format.
        auto vault = openAsUser(dir.path());
        const QByteArray hex = vault->key().toHex().toQByteArrayUnsafe();
        vault.reset();
        QProcess keyed;
        keyed.start(QStringLiteral("sqlcipher"), {db});
        keyed.write("PRAGMA key = \"x'" + hex + "'\";\nPRAGMA cipher_page_size = 4096;\nSELECT count(*) FROM "
                    "record_versions;\n");
        keyed.closeWriteChannel();
        QVERIFY(keyed.waitForFinished(20000));
        QVERIFY2(keyed.readAllStandardOutput().contains("50"), "keyed sqlcipher CLI did not read 50 records");
    }

    void wrongKeyIsTyped()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        QCOMPARE(codeOf([&] { Vault::openWithKey(dir.path(), kTerminal, Random::secureBytes(32)); }),
                 VaultError::Code::WrongKey);
        QCOMPARE(codeOf([&] { Vault::openWithPassword(dir.path(), kTerminal, kUser, pw("nope")); }),
                 VaultError::Code::NoMatchingSlot);
        QVERIFY(openAsUser(dir.path()));
    }

    void plainSqliteFileIsNotAVault()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        const QString db = Vault::databasePath(dir.path());
        QFile::remove(db);
        QProcess cli;
        cli.start(QStringLiteral("sqlcipher"), {db, QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1);")});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::NotAVault);
    }

    void randomBytesAreCorrupt()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        QFile f(Vault::databasePath(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(Random::bytes(8 * 4096));
        f.close();
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::Corrupt);
    }

    void truncatedDatabaseIsCorrupt()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 200);
        const QString db = Vault::databasePath(dir.path());
        {
            // Fold the WAL into the main file so truncation hits real data.
            auto vault = openAsUser(dir.path());
            vault->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const qint64 size = QFileInfo(db).size();
        QVERIFY(size > 20 * 4096);

        QVERIFY(QFile::resize(db, size - 1000));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::Corrupt);

        // Cut on a page boundary: the file opens, and reading the lost pages is a typed error.
        QVERIFY(QFile::resize(db, (size / 4096 / 2) * 4096));
        const VaultError::Code code = codeOf([&] {
            auto vault = openAsUser(dir.path());
            vault->records().forPatient(QStringLiteral("P0001"));
            vault->checkIntegrity();
        });
        QCOMPARE(code, VaultError::Code::Corrupt);
    }

    void bitFlipInAPageFailsItsHmac()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 200);
        const QString db = Vault::databasePath(dir.path());
        {
            auto vault = openAsUser(dir.path());
            vault->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const qint64 size = QFileInfo(db).size();
        const qint64 offset = (size / 4096 / 2) * 4096 + 1234;
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(offset));
        QByteArray b = f.read(1);
        b[0] = static_cast<char>(b[0] ^ 0x10);
        QVERIFY(f.seek(offset));
        f.write(b);
        f.close();

        const VaultError::Code readCode = codeOf([&] {
            auto vault = openAsUser(dir.path());
            vault->records().forPatient(QStringLiteral("P0001"));
        });
        QCOMPARE(readCode, VaultError::Code::Corrupt);
        const VaultError::Code code = codeOf([&] {
            auto vault = openAsUser(dir.path());
            vault->checkIntegrity();
        });
        QCOMPARE(code, VaultError::Code::Corrupt);

        // Page 1 damaged with the right key: reported as damage, not as a wrong password.
        patchFile(db, 100, QByteArray(8, '\x5a'));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::Corrupt);
    }

    void missingFiles()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        QFile::rename(Vault::slotFilePath(dir.path()), dir.filePath(QStringLiteral("elsewhere")));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::SlotFileMissing);
        QFile::rename(dir.filePath(QStringLiteral("elsewhere")), Vault::slotFilePath(dir.path()));
        QFile::remove(Vault::databasePath(dir.path()));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::NotAVault);
    }

    void lockedDatabaseIsTyped()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        auto holder = openAsUser(dir.path());
        auto other = Vault::openWithKey(dir.path(), kTerminal, holder->key());
        holder->database().exec("BEGIN EXCLUSIVE");
        QCOMPARE(codeOf([&] { other->patients().upsert(patient(QStringLiteral("P0002"), QStringLiteral("鈴木 一郎"),
                                                               QStringLiteral("すずき いちろう"))); }),
                 VaultError::Code::Locked);
        holder->database().exec("ROLLBACK");
        other->patients().upsert(patient(QStringLiteral("P0002"), QStringLiteral("鈴木 一郎"), QStringLiteral("すずき いちろう")));
        QCOMPARE(holder->patients().count(), qint64(2));
    }

    void fullDiskIsTypedAndLosesNothingCommitted()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 10);
        auto vault = openAsUser(dir.path());
        const qint64 before = vault->records().count();
        SqlStatement pages = vault->database().prepare("PRAGMA page_count");
        pages.step();
        const QByteArray limit = "PRAGMA max_page_count = " + QByteArray::number(pages.integer(0) + 1);
        vault->database().exec(limit.constData());
        QList<RecordVersion> big;
        for (int i = 0; i < 40; ++i)
            big << record(QStringLiteral("P0001"), QByteArray(3000, 'y'));
        QCOMPARE(codeOf([&] { vault->records().appendAll(big); }), VaultError::Code::DiskFull);
        QCOMPARE(vault->records().count(), before);
        vault.reset();
        QCOMPARE(openAsUser(dir.path())->records().count(), before);
    }

    // Proves: DATA-5
    void wipeOverwritesRemovesAndLeavesADisposalRecord()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 20);
        const qint64 size = QFileInfo(Vault::databasePath(dir.path())).size()
                            + QFileInfo(Vault::databasePath(dir.path()) + QStringLiteral("-wal")).size();
        ManualClock* clock = new ManualClock(QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        Clock::setInstance(std::shared_ptr<Clock>(clock));
        const DisposalRecord r = Vault::wipe(dir.path(), kTerminal, QStringLiteral("IT00000001"),
                                             QStringLiteral("terminal retired"));
        Clock::setInstance(nullptr);
        QVERIFY(!QFile::exists(Vault::databasePath(dir.path())));
        QVERIFY(!QFile::exists(Vault::slotFilePath(dir.path())));
        QVERIFY(r.files.contains(QStringLiteral("vault.db")));
        QVERIFY(r.files.contains(QStringLiteral("vault.slots")));
        QVERIFY(r.bytesOverwritten >= size);
        const QList<DisposalRecord> onDisk = DisposalRecord::readAll(Vault::disposalPath(dir.path()));
        QCOMPARE(onDisk.size(), 1);
        QCOMPARE(onDisk.first().operatorId, QStringLiteral("IT00000001"));
        QCOMPARE(onDisk.first().time, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        QVERIFY(onDisk.first().method.contains(QLatin1String("overwrite")));
        QCOMPARE(codeOf([&] { openAsUser(dir.path()); }), VaultError::Code::SlotFileMissing);
        // A new vault can be created where the old one was; the disposal record stays.
        Vault::create(dir.path(), kTerminal, fastKdf());
        QCOMPARE(DisposalRecord::readAll(Vault::disposalPath(dir.path())).size(), 1);
    }

    void wipeWorksOnAVaultThatNoLongerOpens()
    {
        QTemporaryDir dir;
        makeVault(dir.path(), 1);
        patchFile(Vault::databasePath(dir.path()), 0, Random::bytes(4096));
        const DisposalRecord r = Vault::wipe(dir.path(), kTerminal, QStringLiteral("IT00000001"), QStringLiteral("corrupt"));
        QVERIFY(r.files.contains(QStringLiteral("vault.db")));
        QVERIFY(!QFile::exists(Vault::databasePath(dir.path())));
    }
};

QTEST_GUILESS_MAIN(TestVaultFile)
#include "TestVaultFile.moc"
