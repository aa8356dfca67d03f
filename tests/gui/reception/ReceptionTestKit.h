#pragma once

// What the reception desk's GUI tests share: waiting for a hub call, a first login with a card key, typing as a
// clerk types, searching the staff finder, and reading back what a person could see (the screen, a printed PDF).

#include "sync/HubClient.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class HubProcess;
class QLineEdit;
class QPrinter;
class QWidget;

namespace ward {
class KeyPair;
class StaffFinder;
}

class ReceptionTestKit
{
public:
    // An initialised hub started with ward W3, admin sessions idle up to 30 minutes (slow steps with real cards),
    // and its first registrar `clerkId` (bootstrapped at the console, reception, privileged) logged in with a card
    // key made here at a freshly enrolled terminal: that terminal's client and the session's token. False (with a
    // warning) on any failure. `roles`: the clerk's roles (e.g. reception and it for the IT console).
    static bool startHubWithClerk(HubProcess& hub, const QString& clerkId, std::unique_ptr<ward::HubClient>* client,
                                  QString* token, QString* terminalId = nullptr,
                                  const QStringList& roles = {QStringLiteral("reception")});
    // A card key made here, bound to `userId` at the (initialised) hub as a PIV card; null on failure.
    static std::shared_ptr<ward::KeyPair> bindCardKey(HubProcess& hub, const QString& userId);
    // POST /api/v1/admin/staff: a nurse of W3 registered at the desk → {userId, temporaryPassword}.
    static QJsonObject registerNurse(ward::HubClient& client, const QString& token, const QString& name, const QString& kana);
    // A printer that writes `documentName` as a PDF to `path` (the desk's letters and reports, read back later).
    static std::unique_ptr<QPrinter> pdfPrinter(const QString& documentName, const QString& path);
    // Runs one asynchronous hub call to its answer (30 s at most), the event loop turning meanwhile.
    static ward::HubReply wait(const std::function<void(ward::HubClient::Callback)>& start);
    // A fresh challenge from the hub signed by `cardKey`: a PIV card proof for this terminal.
    static QJsonObject cardProof(ward::HubClient& client, const ward::KeyPair& cardKey);
    // POST /api/v1/session: a card + password login; the session token, or empty (the refusal logged).
    static QString login(ward::HubClient& client, const QString& userId, const ward::KeyPair& cardKey, const QString& password);
    // POST /api/v1/password with a PIV proof signed by `cardKey`: the temporary password exchanged for `newPassword`.
    // The session token, or empty (the refusal logged).
    static QString firstLogin(ward::HubClient& client, const QString& userId, const ward::KeyPair& cardKey,
                              const QString& temporary, const QString& newPassword);
    // The text of a PDF (pdftotext), NFKC-folded: the PDF's text map names some kanji by their Kangxi radical twins.
    static QString pdfText(const QString& path);
    // Every text a person could read in `root` (labels, fields, buttons, table cells).
    static QString screenText(QWidget* root);
    // Typing as a clerk does: ASCII key by key, Japanese as the input method commits it.
    static void type(QLineEdit* edit, const QString& text);
    // Types `text` into the finder's search and waits for the hub's answer; false when none came.
    static bool search(ward::StaffFinder* finder, const QString& text);
};
