#pragma once

#include "records/RecordVersion.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QTextBrowser;

namespace ward {

class StaffDirectory;

// Every version of a record, and a readable field-by-field diff between any two (DATA-3).
class VersionHistory : public QWidget
{
    Q_OBJECT

public:
    explicit VersionHistory(QWidget* parent = nullptr);
    // Authors by name when a directory is given (else by ID).
    void setStaff(const StaffDirectory* staff) { m_staff = staff; }
    void setVersions(const QList<RecordVersion>& versions);
    // Compares version `from` with version `to` (1-based version numbers).
    void compare(int from, int to);
    QString diffText() const;

private:
    void update();

    QList<RecordVersion> m_versions;
    const StaffDirectory* m_staff = nullptr;
    QComboBox* m_from;
    QComboBox* m_to;
    QTextBrowser* m_diff;
};

} // namespace ward
