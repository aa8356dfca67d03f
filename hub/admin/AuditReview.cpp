#include "hub/admin/AuditReview.h"

#include "auth/UserId.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>

namespace ward::hub {

namespace {

constexpr auto kBreakGlass = "patient.break-glass";
// A report that has to look at every entry of its range (outside, failed-logins) reads at most this many.
constexpr int kMaxScannedRows = 200000;
constexpr int kScanChunk = 2000;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// LIKE pattern for the sub-events of an action ("login" → "login.%"), '_' and '%' taken literally.
QString subEvents(QString action)
{
    action.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('_'), QStringLiteral("\\_")).replace(QLatin1Char('%'), QStringLiteral("\\%"));
    return action + QStringLiteral(".%");
}

// `userColumn LIKE orUserPrefix%` joins the actions as one more alternative (Filter::orUserPrefix).
void addActions(const QStringList& actions, const QString& userColumn, const QString& orUserPrefix, QStringList* where,
                QVariantList* values)
{
    if (actions.isEmpty())
        return;
    QStringList any;
    for (const QString& a : actions) {
        any << QStringLiteral("action = ? OR action LIKE ? ESCAPE '\\'");
        *values << a << subEvents(a);
    }
    if (!orUserPrefix.isEmpty()) {
        any << userColumn + QStringLiteral(" LIKE ?");
        *values << orUserPrefix + QLatin1Char('%');
    }
    *where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

void addTime(const AuditReview::Filter& f, QStringList* where, QVariantList* values)
{
    if (f.fromMs > 0) {
        *where << QStringLiteral("at >= ?");
        *values << f.fromMs;
    }
    if (f.toMs > 0) {
        *where << QStringLiteral("at < ?");
        *values << f.toMs;
    }
}

QString whereClause(const QStringList& where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

} // namespace

AuditReview::DutyHours AuditReview::DutyHours::fromPolicy(const QJsonObject& policy)
{
    DutyHours d;
    const QJsonObject audit = policy.value(QStringLiteral("audit")).toObject();
    const QTime start = QTime::fromString(audit.value(QStringLiteral("dutyStart")).toString(), QStringLiteral("HH:mm"));
    const QTime end = QTime::fromString(audit.value(QStringLiteral("dutyEnd")).toString(), QStringLiteral("HH:mm"));
    if (start.isValid() && end.isValid() && start != end) {
        d.start = start;
        d.end = end;
    }
    const QString zone = audit.value(QStringLiteral("timeZone")).toString();
    if (!zone.isEmpty() && QTimeZone(zone.toUtf8()).isValid())
        d.timeZone = zone;
    return d;
}

bool AuditReview::DutyHours::covers(qint64 atMs) const
{
    const QTime local = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone(timeZone.toUtf8())).time();
    // A duty window may run over midnight (e.g. 16:00–09:00 for a night shift).
    return start < end ? (local >= start && local < end) : (local >= start || local < end);
}

AuditReview::AuditReview(HubDatabase& db, const DataKeys& keys, UserDirectory& users)
    : m_db(db)
    , m_users(users)
    , m_rows(db, keys)
{
}

QJsonObject AuditReview::rowOf(const QString& source, const QString& terminal, qint64 seq, qint64 at, const QString& user,
                               const QString& action, const QString& outcome, const QString& ward, const QString& patientWard,
                               const QString& plain, const QByteArray& sealed) const
{
    QJsonObject row{{QStringLiteral("source"), source}, {QStringLiteral("seq"), seq},    {QStringLiteral("time"), iso(at)},
                    {QStringLiteral("user"), user},     {QStringLiteral("action"), action}, {QStringLiteral("outcome"), outcome},
                    {QStringLiteral("ward"), ward},     {QStringLiteral("patientWard"), patientWard}};
    if (source == QLatin1String("terminal")) {
        const AuditEntry e = m_rows.entry(terminal, seq, plain, sealed);
        row.insert(QStringLiteral("terminal"), terminal);
        row.insert(QStringLiteral("patient"), e.patient);
        row.insert(QStringLiteral("object"), e.object);
        row.insert(QStringLiteral("detail"), e.detail);
    } else {
        // The hub's own entries: the terminal the person acted from, the person or object acted on.
        const QJsonObject detail = QJsonDocument::fromJson(plain.toUtf8()).object();
        QString from = detail.value(QStringLiteral("adminTerminal")).toString();
        if (from.isEmpty())
            from = detail.value(QStringLiteral("terminal")).toString();
        if (from.isEmpty() && user.startsWith(QLatin1String("terminal:")))
            from = user.mid(9);
        QString object = detail.value(QStringLiteral("user")).toString();
        if (object.isEmpty())
            object = detail.value(QStringLiteral("terminalId")).toString();
        row.insert(QStringLiteral("terminal"), from);
        row.insert(QStringLiteral("patient"), detail.value(QStringLiteral("patientId")).toString());
        row.insert(QStringLiteral("object"), object);
        row.insert(QStringLiteral("detail"), detail);
    }
    return row;
}

QJsonArray AuditReview::rows(const Filter& f, const QString& hubCondition, int limit, int offset)
{
    QStringList tWhere{QStringLiteral("at IS NOT NULL")};
    QVariantList values;
    if (!f.patient.isEmpty()) {
        tWhere << QStringLiteral("patient_mac = ?");
        values << m_rows.patientIndex(f.patient);
    }
    if (!f.user.isEmpty()) {
        tWhere << QStringLiteral("user_id = ?");
        values << f.user;
    }
    if (!f.terminal.isEmpty()) {
        tWhere << QStringLiteral("terminal_id = ?");
        values << f.terminal;
    }
    if (!f.ward.isEmpty()) {
        tWhere << QStringLiteral("(terminal_ward = ? OR patient_ward = ?)");
        values << f.ward << f.ward;
    }
    addActions(f.actions, QStringLiteral("user_id"), f.orUserPrefix, &tWhere, &values);
    addTime(f, &tWhere, &values);
    QString sql = QStringLiteral("SELECT 'terminal' AS source, terminal_id, seq, at, user_id, action, outcome, terminal_ward,"
                                 " patient_ward, entry, sealed FROM terminal_audit")
                  + whereClause(tWhere);
    if (f.source == QLatin1String("hub")) {
        sql.clear();
        values.clear();
    }
    // The hub chain names no patient, terminal or ward column: those filters are the terminals' entries only.
    const bool hubToo = f.source != QLatin1String("terminal") && f.patient.isEmpty() && f.terminal.isEmpty() && f.ward.isEmpty();
    if (hubToo) {
        QStringList hWhere;
        if (!hubCondition.isEmpty())
            hWhere << hubCondition;
        if (!f.user.isEmpty()) {
            hWhere << QStringLiteral("actor = ?");
            values << f.user;
        }
        addActions(f.actions, QStringLiteral("actor"), f.orUserPrefix, &hWhere, &values);
        addTime(f, &hWhere, &values);
        const QString hub = QStringLiteral("SELECT 'hub' AS source, '' AS terminal_id, seq, at, actor AS user_id, action,"
                                           " '' AS outcome, '' AS terminal_ward, '' AS patient_ward, detail AS entry,"
                                           " CAST(NULL AS %1) AS sealed FROM hub_audit")
                                .arg(m_db.blobType())
                            + whereClause(hWhere);
        sql = sql.isEmpty() ? hub : sql + QStringLiteral(" UNION ALL ") + hub;
    }
    QJsonArray out;
    if (sql.isEmpty())
        return out;
    values << limit << offset;
    m_db.snapshot([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT * FROM (") + sql
                                    + QStringLiteral(") u ORDER BY at DESC, source DESC, terminal_id, seq DESC LIMIT ? OFFSET ?"),
                                values);
        while (q.next())
            out.append(rowOf(q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                             q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                             q.value(8).toString(), q.value(9).toString(), q.value(10).toByteArray()));
    });
    return out;
}

QJsonObject AuditReview::page(const QJsonArray& found, const Filter& f)
{
    QJsonArray rows = found;
    const bool more = rows.size() > f.limit;
    while (rows.size() > f.limit)
        rows.removeLast();
    return {{QStringLiteral("rows"), rows},
            {QStringLiteral("offset"), f.offset},
            {QStringLiteral("next"), more ? QJsonValue(f.offset + f.limit) : QJsonValue()}};
}

QJsonObject AuditReview::search(const Filter& f)
{
    return page(rows(f, QString(), f.limit + 1, f.offset), f);
}

QJsonObject AuditReview::outside(const Filter& f)
{
    // Patient access only: every terminal entry naming a patient in the range, judged against the user's wards as
    // the directory holds them now and the duty hours of the newest policy.
    const DutyHours duty = DutyHours::fromPolicy(m_users.policyJson());
    QHash<QString, QStringList> wardsOf;
    Filter scan = f;
    scan.source = QStringLiteral("terminal");
    QJsonArray matches;
    const int wanted = f.offset + f.limit + 1;
    int skipped = 0;
    for (int scanned = 0; scanned < kMaxScannedRows && matches.size() < f.limit + 1; scanned += kScanChunk) {
        const QJsonArray chunk = rows(scan, QString(), kScanChunk, scanned);
        for (const QJsonValue& v : chunk) {
            QJsonObject row = v.toObject();
            if (row.value(QStringLiteral("patient")).toString().isEmpty())
                continue;
            const QString user = row.value(QStringLiteral("user")).toString();
            if (!wardsOf.contains(user)) {
                QSqlQuery q = m_db.exec(QStringLiteral("SELECT wards FROM users WHERE id = ?"), {user});
                QStringList wards;
                if (q.next())
                    for (const QJsonValue& w : QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array())
                        wards << w.toString();
                wardsOf.insert(user, wards);
            }
            QStringList findings;
            const QString patientWard = row.value(QStringLiteral("patientWard")).toString();
            if (!patientWard.isEmpty() && !wardsOf.value(user).contains(patientWard))
                findings << QStringLiteral("outside-wards");
            if (!duty.covers(QDateTime::fromString(row.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()))
                findings << QStringLiteral("after-hours");
            if (findings.isEmpty())
                continue;
            if (skipped < f.offset) {
                ++skipped;
                continue;
            }
            row.insert(QStringLiteral("finding"), findings.join(QLatin1Char(',')));
            matches.append(row);
            if (matches.size() + skipped >= wanted)
                break;
        }
        if (chunk.size() < kScanChunk)
            break;
    }
    QJsonObject result = page(matches, f);
    result.insert(QStringLiteral("dutyStart"), duty.start.toString(QStringLiteral("HH:mm")));
    result.insert(QStringLiteral("dutyEnd"), duty.end.toString(QStringLiteral("HH:mm")));
    result.insert(QStringLiteral("timeZone"), duty.timeZone);
    return result;
}

QJsonObject AuditReview::failedLoginBursts(const Filter& f, int threshold, int windowMinutes)
{
    // Failed logins as the terminals chained them: a refused login, a refused fallback login, a key slot that did not
    // open (wrong password or card). One person's failures are grouped wherever they happened.
    Filter scan = f;
    scan.source = QStringLiteral("terminal");
    scan.actions = QStringList{QStringLiteral("login"), QStringLiteral("vault.unwrap")};
    struct Failure
    {
        qint64 at;
        QString terminal;
    };
    QMap<QString, QList<Failure>> byUser;
    for (int scanned = 0; scanned < kMaxScannedRows; scanned += kScanChunk) {
        const QJsonArray chunk = rows(scan, QString(), kScanChunk, scanned);
        for (const QJsonValue& v : chunk) {
            const QJsonObject row = v.toObject();
            const QString outcome = row.value(QStringLiteral("outcome")).toString();
            if (outcome != QLatin1String("failure") && outcome != QLatin1String("denied"))
                continue;
            const QString who = row.value(QStringLiteral("user")).toString();
            byUser[who].append({QDateTime::fromString(row.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch(),
                                row.value(QStringLiteral("terminal")).toString()});
        }
        if (chunk.size() < kScanChunk)
            break;
    }
    const qint64 window = qint64(windowMinutes) * 60 * 1000;
    QList<QJsonObject> bursts;
    for (auto it = byUser.begin(); it != byUser.end(); ++it) {
        QList<Failure>& list = it.value();
        std::sort(list.begin(), list.end(), [](const Failure& a, const Failure& b) { return a.at < b.at; });
        int i = 0;
        while (i < list.size()) {
            int j = i;
            while (j + 1 < list.size() && list[j + 1].at - list[i].at <= window)
                ++j;
            if (j - i + 1 < threshold) {
                ++i;
                continue;
            }
            // The burst goes on while each further failure still has threshold-1 others within the window before it.
            while (j + 1 < list.size() && list[j + 1].at - list[j + 2 - threshold].at <= window)
                ++j;
            QStringList terminals;
            for (int k = i; k <= j; ++k)
                if (!terminals.contains(list[k].terminal))
                    terminals << list[k].terminal;
            bursts << QJsonObject{{QStringLiteral("source"), QStringLiteral("terminal")},
                                  {QStringLiteral("time"), iso(list[i].at)},
                                  {QStringLiteral("until"), iso(list[j].at)},
                                  {QStringLiteral("user"), it.key()},
                                  {QStringLiteral("terminal"), terminals.join(QLatin1Char(','))},
                                  {QStringLiteral("action"), QStringLiteral("login")},
                                  {QStringLiteral("outcome"), QStringLiteral("failure")},
                                  {QStringLiteral("count"), j - i + 1},
                                  {QStringLiteral("finding"), QStringLiteral("failed-login-burst")}};
            i = j + 1;
        }
    }
    std::sort(bursts.begin(), bursts.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("time")).toString() > b.value(QStringLiteral("time")).toString();
    });
    QJsonArray found;
    for (int k = f.offset; k < bursts.size() && found.size() <= f.limit; ++k)
        found.append(bursts[k]);
    QJsonObject result = page(found, f);
    result.insert(QStringLiteral("threshold"), threshold);
    result.insert(QStringLiteral("windowMinutes"), windowMinutes);
    return result;
}

QJsonObject AuditReview::report(const QString& kind, const Filter& filter, int threshold, int windowMinutes)
{
    Filter f = filter;
    QJsonObject result;
    if (kind == QLatin1String("patient")) {
        if (f.patient.isEmpty())
            throw HubError(QStringLiteral("bad_request"), tr("The patient report needs the patient's ID."), 400);
        result = search(f);
    } else if (kind == QLatin1String("user")) {
        if (f.user.isEmpty())
            throw HubError(QStringLiteral("bad_request"), tr("The activity report needs the staff ID."), 400);
        result = search(f);
    } else if (kind == QLatin1String("outside")) {
        result = outside(f);
    } else if (kind == QLatin1String("fallback")) {
        f.actions = QStringList{QStringLiteral("login.fallback"), QStringLiteral("session.fallback"),
                                QStringLiteral("user.fallback-code.issue"), QStringLiteral("user.unlock")};
        // An unlock is listed only when it was the console's emergency unlock (UserDirectory::emergencyUnlock).
        result = page(rows(f, QStringLiteral("(action <> 'user.unlock' OR detail LIKE '%\"emergency\":true%')"), f.limit + 1, f.offset), f);
    } else if (kind == QLatin1String("emergency")) {
        // BCP-1, apart from the chart's per-patient break-the-glass: the wards' emergency accounts — each use with the
        // real person and the reason, periodic tests, refusals, and the two people behind each letter.
        f.actions = QStringList{QStringLiteral("emergency"), QStringLiteral("login.emergency")};
        // BCP-1: every action of an emergency account's session is flagged for review, so all of them are here.
        f.orUserPrefix = QLatin1String(UserId::kEmergencyPrefix);
        result = search(f);
    } else if (kind == QLatin1String("failed-logins")) {
        result = failedLoginBursts(f, threshold, windowMinutes);
    } else if (kind == QLatin1String("invalid-signatures")) {
        // Records whose signature a terminal found invalid or the hub refused on sync, and records the hub held for
        // review (ReviewQueue: signed outside the grace window or after a revocation).
        f.actions = QStringList{QStringLiteral("record.signature-invalid"), QStringLiteral("sync.record.reject"),
                                QStringLiteral("record.review.hold")};
        result = search(f);
    } else {
        throw HubError(QStringLiteral("bad_request"),
                       tr("Unknown report \"%1\": patient, user, outside, fallback, emergency, failed-logins or invalid-signatures.").arg(kind.left(32)),
                       400);
    }
    result.insert(QStringLiteral("report"), kind);
    return result;
}

QJsonObject AuditReview::breakGlass(bool pendingOnly, const Filter& f)
{
    QStringList where{QStringLiteral("t.action = ?")};
    QVariantList values{QString::fromLatin1(kBreakGlass)};
    if (pendingOnly)
        where << QStringLiteral("r.seq IS NULL");
    if (!f.user.isEmpty()) {
        where << QStringLiteral("t.user_id = ?");
        values << f.user;
    }
    if (!f.ward.isEmpty()) {
        where << QStringLiteral("(t.terminal_ward = ? OR t.patient_ward = ?)");
        values << f.ward << f.ward;
    }
    if (!f.patient.isEmpty()) {
        where << QStringLiteral("t.patient_mac = ?");
        values << m_rows.patientIndex(f.patient);
    }
    if (f.fromMs > 0) {
        where << QStringLiteral("t.at >= ?");
        values << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("t.at < ?");
        values << f.toMs;
    }
    values << f.limit + 1 << f.offset;
    QJsonArray found;
    m_db.snapshot([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT t.terminal_id, t.seq, t.at, t.user_id, t.action, t.outcome, t.terminal_ward,"
                                               " t.patient_ward, t.entry, t.sealed, r.reviewed_by, r.reviewed_at, r.comment"
                                               " FROM terminal_audit t LEFT JOIN audit_btg_reviews r"
                                               " ON r.terminal_id = t.terminal_id AND r.seq = t.seq")
                                    + whereClause(where) + QStringLiteral(" ORDER BY t.at, t.terminal_id, t.seq LIMIT ? OFFSET ?"),
                                values);
        while (q.next()) {
            QJsonObject row = rowOf(QStringLiteral("terminal"), q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                                    q.value(7).toString(), q.value(8).toString(), q.value(9).toByteArray());
            // AC-3: the reason the person gave when they opened the chart.
            row.insert(QStringLiteral("reason"), row.value(QStringLiteral("detail")).toObject().value(QStringLiteral("reason")).toString());
            const bool reviewed = !q.value(10).isNull();
            row.insert(QStringLiteral("reviewed"), reviewed);
            row.insert(QStringLiteral("reviewedBy"), reviewed ? QJsonValue(q.value(10).toString()) : QJsonValue());
            row.insert(QStringLiteral("reviewedAt"), reviewed ? QJsonValue(iso(q.value(11).toLongLong())) : QJsonValue());
            row.insert(QStringLiteral("comment"), reviewed ? QJsonValue(q.value(12).toString()) : QJsonValue());
            found.append(row);
        }
    });
    return page(found, f);
}

