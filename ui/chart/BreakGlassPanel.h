#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ward {

// AC-3: opening another compartment's patient asks, in the page itself (no modal dialog a lock
// could be stuck behind), why; the reason goes to the audit trail and the access to review.
class BreakGlassPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BreakGlassPanel(QWidget* parent = nullptr);
    void ask(const QString& patientId, const QString& message);
    void showRefusal(const QString& message);
    QString patientId() const { return m_patientId; }

signals:
    void reasonGiven(const QString& patientId, const QString& reason);
    void cancelled();

private:
    void submit();

    QString m_patientId;
    QLabel* m_message;
    QLineEdit* m_reason;
    QPushButton* m_open;
};

} // namespace ward
