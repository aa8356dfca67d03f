#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ward::hub {

// One HTTP response as the handlers build it (see HubRequest for why it is not the transport's type).
class HubResponse
{
public:
    int status = 200;
    std::string contentType;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    void setHeader(const std::string& name, const std::string& value)
    {
        for (auto& h : headers)
            if (h.first == name) {
                h.second = value;
                return;
            }
        headers.emplace_back(name, value);
    }
    bool hasHeader(const std::string& name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return true;
        return false;
    }
};

} // namespace ward::hub
