#pragma once

#include <QCoreApplication>

namespace ward {

// Translation context for the vault's messages (one context, so translators see them together).
class VaultText
{
    Q_DECLARE_TR_FUNCTIONS(Vault)
};

} // namespace ward
