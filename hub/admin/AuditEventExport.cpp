#include "hub/admin/AuditEventExport.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AuditReview.h"
#include "hub/storage/HubAuditLog.h"
#include "records/RecordCodec.h"
#include "util/Clock.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QUuid>
#include <algorithm>

namespace ward::hub {

namespace {

constexpr auto kRoleTypeSystem = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
constexpr auto kSourceTypeSystem = "http://terminology.hl7.org/CodeSystem/security-source-type";
constexpr auto kEntityTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
constexpr auto kObjectRoleSystem = "http://terminology.hl7.org/CodeSystem/object-role";
constexpr auto kActReasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
constexpr auto kOperatorSystem = "http://wardstation.jp/fhir/sid/hub-operator";
constexpr auto kAuditEntrySystem = "http://wardstation.jp/fhir/sid/audit-entry";
// Rows read from AuditReview per query while the whole range is collected.
constexpr int kPage = 5000;

// One line of the mapping table (docs/ARCHITECTURE.md): DICOM event type, optional DICOM subtype, FHIR action
// (C create, R read/view/print, U update, D delete, E execute).
struct EventKind
{
    const char* type;
    const char* typeDisplay;
    const char* subtype;
    const char* subtypeDisplay;
    const char* action;
};

constexpr EventKind kLogin{"110114", "User Authentication", "110122", "Login", "E"};
constexpr EventKind kLogout{"110114", "User Authentication", "110123", "Logout", "E"};
constexpr EventKind kPatientRead{"110110", "Patient Record", nullptr, nullptr, "R"};
constexpr EventKind kPatientCreate{"110110", "Patient Record", nullptr, nullptr, "C"};
constexpr EventKind kPatientUpdate{"110110", "Patient Record", nullptr, nullptr, "U"};
constexpr EventKind kPatientDelete{"110110", "Patient Record", nullptr, nullptr, "D"};
constexpr EventKind kQuery{"110112", "Query", nullptr, nullptr, "E"};
constexpr EventKind kExport{"110106", "Export", nullptr, nullptr, "R"};
constexpr EventKind kAuditLogUsed{"110101", "Audit Log Used", nullptr, nullptr, "R"};
constexpr EventKind kAlert{"110113", "Security Alert", nullptr, nullptr, "E"};
constexpr EventKind kUserChanged{"110113", "Security Alert", "110137", "User Security Attributes Changed", "U"};
constexpr EventKind kUserCreated{"110113", "Security Alert", "110137", "User Security Attributes Changed", "C"};
constexpr EventKind kRolesChanged{"110113", "Security Alert", "110136", "Security Roles Changed", "U"};
constexpr EventKind kSecurityConfig{"110113", "Security Alert", "110129", "Security Configuration", "U"};
constexpr EventKind kNodeEnrolled{"110113", "Security Alert", "110128", "Network Configuration", "C"};
constexpr EventKind kNodeRevoked{"110113", "Security Alert", "110128", "Network Configuration", "U"};
constexpr EventKind kNodeWiped{"110113", "Security Alert", "110130", "Hardware Configuration", "D"};
constexpr EventKind kAppStart{"110100", "Application Activity", "110120", "Application Start", "E"};
constexpr EventKind kApplication{"110100", "Application Activity", nullptr, nullptr, "E"};

const QHash<QString, EventKind>& kinds()
{
    static const QHash<QString, EventKind> table = [] {
        QHash<QString, EventKind> t;
        const auto put = [&t](std::initializer_list<const char*> actions, const EventKind& kind) {
            for (const char* a : actions)
                t.insert(QLatin1String(a), kind);
        };
        put({"login", "login.fallback", "login.fallback.flag", "session.open", "session.fallback", "session.failed", "session.refused",
             "session.start", "session.unlock", "session.takeover", "vault.unwrap",
             // BCP-1: the emergency account's logins, tests and refusals are authentications too.
             "login.emergency", "login.emergency.flag", "emergency.login", "emergency.test", "emergency.refused"},
            kLogin);
        put({"session.logout", "session.lock"}, kLogout);
        put({"patient.view", "patient.break-glass", "chart.read", "chart.read.identity", "record.open", "record.history"}, kPatientRead);
        put({"record.confirm", "draft.create", "record.proxy-submit", "proxy.enter"}, kPatientCreate);
        put({"record.approve", "proxy.approve", "record.review.accept", "record.review.refuse", "record.review.hold", "patient.upsert"},
            kPatientUpdate);
        put({"record.entered-in-error"}, kPatientDelete);
        put({"patient.search"}, kQuery);
        put({"patient.export", "audit.export"}, kExport);
        put({"audit.break-glass.review"}, kAuditLogUsed);
        put({"record.signature-invalid", "sync.record.reject", "audit.pending.tampered", "policy.refused", "vault.integrity"}, kAlert);
        put({"account.lock", "user.locked", "user.unlock", "user.fallback-code.issue", "card.bind", "card.revoke", "slot.add", "slot.remove",
             "password.change", "emergency.request", "emergency.approve"},
            kUserChanged);
        put({"user.add"}, kUserCreated);
        put({"user.roles"}, kRolesChanged);
        put({"policy.set", "ward.set"}, kSecurityConfig);
        put({"terminal.enrol"}, kNodeEnrolled);
        put({"terminal.revoke"}, kNodeRevoked);
        put({"terminal.disposal", "terminal.wipe.confirm"}, kNodeWiped);
        put({"hub.init", "vault.create"}, kAppStart);
        return t;
    }();
    return table;
}

const EventKind& kindOf(const QString& action)
{
    const auto& t = kinds();
    auto it = t.constFind(action);
    // The hub's mirror of a terminal event (TerminalAuditEvents: "terminal." + the terminal's action).
    if (it == t.constEnd() && action.startsWith(QLatin1String("terminal.")))
        it = t.constFind(action.mid(9));
    return it == t.constEnd() ? kApplication : *it;
}

QJsonObject coding(const char* system, const QString& code, const QString& display = QString())
{
    QJsonObject c{{QStringLiteral("system"), QLatin1String(system)}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

QJsonObject concept(const char* system, const QString& code, const QString& display)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(system, code, display)}}};
}

