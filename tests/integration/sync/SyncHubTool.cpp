// Test helper (a separate process, because it uses Qt's QSQLITE driver, whose sqlite3 symbols would collide
// with SQLCipher's in the test process): looks into a wardhub's database the way only an attacker or an
// auditor with the data keys could.
//   sync_hub_tool count  --dir D                 → "records N distinct M"
//   sync_hub_tool tamper --dir D --from ID --as NEWID
//       stores a copy of record ID v1 under NEWID with one byte appended to its body, keeping its signature
//       and timestamp token — a tampered record the hub would never have accepted through the API.
//   sync_hub_tool fill --dir D --count N --every K --ward W3 --other-ward W4 --like RECORD_ID
//       N more records for change_feed_bench (one in K in W3, served like pushed ones; see below)
//   sync_hub_tool old-record --dir D --id NEWID --patient P --ward W --author A
//       stores a record body in the shape used before signed FHIR envelopes (issue 9), as a hub seeded by an
//       earlier wardhub would hold it.
//   sync_hub_tool alter --dir D --id ID --column patient_id|type|ward|author --value V
//       changes one metadata column of record ID v1 in the hub's database (SQLite), bypassing the append-only
//       trigger: what someone with database access could do; the signed envelope still says the original.
//   sync_hub_tool policy-raw --dir D --version N --json JSON --signature hub|none|other-hub|tampered
//       stores a policy version straight into the feed (CFG-2 refusal tests): signed by this hub's policy key, not
//       signed, signed by another hub's policy certificate, or with this hub's signature over different bytes.

#include "crypto/CertificateAuthority.h"
#include "crypto/Random.h"
#include "hub/HubServices.h"
#include "hub/records/RecordIngest.h"
#include "policy/SignedPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include "hub/terminals/TerminalDisposals.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

