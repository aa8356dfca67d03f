#pragma once

#include "exports/ExportRequest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

// Where prints and exports may go, from the hospital policy's "export" section (CFG-2: signed by the hub, checked
// by PolicyRules):
//   "export": {"destinations": ["printer", "folder", "media"], "folder": "/srv/wardstation/export",
//              "mediaRoots": ["/media"],
//              "recipients": [{"name": "中央病院 地域医療連携室", "certificate": "-----BEGIN CERTIFICATE-----…"}]}
// `recipients` are the receiving hospitals whose certificates IT set up: a media export may be sealed for one of them
// (only its private key opens it) instead of under a password told to the receiver.
// Without the section: printers only. Removable media only where the hospital allows it (CL-6: the MHLW
// checklist asks hospitals to restrict USB storage), and then always encrypted.
class ExportPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ward::ExportPolicy)

public:
    struct Recipient
    {
        QString name;
        QByteArray certificatePem;
    };
    static constexpr int kMaxRecipientName = 100;

    // The section of a hospital policy document; a section PolicyRules refuses never reaches a terminal, and an
    // unreadable part counts as absent (nothing more is allowed than printing).
    static ExportPolicy fromPolicy(const QJsonObject& policy);
    // PolicyRules' check of the section: "export.destinations", "export.folder", "export.mediaRoots",
    // "export.recipients".
    static QList<QPair<QString, QString>> problems(const QJsonObject& section);

    bool allows(ExportDestination d) const { return m_destinations.contains(d); }
    QString folder() const { return m_folder; }
    QStringList mediaRoots() const { return m_mediaRoots; }
    QList<Recipient> recipients() const { return m_recipients; }
    // Empty when a file may be written at this path for this destination; else the reason the person reads.
    // Printer targets are printer names and only need the destination allowed.
    QString refusal(ExportDestination d, const QString& target) const;

private:
    QList<ExportDestination> m_destinations{ExportDestination::Printer};
    QString m_folder;
    QStringList m_mediaRoots;
    QList<Recipient> m_recipients;
};

} // namespace ward
