#pragma once

#include "hub/admin/AdminRequest.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// Staff search for the reception desk (issue 12): id prefix, name or kana (folded as the ward's patient search
// folds them: width, katakana/hiragana, case, spaces), filtered by status, role and ward, in pages ordered by id.
// Names and kana are sealed under the IDENTITY key, so matching needs them open. The searchable columns (id,
// version, status, roles, wards, opened and folded names) are kept in memory and reloaded only when the directory's
// fingerprint (row count, newest change sequence, sum of versions: every change to those columns moves one of them,
// also when another hub process made it) differs; names are opened again only for a user whose version moved. A search
// over 10^4 users is then one aggregate query and an in-memory scan (≤ 50 ms p95 through HTTP,
// tests/bench/StaffSearchBench.cpp). Account state (locks, last login, password age) and cards are read only for the
// page shown.
class StaffSearch
{
public:
    StaffSearch(HubDatabase& db, const DataKeys& keys);

    // {total, offset, limit, staff: [...]}; each row as row() describes.
    QJsonObject search(const AdminRequest::Search& request);
    // One person as the desk shows them (HubError 404 when unknown).
    QJsonObject person(const QString& userId);

private:
    struct Entry
    {
        QString id;
        qint64 version = 0;
        QString status;
        QString roles; // compact JSON arrays as stored
        QString wards;
        QString name;
        QString kana;
        QString folded; // name and kana folded, separated by a character no folding produces
    };
    void openNames(Entry* e, const QByteArray& sealedName, const QByteArray& sealedKana) const;
    // Reloads the in-memory directory when its fingerprint moved; call with m_mutex held.
    void refresh();
    QJsonArray rows(const QStringList& ids);

    HubDatabase& m_db;
    const DataKeys& m_keys;
    QMutex m_mutex;
    QString m_fingerprint;
    QList<Entry> m_entries; // ordered by id
    QHash<QString, int> m_index;
};

} // namespace ward::hub
