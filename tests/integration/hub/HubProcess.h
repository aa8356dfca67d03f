#pragma once

// Test fixture: a real `wardhub` in a temporary directory, on SQLite or (WARD_HUB_TEST_PG=sockdir:port) on a
// fresh PostgreSQL database, served on a free loopback port.

#include "hub/HubConfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class HubProcess
{
public:
    explicit HubProcess(const QString& testName);
    ~HubProcess();

    static QString binary();
    bool isPostgres() const { return !m_pg.isEmpty(); }
    QString dir() const { return m_tmp.path() + QStringLiteral("/hub"); }
    ward::hub::HubConfig config() const;

    // `wardhub <args…> --dir DIR`; returns exit code, stdout/stderr in out/err; `input` on its standard input.
    int cli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr, const QByteArray& input = {}) const;
    // `wardhub bootstrap-registrar` (issue 12): the first registrar with the password they chose (given on stdin).
    bool bootstrapRegistrar(const QString& id, const QString& password, const QStringList& roles = {QStringLiteral("reception")}) const;
    // hub_fixture_tool <args…> --dir DIR (stands in for the reception desk, see HubFixtureTool.cpp); true on exit 0.
    bool fixture(const QStringList& args, QByteArray* out = nullptr) const;
    // fixture user-add: the temporary password, empty on failure.
    QString addStaff(const QString& id, const QString& name, const QString& roles, const QString& wards, bool privileged = false) const;
    // The same, true on exit code 0; a failure is logged with wardhub's message.
    bool admin(const QStringList& args, QByteArray* out = nullptr, const QByteArray& input = {}) const;
    // A new terminal of `ward` through an enrolment code and POST /api/v1/enrol (key made here).
    bool enrolTerminal(const QString& ward, QByteArray* certPem, QByteArray* keyPem, QString* terminalId = nullptr) const;
    bool init();
    bool start();
    // From now on start() serves through hub_clock_server instead of `wardhub serve`: the same hub with its clock
    // in the test's hands (advanceClock), kept across restarts.
    void useTestClock() { m_testClock = true; }
    // Moves the running hub's clock forward (useTestClock only); true once the hub answers with its new time.
    bool advanceClock(qint64 ms);
    void stop();
    void kill();
    // Issue 16: one more `wardhub serve` on this hub's directory and database (PostgreSQL: several processes behind
    // HAProxy), on a free port; the caller owns the process (SIGKILL it, or terminate).
    std::unique_ptr<QProcess> serveAnother(int* port) const;
    int port() const { return m_port; }
    qint64 pid() const { return m_proc ? m_proc->processId() : 0; }
    QString baseUrl() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QByteArray caPem() const;
    // The hub audit chain's entries with this action (seq order), read from the database: each entry's detail with
    // its actor as "actor".
    QList<QJsonObject> auditEntries(const QString& action) const;
    // VmRSS of the running hub in KiB.
    qint64 rssKiB() const;
    QByteArray log() const { return m_log; }
    // The running process's standard error so far (its access log) added to log(), which is returned.
    QByteArray readLog();

private:
    // Reads the running process's standard output until `pattern` matches it, the process ends or the time is up.
    QRegularExpressionMatch awaitOutput(const QRegularExpression& pattern, int timeoutMs, QByteArray* out);

    QTemporaryDir m_tmp;
    QString m_pg;
    QString m_dbName;
    std::unique_ptr<QProcess> m_proc;
    int m_port = 0;
    bool m_testClock = false;
    qint64 m_clockOffsetMs = 0;
    mutable QByteArray m_log;
};
