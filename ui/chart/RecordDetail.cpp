#include "ui/chart/RecordDetail.h"

#include "records/ChartService.h"
#include "records/StaffDirectory.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/VersionHistory.h"
#include "ui/theme/StatusBadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ward {

RecordDetail::RecordDetail(ChartService& service, const StaffDirectory* staff, QWidget* parent)
    : QWidget(parent), m_service(service), m_staff(staff)
{
    setObjectName(QStringLiteral("recordDetail"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("recordTitle"));
    m_title->setProperty("textStyle", QStringLiteral("title"));
    m_badge = new StatusBadge(this);
    m_badge->setObjectName(QStringLiteral("signatureBadge"));
    m_sync = new StatusBadge(this);
    m_sync->setObjectName(QStringLiteral("syncState"));
    auto* badges = new QHBoxLayout();
    badges->addWidget(m_badge);
    badges->addWidget(m_sync);
    badges->addStretch();
    m_meta = new QLabel(this);
    m_meta->setObjectName(QStringLiteral("recordMeta"));
    m_meta->setWordWrap(true);
    m_meta->setProperty("role", QStringLiteral("muted"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body = new QTextBrowser(this);
    m_body->setObjectName(QStringLiteral("recordBody"));
    m_body->setAccessibleName(tr("Record"));

    m_correct = new QPushButton(tr("Correct"), this);
    m_correct->setObjectName(QStringLiteral("correctButton"));
    m_correct->setAccessibleName(tr("Correct"));
    m_errorReason = new QLineEdit(this);
    m_errorReason->setObjectName(QStringLiteral("errorReason"));
    m_errorReason->setPlaceholderText(tr("Reason it was entered in error"));
    m_errorReason->setAccessibleName(tr("Reason it was entered in error"));
    m_enteredInError = new QPushButton(tr("Mark entered in error"), this);
    m_enteredInError->setObjectName(QStringLiteral("enteredInErrorButton"));
    m_enteredInError->setProperty("role", QStringLiteral("danger"));
    m_enteredInError->setAccessibleName(tr("Mark entered in error"));
    m_enteredInError->setEnabled(false);
    m_approve = new QPushButton(tr("Approve and sign"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setProperty("role", QStringLiteral("primary"));
    m_approve->setAccessibleName(tr("Approve and sign"));
    auto* actions = new QHBoxLayout();
    actions->addWidget(m_approve);
    actions->addWidget(m_correct);
    actions->addWidget(m_errorReason);
    actions->addWidget(m_enteredInError);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("recordMessage"));
    m_message->setWordWrap(true);
    m_message->setProperty("role", QStringLiteral("error"));
    m_history = new VersionHistory(this);
    m_history->setStaff(m_staff);

    layout->addWidget(m_title);
    layout->addLayout(badges);
    layout->addWidget(m_meta);
    layout->addWidget(m_body, 2);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_history, 1);

    connect(m_correct, &QPushButton::clicked, this, [this] { emit correctionRequested(m_record.recordId); });
    connect(m_errorReason, &QLineEdit::textChanged, this,
            [this](const QString& t) { m_enteredInError->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_enteredInError, &QPushButton::clicked, this, &RecordDetail::markEnteredInError);
    connect(m_approve, &QPushButton::clicked, this, &RecordDetail::approve);
    clear();
}

void RecordDetail::clear()
{
    m_record = RecordVersion();
    m_title->setText(tr("Select a record"));
    m_meta->clear();
    m_badge->clearStatus();
    m_sync->clearStatus();
    m_body->clear();
    m_message->clear();
    m_history->setVersions({});
    for (QWidget* w : std::initializer_list<QWidget*>{m_correct, m_errorReason, m_enteredInError, m_approve})
        w->setVisible(false);
}

QString RecordDetail::person(const QString& userId) const
{
    const QString name = m_staff ? m_staff->displayName(userId) : QString();
    return name.isEmpty() ? userId : tr("%1 (%2)").arg(name, userId);
}

void RecordDetail::showRecord(const QString& recordId)
{
    try {
        m_record = m_service.openRecord(recordId);
        const QList<RecordVersion> versions = m_service.history(recordId);
        m_title->setText(tr("%1 — version %2").arg(ChartService::typeLabel(m_record.type)).arg(m_record.version));
        showStatus();
        m_body->setHtml(RecordPresenter::bodyHtml(m_record));
        m_history->setVersions(versions);

        const bool final = m_record.status == RecordVersion::Status::Confirmed;
        const bool canChange = final && m_service.mayConfirm(m_record.type) && m_service.hasSigningKey();
        m_correct->setVisible(canChange);
        m_errorReason->setVisible(canChange);
        m_enteredInError->setVisible(canChange);
        m_approve->setVisible(m_record.status == RecordVersion::Status::PendingApproval
                              && m_record.author == m_service.user().userId && m_service.mayApprove(m_record.type)
                              && m_service.hasSigningKey());
    } catch (const ChartError& e) {
        clear();
        m_message->setText(e.message());
    } catch (const std::exception& e) {
        clear();
        m_message->setText(tr("The record could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

void RecordDetail::updateStatus(const RecordVersion& fresh)
{
    if (m_record.recordId.isEmpty() || fresh.recordId != m_record.recordId || fresh.version != m_record.version)
        return;
    m_record = fresh;
    showStatus();
}

void RecordDetail::showStatus()
{
    const SignatureStatus sig = m_service.signatureStatus(m_record);
    QStringList meta;
    meta << tr("Author: %1").arg(person(m_record.author));
    if (!m_record.proxyAuthor.isEmpty())
        meta << tr("Entered by proxy: %1").arg(person(m_record.proxyAuthor));
    if (!m_record.approver.isEmpty())
        meta << tr("Approved by: %1").arg(person(m_record.approver));
    meta << tr("Status: %1").arg(RecordPresenter::statusLabel(m_record.status));
    meta << tr("Classification: %1").arg(QStringList{"I", "II", "III", "IV"}.value(m_record.classification - 1));
    // The clinical time leads (it orders the chart); when it was recorded and stamped stays visible beside it.
    QStringList times;
    times << tr("Clinical time: %1").arg(RecordPresenter::dateTime(RecordPresenter::effectiveTime(m_record)));
    times << tr("Recorded: %1").arg(RecordPresenter::dateTime(m_record.createdAt));
    if (m_record.confirmedAt.isValid())
        times << tr("Confirmed: %1").arg(RecordPresenter::dateTime(m_record.confirmedAt));
    times << (sig.timestampTime.isValid() ? tr("Time-stamped: %1").arg(RecordPresenter::dateTime(sig.timestampTime))
                                          : tr("Time-stamped: not yet"));
    m_meta->setText(meta.join(QStringLiteral("   ")) + QLatin1Char('\n') + times.join(QStringLiteral("   ")));

    QString badge = sig.label();
    if (!sig.signer.isEmpty() && sig.isTrustworthy())
        badge += QStringLiteral(" · ") + (m_staff ? m_staff->label(sig.signer) : sig.signer);
    m_badge->setStatus(RecordPresenter::signatureTone(sig.state), RecordPresenter::signatureIcon(sig.state), badge);
    m_badge->setToolTip(sig.reason.isEmpty() ? sig.signer : sig.reason);
    m_badge->setProperty("state", SignatureStatus::stateName(sig.state));
    const SyncOutbox::State sync = m_service.syncState(m_record.recordId, m_record.version);
    m_sync->setStatus(RecordPresenter::syncTone(sync, m_record.status), RecordPresenter::syncIcon(sync, m_record.status),
                      RecordPresenter::syncLabel(sync, m_record.status));
    m_sync->setProperty("state", SyncOutbox::stateName(sync));
    m_message->setText(sig.state == SignatureStatus::State::Invalid ? sig.reason : QString());
}

void RecordDetail::approve()
{
    try {
        const RecordVersion r = m_service.approve(m_record.recordId);
        showRecord(r.recordId);
        emit recordChanged(r.recordId);
    } catch (const ChartError& e) {
        m_message->setText(e.message());
    } catch (const std::exception& e) {
        m_message->setText(tr("Not approved: %1").arg(QString::fromUtf8(e.what())));
    }
}

void RecordDetail::markEnteredInError()
{
    try {
        const RecordVersion r = m_service.enterInError(m_record.recordId, m_errorReason->text());
        m_errorReason->clear();
        showRecord(r.recordId);
        emit recordChanged(r.recordId);
    } catch (const ChartError& e) {
        m_message->setText(e.message());
    } catch (const std::exception& e) {
        m_message->setText(tr("Not marked: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace ward