QJsonObject identifier(const char* system, const QString& value)
{
    return {{QStringLiteral("system"), QLatin1String(system)}, {QStringLiteral("value"), value}};
}

// DICOM EventOutcomeIndicator: 0 success, 4 minor failure (refused, the person may try again), 8 serious failure.
QString outcomeCode(const QString& outcome, const QString& action)
{
    if (outcome == QLatin1String("success"))
        return QStringLiteral("0");
    if (outcome == QLatin1String("denied"))
        return QStringLiteral("4");
    if (outcome == QLatin1String("failure"))
        return QStringLiteral("8");
    // Hub entries carry no outcome column: a refusal is in the action's name.
    if (action == QLatin1String("session.failed") || action == QLatin1String("session.refused") || action == QLatin1String("policy.refused")
        || action == QLatin1String("sync.record.reject"))
        return QStringLiteral("4");
    return QStringLiteral("0");
}

QJsonObject personAgent(const char* system, const QString& id, const QString& display)
{
    QJsonObject who{{QStringLiteral("identifier"), identifier(system, id)}};
    if (!display.isEmpty())
        who.insert(QStringLiteral("display"), display);
    return {{QStringLiteral("type"), concept(kRoleTypeSystem, QStringLiteral("humanuser"), QStringLiteral("human user"))},
            {QStringLiteral("who"), who},
            {QStringLiteral("requestor"), true}};
}

// A machine taking part: the terminal (network access point = its terminal id, type 1 machine name) or the hub.
QJsonObject deviceAgent(const char* system, const QString& id, const QString& display, bool requestor)
{
    return {{QStringLiteral("type"), concept(AuditEventExport::kDicomSystem, QStringLiteral("110150"), QStringLiteral("Application"))},
            {QStringLiteral("who"), QJsonObject{{QStringLiteral("identifier"), identifier(system, id)}, {QStringLiteral("display"), display}}},
            {QStringLiteral("requestor"), requestor},
            {QStringLiteral("network"), QJsonObject{{QStringLiteral("address"), id}, {QStringLiteral("type"), QStringLiteral("1")}}}};
}

QString terminalDisplay(const QString& id)
{
    return QStringLiteral("terminal ") + id;
}

QString hubDisplay(const QString& hubName)
{
    return QStringLiteral("wardhub ") + hubName;
}

QString detailText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString();
}

