#include "hub/HubServices.h"

#include "hub/terminals/TerminalAuditRows.h"

#include "hub/HubError.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/Migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace ward::hub {

namespace {
DataKeys loadKeys(HubDatabase& db, const HubConfig& c)
{
    Migrations::migrate(db);
    return DataKeys::load(db, c.masterKeyPath());
}
} // namespace

HubServices::HubServices(const HubConfig& c, std::unique_ptr<HubPki> p)
    : config(c)
    , db(c)
    , keys(loadKeys(db, c))
    , pki(std::move(p))
    , terminals(db, keys, *pki)
    , users(db, keys)
    , staffCerts(db, *pki)
    , fallbackCodes(db, users)
    , emergencyAccounts(db, users)
    , sessions(db, users, staffCerts, fallbackCodes, emergencyAccounts)
    , patients(db, keys)
    , review(db, keys, *pki, users)
    , records(db, keys, *pki, staffCerts, review)
    , changes(db, keys)
    , adminSessions(db, users)
    , staffSearch(db, keys)
    , staffAdmin(db, keys, users, adminSessions, fallbackCodes)
    , adminReports(db, users)
    , policy(db, *pki)
{
    RecordIngest::requireCurrentFormat(db, keys);
    // Issue 14: audit entries shipped before the auditor's search columns existed are indexed and sealed.
    TerminalAuditRows(db, keys).indexEarlierRows();
}

std::unique_ptr<HubServices> HubServices::open(const QString& dir)
{
    const HubConfig c = HubConfig::load(dir);
    auto pki = HubPki::load(c);
    return std::unique_ptr<HubServices>(new HubServices(c, std::move(pki)));
}

void HubServices::init(const HubConfig& given)
{
    HubConfig c = given;
    c.dir = QFileInfo(given.dir).absoluteFilePath();
    if (QFileInfo::exists(c.iniPath()))
        throw HubError(QStringLiteral("config"), QStringLiteral("%1 already holds a hub (wardhub.ini exists)").arg(c.dir));
    if (!QDir().mkpath(c.dir))
        throw HubError(QStringLiteral("config"), QStringLiteral("cannot create %1").arg(c.dir));
    QFile::setPermissions(c.dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (c.isPostgres())
        HubDatabase::createPostgresDatabaseIfMissing(c);
    {
        HubDatabase db(c);
        Migrations::migrate(db);
        QSqlQuery existing = db.exec(QStringLiteral("SELECT COUNT(*) FROM data_keys"));
        if (existing.next() && existing.value(0).toInt() > 0)
            throw HubError(QStringLiteral("config"), QStringLiteral("the database already holds a hub's data keys: use a fresh database"));
        HubPki::create(c);
        DataKeys::create(db, c.masterKeyPath());
        UserDirectory(db, DataKeys::load(db, c.masterKeyPath())).seedDefaultRoles();
        db.transaction([&] {
            HubAuditLog(db).append(HubAuditLog::localOperator(), QStringLiteral("hub.init"),
                                   {{QStringLiteral("driver"), c.dbDriver}, {QStringLiteral("hostname"), c.hostname}});
        });
    }
    // Written last: a directory without wardhub.ini is an unfinished init, never a usable hub.
    c.save();
}

} // namespace ward::hub
