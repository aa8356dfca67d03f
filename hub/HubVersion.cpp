#include "hub/HubVersion.h"

namespace ward::hub {

QString versionLine()
{
    return QStringLiteral("wardhub %1 (protocol %2..%3)")
        .arg(QStringLiteral(WARD_VERSION))
        .arg(kProtocolVersionMin)
        .arg(kProtocolVersionMax);
}

} // namespace ward::hub
