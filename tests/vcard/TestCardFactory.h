#pragma once

#include <QByteArray>
#include <QString>

// Makes the files of a test card: a fresh P-256 key, a certificate for it (self-signed, or issued by a
// given CA) and a random 8-byte UID (FeliCa IDm length). Tests and scripts/vcard use it so no test card
// material is ever checked in.
class TestCardFactory
{
public:
    struct Files
    {
        QByteArray keyPem;
        QByteArray certificatePem;
        QByteArray uid;
        QByteArray keyManagementPem;  // the 9D key for key establishment (ECDH); a separate P-256 key
    };

    // caKeyPem/caCertPem empty: self-signed. Returns false and sets *error on failure.
    static bool make(const QString& commonName, const QByteArray& caKeyPem, const QByteArray& caCertPem, Files* out,
                     QString* error);
    // Writes key.pem and km-key.pem (0600), cert.pem and uid into dir, creating it.
    static bool writeDirectory(const QString& dir, const Files& files, QString* error);
    static bool readDirectory(const QString& dir, Files* out, QString* error);
};
