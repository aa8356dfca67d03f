#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QTableWidget;

namespace ward {

class ReceptionClient;
class StatusBadge;

// BCP-1 in the IT console: what IT must hear of at once — the wards' emergency accounts in use (online, or reported
// by a terminal that was offline) and their refusals, the last 14 days, newest first (hub GET notices). A use in the
// last 24 hours is raised in a red banner above the list; the list is read again every minute while the console
// is open, so a use reaches IT without anyone asking.
class NoticesPanel : public QWidget
{
    Q_OBJECT

public:
    NoticesPanel(ReceptionClient& client, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }
    StatusBadge* banner() const { return m_banner; }
    // Emergency uses within the last 24 hours (the banner's count).
    int recentUses() const { return m_recentUses; }

    static constexpr int kRefreshMs = 60 * 1000;
    // What a refusal's code (hub: emergency.refused, "reason" for a terminal's report, "code" for a login) means to IT.
    static QString refusalReason(const QJsonObject& detail);

signals:
    void refreshed(bool ok);
    void recentUsesChanged(int uses);

private:
    void show(const QJsonArray& rows);

    ReceptionClient& m_client;
    StatusBadge* m_banner;
    QTableWidget* m_table;
    QTimer m_timer;
    int m_recentUses = -1;
};

} // namespace ward
