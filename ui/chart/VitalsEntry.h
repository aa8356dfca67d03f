#pragma once

#include "ui/chart/DraftEditor.h"

#include <QHash>
#include <optional>

class QDateTimeEdit;
class QLineEdit;

namespace ward {

// One set of vital signs. What is not a number or out of range is shown next to the field and blocks
// confirmation (DATA-7); the autosaved draft holds the numbers typed so far.
class VitalsEntry : public DraftEditor
{
    Q_OBJECT

public:
    VitalsEntry(ChartService& service, Draft draft, QWidget* parent = nullptr);

protected:
    RecordContent composeContent() const override;
    QList<ValidationProblem> entryProblems() const override;
    void markFields(const QList<ValidationProblem>& problems) override;

private:
    QDateTimeEdit* m_time;
    QHash<QString, QLineEdit*> m_fields;
    QStringList m_order;
    std::optional<double> value(const QString& key, bool* unreadable = nullptr) const;
};

} // namespace ward
