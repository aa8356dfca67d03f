#include "hub/http/AuditAdminApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/JsonReply.h"
#include "hub/http/RequestBody.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AuditAdminApi", text);
}

QString text(const HubRequest& req, const char* name, int maxLength)
{
    const QString value = QString::fromStdString(req.param(name)).trimmed();
    if (value.size() > maxLength)
        throw HubError(QStringLiteral("bad_request"), tr("%1 is longer than %2 characters.").arg(QLatin1String(name)).arg(maxLength), 400);
    return value;
}

qint64 time(const HubRequest& req, const char* name)
{
    const QString value = text(req, name, 40);
    if (value.isEmpty())
        return 0;
    const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid())
        throw HubError(QStringLiteral("bad_request"),
                       tr("%1 must be an ISO 8601 time such as 2026-12-03T09:00:00+09:00.").arg(QLatin1String(name)), 400);
    return at.toMSecsSinceEpoch();
}
} // namespace

AuditAdminApi::AuditAdminApi(HubServices& services)
    : m_services(services)
    , m_review(services.db, services.keys, services.users)
{
}

AuditReview::Filter AuditAdminApi::filter(const HubRequest& req)
{
    AuditReview::Filter f;
    f.patient = text(req, "patient", 64);
    f.user = text(req, "user", 64);
    f.terminal = text(req, "terminal", 64);
    f.ward = text(req, "ward", 32);
    static const QRegularExpression kAction(QStringLiteral("^[a-z0-9_.-]{1,64}$"));
    for (const QString& a : text(req, "action", 400).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!kAction.match(a.trimmed()).hasMatch())
            throw HubError(QStringLiteral("bad_request"), tr("action lists event types such as patient.view, separated by commas."), 400);
        f.actions << a.trimmed();
    }
    f.fromMs = time(req, "from");
    f.toMs = time(req, "to");
    if (f.fromMs > 0 && f.toMs > 0 && f.toMs <= f.fromMs)
        throw HubError(QStringLiteral("bad_request"), tr("to must be later than from."), 400);
    f.source = text(req, "source", 16);
    if (!f.source.isEmpty() && f.source != QLatin1String("terminal") && f.source != QLatin1String("hub"))
        throw HubError(QStringLiteral("bad_request"), tr("source is terminal or hub."), 400);
    f.offset = AdminRequest::intParam(req.query, "offset", 0, 0, 100000000);
    f.limit = AdminRequest::intParam(req.query, "limit", 100, 1, AuditReview::kMaxPage);
    return f;
}

void AuditAdminApi::search(const HubRequest& req, HubResponse& res, const Admin&)
{
    JsonReply::ok(res, m_review.search(filter(req)));
}

void AuditAdminApi::notices(const HubRequest&, HubResponse& res, const Admin&)
{
    AuditReview::Filter f;
    f.source = QStringLiteral("hub");
    f.actions = QStringList{QStringLiteral("emergency.login"), QStringLiteral("emergency.refused")};
    f.fromMs = Clock::instance().nowUtc().addDays(-kNoticeDays).toMSecsSinceEpoch();
    f.limit = 100;
    QJsonObject result = m_review.search(f);
    // The terminal as IT named it at enrolment, beside its id.
    QJsonArray rows = result.value(QStringLiteral("rows")).toArray();
    QHash<QString, QString> names;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows.at(i).toObject();
        const QString terminal = row.value(QStringLiteral("detail")).toObject().value(QStringLiteral("terminal")).toString();
        if (!names.contains(terminal))
            names.insert(terminal, m_services.terminals.name(terminal));
        row.insert(QStringLiteral("terminalName"), names.value(terminal));
        rows[i] = row;
    }
    result.insert(QStringLiteral("rows"), rows);
    result.insert(QStringLiteral("days"), kNoticeDays);
    JsonReply::ok(res, result);
}

void AuditAdminApi::report(const HubRequest& req, HubResponse& res, const Admin&)
{
    JsonReply::ok(res, m_review.report(text(req, "kind", 32), filter(req), AdminRequest::intParam(req.query, "threshold", 5, 2, 1000),
                                       AdminRequest::intParam(req.query, "minutes", 10, 1, 1440)));
}

void AuditAdminApi::breakGlass(const HubRequest& req, HubResponse& res, const Admin&)
{
    JsonReply::ok(res, m_review.breakGlass(text(req, "status", 16) != QLatin1String("all"), filter(req)));
}

void AuditAdminApi::review(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject body = AdminRequest::body(req.body);
    const QString terminal = RequestBody::requiredString(body, "terminal", 64);
    const QJsonValue seq = body.value(QStringLiteral("seq"));
    if (!seq.isDouble() || seq.toDouble() < 1 || seq.toDouble() != double(seq.toInteger()))
        throw HubError(QStringLiteral("bad_request"), tr("seq must be the entry's sequence number."), 400);
    const QString comment = RequestBody::requiredString(body, "comment", AuditReview::kMaxCommentLength);
    JsonReply::ok(res, m_review.markReviewed(terminal, seq.toInteger(), comment, admin.userId, admin.terminalId));
}

void AuditAdminApi::exportRows(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    // An export is health data leaving for a file: no cache on the way may keep it.
    res.setHeader("Cache-Control", "no-store");
    JsonReply::ok(res, m_review.exportRows(text(req, "view", 16), text(req, "kind", 32), filter(req),
                                           text(req, "status", 16) != QLatin1String("all"),
                                           AdminRequest::intParam(req.query, "threshold", 5, 2, 1000),
                                           AdminRequest::intParam(req.query, "minutes", 10, 1, 1440), admin.userId, admin.terminalId));
}

} // namespace ward::hub
