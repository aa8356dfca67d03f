#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ward {

class ChartService;

// AC-5: the doctor's list of proxy entries awaiting their approval (signature).
class ApprovalList : public QWidget
{
    Q_OBJECT

public:
    ApprovalList(ChartService& service, QWidget* parent = nullptr);
    void refresh();
    int count() const;

signals:
    void openRequested(const QString& patientId, const QString& recordId);

private:
    ChartService& m_service;
    QLabel* m_title;
    QTableWidget* m_table;
};

} // namespace ward
