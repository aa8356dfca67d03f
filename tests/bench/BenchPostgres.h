#pragma once

// A throw-away PostgreSQL 15 for a benchmark's hub (tests/integration/pg-fixture.sh), stopped when this goes out of
// scope, also on a benchmark's early return. start() points the hub fixture at it (WARD_HUB_TEST_PG).

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace ward::bench {

class BenchPostgres
{
public:
    explicit BenchPostgres(QString port)
        : m_port(std::move(port))
    {
    }
    ~BenchPostgres()
    {
        if (m_started)
            QProcess::execute(fixture(), {QStringLiteral("stop"), m_dir.path(), m_port});
    }
    BenchPostgres(const BenchPostgres&) = delete;
    BenchPostgres& operator=(const BenchPostgres&) = delete;

    bool start()
    {
        m_started = QProcess::execute(fixture(), {QStringLiteral("start"), m_dir.path(), m_port}) == 0;
        if (m_started)
            qputenv("WARD_HUB_TEST_PG", (m_dir.path() + QStringLiteral("/sock:") + m_port).toLocal8Bit());
        return m_started;
    }

private:
    static QString fixture() { return QStringLiteral(WARD_SOURCE_DIR "/tests/integration/pg-fixture.sh"); }

    QTemporaryDir m_dir;
    QString m_port;
    bool m_started = false;
};

} // namespace ward::bench