QString rowKey(const QJsonObject& row)
{
    return row.value(QStringLiteral("source")).toString() + QLatin1Char('/') + row.value(QStringLiteral("terminal")).toString()
           + QLatin1Char('/') + QString::number(row.value(QStringLiteral("seq")).toInteger());
}

} // namespace

AuditEventExport::AuditEventExport(HubServices& services)
    : m_services(services)
{
}

QDateTime AuditEventExport::parseBound(const QString& text, bool isEnd)
{
    const QString t = text.trimmed();
    const QDate day = QDate::fromString(t, Qt::ISODate);
    if (day.isValid() && t.size() == 10)
        return QDateTime(isEnd ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
    const QDateTime at = QDateTime::fromString(t, Qt::ISODateWithMs);
    // A time without a zone would depend on the machine's; the operator says which.
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return QDateTime();
    return at.toUTC();
}

QJsonObject AuditEventExport::auditEvent(const QJsonObject& row, const QString& hubName)
{
    const QString source = row.value(QStringLiteral("source")).toString();
    const bool fromTerminal = source == QLatin1String("terminal");
    const QString terminal = row.value(QStringLiteral("terminal")).toString();
    const QString user = row.value(QStringLiteral("user")).toString();
    const QString action = row.value(QStringLiteral("action")).toString();
    const QString patient = row.value(QStringLiteral("patient")).toString();
    const QString object = row.value(QStringLiteral("object")).toString();
    const QString ward = row.value(QStringLiteral("ward")).toString();
    const qint64 seq = row.value(QStringLiteral("seq")).toInteger();
    const QJsonObject detail = row.value(QStringLiteral("detail")).toObject();
    const EventKind& kind = kindOf(action);
    // The hub's mirrors of terminal events carry the terminal's outcome in their detail.
    QString outcome = row.value(QStringLiteral("outcome")).toString();
    if (outcome.isEmpty())
        outcome = detail.value(QStringLiteral("outcome")).toString();

    const QString entryId = fromTerminal ? QStringLiteral("terminal/%1/%2").arg(terminal).arg(seq) : QStringLiteral("hub/%1").arg(seq);
    static const QUuid kNamespace = QUuid::createUuidV5(QUuid(), QStringLiteral("wardstation audit entry"));
    QJsonObject event{{QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
                      {QStringLiteral("id"), QUuid::createUuidV5(kNamespace, hubName + QLatin1Char('/') + entryId).toString(QUuid::WithoutBraces)},
                      {QStringLiteral("type"), coding(kDicomSystem, QLatin1String(kind.type), QLatin1String(kind.typeDisplay))},
                      {QStringLiteral("action"), QLatin1String(kind.action)},
                      {QStringLiteral("recorded"), row.value(QStringLiteral("time")).toString()},
                      {QStringLiteral("outcome"), outcomeCode(outcome, action)}};
    // The DICOM subtype where one fits, and always the entry's own action, so nothing of the original is lost.
    QJsonArray subtype;
    if (kind.subtype)
        subtype.append(coding(kDicomSystem, QLatin1String(kind.subtype), QLatin1String(kind.subtypeDisplay)));
    subtype.append(coding(kActionSystem, action));
    event.insert(QStringLiteral("subtype"), subtype);
    const QString outcomeDetail = detail.value(QStringLiteral("code")).toString();
    if (event.value(QStringLiteral("outcome")).toString() != QLatin1String("0") && !outcomeDetail.isEmpty())
        event.insert(QStringLiteral("outcomeDesc"), outcomeDetail);
    // AC-3: break-the-glass (the emergency override) with the reason the person gave.
    if (action == QLatin1String("patient.break-glass") || action == QLatin1String("terminal.patient.break-glass")) {
        QJsonObject purpose = concept(kActReasonSystem, QStringLiteral("BTG"), QStringLiteral("break the glass"));
        const QString reason = detail.value(QStringLiteral("reason")).toString().trimmed();
        if (!reason.isEmpty())
            purpose.insert(QStringLiteral("text"), reason);
        event.insert(QStringLiteral("purposeOfEvent"), QJsonArray{purpose});
    }

    QJsonArray agents;
    if (fromTerminal) {
        if (!user.isEmpty())
            agents.append(personAgent(kStaffIdSystem, user, QString()));
        agents.append(deviceAgent(kTerminalIdSystem, terminal, terminalDisplay(terminal), user.isEmpty()));
    } else if (user.startsWith(QLatin1String("operator@"))) {
        // The hub machine's operator at its console (HubAuditLog::localOperator).
        agents.append(personAgent(kOperatorSystem, user, QStringLiteral("hub console")));
        agents.append(deviceAgent(kHubIdSystem, hubName, hubDisplay(hubName), false));
    } else if (user.startsWith(QLatin1String("terminal:"))) {
        agents.append(deviceAgent(kTerminalIdSystem, user.mid(9), terminalDisplay(user.mid(9)), true));
    } else if (user == QLatin1String("hub") || user == QLatin1String("enrolment") || user.isEmpty()) {
        agents.append(deviceAgent(kHubIdSystem, hubName, hubDisplay(hubName), true));
    } else {
        agents.append(personAgent(kStaffIdSystem, user, QString()));
        if (!terminal.isEmpty())
            agents.append(deviceAgent(kTerminalIdSystem, terminal, terminalDisplay(terminal), false));
    }
    event.insert(QStringLiteral("agent"), agents);

    QJsonObject observer = fromTerminal
                               ? QJsonObject{{QStringLiteral("identifier"), identifier(kTerminalIdSystem, terminal)},
                                             {QStringLiteral("display"), terminalDisplay(terminal)}}
                               : QJsonObject{{QStringLiteral("identifier"), identifier(kHubIdSystem, hubName)}, {QStringLiteral("display"), hubDisplay(hubName)}};
    QJsonObject src{{QStringLiteral("observer"), observer},
                    {QStringLiteral("type"), QJsonArray{coding(kSourceTypeSystem, fromTerminal ? QStringLiteral("1") : QStringLiteral("4"),
                                                               fromTerminal ? QStringLiteral("User Device") : QStringLiteral("Application Server"))}}};
    if (!ward.isEmpty())
        src.insert(QStringLiteral("site"), ward);
    event.insert(QStringLiteral("source"), src);

    QJsonArray entities;
    if (!patient.isEmpty())
        entities.append(QJsonObject{
            {QStringLiteral("what"), QJsonObject{{QStringLiteral("identifier"), identifier(RecordCodec::kPatientIdSystem, patient)},
                                                 {QStringLiteral("type"), QStringLiteral("Patient")}}},
            {QStringLiteral("type"), coding(kEntityTypeSystem, QStringLiteral("1"), QStringLiteral("Person"))},
            {QStringLiteral("role"), coding(kObjectRoleSystem, QStringLiteral("1"), QStringLiteral("Patient"))}});
    if (!object.isEmpty()) {
        // A hub entry's object is a staff member (user changes, logins) or a terminal; a terminal's is the record,
        // key slot or file it acted on.
        const bool staff = !fromTerminal && object == detail.value(QStringLiteral("user")).toString();
        const bool node = !fromTerminal && !staff;
        entities.append(QJsonObject{
            {QStringLiteral("what"),
             QJsonObject{{QStringLiteral("identifier"), staff ? identifier(kStaffIdSystem, object)
                                                        : node ? identifier(kTerminalIdSystem, object)
                                                               : QJsonObject{{QStringLiteral("value"), object}}}}},
            {QStringLiteral("type"), staff ? coding(kEntityTypeSystem, QStringLiteral("1"), QStringLiteral("Person"))
                                           : coding(kEntityTypeSystem, QStringLiteral("2"), QStringLiteral("System Object"))},
            {QStringLiteral("role"), staff ? coding(kObjectRoleSystem, QStringLiteral("11"), QStringLiteral("Security User Entity"))
                                           : coding(kObjectRoleSystem, QStringLiteral("4"), QStringLiteral("Domain Resource"))}});
    }
    // The chain entry itself with its detail (ids and context, never secrets: HubAuditLog, AuditEntry).
    QJsonArray details;
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QString text = detailText(it.value()).trimmed();
        if (!text.isEmpty())
            details.append(QJsonObject{{QStringLiteral("type"), it.key()}, {QStringLiteral("valueString"), text}});
    }
    QJsonObject entry{{QStringLiteral("what"), QJsonObject{{QStringLiteral("identifier"), identifier(kAuditEntrySystem, entryId)}}},
                      {QStringLiteral("type"), coding(kEntityTypeSystem, QStringLiteral("2"), QStringLiteral("System Object"))},
                      {QStringLiteral("description"), fromTerminal ? QStringLiteral("terminal audit chain entry") : QStringLiteral("hub audit chain entry")}};
    if (!details.isEmpty())
        entry.insert(QStringLiteral("detail"), details);
    entities.append(entry);
    event.insert(QStringLiteral("entity"), entities);
    return event;
}

QJsonObject AuditEventExport::bundle(qint64 fromMs, qint64 toMs, Result* result)
{
    // Through the auditor's search: one reader of both chains, sealed entries opened with the hub's data keys.
    AuditReview review(m_services.db, m_services.keys, m_services.users);
    AuditReview::Filter f;
    f.fromMs = fromMs;
    f.toMs = toMs;
    f.limit = kPage;
    QList<QJsonObject> rows;
    // Pages are newest first: an entry arriving meanwhile shifts older rows to the next page, read twice, kept once.
    QSet<QString> seen;
    for (;;) {
        const QJsonObject page = review.search(f);
        for (const QJsonValue& v : page.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject row = v.toObject();
            if (!seen.contains(rowKey(row))) {
                seen.insert(rowKey(row));
                rows.append(row);
            }
        }
        if (page.value(QStringLiteral("next")).isNull())
            break;
        f.offset = page.value(QStringLiteral("next")).toInt();
    }
    std::sort(rows.begin(), rows.end(), [](const QJsonObject& a, const QJsonObject& b) {
        const QString ta = a.value(QStringLiteral("time")).toString(), tb = b.value(QStringLiteral("time")).toString();
        return ta != tb ? ta < tb : rowKey(a) < rowKey(b);
    });
    Result r;
    QJsonArray entries;
    for (const QJsonObject& row : rows) {
        const QJsonObject event = auditEvent(row, m_services.config.hostname);
        ++r.byType[event.value(QStringLiteral("type")).toObject().value(QStringLiteral("code")).toString()];
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:") + event.value(QStringLiteral("id")).toString()},
                                   {QStringLiteral("resource"), event}});
    }
    r.entries = static_cast<int>(entries.size());
    if (result)
        *result = r;
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {QStringLiteral("type"), QStringLiteral("collection")},
                       {QStringLiteral("timestamp"), Clock::instance().nowUtc().toString(Qt::ISODateWithMs)}};
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}

