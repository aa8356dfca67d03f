#include "vault/VaultError.h"

namespace ward {

VaultError::VaultError(Code code, const QString& message)
    : std::runtime_error(codeName(code).toStdString())
    , m_code(code)
    , m_message(message)
{
}

QString VaultError::codeName(Code code)
{
    switch (code) {
    case Code::WrongKey:
        return QStringLiteral("wrong-key");
    case Code::NoMatchingSlot:
        return QStringLiteral("no-matching-slot");
    case Code::SlotFileMissing:
        return QStringLiteral("slot-file-missing");
    case Code::SlotFileCorrupt:
        return QStringLiteral("slot-file-corrupt");
    case Code::SlotFormatOutdated:
        return QStringLiteral("slot-format-outdated");
    case Code::NotAVault:
        return QStringLiteral("not-a-vault");
    case Code::Corrupt:
        return QStringLiteral("corrupt");
    case Code::Locked:
        return QStringLiteral("locked");
    case Code::DiskFull:
        return QStringLiteral("disk-full");
    case Code::AppendOnly:
        return QStringLiteral("append-only");
    case Code::InvalidInput:
        return QStringLiteral("invalid-input");
    case Code::Io:
        return QStringLiteral("io");
    }
    return QStringLiteral("unknown");
}

} // namespace ward