QJsonObject AuditReview::markReviewed(const QString& terminalId, qint64 seq, const QString& comment, const QString& auditorId,
                                      const QString& auditorTerminal)
{
    const QString text = comment.trimmed();
    if (text.isEmpty() || text.size() > kMaxCommentLength)
        throw HubError(QStringLiteral("bad_request"),
                       tr("The review needs a comment (1 to %1 characters).").arg(kMaxCommentLength), 400);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    return m_db.transaction([&] {
        // The entry's row lock serialises two auditors marking the same entry at once.
        QSqlQuery entry = m_db.exec(QStringLiteral("SELECT action, user_id FROM terminal_audit WHERE terminal_id = ? AND seq = ?")
                                        + m_db.forUpdate(),
                                    {terminalId, seq});
        if (!entry.next() || entry.value(0).toString() != QLatin1String(kBreakGlass))
            throw HubError(QStringLiteral("not_found"), tr("There is no break-the-glass entry %1/%2.").arg(terminalId).arg(seq), 404);
        const QString accessor = entry.value(1).toString();
        QSqlQuery done = m_db.exec(QStringLiteral("SELECT reviewed_by FROM audit_btg_reviews WHERE terminal_id = ? AND seq = ?"),
                                   {terminalId, seq});
        if (done.next())
            throw HubError(QStringLiteral("already_reviewed"),
                           tr("This break-the-glass entry was already reviewed by %1.").arg(done.value(0).toString()), 409);
        m_db.exec(QStringLiteral("INSERT INTO audit_btg_reviews (terminal_id, seq, reviewed_by, reviewed_terminal, reviewed_at, comment)"
                                 " VALUES (?,?,?,?,?,?)"),
                  {terminalId, seq, auditorId, auditorTerminal, now, text});
        HubAuditLog(m_db).append(auditorId, QStringLiteral("audit.break-glass.review"),
                                 {{QStringLiteral("terminal"), terminalId},
                                  {QStringLiteral("seq"), seq},
                                  {QStringLiteral("user"), accessor},
                                  {QStringLiteral("comment"), text},
                                  {QStringLiteral("adminTerminal"), auditorTerminal},
                                  {QStringLiteral("via"), QStringLiteral("admin-api")}});
        return QJsonObject{{QStringLiteral("terminal"), terminalId}, {QStringLiteral("seq"), seq},
                           {QStringLiteral("reviewedBy"), auditorId}, {QStringLiteral("reviewedAt"), iso(now)},
                           {QStringLiteral("comment"), text}};
    });
}

