#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace ward {

// BCP-1: the first step of a login with a ward's emergency account (003 §6.6(2)): the account printed on the
// sealed letter, the name of the person really at the terminal (a visiting doctor has no staff ID here), and why.
// "Periodic test" makes it the ward's regular check that the letter works: no session, recorded as a test.
// Object names: "emergencyAccountEdit", "emergencyNameEdit", "emergencyReasonEdit", "emergencyTestCheck",
// "emergencyBackButton", "emergencyNextButton".
class EmergencyLoginPage : public QWidget
{
    Q_OBJECT

public:
    explicit EmergencyLoginPage(QWidget* parent = nullptr);

    void clear();
    void focusFirst();

signals:
    void submitted(const QString& accountId, const QString& realName, const QString& reason, bool test);
    void back();

private:
    void submit();

    QLineEdit* m_account;
    QLineEdit* m_name;
    QLineEdit* m_reason;
    QCheckBox* m_test;
};

} // namespace ward
