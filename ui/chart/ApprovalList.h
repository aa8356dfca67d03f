#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ward {

class ChartService;
class StaffDirectory;

// AC-5: the doctor's list of proxy entries awaiting their approval (signature).
class ApprovalList : public QWidget
{
    Q_OBJECT

public:
    // `staff` names the proxy authors (may be null: IDs are shown).
    ApprovalList(ChartService& service, const StaffDirectory* staff, QWidget* parent = nullptr);
    void refresh();
    int count() const;

signals:
    void openRequested(const QString& patientId, const QString& recordId);

private:
    ChartService& m_service;
    const StaffDirectory* m_staff;
    QLabel* m_title;
    QTableWidget* m_table;
};

} // namespace ward