using namespace ward::hub;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    auto arg = [&](const char* name) {
        const int i = a.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < a.size() ? a.at(i + 1) : QString();
    };
    if (a.size() < 2)
        return 2;
    try {
        auto s = HubServices::open(arg("--dir"));
        if (a.at(1) == QLatin1String("count")) {
            QSqlQuery q = s->db.exec(QStringLiteral("SELECT COUNT(*) FROM records"));
            QSqlQuery d = s->db.exec(QStringLiteral("SELECT COUNT(*) FROM (SELECT DISTINCT record_id, version FROM records) x"));
            q.next();
            d.next();
            std::printf("records %lld distinct %lld\n", q.value(0).toLongLong(), d.value(0).toLongLong());
            return 0;
        }
        if (a.at(1) == QLatin1String("disposals")) {
            // What GET /api/v1/admin/terminals/disposals lists for IT (issue 13), one JSON object per line.
            for (const QJsonValue& d : TerminalDisposals(s->db).list(arg("--terminal"), 100))
                std::printf("%s\n", QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact).constData());
            return 0;
        }
        if (a.at(1) == QLatin1String("fill")) {
            // change_feed_bench: --count N more records, one in --every of them in --ward (a copy of record --like
            // under a new id, its body sealed under that id as the hub seals it: served by the feed exactly like a
            // pushed record), the others in --other-ward with small placeholder columns (never served to the bench's
            // terminal: they make the table and its indexes as large as N rows make them). COPY, 10,000 a transaction.
            const int count = arg("--count").toInt(), every = qMax(1, arg("--every").toInt());
            QSqlQuery like = s->db.exec(QStringLiteral("SELECT patient_id, type, author, body, signature, ts_token, terminal_id FROM records"
                                                       " WHERE record_id = ? AND version = 1"),
                                        {arg("--like")});
            if (!like.next())
                return 2;
            const QString likeId = arg("--like");
            QByteArray body;
            if (!s->keys.openHealth(like.value(3).toByteArray(), RecordIngest::bodyAad(likeId, 1), &body))
                return 2;
            QSqlQuery other = s->db.exec(QStringLiteral("SELECT id FROM patients WHERE ward = ? LIMIT 1"), {arg("--other-ward")});
            if (!other.next())
                return 2;
            const QString otherPatient = other.value(0).toString();
            const QStringList columns{QStringLiteral("record_id"), QStringLiteral("version"), QStringLiteral("patient_id"), QStringLiteral("type"),
                                      QStringLiteral("ward"), QStringLiteral("author"), QStringLiteral("prev_hash"), QStringLiteral("body"),
                                      QStringLiteral("body_mac"), QStringLiteral("signature"), QStringLiteral("ts_token"),
                                      QStringLiteral("terminal_id"), QStringLiteral("received_at"), QStringLiteral("seq")};
            const QByteArray mac = s->keys.healthMac(body);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            qint64 served = 0;
            for (int done = 0; done < count;) {
                const int n = qMin(10000, count - done);
                s->db.transaction([&] {
                    qint64 seq = s->db.takeSequence(n);
                    QList<QVariantList> rows;
                    rows.reserve(n);
                    for (int i = 0; i < n; ++i, ++seq) {
                        const QString id = ward::Random::uuid();
                        if (seq % every == 0) {
                            ++served;
                            rows << QVariantList{id, 1, like.value(0), like.value(1), arg("--ward"), like.value(2), QStringLiteral(""),
                                                 s->keys.sealHealth(body, RecordIngest::bodyAad(id, 1)), mac, like.value(4), like.value(5),
                                                 like.value(6), now, seq};
                        } else {
                            rows << QVariantList{id, 1, otherPatient, like.value(1), arg("--other-ward"), like.value(2), QStringLiteral(""),
                                                 QByteArray(48, 'b'), QByteArray(32, 'm'), QByteArray(64, 's'), QByteArray(64, 't'),
                                                 like.value(6), now, seq};
                        }
                    }
                    s->db.appendRows(QStringLiteral("records"), columns, rows);
                });
                done += n;
            }
            std::printf("filled %d records, %lld of them in %s\n", count, served, qPrintable(arg("--ward")));
            return 0;
        }
        if (a.at(1) == QLatin1String("old-record")) {
            const QString id = arg("--id");
            const QByteArray body = "{\"resourceType\":\"Composition\",\"type\":\"nursing-note\",\"text\":\"夜間良眠。\"}";
            s->db.transaction([&] {
                s->db.exec(QStringLiteral("INSERT INTO records (record_id, version, patient_id, type, ward, author, prev_hash, body,"
                                          " body_mac, signature, ts_token, terminal_id, received_at, seq)"
                                          " VALUES (?, 1, ?, 'nursing_note', ?, ?, '', ?, ?, ?, ?, 'old-hub', ?, ?)"),
                           {id, arg("--patient"), arg("--ward"), arg("--author"), s->keys.sealHealth(body, RecordIngest::bodyAad(id, 1)),
                            s->keys.healthMac(body), QByteArray("old signature"), QByteArray("old token"),
                            QDateTime::currentMSecsSinceEpoch(), s->db.takeSequence()});
            });
            std::printf("old record %s\n", qPrintable(id));
            return 0;
        }
        if (a.at(1) == QLatin1String("policy-raw")) {
            const int version = arg("--version").toInt();
            const QJsonObject policy = QJsonDocument::fromJson(arg("--json").toUtf8()).object();
            const QString how = arg("--signature");
            QByteArray signature;
            if (how == QLatin1String("hub")) {
                signature = s->pki->signPolicy(version, policy);
            } else if (how == QLatin1String("tampered")) {
                signature = s->pki->signPolicy(version, QJsonObject{{QStringLiteral("help"), QJsonObject{{QStringLiteral("contact"), QStringLiteral("x")}}}});
            } else if (how == QLatin1String("other-hub")) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                ward::CertificateAuthority other = ward::CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), 365, now);
                auto [key, cert] = other.issueWithNewKey(ward::CertificateProfile::StaffSigning,
                                                         QString::fromLatin1(ward::SignedPolicy::kSignerName), 365, now);
                signature = ward::SignedPolicy::sign(version, policy, cert, key);
            } else if (how != QLatin1String("none")) {
                return 2;
            }
            s->db.transaction([&] {
                s->db.exec(QStringLiteral("INSERT INTO policy (version, json, updated_at, seq, signature) VALUES (?, ?, ?, ?, ?)"),
                           {version, QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact)),
                            QDateTime::currentMSecsSinceEpoch(), s->db.takeSequence(),
                            signature.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(signature.toBase64()))});
            });
            std::printf("policy %d stored\n", version);
            return 0;
        }
        if (a.at(1) == QLatin1String("alter")) {
            const QString column = arg("--column");
            if (!QStringList{QStringLiteral("patient_id"), QStringLiteral("type"), QStringLiteral("ward"), QStringLiteral("author")}.contains(column))
                return 2;
            // The append-only trigger goes first: this plays an attacker with the database (or a broken hub).
            s->db.execDirect(s->db.isPostgres() ? QStringLiteral("DROP TRIGGER IF EXISTS records_append_only ON records")
                                                : QStringLiteral("DROP TRIGGER IF EXISTS records_no_update"));
            s->db.exec(QStringLiteral("UPDATE records SET %1 = ? WHERE record_id = ? AND version = 1").arg(column), {arg("--value"), arg("--id")});
            std::printf("altered %s\n", qPrintable(arg("--id")));
            return 0;
        }
        if (a.at(1) == QLatin1String("sql")) {
            // Issue 14: an attacker with the database edits the audit tables. The append-only guards go first.
            for (const char* t : {"hub_audit", "hub_audit_checkpoints", "terminal_audit_acks"}) {
                if (s->db.isPostgres()) {
                    s->db.execDirect(QStringLiteral("DROP TRIGGER IF EXISTS %1_append_only ON %1").arg(QLatin1String(t)));
                } else {
                    for (const char* op : {"update", "delete"})
                        s->db.execDirect(QStringLiteral("DROP TRIGGER IF EXISTS %1_no_%2").arg(QLatin1String(t), QLatin1String(op)));
                }
            }
            s->db.transaction([&] {
                for (int i = 2; i + 1 < a.size(); ++i)
                    if (a.at(i) == QLatin1String("--statement"))
                        std::printf("%d rows\n", s->db.exec(a.at(i + 1)).numRowsAffected());
            });
            return 0;
        }
        if (a.at(1) == QLatin1String("tamper")) {
            const QString from = arg("--from"), to = arg("--as");
            QSqlQuery q = s->db.exec(QStringLiteral("SELECT patient_id, type, ward, author, body, signature, ts_token, terminal_id,"
                                                    " received_at FROM records WHERE record_id = ? AND version = 1"),
                                     {from});
            if (!q.next())
                return 3;
            QByteArray body;
            if (!s->keys.openHealth(q.value(4).toByteArray(), RecordIngest::bodyAad(from, 1), &body))
                return 4;
            body.append(' ');
            const QVariantList row{to, 1, q.value(0), q.value(1), q.value(2), q.value(3), QStringLiteral(""),
                                   s->keys.sealHealth(body, RecordIngest::bodyAad(to, 1)), s->keys.healthMac(body),
                                   q.value(5), q.value(6), q.value(7), q.value(8)};
            s->db.transaction([&] {
                QVariantList values = row;
                values << s->db.takeSequence();
                s->db.exec(QStringLiteral("INSERT INTO records (record_id, version, patient_id, type, ward, author, prev_hash, body,"
                                          " body_mac, signature, ts_token, terminal_id, received_at, seq)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           values);
            });
            std::printf("tampered %s\n", qPrintable(to));
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sync_hub_tool: %s\n", e.what());
        return 1;
    }
    return 2;
}
