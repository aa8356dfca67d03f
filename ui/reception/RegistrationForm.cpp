#include "ui/reception/RegistrationForm.h"

#include "auth/UserId.h"
#include "ui/reception/LetterIssue.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/VerificationMethods.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ward {

namespace {
constexpr int kMaxNameLength = 100;     // hub AdminRequest::kMaxNameLength
constexpr int kMaxDocumentLength = 128; // hub: documentRef

QWidget* checkBoxes(const QStringList& ids, QMap<QString, QCheckBox*>* boxes, const QString& prefix, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < ids.size(); ++i) {
        auto* check = new QCheckBox(ids.at(i), box);
        check->setObjectName(prefix + ids.at(i));
        grid->addWidget(check, i / 4, i % 4);
        boxes->insert(ids.at(i), check);
    }
    return box;
}
} // namespace

RegistrationForm::RegistrationForm(const ReceptionSetup& setup, QWidget* parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("registrationForm"));
    auto* layout = new QVBoxLayout(this);
    m_outcome = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_outcome->setObjectName(QStringLiteral("registrationOutcome"));
    m_outcome->hide();
    layout->addWidget(m_outcome);
    auto* form = new QFormLayout();

    auto* idRow = new QWidget(this);
    auto* idLayout = new QHBoxLayout(idRow);
    idLayout->setContentsMargins(0, 0, 0, 0);
    m_useNext = new QRadioButton(tr("Next free ID"), idRow);
    m_useNext->setObjectName(QStringLiteral("registrationUseNextId"));
    m_useNext->setChecked(true);
    m_nextIdLabel = new QLabel(idRow);
    m_nextIdLabel->setObjectName(QStringLiteral("registrationNextId"));
    m_nextIdLabel->setProperty("textStyle", QStringLiteral("title"));
    m_useChosen = new QRadioButton(tr("This ID:"), idRow);
    m_useChosen->setObjectName(QStringLiteral("registrationUseChosenId"));
    m_chosenId = new QLineEdit(idRow);
    m_chosenId->setObjectName(QStringLiteral("registrationChosenId"));
    m_chosenId->setAccessibleName(tr("Chosen staff ID"));
    m_chosenId->setMaxLength(UserId::kLength);
    m_chosenId->setPlaceholderText(tr("10 letters or digits"));
    auto* group = new QButtonGroup(idRow);
    group->addButton(m_useNext);
    group->addButton(m_useChosen);
    idLayout->addWidget(m_useNext);
    idLayout->addWidget(m_nextIdLabel);
    idLayout->addSpacing(24);
    idLayout->addWidget(m_useChosen);
    idLayout->addWidget(m_chosenId, 1);
    form->addRow(tr("Staff ID"), idRow);
    m_idHint = hint(QStringLiteral("registrationIdHint"));
    form->addRow(QString(), m_idHint);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("registrationName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(kMaxNameLength);
    m_name->setPlaceholderText(tr("Family name and given name, as on the photo ID"));
    form->addRow(tr("Name"), m_name);
    m_nameHint = hint(QStringLiteral("registrationNameHint"));
    form->addRow(QString(), m_nameHint);
    m_kana = new QLineEdit(this);
    m_kana->setObjectName(QStringLiteral("registrationKana"));
    m_kana->setAccessibleName(tr("Kana"));
    m_kana->setMaxLength(kMaxNameLength);
    m_kana->setPlaceholderText(tr("Reading in hiragana or katakana"));
    form->addRow(tr("Kana"), m_kana);
    m_kanaHint = hint(QStringLiteral("registrationKanaHint"));
    form->addRow(QString(), m_kanaHint);

    form->addRow(tr("Roles"), checkBoxes(setup.roles, &m_roles, QStringLiteral("registrationRole_"), this));
    m_rolesHint = hint(QStringLiteral("registrationRolesHint"));
    form->addRow(QString(), m_rolesHint);
    form->addRow(tr("Wards"), checkBoxes(setup.wards, &m_wards, QStringLiteral("registrationWard_"), this));

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("registrationMethod"));
    m_method->setAccessibleName(tr("Identity checked with"));
    VerificationMethods::fill(m_method);
    form->addRow(tr("Identity checked with"), m_method);
    m_document = new QLineEdit(this);
    m_document->setObjectName(QStringLiteral("registrationDocument"));
    m_document->setAccessibleName(tr("Document reference"));
    m_document->setMaxLength(kMaxDocumentLength);
    form->addRow(tr("Document reference"), m_document);
    m_documentHint = hint(QStringLiteral("registrationDocumentHint"));
    form->addRow(QString(), m_documentHint);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout();
    m_register = new QPushButton(ThemeIcon::icon(IconName::Print), tr("Register and print the letter"), this);
    m_register->setObjectName(QStringLiteral("registrationSubmit"));
    ThemeProperty::setRole(m_register, QStringLiteral("primary"));
    buttons->addWidget(m_register);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();

    m_idCheck.setSingleShot(true);
    m_idCheck.setInterval(300);
    connect(&m_idCheck, &QTimer::timeout, this, &RegistrationForm::checkChosenId);
    for (QLineEdit* edit : {m_name, m_kana, m_document})
        connect(edit, &QLineEdit::textChanged, this, &RegistrationForm::validate);
    connect(m_chosenId, &QLineEdit::textChanged, this, [this] {
        m_chosenIdFree = -1;
        if (!m_chosenId->text().isEmpty())
            m_useChosen->setChecked(true);
        if (UserId::isValid(m_chosenId->text()))
            m_idCheck.start();
        validate();
    });
    connect(m_useNext, &QRadioButton::toggled, this, &RegistrationForm::validate);
    for (QCheckBox* box : std::as_const(m_roles))
        connect(box, &QCheckBox::toggled, this, &RegistrationForm::validate);
    connect(m_register, &QPushButton::clicked, this, &RegistrationForm::submit);
    validate();
}

