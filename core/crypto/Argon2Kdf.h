#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ward {

// Argon2id parameters; stored with every slot and verifier so they can be raised later without
// breaking what was written before (EX-3: algorithms can change without breaking old data).
struct Argon2Params
{
    quint32 timeCost = 3;
    quint32 memoryKiB = 64 * 1024;
    quint32 parallelism = 1;

    QJsonObject toJson() const;
    // False when a field is missing or outside the bounds a sane slot would hold (a tampered slot
    // file must not make the terminal allocate gigabytes).
    static bool fromJson(const QJsonObject& json, Argon2Params* out);
    bool operator==(const Argon2Params& o) const
    {
        return timeCost == o.timeCost && memoryKiB == o.memoryKiB && parallelism == o.parallelism;
    }
};

// Argon2id (libargon2): the memory-hard password function for key slots and hub verifiers (AUTH-4).
class Argon2Kdf
{
public:
    static constexpr quint32 kMaxMemoryKiB = 1024 * 1024;
    static constexpr quint32 kMaxTimeCost = 64;

    static SecureBytes derive(const SecureBytes& password, const QByteArray& salt, const Argon2Params& params,
                              std::size_t length = 32);

    // Finds parameters whose cost is close to targetMs on this machine: memory first (it is what
    // makes GPU guessing expensive), then passes. Called once per machine class (design: ~250 ms).
    static Argon2Params calibrate(int targetMs, quint32 memoryKiB = 64 * 1024);

    // PHC-encoded verifier ("$argon2id$v=19$m=…") for the hub directory, and its check.
    static QString hashEncoded(const SecureBytes& password, const Argon2Params& params);
    static bool verifyEncoded(const QString& encoded, const SecureBytes& password);
};

} // namespace ward
