#include "ui/it/EnrolCodePage.h"

#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ward {

EnrolCodePage::EnrolCodePage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("enrolCodePage"));
    auto* layout = new QVBoxLayout(this);
    m_steps = new QStackedWidget(this);
    layout->addWidget(m_steps);

    // Step 1: which ward, how long.
    auto* askPage = new QWidget(m_steps);
    auto* askLayout = new QVBoxLayout(askPage);
    m_title = new StatusBadge(StatusBadge::Shape::Banner, askPage);
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_title->setStatus(StatusTone::Info, IconName::Password, tr("Enrolment code for a new terminal"));
    auto* explain = new QLabel(tr("The code lets one new terminal join the hub for the ward you choose. It works once and "
                                  "only until it expires; it is shown once, here."),
                               askPage);
    explain->setWordWrap(true);
    m_ward = new QComboBox(askPage);
    m_ward->setObjectName(QStringLiteral("enrolCodeWard"));
    m_ward->setAccessibleName(tr("Ward"));
    m_lifetime = new QComboBox(askPage);
    m_lifetime->setObjectName(QStringLiteral("enrolCodeLifetime"));
    m_lifetime->setAccessibleName(tr("Valid for"));
    m_lifetime->addItem(tr("15 minutes"), 15);
    m_lifetime->addItem(tr("1 hour"), 60);
    m_lifetime->addItem(tr("4 hours"), 4 * 60);
    m_lifetime->addItem(tr("1 day"), 24 * 60);
    m_lifetime->setCurrentIndex(1);
    auto* form = new QFormLayout();
    form->addRow(tr("Ward"), m_ward);
    form->addRow(tr("Valid for"), m_lifetime);
    m_issue = new QPushButton(tr("Issue the code"), askPage);
    m_issue->setObjectName(QStringLiteral("enrolCodeIssue"));
    ThemeProperty::setRole(m_issue, QStringLiteral("primary"));
    auto* cancel = new QPushButton(tr("Cancel"), askPage);
    cancel->setObjectName(QStringLiteral("enrolCodeCancel"));
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_issue);
    buttons->addWidget(cancel);
    buttons->addStretch();
    askLayout->addWidget(m_title);
    askLayout->addWidget(explain);
    askLayout->addLayout(form);
    askLayout->addLayout(buttons);
    askLayout->addStretch();
    m_steps->addWidget(askPage);

    // Step 2: the code, once.
    auto* shownPage = new QWidget(m_steps);
    auto* shownLayout = new QVBoxLayout(shownPage);
    m_shownTitle = new StatusBadge(StatusBadge::Shape::Banner, shownPage);
    m_shownTitle->setObjectName(QStringLiteral("enrolCodeTitle"));
    m_shownTitle->setProperty("textStyle", QStringLiteral("title"));
    m_code = new QLabel(shownPage);
    m_code->setObjectName(QStringLiteral("enrolCodeValue"));
    m_code->setProperty("textStyle", QStringLiteral("display"));
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setTextInteractionFlags(Qt::NoTextInteraction);
    m_expiry = new QLabel(shownPage);
    m_expiry->setObjectName(QStringLiteral("enrolCodeExpiry"));
    m_expiry->setProperty("textStyle", QStringLiteral("heading"));
    m_expiry->setAlignment(Qt::AlignCenter);
    auto* fingerprintCaption = new QLabel(tr("Hub CA fingerprint (SHA-256) — compare it at the new terminal before the code is sent:"),
                                          shownPage);
    fingerprintCaption->setWordWrap(true);
    m_fingerprint = new QLabel(shownPage);
    m_fingerprint->setObjectName(QStringLiteral("enrolCodeFingerprint"));
    m_fingerprint->setProperty("textStyle", QStringLiteral("heading"));
    m_fingerprint->setAlignment(Qt::AlignCenter);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instructions = new QLabel(shownPage);
    m_instructions->setObjectName(QStringLiteral("enrolCodeInstructions"));
    m_instructions->setWordWrap(true);
    m_instructions->setProperty("role", QStringLiteral("muted"));
    auto* done = new QPushButton(tr("Done — hide the code"), shownPage);
    done->setObjectName(QStringLiteral("enrolCodeDone"));
    ThemeProperty::setRole(done, QStringLiteral("primary"));
    auto* doneRow = new QHBoxLayout();
    doneRow->addWidget(done);
    doneRow->addStretch();
    shownLayout->addWidget(m_shownTitle);
    shownLayout->addWidget(m_code);
    shownLayout->addWidget(m_expiry);
    shownLayout->addWidget(fingerprintCaption);
    shownLayout->addWidget(m_fingerprint);
    shownLayout->addWidget(m_instructions);
    shownLayout->addLayout(doneRow);
    shownLayout->addStretch();
    m_steps->addWidget(shownPage);

    connect(m_issue, &QPushButton::clicked, this, [this] {
        if (m_ward->currentIndex() >= 0)
            emit requested(m_ward->currentData().toString(), m_lifetime->currentData().toInt());
    });
    connect(cancel, &QPushButton::clicked, this, &EnrolCodePage::finished);
    connect(done, &QPushButton::clicked, this, [this] {
        clearCode();
        emit finished();
    });
}

