#pragma once

namespace ward {

// Keeps secrets and patient data out of crash dumps: no core files, not ptrace-able by other
// users' processes (STYLE.md, "Secrets").
void hardenProcess();

} // namespace ward
