#pragma once

#include <string>

namespace ward::hub {

// The hub's access log on stderr (journald under systemd): one line per answered request with method, path (no
// query, no body), status, terminal id, body size and duration — never patient data or secrets. Everything a
// client chose (method, path) is escaped, so a request cannot forge or split lines (issue 10 item 11).
class AccessLog
{
public:
    // "wardhub: METHOD PATH STATUS TERMINAL N bytes M ms"; an empty method/path/terminal is written as "-".
    static std::string line(const std::string& method, const std::string& path, int status, const std::string& terminal,
                            std::size_t bodyBytes, long long millis);
    static void write(const std::string& method, const std::string& path, int status, const std::string& terminal,
                      std::size_t bodyBytes, long long millis);
    // Printable ASCII stays, everything else (control characters, bytes ≥ 0x7f, the backslash) becomes \xNN;
    // at most maxLength input bytes are kept ("…" marks a cut).
    static std::string escape(const std::string& text, std::size_t maxLength = 256);
};

} // namespace ward::hub
