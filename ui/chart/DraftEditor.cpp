#include "ui/chart/DraftEditor.h"

#include "records/ChartService.h"
#include "ui/theme/StatusBadge.h"
#include "util/Clock.h"

#include <QComboBox>
#include <algorithm>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ward {

DraftEditor::DraftEditor(ChartService& service, Draft draft, QWidget* parent)
    : QWidget(parent), m_service(service), m_draft(std::move(draft))
{
    auto* outer = new QVBoxLayout(this);
    auto* title = new QLabel(this);
    title->setProperty("textStyle", QStringLiteral("title"));
    title->setText(m_draft.baseRecordId.isEmpty()
                       ? tr("New %1").arg(ChartService::typeLabel(m_draft.type))
                       : tr("Correction of %1 (version %2)").arg(ChartService::typeLabel(m_draft.type)).arg(
                             m_draft.baseVersion + 1));
    // SES-4: the nurse sees that the draft is kept (encrypted) before anything is confirmed.
    m_saved = new StatusBadge(this);
    m_saved->setObjectName(QStringLiteral("draftSaved"));
    auto* head = new QHBoxLayout();
    head->addWidget(title, 1);
    head->addWidget(m_saved);
    outer->addLayout(head);
    m_form = new QVBoxLayout();
    outer->addLayout(m_form);
    m_messages = new QLabel(this);
    m_messages->setObjectName(QStringLiteral("validationMessages"));
    m_messages->setWordWrap(true);
    m_messages->setProperty("role", QStringLiteral("error"));
    outer->addWidget(m_messages);

    auto* actions = new QHBoxLayout();
    const bool mayConfirm = m_service.mayConfirm(m_draft.type) && m_service.hasSigningKey();
    if (mayConfirm) {
        m_confirm = new QPushButton(tr("Confirm (sign)"), this);
        m_confirm->setObjectName(QStringLiteral("confirmButton"));
        m_confirm->setMinimumWidth(160);
        m_confirm->setProperty("role", QStringLiteral("primary"));
        m_confirm->setAccessibleName(tr("Confirm (sign)"));
        m_confirm->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
        actions->addWidget(m_confirm);
        connect(m_confirm, &QPushButton::clicked, this, &DraftEditor::confirm);
    } else if (m_service.mayConfirm(m_draft.type)) {
        // Permitted, but this session has no unlocked signing key: say so rather than hide the reason.
        auto* hint = new QLabel(tr("Confirming needs your signing key, which is not unlocked in this session. "
                                   "Your draft is kept; log in again to confirm it."),
                                this);
        hint->setObjectName(QStringLiteral("noSigningKeyHint"));
        hint->setWordWrap(true);
        actions->addWidget(hint, 1);
    } else if (m_service.mayProxyEnter(m_draft.type) && m_draft.baseRecordId.isEmpty()) {
        auto* forLabel = new QLabel(tr("Enter on behalf of:"), this);
        m_proxyDoctor = new QComboBox(this);
        m_proxyDoctor->setObjectName(QStringLiteral("proxyDoctor"));
        m_proxyDoctor->setEditable(true);
        m_proxyDoctor->setAccessibleName(tr("Enter on behalf of:"));
        m_submitProxy = new QPushButton(tr("Submit for the doctor's approval"), this);
        m_submitProxy->setObjectName(QStringLiteral("submitProxyButton"));
        m_submitProxy->setProperty("role", QStringLiteral("primary"));
        forLabel->setBuddy(m_proxyDoctor);
        actions->addWidget(forLabel);
        actions->addWidget(m_proxyDoctor);
        actions->addWidget(m_submitProxy);
        connect(m_submitProxy, &QPushButton::clicked, this, &DraftEditor::submitProxy);
    }
    auto* close = new QPushButton(tr("Keep as draft and close"), this);
    close->setObjectName(QStringLiteral("closeEditorButton"));
    auto* discard = new QPushButton(tr("Discard draft"), this);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    discard->setProperty("role", QStringLiteral("danger"));
    actions->addStretch();
    actions->addWidget(close);
    actions->addWidget(discard);
    outer->addLayout(actions);
    outer->addStretch();

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        try {
            saveNow();
        } catch (const std::exception& e) {
            showProblems({}, tr("The draft could not be saved: %1").arg(QString::fromUtf8(e.what())));
        }
    });
    connect(close, &QPushButton::clicked, this, [this] {
        try {
            saveNow();
            emit closed();
        } catch (const std::exception& e) {
            showProblems({}, tr("The draft could not be saved: %1").arg(QString::fromUtf8(e.what())));
        }
    });
    connect(discard, &QPushButton::clicked, this, &DraftEditor::discard);
}

