#pragma once

#include "records/RecordVersion.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace ward {

class StatusBadge;

class ChartService;
class StaffDirectory;
class VersionHistory;

// One record: body, author, approver and proxy author by name (ID in the tooltip), its clinical time and the
// times it was recorded, confirmed and time-stamped, version, signature badge, sync state, and its version
// history; the actions the role allows (correct, entered in error, approve a proxy entry).
class RecordDetail : public QWidget
{
    Q_OBJECT

public:
    // staff may be null: people are then shown by ID.
    RecordDetail(ChartService& service, const StaffDirectory* staff = nullptr, QWidget* parent = nullptr);

    // Opens (and audits) the latest version.
    void showRecord(const QString& recordId);
    // The same version re-read after sync (its token or sync state changed): badge, sync state and times are
    // recomputed without another audited open. Ignored for another record or version.
    void updateStatus(const RecordVersion& fresh);
    void clear();
    QString recordId() const { return m_record.recordId; }
    const RecordVersion& record() const { return m_record; }
    VersionHistory* history() const { return m_history; }

signals:
    void correctionRequested(const QString& recordId);
    void recordChanged(const QString& recordId);

private:
    void approve();
    void markEnteredInError();
    void showStatus();
    QString person(const QString& userId) const;

    ChartService& m_service;
    const StaffDirectory* m_staff;
    RecordVersion m_record;
    QLabel* m_title;
    QLabel* m_meta;
    StatusBadge* m_badge;
    StatusBadge* m_sync;
    QTextBrowser* m_body;
    QPushButton* m_correct;
    QLineEdit* m_errorReason;
    QPushButton* m_enteredInError;
    QPushButton* m_approve;
    QLabel* m_message;
    VersionHistory* m_history;
};

} // namespace ward
