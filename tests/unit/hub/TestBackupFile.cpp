// BCP-3: the encrypted backup file (BackupWriter, BackupReader) and the backup directory's sets and retention
// (BackupDirectory), without a database: lines of every size, across parts, and every way a file can be wrong.

#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/maintenance/BackupDirectory.h"
#include "hub/maintenance/BackupFormat.h"
#include "hub/maintenance/BackupReader.h"
#include "hub/maintenance/BackupWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ward;
using namespace ward::hub;

class TestBackupFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_key;
    QString m_otherKey;

    static QString writeKey(const QString& path)
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(Random::bytes(32));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    QString write(const QString& name, const QList<QByteArray>& lines, QJsonObject header = {}) const
    {
        const QString path = m_dir.filePath(name);
        if (header.isEmpty())
            header = {{QStringLiteral("kind"), QStringLiteral("full")}, {QStringLiteral("id"), name}};
        BackupWriter w(path, m_key, header);
        for (const QByteArray& l : lines)
            w.writeLine(l);
        w.commit();
        return path;
    }

    QList<QByteArray> read(const QString& path) const
    {
        BackupReader r(path, m_key);
        QList<QByteArray> out;
        QByteArray line;
        while (r.readLine(&line))
            out << line;
        return out;
    }

    // The HubError message of reading the whole file, or empty when it reads.
    QString refusal(const QString& path, const QString& key = QString()) const
    {
        try {
            BackupReader r(path, key.isEmpty() ? m_key : key);
            QByteArray line;
            while (r.readLine(&line)) {
            }
            return QString();
        } catch (const HubError& e) {
            return e.message();
        }
    }

    static QByteArray bytesOf(const QString& path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    static QString rewrite(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(bytes);
        return path;
    }

private slots:
    void initTestCase()
    {
        m_key = writeKey(m_dir.filePath(QStringLiteral("master.key")));
        m_otherKey = writeKey(m_dir.filePath(QStringLiteral("other.key")));
    }

    void linesComeBackWhole_data()
    {
        QTest::addColumn<QList<QByteArray>>("lines");
        QTest::newRow("none") << QList<QByteArray>{};
        QTest::newRow("one") << QList<QByteArray>{"{\"t\":\"wards\"}"};
        QTest::newRow("empty lines") << QList<QByteArray>{"", "a", ""};
        // Exactly one part of data, then one byte more: the final part is empty, then holds one line.
        QTest::newRow("part boundary") << QList<QByteArray>{QByteArray(BackupFormat::kPartSize - 1, 'x')};
        QTest::newRow("past boundary") << QList<QByteArray>{QByteArray(BackupFormat::kPartSize, 'x')};
        // A line longer than three parts (a large record), among short ones.
        QTest::newRow("long line") << QList<QByteArray>{"a", QByteArray(3 * BackupFormat::kPartSize + 17, 'y'), "b"};
        QList<QByteArray> many;
        for (int i = 0; i < 40000; ++i)
            many << QByteArray::number(i).repeated(i % 50 + 1);
        QTest::newRow("many") << many;
    }

    void linesComeBackWhole()
    {
        QFETCH(QList<QByteArray>, lines);
        const QString path = write(QStringLiteral("round.wbk"), lines);
        QCOMPARE(read(path), lines);
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        BackupReader r(path, m_key);
        QCOMPARE(r.header().value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
        QCOMPARE(r.header().value(QStringLiteral("formatVersion")).toInt(), 2);
    }

    // Proves: BCP-3
    void everyAlterationIsRefused()
    {
        QList<QByteArray> lines;
        for (int i = 0; i < 3000; ++i)
            lines << QByteArray("{\"t\":\"records\",\"n\":") + QByteArray::number(i) + QByteArray(900, 'r') + '}';
        const QString good = write(QStringLiteral("good.wbk"), lines); // about 2.7 MiB: three parts
        const QByteArray bytes = bytesOf(good);
        const qsizetype headerEnd = bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1;
        QCOMPARE(refusal(good), QString());

        // A flipped bit anywhere: in the header, the MAC line, a length, a part.
        for (qsizetype at : {qsizetype(10), headerEnd - 5, headerEnd + 1, headerEnd + 100, bytes.size() / 2, bytes.size() - 1}) {
            QByteArray b = bytes;
            b[at] = char(b[at] ^ 0x04);
            const QString why = refusal(rewrite(m_dir.filePath(QStringLiteral("flip.wbk")), b));
            QVERIFY2(why.contains(QLatin1String("altered")) || why.contains(QLatin1String("truncated"))
                         || why.contains(QLatin1String("not a wardhub backup")) || why.contains(QLatin1String("master key")),
                     qPrintable(QStringLiteral("flip at %1: %2").arg(at).arg(why)));
        }
        // Cut off anywhere after the header: at a part's end (the final part missing) or inside one.
        for (qsizetype keep : {headerEnd, headerEnd + 2, headerEnd + 4 + BackupFormat::kPartSize + 28, bytes.size() - 1}) {
            const QString why = refusal(rewrite(m_dir.filePath(QStringLiteral("cut.wbk")), bytes.left(keep)));
            QVERIFY2(why.contains(QLatin1String("is truncated")), qPrintable(QStringLiteral("cut at %1: %2").arg(keep).arg(why)));
        }
        // Something after the last part.
        QVERIFY(refusal(rewrite(m_dir.filePath(QStringLiteral("tail.wbk")), bytes + "x")).contains(QLatin1String("data follows its last part")));
        // A part of another backup (same layout, same master key) in place of this one's second part.
        const QString other = write(QStringLiteral("other.wbk"), lines);
        const QByteArray otherBytes = bytesOf(other);
        const qsizetype otherHeaderEnd = otherBytes.indexOf('\n', otherBytes.indexOf('\n') + 1) + 1;
        const qsizetype part = 4 + BackupFormat::kPartSize + 28;
        QByteArray mixed = bytes.left(headerEnd + part) + otherBytes.mid(otherHeaderEnd + part, part) + bytes.mid(headerEnd + 2 * part);
        QVERIFY(refusal(rewrite(m_dir.filePath(QStringLiteral("mixed.wbk")), mixed)).contains(QLatin1String("part 2 does not authenticate")));
        // Two parts swapped.
        QByteArray swapped = bytes.left(headerEnd) + bytes.mid(headerEnd + part, part) + bytes.mid(headerEnd, part) + bytes.mid(headerEnd + 2 * part);
        QVERIFY(refusal(rewrite(m_dir.filePath(QStringLiteral("swapped.wbk")), swapped)).contains(QLatin1String("part 1 does not authenticate")));
        // Another hub's master key.
        QVERIFY(refusal(good, m_otherKey).contains(QLatin1String("does not open with this hub's master key")));
        // Not a backup at all.
        QVERIFY(refusal(rewrite(m_dir.filePath(QStringLiteral("junk.wbk")), "hello\n")).contains(QLatin1String("is not a wardhub backup")));
    }

    // Proves: DATA-8
    void setsChainAndExpire()
    {
        QTemporaryDir backups;
        const auto make = [&](const QString& name, const QDateTime& at, const QString& id, const QString& base) {
            QJsonObject h{{QStringLiteral("kind"), base.isEmpty() ? QStringLiteral("full") : QStringLiteral("incremental")},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("createdAt"), at.toString(Qt::ISODateWithMs)}};
            if (!base.isEmpty())
                h.insert(QStringLiteral("base"), base);
            BackupWriter w(backups.filePath(name), m_key, h);
            w.commit();
        };
        const QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(2, 0), Qt::UTC);
        // 2019: a set long expired. 2021-11: a set whose last incremental is within five years. This week: the newest.
        make(QStringLiteral("wardhub-a-full.wbk"), now.addDays(-2600), QStringLiteral("A"), {});
        make(QStringLiteral("wardhub-a1-incremental.wbk"), now.addDays(-2599), QStringLiteral("A1"), QStringLiteral("A"));
        make(QStringLiteral("wardhub-b-full.wbk"), now.addDays(-1830), QStringLiteral("B"), {});
        make(QStringLiteral("wardhub-b1-incremental.wbk"), now.addDays(-1820), QStringLiteral("B1"), QStringLiteral("B"));
        make(QStringLiteral("wardhub-c-full.wbk"), now.addDays(-2), QStringLiteral("C"), {});
        make(QStringLiteral("wardhub-c1-incremental.wbk"), now.addDays(-1), QStringLiteral("C1"), QStringLiteral("C"));
        make(QStringLiteral("wardhub-c2-incremental.wbk"), now, QStringLiteral("C2"), QStringLiteral("C1"));
        // An incremental whose predecessor is gone, and a file that does not authenticate: reported, never used.
        make(QStringLiteral("wardhub-x-incremental.wbk"), now.addDays(-1), QStringLiteral("X"), QStringLiteral("gone"));
        rewrite(backups.filePath(QStringLiteral("wardhub-y-full.wbk")), bytesOf(backups.filePath(QStringLiteral("wardhub-c-full.wbk"))).left(100));

        BackupDirectory dir(backups.path(), m_key);
        QCOMPARE(dir.sets().size(), 3);
        QCOMPARE(dir.restoreChain(), (QStringList{backups.filePath(QStringLiteral("wardhub-c-full.wbk")),
                                                  backups.filePath(QStringLiteral("wardhub-c1-incremental.wbk")),
                                                  backups.filePath(QStringLiteral("wardhub-c2-incremental.wbk"))}));
        QVERIFY(dir.latest());
        QCOMPARE(dir.latest()->header.value(QStringLiteral("id")).toString(), QStringLiteral("C2"));
        QVERIFY2(dir.problems().size() == 2, qPrintable(dir.problems().join(QLatin1Char('\n'))));
        QVERIFY(dir.problems().join(QLatin1Char('\n')).contains(QLatin1String("wardhub-x-incremental.wbk: follows no backup")));
        QVERIFY(dir.problems().join(QLatin1Char('\n')).contains(QLatin1String("wardhub-y-full.wbk")));
        QVERIFY(dir.newPath(now, true).endsWith(QLatin1String("wardhub-20261204T020000000Z-incremental.wbk")));

        // Five years (1827 days): only the 2019 set goes; the set of late 2021 is kept for its last incremental.
        const QStringList deleted = dir.prune(now, 1827);
        QCOMPARE(deleted, (QStringList{backups.filePath(QStringLiteral("wardhub-a-full.wbk")),
                                       backups.filePath(QStringLiteral("wardhub-a1-incremental.wbk"))}));
        QVERIFY(!QFile::exists(backups.filePath(QStringLiteral("wardhub-a-full.wbk"))));
        QVERIFY(QFile::exists(backups.filePath(QStringLiteral("wardhub-b-full.wbk"))));
        // However short the retention, the newest set stays.
        BackupDirectory again(backups.path(), m_key);
        again.prune(now.addYears(20), 1);
        QCOMPARE(BackupDirectory(backups.path(), m_key).restoreChain().size(), 3);
        QVERIFY(QFile::exists(backups.filePath(QStringLiteral("wardhub-x-incremental.wbk")))); // never deleted
    }
};

QTEST_GUILESS_MAIN(TestBackupFile)
#include "TestBackupFile.moc"
