#pragma once

#include <QByteArray>

namespace ward::Digest {

// SHA-256 (CRYPTREC-listed; EX-3).
QByteArray sha256(const QByteArray& data);
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);

} // namespace ward::Digest