QLabel* RegistrationForm::hint(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setProperty("role", QStringLiteral("muted"));
    return label;
}

bool RegistrationForm::isKana(const QString& text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool hiragana = u >= 0x3041 && u <= 0x309F;
        const bool katakana = (u >= 0x30A0 && u <= 0x30FF) || (u >= 0x31F0 && u <= 0x31FF);
        if (!hiragana && !katakana && u != 0x3000 && u != u' ')
            return false;
    }
    return true;
}

QStringList RegistrationForm::checked(const QMap<QString, QCheckBox*>& boxes) const
{
    QStringList ids;
    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it)
        if (it.value()->isChecked())
            ids << it.key();
    return ids;
}

void RegistrationForm::refreshNextId()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("prefix"), m_setup.idPrefix);
    m_setup.client->get(QStringLiteral("staff/next-id"), query, [this](const HubReply& reply) {
        m_nextId = reply.ok() ? reply.json.value(QStringLiteral("userId")).toString() : QString();
        m_nextIdLabel->setText(reply.ok() ? m_nextId : tr("(not available)"));
        if (!reply.ok())
            m_idHint->setText(ReceptionClient::explain(reply));
        validate();
        emit nextIdShown(m_nextId);
    });
}

void RegistrationForm::checkChosenId()
{
    const QString id = m_chosenId->text();
    if (!UserId::isValid(id))
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("userId"), id);
    m_setup.client->get(QStringLiteral("staff/person"), query, [this, id](const HubReply& reply) {
        if (id != m_chosenId->text())
            return;
        // Retired IDs stay in the directory for ever, so "not found" is exactly "never used" (AUTH-3).
        m_chosenIdFree = reply.ok() ? 0 : reply.error.hubCode() == QLatin1String("not_found") ? 1 : -1;
        validate();
        emit chosenIdChecked(m_chosenIdFree == 1);
    });
}

bool RegistrationForm::isComplete() const
{
    return m_register->isEnabled();
}

