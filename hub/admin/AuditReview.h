#pragma once

#include "hub/terminals/TerminalAuditRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTime>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class UserDirectory;

// Issue 14: the auditor's review of every terminal's audit chain and the hub's own (AUD-3, AC-3; JAHIS 09-001 §6,
// MHLW guideline: who looked at which patient, when, from where, and its regular review). Read-only except for the
// auditor's mark on a break-the-glass entry, which is itself audited in the hub chain. Rows are JSON objects:
// {source: terminal|hub, terminal, seq, time, user, action, patient, object, outcome, ward, patientWard, detail,
// finding?}, newest first.
class AuditReview
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::AuditReview)

public:
    static constexpr int kMaxPage = 500;
    // An export is the whole result up to this many rows (the auditor narrows the search beyond it).
    static constexpr int kMaxExportRows = 50000;

    struct Filter
    {
        QString patient;     // exact patient id, found through the blind index
        QString user;        // exact staff id (terminal entries' user, hub entries' actor)
        QString terminal;    // exact terminal id
        QString ward;        // the terminal's ward or the patient's
        QStringList actions; // each exact ("login") or covering its sub-events ("login" also finds "login.fallback")
        qint64 fromMs = 0;   // inclusive; 0: open
        qint64 toMs = 0;     // exclusive; 0: open
        QString source;      // "", "terminal" or "hub"
        QString orUserPrefix;  // with actions: also every entry of a user whose ID begins so (the emergency accounts)
        int offset = 0;
        int limit = 100;
    };

    // The hospital's duty hours for the after-hours report: policy "audit": {"dutyStart": "HH:mm", "dutyEnd":
    // "HH:mm", "timeZone": IANA}; absent or unreadable keys take these defaults.
    struct DutyHours
    {
        QTime start{8, 0};
        QTime end{18, 0};
        QString timeZone = QStringLiteral("Asia/Tokyo");
        static DutyHours fromPolicy(const QJsonObject& policy);
        bool covers(qint64 atMs) const;
    };

    AuditReview(HubDatabase& db, const DataKeys& keys, UserDirectory& users);

    // {rows, offset, next (offset of the next page, null at the end)}.
    QJsonObject search(const Filter& filter);
    // kind: patient (filter.patient required) | user (filter.user required) | outside (patient access outside the
    // user's wards or after hours; rows carry finding "outside-wards" / "after-hours") | fallback (fallback and
    // emergency logins, fallback codes, emergency unlocks) | emergency (BCP-1: the wards' emergency accounts — uses,
    // tests, refusals, requests and approvals of letters) | failed-logins (bursts: at least `threshold` failures of
    // one user within `windowMinutes`; one row per burst) | invalid-signatures (records that failed verification at
    // a terminal or were held at the hub). HubError 400 for an unknown kind or a missing subject.
    QJsonObject report(const QString& kind, const Filter& filter, int threshold = 5, int windowMinutes = 10);
    // The break-the-glass entries with their stated reason and review state, oldest first; pendingOnly: the queue.
    QJsonObject breakGlass(bool pendingOnly, const Filter& filter);
    // The auditor's mark; audited `audit.break-glass.review`. HubError not_found (no such break-the-glass entry),
    // 409 already_reviewed, 400 for an empty or overlong comment.
    QJsonObject markReviewed(const QString& terminalId, qint64 seq, const QString& comment, const QString& auditorId,
                             const QString& auditorTerminal);
    // The whole result of a view (search | report | break-glass) for a file; audited `audit.export` with the view,
    // the filter and the row count before the rows leave the hub.
    QJsonObject exportRows(const QString& view, const QString& kind, Filter filter, bool pendingOnly, int threshold,
                           int windowMinutes, const QString& auditorId, const QString& auditorTerminal);

    static constexpr int kMaxCommentLength = 500;

private:
    QJsonArray rows(const Filter& filter, const QString& hubCondition, int limit, int offset);
    QJsonObject rowOf(const QString& source, const QString& terminal, qint64 seq, qint64 at, const QString& user,
                      const QString& action, const QString& outcome, const QString& ward, const QString& patientWard,
                      const QString& plain, const QByteArray& sealed) const;
    QJsonObject outside(const Filter& filter);
    QJsonObject failedLoginBursts(const Filter& filter, int threshold, int windowMinutes);
    static QJsonObject page(const QJsonArray& rows, const Filter& filter);

    HubDatabase& m_db;
    UserDirectory& m_users;
    TerminalAuditRows m_rows;
};

} // namespace ward::hub