AuditEventExport::Result AuditEventExport::write(qint64 fromMs, qint64 toMs, const QString& outPath, const QString& actor,
                                                 const QJsonObject& auditContext)
{
    if (toMs <= fromMs)
        throw HubError(QStringLiteral("bad_request"), tr("The start of the period (--from) must be before its end (--to)."), 400);
    if (outPath.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("Name the file to write (--out FILE)."), 400);
    // Opened first: an unwritable place is refused before anything is read or recorded.
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        throw HubError(QStringLiteral("export"), tr("Cannot write %1: %2").arg(outPath, out.errorString()), 400);
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Result r;
    const QJsonObject b = bundle(fromMs, toMs, &r);
    if (out.write(QJsonDocument(b).toJson(QJsonDocument::Indented)) < 0)
        throw HubError(QStringLiteral("export"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
    bool visible = false;
    try {
        // Both or neither: the file appears only inside the transaction that records it, and goes again when that
        // transaction does not commit.
        m_services.db.transaction([&] {
            QJsonObject detail = auditContext;
            detail.insert(QStringLiteral("format"), QStringLiteral("fhir-r4-auditevent-bundle"));
            detail.insert(QStringLiteral("from"), QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(Qt::ISODateWithMs));
            detail.insert(QStringLiteral("to"), QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC).toString(Qt::ISODateWithMs));
            detail.insert(QStringLiteral("rows"), r.entries);
            detail.insert(QStringLiteral("file"), outPath);
            HubAuditLog(m_services.db).append(actor, QStringLiteral("audit.export"), detail);
            if (!out.commit())
                throw HubError(QStringLiteral("export"), tr("Cannot write %1: %2").arg(outPath, out.errorString()));
            visible = true;
        });
    } catch (...) {
        if (visible)
            QFile::remove(outPath);
        throw;
    }
    return r;
}

} // namespace ward::hub