QJsonObject AuditReview::exportRows(const QString& view, const QString& kind, Filter f, bool pendingOnly, int threshold,
                                    int windowMinutes, const QString& auditorId, const QString& auditorTerminal)
{
    f.offset = 0;
    f.limit = kMaxExportRows;
    QJsonObject result;
    if (view == QLatin1String("search"))
        result = search(f);
    else if (view == QLatin1String("report"))
        result = report(kind, f, threshold, windowMinutes);
    else if (view == QLatin1String("break-glass"))
        result = breakGlass(pendingOnly, f);
    else
        throw HubError(QStringLiteral("bad_request"), tr("Unknown view \"%1\": search, report or break-glass.").arg(view.left(32)), 400);
    const qint64 count = result.value(QStringLiteral("rows")).toArray().size();
    QJsonObject detail{{QStringLiteral("view"), view},
                       {QStringLiteral("rows"), count},
                       {QStringLiteral("truncated"), !result.value(QStringLiteral("next")).isNull()},
                       {QStringLiteral("adminTerminal"), auditorTerminal},
                       {QStringLiteral("via"), QStringLiteral("admin-api")}};
    const auto put = [&detail](const char* key, const QString& value) {
        if (!value.isEmpty())
            detail.insert(QLatin1String(key), value);
    };
    put("report", view == QLatin1String("report") ? kind : QString());
    put("patientId", f.patient);
    put("user", f.user);
    put("terminal", f.terminal);
    put("ward", f.ward);
    put("actions", f.actions.join(QLatin1Char(',')));
    put("from", f.fromMs > 0 ? iso(f.fromMs) : QString());
    put("to", f.toMs > 0 ? iso(f.toMs) : QString());
    // The export is on record before its rows leave the hub.
    HubAuditLog(m_db).append(auditorId, QStringLiteral("audit.export"), detail);
    result.insert(QStringLiteral("exported"), count);
    return result;
}

} // namespace ward::hub