void DraftEditor::finishSetup()
{
    m_problems = currentProblems();
}

RecordContent DraftEditor::draftContent() const
{
    RecordContent c;
    if (const auto stored = RecordCodec::decodeDraft(m_draft.body); stored && stored->type == m_draft.type)
        c = *stored;
    return c;
}

QByteArray DraftEditor::composeBody() const
{
    RecordContent c = composeContent();
    c.type = m_draft.type;
    c.patientId = m_draft.patientId;
    c.author = m_draft.author;
    return RecordCodec::encode(c);
}

QList<ValidationProblem> DraftEditor::currentProblems() const
{
    QList<ValidationProblem> problems = entryProblems();
    RecordContent c = composeContent();
    c.type = m_draft.type;
    c.patientId = m_draft.patientId;
    c.author = m_draft.author;
    for (const ValidationProblem& p : RecordCodec::validate(c)) {
        // A field already named for what was typed into it needs one message, and "nothing measured" is not
        // true when something unreadable was typed.
        const bool named = std::any_of(problems.cbegin(), problems.cend(), [&](const ValidationProblem& e) {
            return e.field == p.field || p.field.isEmpty();
        });
        if (!named)
            problems.append(p);
    }
    return problems;
}

void DraftEditor::setProxyDoctors(const QStringList& userIds)
{
    if (!m_proxyDoctor)
        return;
    m_proxyDoctor->clear();
    m_proxyDoctor->addItems(userIds);
}

QStringList DraftEditor::problems() const
{
    QStringList out;
    for (const ValidationProblem& p : m_problems)
        out.append(p.message);
    return out;
}

void DraftEditor::contentChanged()
{
    m_dirty = true;
    m_autosave.start();
    m_problems = currentProblems();
    showProblems(m_problems);
    emit activity();
}

void DraftEditor::saveNow()
{
    m_autosave.stop();
    const QByteArray body = composeBody();
    if (!m_dirty && body == m_draft.body)
        return;
    m_draft.body = body;
    m_service.autosave(m_draft);
    m_dirty = false;
    ++m_autosaves;
    m_saved->setStatus(StatusTone::Info, IconName::Saved,
                       tr("Draft saved %1").arg(Clock::instance().nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"))));
}

void DraftEditor::showProblems(const QList<ValidationProblem>& problems, const QString& headline)
{
    QStringList lines;
    if (!headline.isEmpty())
        lines.append(headline);
    for (const ValidationProblem& p : problems)
        lines.append(p.message);
    m_messages->setText(lines.join(QLatin1Char('\n')));
    markFields(problems);
}

void DraftEditor::confirm()
{
    // What the form could not read is not in the draft: confirming would silently drop it.
    if (const QList<ValidationProblem> typed = entryProblems(); !typed.isEmpty()) {
        showProblems(typed, tr("Not confirmed; fix the following:"));
        return;
    }
    try {
        saveNow();
        const RecordVersion r = m_service.confirm(m_draft.draftId);
        emit confirmed(r);
    } catch (const ChartError& e) {
        showProblems(e.problems(), e.problems().isEmpty() ? e.message() : tr("Not confirmed; fix the following:"));
    } catch (const std::exception& e) {
        showProblems({}, tr("Not confirmed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void DraftEditor::submitProxy()
{
    if (const QList<ValidationProblem> typed = entryProblems(); !typed.isEmpty()) {
        showProblems(typed, tr("Not submitted; fix the following:"));
        return;
    }
    try {
        saveNow();
        const RecordVersion r = m_service.submitProxy(m_draft.draftId, m_proxyDoctor->currentText().trimmed());
        emit confirmed(r);
    } catch (const ChartError& e) {
        showProblems(e.problems(), e.problems().isEmpty() ? e.message() : tr("Not submitted; fix the following:"));
    } catch (const std::exception& e) {
        showProblems({}, tr("Not submitted: %1").arg(QString::fromUtf8(e.what())));
    }
}

void DraftEditor::discard()
{
    m_autosave.stop();
    try {
        m_service.discardDraft(m_draft.draftId);
        emit closed();
    } catch (const std::exception& e) {
        showProblems({}, tr("The draft could not be discarded: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace ward
