#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdio>

namespace ward::bench {

// Prints benchmark lines in the one format scripts/bench reads, and remembers failures.
class BenchReport
{
public:
    enum class Op { AtMost, AtLeast };

    void figure(const char* name, double value, const char* unit, Op op, double limit)
    {
        const bool pass = op == Op::AtMost ? value <= limit : value >= limit;
        m_failed = m_failed || !pass;
        std::printf("BENCH %s %.3f %s budget %s %g %s\n", name, value, unit, op == Op::AtMost ? "<=" : ">=", limit,
                    pass ? "PASS" : "FAIL");
        std::fflush(stdout);
    }

    // A measured figure without a budget (baselines, context).
    static void info(const char* name, double value, const char* unit)
    {
        std::printf("INFO %s %.3f %s\n", name, value, unit);
        std::fflush(stdout);
    }

    int exitCode() const { return m_failed ? 1 : 0; }

    // `--name N` from the command line, or fallback.
    static int intOption(const QStringList& args, const char* name, int fallback)
    {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    }

    static double percentile(QList<double> values, double p)
    {
        if (values.isEmpty())
            return 0;
        std::sort(values.begin(), values.end());
        const int index = std::clamp(static_cast<int>(p * (values.size() - 1) + 0.5), 0, static_cast<int>(values.size() - 1));
        return values.at(index);
    }

private:
    bool m_failed = false;
};

} // namespace ward::bench
