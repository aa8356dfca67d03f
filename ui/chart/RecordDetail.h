#pragma once

#include "records/RecordVersion.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace ward {

class ChartService;
class VersionHistory;

// One record: body, author, confirmation time, proxy author and approver, version, signature badge,
// sync state, and its version history; the actions the role allows (correct, entered in error,
// approve a proxy entry).
class RecordDetail : public QWidget
{
    Q_OBJECT

public:
    RecordDetail(ChartService& service, QWidget* parent = nullptr);

    void showRecord(const QString& recordId);
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

    ChartService& m_service;
    RecordVersion m_record;
    QLabel* m_title;
    QLabel* m_meta;
    QLabel* m_badge;
    QLabel* m_sync;
    QTextBrowser* m_body;
    QPushButton* m_correct;
    QLineEdit* m_errorReason;
    QPushButton* m_enteredInError;
    QPushButton* m_approve;
    QLabel* m_message;
    VersionHistory* m_history;
};

} // namespace ward
