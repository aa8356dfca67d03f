#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ward {

class LoginController;

// AUTH-6 / AUTH-7: the change a temporary or expired password forces. The current password is required;
// the rules (length, classes, history) are checked by LoginController and the hub.
class ChangePasswordPage : public QWidget
{
    Q_OBJECT

public:
    explicit ChangePasswordPage(LoginController* controller, QWidget* parent = nullptr);

    void clear();
    void setBusy(bool busy);
    void focusFirst();
    // AUTH-6: a change offered in the warning period can be put off ("keepPasswordButton").
    void setOptional(bool optional);

private:
    void submit();

    LoginController* m_controller;
    QLineEdit* m_old;
    QLineEdit* m_new;
    QLineEdit* m_confirm;
    QPushButton* m_submit;
    QPushButton* m_keep;
};

} // namespace ward
