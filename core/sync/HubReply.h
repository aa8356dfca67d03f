#pragma once

#include "sync/SyncError.h"

#include <QDateTime>
#include <QJsonObject>

namespace ward {

// One answer of the hub, already classified: either a JSON object (2xx) or a typed error.
struct HubReply
{
    int httpStatus = 0; // 0: no HTTP answer (network, TLS, timeout)
    QJsonObject json;
    QDateTime hubTime; // from X-Ward-Time; invalid when the hub sent none
    SyncError error{SyncError::Kind::None, QString()};
    // A refusal's "error" object as the hub sent it (code, message and details such as "needs": the permissions
    // an admin request lacked); empty for 2xx and for failures without an HTTP answer.
    QJsonObject hubError;

    bool ok() const { return error.kind() == SyncError::Kind::None; }
};

} // namespace ward
