#pragma once

#include "card/CardError.h"

#include <PCSC/winscard.h>

namespace ward::PcscError {

// PC/SC return codes to CardError. Internal to core/card: nothing outside sees PC/SC types.
CardError toCardError(LONG rv);
// Codes after which the context is dead and must be re-established (pcscd stopped or restarted).
bool isServiceLost(LONG rv);

} // namespace ward::PcscError
