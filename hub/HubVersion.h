#pragma once

#include <QString>

namespace ward::hub {

// Protocol versions this hub serves (EX-6: older terminals keep working while they exist).
constexpr int kProtocolVersionMin = 1;
constexpr int kProtocolVersionMax = 1;

QString versionLine();

} // namespace ward::hub