void RegistrationForm::validate()
{
    bool idOk = false;
    if (m_useNext->isChecked()) {
        idOk = !m_nextId.isEmpty();
        m_idHint->setText(idOk ? tr("The hub gives the next free ID of the scheme when you register.")
                               : tr("Waiting for the hub's next free ID…"));
    } else {
        const UserId::Error error = UserId::validate(m_chosenId->text());
        if (error != UserId::Error::None)
            m_idHint->setText(tr("%1 An ID is exactly 10 letters A-Z or digits, e.g. ST00001234.").arg(UserId::message(error)));
        else if (m_chosenIdFree == 0)
            m_idHint->setText(tr("%1 is already used (IDs are never reused, also after retirement). Choose another "
                                 "or use the next free ID.")
                                  .arg(m_chosenId->text()));
        else if (m_chosenIdFree == -1)
            m_idHint->setText(tr("Checking at the hub whether %1 is free…").arg(m_chosenId->text()));
        else
            m_idHint->setText(tr("%1 is free.").arg(m_chosenId->text()));
        idOk = error == UserId::Error::None && m_chosenIdFree == 1;
        ThemeProperty::setInvalid(m_chosenId, error != UserId::Error::None || m_chosenIdFree == 0);
    }
    const QString name = m_name->text().trimmed();
    const bool nameOk = !name.isEmpty();
    m_nameHint->setText(nameOk ? QString() : tr("Enter the name as written on the photo ID."));
    ThemeProperty::setInvalid(m_name, !nameOk && !m_name->text().isEmpty());
    const QString kana = m_kana->text().trimmed();
    const bool kanaOk = !kana.isEmpty() && isKana(kana);
    m_kanaHint->setText(kanaOk            ? QString()
                        : kana.isEmpty() ? tr("Enter the reading of the name in kana (e.g. かんご はなこ).")
                                          : tr("Use only hiragana or katakana and spaces (no kanji, letters or digits)."));
    ThemeProperty::setInvalid(m_kana, !kana.isEmpty() && !kanaOk);
    const bool rolesOk = !checked(m_roles).isEmpty();
    m_rolesHint->setText(rolesOk ? QString() : tr("Choose at least one role."));
    const bool documentOk = !m_document->text().trimmed().isEmpty();
    m_documentHint->setText(documentOk ? QString()
                                       : tr("Enter the number of the document you checked (e.g. the licence number)."));
    m_register->setEnabled(idOk && nameOk && kanaOk && rolesOk && documentOk && !m_busy);
}

void RegistrationForm::submit()
{
    if (!isComplete())
        return;
    QJsonObject body{{QStringLiteral("name"), m_name->text().trimmed()},
                     {QStringLiteral("kana"), m_kana->text().trimmed()},
                     {QStringLiteral("roles"), QJsonArray::fromStringList(checked(m_roles))},
                     {QStringLiteral("wards"), QJsonArray::fromStringList(checked(m_wards))},
                     {QStringLiteral("verificationMethod"), m_method->currentData().toString()},
                     {QStringLiteral("documentRef"), m_document->text().trimmed()}};
    if (m_useChosen->isChecked())
        body.insert(QStringLiteral("userId"), m_chosenId->text());
    else
        body.insert(QStringLiteral("idPrefix"), m_setup.idPrefix);
    PasswordLetter::Content letter{m_useChosen->isChecked() ? m_chosenId->text() : QString(), m_name->text().trimmed(),
                                   m_kana->text().trimmed(), QDateTime(), m_setup.helpContact};
    m_busy = true;
    validate();
    ReceptionClient* client = m_setup.client;
    LetterIssue::run(
        m_setup, QStringLiteral("register"), letter,
        [client, body](ReceptionClient::Callback done) { client->post(QStringLiteral("staff"), body, done); },
        [this](const LetterIssue::Result& r) {
            m_busy = false;
            const QString id = r.reply.json.value(QStringLiteral("userId")).toString();
            bool ok = false;
            switch (r.outcome) {
            case LetterIssue::Outcome::Printed:
                m_outcome->setStatus(StatusTone::Ok, IconName::Print,
                                     tr("%1 is registered. The letter with the temporary password is printed: seal it "
                                        "in an envelope and hand it to the person only. Next: issue the IC card.")
                                         .arg(id));
                ok = true;
                break;
            case LetterIssue::Outcome::Pending:
                // AC-4: a privileged role waits for a second authorised person; no account exists yet.
                m_outcome->setStatus(StatusTone::Pending, IconName::Pending,
                                     tr("Pending approval: %1 gets a privileged role, so a second person with the "
                                        "right to manage users must approve the request (request %2). The letter is "
                                        "printed when it is approved.")
                                         .arg(id, r.reply.json.value(QStringLiteral("requestId")).toString().left(8)));
                ok = true;
                break;
            default:
                m_outcome->setStatus(StatusTone::Danger, IconName::Error, r.message);
            }
            m_outcome->show();
            // After a failed print the account exists: the form must not offer to register the person twice.
            if (ok || r.outcome == LetterIssue::Outcome::PrintFailed)
                clear();
            else
                validate();
            refreshNextId();
            emit registrationAnswered(ok);
        });
}

void RegistrationForm::clear()
{
    for (QLineEdit* edit : {m_chosenId, m_name, m_kana, m_document})
        edit->clear();
    for (QCheckBox* box : std::as_const(m_roles))
        box->setChecked(false);
    for (QCheckBox* box : std::as_const(m_wards))
        box->setChecked(false);
    m_useNext->setChecked(true);
}

} // namespace ward
