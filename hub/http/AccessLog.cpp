#include "hub/http/AccessLog.h"

#include <cstdio>

namespace ward::hub {

std::string AccessLog::escape(const std::string& text, std::size_t maxLength)
{
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size() && i < maxLength; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // Space is escaped too: fields are separated by spaces.
        if (c > 0x20 && c < 0x7f && c != '\\') {
            out.push_back(static_cast<char>(c));
        } else {
            out += "\\x";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xf]);
        }
    }
    if (text.size() > maxLength)
        out += "...";
    return out;
}

std::string AccessLog::line(const std::string& method, const std::string& path, int status, const std::string& terminal,
                            std::size_t bodyBytes, long long millis)
{
    auto field = [](const std::string& s, std::size_t max) { return s.empty() ? std::string("-") : escape(s, max); };
    return "wardhub: " + field(method, 16) + ' ' + field(path, 256) + ' ' + std::to_string(status) + ' ' + field(terminal, 64)
         + ' ' + std::to_string(bodyBytes) + " bytes " + std::to_string(millis) + " ms\n";
}

void AccessLog::write(const std::string& method, const std::string& path, int status, const std::string& terminal,
                      std::size_t bodyBytes, long long millis)
{
    // One fputs per line: stdio locks the stream, so lines of concurrent requests never interleave.
    std::fputs(line(method, path, status, terminal, bodyBytes, millis).c_str(), stderr);
}

} // namespace ward::hub
