#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

// The card side of the virtual PIV card / UID badge used by tests and the demo (wardvcard).
// Deliberately independent of core/card (own APDU and TLV code), so a bug in the terminal's parser
// cannot be mirrored here and cancel itself out in the tests.
class VirtualCard
{
public:
    enum class Mode { Piv, Uid };

    struct Config
    {
        Mode mode = Mode::Piv;
        QByteArray keyPem;        // P-256 private key (PIV mode)
        QByteArray certificatePem;  // the 9E Card Authentication certificate (PIV mode)
        QByteArray uid;           // answered to FF CA 00 00 00 (both modes)
        QByteArray keyManagementPem;  // P-256 key management key 9D (ECDH); empty: the card has none
        QByteArray pin = "123456";
        // Also expose key and certificate as the PIV Authentication key 9A (PIN-protected), which some
        // middleware expects to find on every PIV card.
        bool mirrorAsPivAuth = true;
        // Hostile card (issue 10): GET DATA and every GET RESPONSE answer `61 00` without data, forever.
        bool endlessGetResponse = false;
    };

    // Returns nullptr and sets *error when the key or certificate cannot be loaded.
    static std::unique_ptr<VirtualCard> create(const Config& config, QString* error);
    ~VirtualCard();

    QByteArray atr() const;
    // Power on / reset: clears the selected application, pending responses and PIN state (ISO 7816-3).
    void reset();
    // One command APDU in, one response APDU (data + SW1 SW2) out.
    QByteArray process(const QByteArray& command);

private:
    VirtualCard() = default;
    QByteArray respond(QByteArray data, bool extendedLe, int le);
    QByteArray getData(const QByteArray& request);
    QByteArray generalAuthenticate(quint8 alg, quint8 key, const QByteArray& request);
    QByteArray keyEstablishment(const QByteArray& templ);
    QByteArray verifyPin(quint8 p2, const QByteArray& data, bool hasData);
    QByteArray chuid() const;
    QByteArray certificateObject() const;

    Config m_config;
    QByteArray m_certDer;
    void* m_key = nullptr;  // EVP_PKEY
    void* m_kmKey = nullptr;  // EVP_PKEY of the 9D key, if any
    bool m_selected = false;
    bool m_pinVerified = false;
    int m_pinTriesLeft = 3;
    QByteArray m_pending;   // response bytes waiting for GET RESPONSE
    QByteArray m_chain;     // command chaining (CLA bit 0x10)
};
