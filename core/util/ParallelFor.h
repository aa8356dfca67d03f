#pragma once

#include <QException>
#include <QList>
#include <QtConcurrent/QtConcurrentMap>

#include <exception>

namespace ward {

// Runs fn(i) for every index over Qt's global thread pool and waits. An exception from any call comes out here as
// itself (QtConcurrent wraps what is not a QException), so a caller fails as it would on one thread. Callers link
// Qt6::Concurrent. Used where one request's CPU-bound steps (decoding, hashing, signature checks, sealing) would
// otherwise be held to one core.
template <typename Fn>
void parallelFor(QList<int> indices, Fn fn)
{
    try {
        QtConcurrent::blockingMap(indices, [&fn](int i) { fn(i); });
    } catch (const QUnhandledException& e) {
        if (e.exception())
            std::rethrow_exception(e.exception());
        throw;
    }
}

// 0 … n-1, the indices of a list of n.
inline QList<int> allIndices(qsizetype n)
{
    QList<int> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out << i;
    return out;
}

} // namespace ward
