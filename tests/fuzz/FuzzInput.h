#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer targets (tests/fuzz/Fuzz*.cpp) and the seed maker: the input as a QByteArray, the fixed
// files the seeds were made with (tests/fuzz/data), and a check that stops the run like a sanitizer does.
namespace ward::fuzz {

// The fuzzer's bytes without a copy: QByteArray's own terminating NUL is absent, so AddressSanitizer catches a
// parser that reads even one byte past the input.
inline QByteArray input(const uint8_t* data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<int>(size));
}

inline QString dataPath(const char* name)
{
    return QStringLiteral(WARD_FUZZ_DATA_DIR "/") + QLatin1String(name);
}

// A fixed file of tests/fuzz/data; a target without it cannot test anything, so it stops at once.
inline QByteArray dataFile(const char* name)
{
    QFile f(dataPath(name));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "fuzz: %s is missing (run ward_fuzz_seeds)\n", qPrintable(f.fileName()));
        std::abort();
    }
    return f.readAll();
}

// A property the code under test promises (a round trip, two verifiers agreeing) did not hold.
#define WARD_FUZZ_CHECK(cond)                                                                                      \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            std::fprintf(stderr, "fuzz: property failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            std::abort();                                                                                         \
        }                                                                                                         \
    } while (0)

// The time the seeds were signed and stamped at; targets that check time run on a ManualClock an hour later, so a
// verdict never depends on the day the fuzzer runs.
inline QDateTime seedTime()
{
    return QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
}

// The network-slot key encryption key the seed slot file was made with, so the fuzzer reaches the unwrap path.
inline QByteArray networkKek()
{
    return QByteArray(32, '\x42');
}

// A scratch file for targets whose parser reads a path (the key-slot file, login-cache.json): in /dev/shm when
// there is one (no disk writes per execution), one per process so parallel fuzzers do not share it.
// Removed again when the fuzzer exits.
class ScratchFile
{
public:
    explicit ScratchFile(const char* name)
    {
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        m_path = dir + QStringLiteral("/ward-fuzz-%1-").arg(QCoreApplication::applicationPid()) + QLatin1String(name);
    }
    ~ScratchFile() { QFile::remove(m_path); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const QString& path() const { return m_path; }
    void write(const QByteArray& bytes) const
    {
        QFile f(m_path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(m_path));
            std::abort();
        }
    }

private:
    QString m_path;
};

} // namespace ward::fuzz