void EnrolCodePage::ask(const QJsonArray& wards, const QString& preferredWard)
{
    clearCode();
    m_ward->clear();
    for (const QJsonValue& w : wards) {
        const QString id = w.toObject().value(QStringLiteral("id")).toString();
        const QString name = w.toObject().value(QStringLiteral("name")).toString();
        m_ward->addItem(name == id || name.isEmpty() ? id : tr("%1 (%2)").arg(name, id), id);
    }
    const int preferred = m_ward->findData(preferredWard);
    if (preferred >= 0)
        m_ward->setCurrentIndex(preferred);
    setBusy(false);
    m_steps->setCurrentIndex(0);
    m_ward->setFocus();
}

void EnrolCodePage::setBusy(bool busy)
{
    m_issue->setEnabled(!busy && m_ward->count() > 0);
}

bool EnrolCodePage::isShowingCode() const
{
    return m_steps->currentIndex() == 1 && !m_code->text().isEmpty();
}

QString EnrolCodePage::groupedCode(const QString& code)
{
    QString plain;
    for (const QChar c : code)
        if (c.isLetterOrNumber())
            plain += c;
    QStringList groups;
    for (qsizetype i = 0; i < plain.size(); i += 4)
        groups << plain.mid(i, 4);
    return groups.join(QStringLiteral("  "));
}

QString EnrolCodePage::groupedFingerprint(const QString& fingerprint)
{
    const QStringList pairs = fingerprint.split(QLatin1Char(':'));
    QStringList lines;
    for (qsizetype i = 0; i < pairs.size(); i += 16)
        lines << pairs.mid(i, 16).join(QLatin1Char(':'));
    // The colon stays at the end of the first line: read across the break it is the fingerprint as openssl prints it.
    return lines.join(QStringLiteral(":\n"));
}

void EnrolCodePage::showCode(const QJsonObject& issued)
{
    const QString ward = issued.value(QStringLiteral("ward")).toString();
    const QDateTime expires = QDateTime::fromString(issued.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    m_shownTitle->setStatus(StatusTone::Warning, IconName::Password, tr("Enrolment code for ward %1 — shown only now").arg(ward));
    m_code->setText(groupedCode(issued.value(QStringLiteral("code")).toString()));
    m_code->setAccessibleName(tr("Enrolment code"));
    m_expiry->setText(tr("Valid until %1 (once)").arg(QLocale().toString(expires.toLocalTime(), QLocale::ShortFormat)));
    m_fingerprint->setText(groupedFingerprint(issued.value(QStringLiteral("caFingerprint")).toString()));
    m_instructions->setText(tr("At the new terminal: wardstation --enrol --hub <hub address> --code <this code> "
                               "--hub-ca-fingerprint <the fingerprint above> --data-dir <its data folder> "
                               "[--terminal <its name in this list; default: the host name>]. If the terminal shows another fingerprint, "
                               "stop: it is not talking to this hub. Do not write the code down or send it by mail; "
                               "issue a new one if it expires."));
    m_steps->setCurrentIndex(1);
}

void EnrolCodePage::clearCode()
{
    m_code->clear();
    m_fingerprint->clear();
    m_expiry->clear();
}

} // namespace ward
