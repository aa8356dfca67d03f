#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ward {

class ChangeReason;
class StatusBadge;

// Asks for one change to a staff member before it is made (issue 12): what will happen, why (a reason the hub
// audits), and for a password reset how the person's identity was checked (AUTH-12). Inline, not a dialog, so a
// lock closes it with the desk.
class StaffChangePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Action { Disable, Enable, Retire, Unlock, ResetPassword };

    explicit StaffChangePanel(QWidget* parent = nullptr);

    void ask(Action action, const QJsonObject& person);
    Action action() const { return m_action; }
    static QString actionName(Action action);  // the hub's word (status action)

signals:
    void confirmed(ward::StaffChangePanel::Action action, const QJsonObject& person, const QString& reason,
                   const QString& method, const QString& documentRef);
    void cancelled();

private:
    void validate();
    void submit();

    Action m_action = Action::Disable;
    QJsonObject m_person;
    StatusBadge* m_title;
    QLabel* m_consequence;
    ChangeReason* m_reason;
    QWidget* m_verification;
    QComboBox* m_method;
    QLineEdit* m_document;
    QLabel* m_documentHint;
    QPushButton* m_confirm;
};

} // namespace ward
