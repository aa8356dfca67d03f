#include "ui/login/EmergencyLoginPage.h"

#include "auth/UserId.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"
#include "ui/theme/ThemeProperty.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setMinimumWidth(160);
    b->setProperty("textStyle", QStringLiteral("title"));
    b->setAccessibleName(text);
    return b;
}

} // namespace

EmergencyLoginPage::EmergencyLoginPage(QWidget* parent)
    : QWidget(parent)
    , m_account(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
    , m_test(new QCheckBox(tr("Periodic test only (nothing opens; recorded as a test)"), this))
{
    setObjectName(QStringLiteral("emergencyLoginPage"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Emergency account"), this);
    heading->setProperty("textStyle", QStringLiteral("heading"));
    heading->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    // Said before anything is typed: using it is never quiet (003 §6.6(2) ア-3).
    auto* notice = new StatusBadge(StatusBadge::Shape::Banner, this);
    notice->setObjectName(QStringLiteral("emergencyNotice"));
    notice->setStatus(StatusTone::Danger, IconName::BreakGlass,
                      tr("Only when nobody can log in with a card. IT and the auditors are told at once, every action is "
                         "recorded under your name, and the account closes after this shift until IT issues a new letter."));
    layout->addWidget(notice);

    m_account->setObjectName(QStringLiteral("emergencyAccountEdit"));
    m_account->setMaxLength(UserId::kLength);
    m_account->setPlaceholderText(QStringLiteral("EMERGW3001"));
    m_account->setProperty("textStyle", QStringLiteral("title"));
    m_account->setAccessibleName(tr("Emergency account (on the sealed letter)"));
    m_name->setObjectName(QStringLiteral("emergencyNameEdit"));
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("e.g. Yamada Taro, visiting doctor, Kita Hospital"));
    m_name->setProperty("textStyle", QStringLiteral("title"));
    m_name->setAccessibleName(tr("Your name and where you work"));
    // A plain field, not a list: the lock watchdog treats any filled item model outside the lock screen as data left
    // behind, and the examples fit in the placeholder.
    m_reason->setObjectName(QStringLiteral("emergencyReasonEdit"));
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("e.g. IC card system down; visiting staff in a disaster"));
    m_reason->setProperty("textStyle", QStringLiteral("title"));
    m_reason->setAccessibleName(tr("Reason"));
    m_test->setObjectName(QStringLiteral("emergencyTestCheck"));

    auto* form = new QFormLayout;
    form->addRow(tr("Emergency account (on the sealed letter)"), m_account);
    form->addRow(tr("Your name and where you work"), m_name);
    form->addRow(tr("Reason"), m_reason);
    form->addRow(QString(), m_test);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    auto* backButton = button(tr("Back"), "emergencyBackButton", this);
    auto* next = button(tr("Next"), "emergencyNextButton", this);
    ThemeProperty::setRole(next, QStringLiteral("danger"));
    buttons->addWidget(backButton);
    buttons->addWidget(next);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(backButton, &QPushButton::clicked, this, [this] {
        clear();
        emit back();
    });
    connect(next, &QPushButton::clicked, this, &EmergencyLoginPage::submit);
    connect(m_account, &QLineEdit::returnPressed, m_name, qOverload<>(&QWidget::setFocus));
    connect(m_name, &QLineEdit::returnPressed, m_reason, qOverload<>(&QWidget::setFocus));
    connect(m_reason, &QLineEdit::returnPressed, this, &EmergencyLoginPage::submit);
}

void EmergencyLoginPage::clear()
{
    m_account->clear();
    m_name->clear();
    m_reason->clear();
    m_test->setChecked(false);
}

void EmergencyLoginPage::focusFirst()
{
    m_account->setFocus();
}

void EmergencyLoginPage::submit()
{
    emit submitted(m_account->text().trimmed().toUpper(), m_name->text().trimmed(), m_reason->text().trimmed(),
                   m_test->isChecked());
}

} // namespace ward
