#include "ui/login/ChangePasswordPage.h"

#include "crypto/SecureBytes.h"
#include "session/LoginController.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

namespace {

QLineEdit* passwordEdit(const char* name, QWidget* parent)
{
    auto* e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setEchoMode(QLineEdit::Password);
    e->setProperty("textStyle", QStringLiteral("title"));  // read standing (issue 11)
    // AUTH-8: nothing may remember or suggest a password.
    e->setAttribute(Qt::WA_InputMethodEnabled, false);
    e->setContextMenuPolicy(Qt::NoContextMenu);
    return e;
}

SecureBytes take(QLineEdit* e)
{
    SecureBytes s = SecureBytes::fromUtf8(e->text());
    e->clear();
    return s;
}

} // namespace

ChangePasswordPage::ChangePasswordPage(LoginController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("changePasswordPage"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Choose a new password"), this);
    title->setProperty("textStyle", QStringLiteral("heading"));
    layout->addWidget(title);
    auto* form = new QFormLayout;
    m_old = passwordEdit("oldPasswordEdit", this);
    m_new = passwordEdit("newPasswordEdit", this);
    m_confirm = passwordEdit("confirmPasswordEdit", this);
    form->addRow(tr("Current password"), m_old);
    form->addRow(tr("New password"), m_new);
    form->addRow(tr("New password again"), m_confirm);
    m_old->setAccessibleName(tr("Current password"));
    m_new->setAccessibleName(tr("New password"));
    m_confirm->setAccessibleName(tr("New password again"));
    layout->addLayout(form);
    m_submit = new QPushButton(tr("Change password"), this);
    m_submit->setObjectName(QStringLiteral("changePasswordButton"));
    m_submit->setDefault(true);
    m_submit->setProperty("role", QStringLiteral("primary"));
    m_submit->setProperty("textStyle", QStringLiteral("title"));
    layout->addWidget(m_submit);
    m_keep = new QPushButton(tr("Keep the current password for now"), this);
    m_keep->setObjectName(QStringLiteral("keepPasswordButton"));
    m_keep->setMinimumHeight(56);
    m_keep->hide();
    layout->addWidget(m_keep);
    layout->addStretch();
    connect(m_keep, &QPushButton::clicked, this, [this] {
        clear();
        m_controller->continueWithoutChange();
    });

    // Keyboard-only: Enter moves to the next field, and submits from the last one.
    connect(m_old, &QLineEdit::returnPressed, m_new, qOverload<>(&QWidget::setFocus));
    connect(m_new, &QLineEdit::returnPressed, m_confirm, qOverload<>(&QWidget::setFocus));
    connect(m_confirm, &QLineEdit::returnPressed, this, &ChangePasswordPage::submit);
    connect(m_submit, &QPushButton::clicked, this, &ChangePasswordPage::submit);
}

void ChangePasswordPage::submit()
{
    const SecureBytes oldPassword = take(m_old);
    const SecureBytes newPassword = take(m_new);
    const SecureBytes confirmation = take(m_confirm);
    m_controller->submitPasswordChange(oldPassword, newPassword, confirmation);
    focusFirst();
}

void ChangePasswordPage::clear()
{
    m_old->clear();
    m_new->clear();
    m_confirm->clear();
}

void ChangePasswordPage::setBusy(bool busy)
{
    m_old->setEnabled(!busy);
    m_new->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    m_submit->setEnabled(!busy);
    m_keep->setEnabled(!busy);
}

void ChangePasswordPage::setOptional(bool optional)
{
    m_keep->setVisible(optional);
}

void ChangePasswordPage::focusFirst()
{
    m_old->setFocus();
}

} // namespace ward
