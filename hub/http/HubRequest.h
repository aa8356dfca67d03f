#pragma once

#include "crypto/Certificate.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace ward::hub {

// One HTTP request as the handlers see it, free of the transport's types (the server is Boost.Beast; keeping it
// out of this header keeps Beast out of every handler's translation unit).
class HubRequest
{
public:
    std::string method;
    // The request-target exactly as received (logged escaped, never raw).
    std::string target;
    // Percent-decoded path (routing) and decoded query parameters.
    std::string path;
    std::map<std::string, std::string> query;
    // Header fields by lower-case name.
    std::map<std::string, std::string> headers;
    std::string body;
    // The TLS client certificate of the connection; null when the client sent none.
    std::shared_ptr<const Certificate> peerCertificate;
    std::string remoteAddress;
    std::chrono::steady_clock::time_point received = std::chrono::steady_clock::now();

    // Splits target into path and query and percent-decodes both; false for a target that is not origin-form.
    bool setTarget(const std::string& rawTarget);

    bool hasParam(const std::string& name) const { return query.count(name) != 0; }
    std::string param(const std::string& name) const;
    std::string header(const std::string& lowerCaseName) const;
};

} // namespace ward::hub
