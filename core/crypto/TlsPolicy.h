#pragma once

class QSslConfiguration;
struct ssl_ctx_st;

namespace ward {

// The one TLS policy of hub and terminals (issue 10 item 10), after the high-security profile of IPA's TLS
// guideline (SSL/TLS 暗号設定ガイドライン, 高セキュリティ型): TLS 1.3, and TLS 1.2 only with ECDHE key exchange and
// AES-GCM; nothing older, no CBC, no SHA-1 MACs, no static RSA. Both ends apply the same lists, so a terminal
// never offers what the hub refuses and the hub never accepts what the terminals would not use.
class TlsPolicy
{
public:
    // OpenSSL cipher string for TLS 1.2.
    static const char* tls12Ciphers();
    // OpenSSL ciphersuite string for TLS 1.3.
    static const char* tls13Suites();
    // Key-exchange groups, strongest first.
    static const char* groups();

    // Server side (the hub): protocol range, ciphers, groups. False when OpenSSL refuses a setting.
    static bool apply(ssl_ctx_st* ctx);
    // Client side (the terminal's HubClient).
    static void apply(QSslConfiguration& config);
};

} // namespace ward
