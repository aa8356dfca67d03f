// vault_bench: the vault's budgets on 10^4 patients / 10^5 record versions, and the same workload
// on plain SQLite (the same SQLCipher library without a key) in the same run.
#include "BenchReport.h"
#include "crypto/Random.h"
#include "records/KanaFolding.h"
#include "vault/PatientStore.h"
#include "vault/RecordStore.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/Vault.h"
#include "vault/VaultSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace ward;
using ward::bench::BenchReport;

namespace {

constexpr int kPatients = 10000;
constexpr int kVersions = 100000;
constexpr int kChartVersions = 200;

const QStringList kFamily{QStringLiteral("佐藤|さとう"), QStringLiteral("鈴木|すずき"), QStringLiteral("高橋|たかはし"),
                          QStringLiteral("田中|たなか"), QStringLiteral("伊藤|いとう"), QStringLiteral("渡辺|わたなべ"),
                          QStringLiteral("山本|やまもと"), QStringLiteral("中村|なかむら"), QStringLiteral("小林|こばやし"),
                          QStringLiteral("加藤|かとう"), QStringLiteral("吉田|よしだ"), QStringLiteral("山田|やまだ"),
                          QStringLiteral("佐々木|ささき"), QStringLiteral("山口|やまぐち"), QStringLiteral("松本|まつもと"),
                          QStringLiteral("井上|いのうえ"), QStringLiteral("木村|きむら"), QStringLiteral("林|はやし"),
                          QStringLiteral("斎藤|さいとう"), QStringLiteral("清水|しみず")};
const QStringList kGiven{QStringLiteral("花子|はなこ"), QStringLiteral("一郎|いちろう"), QStringLiteral("健|けん"),
                         QStringLiteral("美咲|みさき"), QStringLiteral("大輔|だいすけ"), QStringLiteral("陽子|ようこ"),
                         QStringLiteral("翔太|しょうた"), QStringLiteral("さくら|さくら"), QStringLiteral("誠|まこと"),
                         QStringLiteral("恵子|けいこ"), QStringLiteral("拓也|たくや"), QStringLiteral("由美|ゆみ")};

QList<Patient> makePatients()
{
    QList<Patient> out;
    auto* rng = QRandomGenerator::global();
    for (int i = 0; i < kPatients; ++i) {
        const QStringList f = kFamily.at(rng->bounded(kFamily.size())).split(QLatin1Char('|'));
        const QStringList g = kGiven.at(rng->bounded(kGiven.size())).split(QLatin1Char('|'));
        Patient p;
        p.patientId = QStringLiteral("P%1").arg(i, 7, 10, QLatin1Char('0'));
        p.name = f.at(0) + QLatin1Char(' ') + g.at(0);
        p.kana = f.at(1) + QLatin1Char(' ') + g.at(1);
        p.birthDate = QDate(1930 + rng->bounded(80), 1 + rng->bounded(12), 1 + rng->bounded(28));
        p.sex = rng->bounded(2) ? QStringLiteral("F") : QStringLiteral("M");
        p.address = QStringLiteral("愛知県日進市%1丁目").arg(rng->bounded(1, 9));
        p.ward = QStringLiteral("W%1").arg(1 + i % 3);
        p.bed = QStringLiteral("%1-%2").arg(300 + i % 40).arg(1 + i % 4);
        out << p;
    }
    return out;
}

QList<RecordVersion> makeRecords()
{
    QList<RecordVersion> out;
    out.reserve(kVersions);
    const QByteArray signature = Random::bytes(1100);  // size of a CMS SignedData with its certificate
    const QDateTime t0(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < kVersions; ++i) {
        RecordVersion r;
        r.recordId = QStringLiteral("rec-%1").arg(i);
        // Patient 0 carries the 200-version chart; the rest spread over the others.
        r.patientId = i < kChartVersions ? QStringLiteral("P0000000")
                                         : QStringLiteral("P%1").arg(1 + (i * 7919) % (kPatients - 1), 7, 10, QLatin1Char('0'));
        r.type = QStringLiteral("nursing-note");
        r.classification = 2;
        r.compartment = QStringLiteral("W1");
        r.author = QStringLiteral("N000000001");
        r.createdAt = t0.addSecs(i * 37);
        r.confirmedAt = r.createdAt;
        r.body = QStringLiteral("{\"resourceType\":\"Observation\",\"S\":\"夜間は良眠。疼痛の訴えなし。\",\"O\":\"BT 36.%1 "
                                "P 72 BP 124/78 SpO2 97%%\",\"A\":\"状態安定\",\"P\":\"経過観察を継続する。\",\"n\":%2}")
                     .arg(i % 10)
                     .arg(i)
                     .toUtf8();
        r.signature = signature;
        out << r;
    }
    return out;
}

struct Workload
{
    QList<double> searchMs;
    QList<double> chartMs;
    double totalMs = 0;
};

Workload runWorkload(PatientStore& patients, RecordStore& records)
{
    Workload w;
    auto* rng = QRandomGenerator::global();
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < 300; ++i) {
        QString query;
        switch (i % 4) {
        case 0:
            query = kFamily.at(rng->bounded(kFamily.size())).section(QLatin1Char('|'), 1, 1);  // kana family name
            break;
        case 1:
            query = kFamily.at(rng->bounded(kFamily.size())).section(QLatin1Char('|'), 0, 0);  // kanji
            break;
        case 2:
            query = QStringLiteral("P%1").arg(rng->bounded(kPatients), 7, 10, QLatin1Char('0')).left(6);  // ID prefix
            break;
        default:
            query = kGiven.at(rng->bounded(kGiven.size())).section(QLatin1Char('|'), 1, 1).left(2);  // two kana
            break;
        }
        QElapsedTimer t;
        t.start();
        const auto hits = patients.search(query, 50);
        w.searchMs << t.nsecsElapsed() / 1e6;
        Q_UNUSED(hits);
    }
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer t;
        t.start();
        const auto chart = records.forPatient(QStringLiteral("P0000000"), kChartVersions);
        w.chartMs << t.nsecsElapsed() / 1e6;
        if (chart.size() != kChartVersions)
            qFatal("chart has %d versions", static_cast<int>(chart.size()));
        // Other patients' charts in between so the measured one is not always hot in the cache.
        records.forPatient(QStringLiteral("P%1").arg(1 + rng->bounded(kPatients - 1), 7, 10, QLatin1Char('0')));
    }
    w.totalMs = total.nsecsElapsed() / 1e6;
    return w;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    BenchReport report;
    QTemporaryDir dir;
    const QList<Patient> patients = makePatients();
    const QList<RecordVersion> records = makeRecords();

    Argon2Params kdf;
    kdf.timeCost = 1;
    kdf.memoryKiB = 8 * 1024;
    SecureBytes key;
    {
        QElapsedTimer t;
        t.start();
        auto vault = Vault::create(dir.filePath(QStringLiteral("enc")), QStringLiteral("T-BENCH"), kdf);
        vault->patients().upsertAll(patients);
        vault->records().appendAll(records);
        key = vault->key();
        BenchReport::info("vault_load_10e5_versions_s", t.elapsed() / 1000.0, "s");
    }

    // Open: slot file, page 1 decrypted, schema checked. (The Argon2id unwrap is measured by login_bench.)
    QList<double> openMs;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer t;
        t.start();
        auto v = Vault::openWithKey(dir.filePath(QStringLiteral("enc")), QStringLiteral("T-BENCH"), key);
        v->patients().count();
        openMs << t.nsecsElapsed() / 1e6;
    }
    // A chart opened on a fresh connection: every page comes from disk through decryption.
    QList<double> coldChartMs;
    for (int i = 0; i < 15; ++i) {
        auto v = Vault::openWithKey(dir.filePath(QStringLiteral("enc")), QStringLiteral("T-BENCH"), key);
        QElapsedTimer t;
        t.start();
        const auto chart = v->records().forPatient(QStringLiteral("P0000000"), kChartVersions);
        coldChartMs << t.nsecsElapsed() / 1e6;
        if (chart.size() != kChartVersions)
            qFatal("chart has %d versions", static_cast<int>(chart.size()));
    }
    auto vault = Vault::openWithKey(dir.filePath(QStringLiteral("enc")), QStringLiteral("T-BENCH"), key);
    if (vault->records().count() != kVersions || vault->patients().count() != kPatients)
        qFatal("vault holds the wrong amount of data");

    // Baseline: the same schema, queries and library, without encryption.
    const QString plainPath = dir.filePath(QStringLiteral("plain.db"));
    {
        SqlCipherDatabase create(plainPath, SecureBytes(), true);
        VaultSchema::migrate(create);
        PatientStore(create).upsertAll(patients);
        RecordStore(create).appendAll(records);
    }
    SqlCipherDatabase plain(plainPath, SecureBytes(), false);
    PatientStore plainPatients(plain);
    RecordStore plainRecords(plain);

    // Alternate the two in rounds so background load on a shared machine hits both alike; the
    // ratio reported is the median of the rounds.
    Workload enc;
    Workload base;
    QList<double> ratios;
    for (int round = 0; round < 7; ++round) {
        const Workload e = runWorkload(vault->patients(), vault->records());
        const Workload b = runWorkload(plainPatients, plainRecords);
        enc.searchMs += e.searchMs;
        enc.chartMs += e.chartMs;
        enc.totalMs += e.totalMs;
        base.searchMs += b.searchMs;
        base.chartMs += b.chartMs;
        base.totalMs += b.totalMs;
        ratios << e.totalMs / b.totalMs;
    }
    vault.reset();

    report.figure("vault_open_p50_ms", BenchReport::percentile(openMs, 0.5), "ms", BenchReport::Op::AtMost, 300);
    report.figure("vault_search_p50_ms", BenchReport::percentile(enc.searchMs, 0.5), "ms", BenchReport::Op::AtMost, 30);
    report.figure("vault_search_p95_ms", BenchReport::percentile(enc.searchMs, 0.95), "ms", BenchReport::Op::AtMost, 30);
    report.figure("vault_chart200_p50_ms", BenchReport::percentile(enc.chartMs, 0.5), "ms", BenchReport::Op::AtMost, 50);
    report.figure("vault_chart200_p95_ms", BenchReport::percentile(enc.chartMs, 0.95), "ms", BenchReport::Op::AtMost, 50);
    report.figure("vault_chart200_fresh_connection_p95_ms", BenchReport::percentile(coldChartMs, 0.95), "ms",
                  BenchReport::Op::AtMost, 50);
    BenchReport::info("plain_search_p95_ms", BenchReport::percentile(base.searchMs, 0.95), "ms");
    BenchReport::info("plain_chart200_p50_ms", BenchReport::percentile(base.chartMs, 0.5), "ms");
    BenchReport::info("workload_encrypted_ms", enc.totalMs, "ms");
    BenchReport::info("workload_plain_ms", base.totalMs, "ms");
    report.figure("vault_vs_plain_sqlite_ratio", BenchReport::percentile(ratios, 0.5), "x", BenchReport::Op::AtMost, 1.3);
    return report.exitCode();
}
