#pragma once

#include "ui/chart/DraftEditor.h"

#include <QHash>

class QDateTimeEdit;
class QLineEdit;

namespace ward {

// One set of vital signs. Fields take what is typed (so autosave never loses it); what is not a
// number or out of range is shown next to the field and blocks confirmation (DATA-7).
class VitalsEntry : public DraftEditor
{
    Q_OBJECT

public:
    VitalsEntry(ChartService& service, Draft draft, QWidget* parent = nullptr);

protected:
    QByteArray composeBody() const override;
    void markFields(const QList<ValidationProblem>& problems) override;

private:
    QDateTimeEdit* m_time;
    QHash<QString, QLineEdit*> m_fields;
    QStringList m_order;
};

} // namespace ward
