#pragma once

#include "ui/reception/ReceptionSetup.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ward {

class StatusBadge;

// Registers a staff member (issue 12, AUTH-3, AUTH-12): the next free ID of the hospital's scheme or a chosen
// one (checked at the hub as it is typed), name and kana, roles, wards, and how the identity was checked. Every
// field says as it is typed what is wrong and how to fix it; the button works only when all are right. The
// temporary password goes onto the sealed letter (LetterIssue); a privileged role becomes a pending AC-4
// request, shown as such.
class RegistrationForm : public QWidget
{
    Q_OBJECT

public:
    RegistrationForm(const ReceptionSetup& setup, QWidget* parent = nullptr);

    // Asks the hub for the next free ID of the scheme (shown, not reserved: the hub assigns it on register).
    void refreshNextId();
    void submit();
    bool isComplete() const;
    StatusBadge* outcome() const { return m_outcome; }
    QString nextId() const { return m_nextId; }

    // Kana readings: hiragana, katakana, the long-vowel mark and spaces.
    static bool isKana(const QString& text);

signals:
    void nextIdShown(const QString& userId);
    void chosenIdChecked(bool free);
    // 201 printed, 202 pending, or refused: the desk's answer is in outcome().
    void registrationAnswered(bool ok);

private:
    void validate();
    void checkChosenId();
    QLabel* hint(const QString& objectName);
    QStringList checked(const QMap<QString, QCheckBox*>& boxes) const;
    void clear();

    ReceptionSetup m_setup;
    QRadioButton* m_useNext;
    QRadioButton* m_useChosen;
    QLabel* m_nextIdLabel;
    QLineEdit* m_chosenId;
    QLabel* m_idHint;
    QTimer m_idCheck;
    QString m_nextId;
    int m_chosenIdFree = -1;  // -1 unknown, 0 taken, 1 free
    QLineEdit* m_name;
    QLabel* m_nameHint;
    QLineEdit* m_kana;
    QLabel* m_kanaHint;
    QMap<QString, QCheckBox*> m_roles;
    QLabel* m_rolesHint;
    QMap<QString, QCheckBox*> m_wards;
    QComboBox* m_method;
    QLineEdit* m_document;
    QLabel* m_documentHint;
    QPushButton* m_register;
    StatusBadge* m_outcome;
    bool m_busy = false;
};

} // namespace ward
