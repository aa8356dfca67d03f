#include "crypto/Argon2Kdf.h"

#include "crypto/CryptoError.h"
#include "crypto/Random.h"

#include <QElapsedTimer>
#include <argon2.h>
#include <limits>
#include <vector>

namespace ward {

QJsonObject Argon2Params::toJson() const
{
    return QJsonObject{{QStringLiteral("t"), static_cast<qint64>(timeCost)},
                       {QStringLiteral("m"), static_cast<qint64>(memoryKiB)},
                       {QStringLiteral("p"), static_cast<qint64>(parallelism)}};
}

bool Argon2Params::fromJson(const QJsonObject& json, Argon2Params* out)
{
    const qint64 t = json.value(QStringLiteral("t")).toInteger(-1);
    const qint64 m = json.value(QStringLiteral("m")).toInteger(-1);
    const qint64 p = json.value(QStringLiteral("p")).toInteger(-1);
    if (t < 1 || t > Argon2Kdf::kMaxTimeCost || m < 8 || m > Argon2Kdf::kMaxMemoryKiB || p < 1 || p > 16)
        return false;
    out->timeCost = static_cast<quint32>(t);
    out->memoryKiB = static_cast<quint32>(m);
    out->parallelism = static_cast<quint32>(p);
    return true;
}

SecureBytes Argon2Kdf::derive(const SecureBytes& password, const QByteArray& salt, const Argon2Params& params,
                              std::size_t length)
{
    SecureBytes out(length);
    const int rc = argon2id_hash_raw(params.timeCost, params.memoryKiB, params.parallelism, password.data(),
                                     password.size(), salt.constData(), static_cast<size_t>(salt.size()), out.data(),
                                     length);
    if (rc != ARGON2_OK)
        throw CryptoError(std::string("Argon2id failed: ") + argon2_error_message(rc));
    return out;
}

Argon2Params Argon2Kdf::calibrate(int targetMs, quint32 memoryKiB)
{
    Argon2Params params;
    params.memoryKiB = memoryKiB;
    params.timeCost = 1;
    const SecureBytes probe = Random::secureBytes(16);
    const QByteArray salt = Random::bytes(16);
    // The first run pays for faulting in the memory; time the best of three warm single passes.
    derive(probe, salt, params);
    qint64 onePassNs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        derive(probe, salt, params);
        onePassNs = std::min(onePassNs, std::max<qint64>(1, timer.nsecsElapsed()));
    }
    const qint64 targetNs = static_cast<qint64>(targetMs) * 1000000;
    // Cost grows linearly with passes; round to the nearest count.
    params.timeCost = static_cast<quint32>(std::clamp<qint64>((targetNs + onePassNs / 2) / onePassNs, 1, kMaxTimeCost));
    return params;
}

QString Argon2Kdf::hashEncoded(const SecureBytes& password, const Argon2Params& params)
{
    const QByteArray salt = Random::bytes(16);
    const size_t len = argon2_encodedlen(params.timeCost, params.memoryKiB, params.parallelism,
                                         static_cast<uint32_t>(salt.size()), 32, Argon2_id);
    std::vector<char> encoded(len);
    const int rc = argon2id_hash_encoded(params.timeCost, params.memoryKiB, params.parallelism, password.data(),
                                         password.size(), salt.constData(), static_cast<size_t>(salt.size()), 32,
                                         encoded.data(), len);
    if (rc != ARGON2_OK)
        throw CryptoError(std::string("Argon2id failed: ") + argon2_error_message(rc));
    return QString::fromLatin1(encoded.data());
}

bool Argon2Kdf::verifyEncoded(const QString& encoded, const SecureBytes& password)
{
    const QByteArray enc = encoded.toLatin1();
    return argon2id_verify(enc.constData(), password.data(), password.size()) == ARGON2_OK;
}

} // namespace ward
