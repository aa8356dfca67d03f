#include "hub/http/HubRequest.h"

namespace ward::hub {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX decoding; '+' is a space only in the query (application/x-www-form-urlencoded). Malformed escapes stay as
// they are, like the previous server did.
std::string decode(const std::string& in, bool plusIsSpace)
{
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size()) {
            const int hi = hexValue(in[i + 1]);
            const int lo = hexValue(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

} // namespace

bool HubRequest::setTarget(const std::string& rawTarget)
{
    target = rawTarget;
    path.clear();
    query.clear();
    if (rawTarget.empty() || rawTarget.front() != '/')
        return false;
    const std::size_t q = rawTarget.find('?');
    path = decode(rawTarget.substr(0, q), false);
    if (q == std::string::npos)
        return true;
    const std::string qs = rawTarget.substr(q + 1);
    std::size_t start = 0;
    while (start <= qs.size()) {
        const std::size_t amp = qs.find('&', start);
        const std::string pair = qs.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            const std::string key = decode(pair.substr(0, eq), true);
            // The first occurrence wins, so a repeated parameter cannot override an earlier one.
            query.emplace(key, eq == std::string::npos ? std::string() : decode(pair.substr(eq + 1), true));
        }
        if (amp == std::string::npos)
            break;
        start = amp + 1;
    }
    return true;
}

std::string HubRequest::param(const std::string& name) const
{
    const auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
}

std::string HubRequest::header(const std::string& lowerCaseName) const
{
    const auto it = headers.find(lowerCaseName);
    return it == headers.end() ? std::string() : it->second;
}

} // namespace ward::hub
