#pragma once

#include "records/RecordEnvelope.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "records/Patient.h"
#include "records/RecordVersion.h"
#include "util/Clock.h"
#include "vault/VaultError.h"

#include <QDateTime>
#include <QStringList>
#include <functional>

namespace ward::test {

// Argon2id is deliberately slow in production; tests use small parameters for speed.
inline Argon2Params fastKdf()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

inline SecureBytes pw(const char* text)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(text));
}

inline Patient patient(const QString& id, const QString& name, const QString& kana, const QString& ward = QStringLiteral("W3"),
                       const QString& bed = QStringLiteral("301-1"))
{
    Patient p;
    p.patientId = id;
    p.name = name;
    p.kana = kana;
    p.birthDate = QDate(1948, 5, 12);
    p.sex = QStringLiteral("F");
    p.address = QStringLiteral("愛知県日進市蟹甲町1-1");
    p.ward = ward;
    p.bed = bed;
    return p;
}

inline RecordVersion record(const QString& patientId, const QByteArray& body, int version = 1,
                            const QByteArray& prevHash = QByteArray(), const QString& recordId = QString())
{
    RecordVersion r;
    r.recordId = recordId.isEmpty() ? Random::uuid() : recordId;
    r.version = version;
    r.patientId = patientId;
    r.type = QStringLiteral("nursing-note");
    r.classification = 2;
    r.compartment = QStringLiteral("W3");
    r.author = QStringLiteral("N000000001");
    r.createdAt = Clock::instance().nowUtc();
    r.confirmedAt = r.createdAt;
    r.prevHash = prevHash;
    // The vault keeps bodies as opaque bytes; they are wrapped in a record envelope because a vault refuses to
    // open when its records are in the shape used before envelopes (issue 9).
    r.body = RecordEnvelope::forVersion(r, version > 1 ? QByteArray("previous version") : QByteArray(), r.createdAt, body).encode();
    r.signature = QByteArray("sig-") + body.left(8);
    return r;
}

// The typed error a call raised (and its message in the test log), or -1 when it raised none.
inline VaultError::Code codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const VaultError& e) {
        qInfo("%s: %s", e.what(), qPrintable(e.message()));
        return e.code();
    }
    return static_cast<VaultError::Code>(-1);
}

} // namespace ward::test
