#include "FakeChartWorkspace.h"

#include "crypto/Random.h"
#include "records/Draft.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QVBoxLayout>
#include <stdexcept>

std::atomic<bool> FakeChartWorkspace::s_failSaves{false};
std::atomic<bool> FakeChartWorkspace::s_failState{false};
std::atomic<int> FakeChartWorkspace::s_alive{0};

FakeChartWorkspace::FakeChartWorkspace(const ward::UserSession& session, QWidget* parent)
    : ward::Workspace(parent),
      m_session(session),
      m_name(new QLabel(this)),
      m_kana(new QLabel(this)),
      m_model(new QStandardItemModel(this)),
      m_table(new QTableView(this)),
      m_editor(new QTextEdit(this)),
      m_printAction(new QAction(this))
{
    ++s_alive;
    setObjectName(QStringLiteral("fakeChart"));
    m_editor->setObjectName(QStringLiteral("draftEditor"));
    m_table->setModel(m_model);
    addAction(m_printAction);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_kana);
    layout->addWidget(m_table);
    layout->addWidget(m_editor);
    connect(m_editor, &QTextEdit::textChanged, this, &Workspace::activity);
}

FakeChartWorkspace::~FakeChartWorkspace()
{
    --s_alive;
}

void FakeChartWorkspace::openPatient(const QString& patientId)
{
    const auto patient = m_session.vault->patients().find(patientId);
    if (!patient)
        return;
    m_patientId = patientId;
    m_name->setText(patient->name);
    m_kana->setText(patient->kana);
    m_name->setToolTip(patient->kana);
    m_printAction->setText(QStringLiteral("Print chart of %1").arg(patient->name));
    m_model->clear();
    m_model->setHorizontalHeaderLabels({QStringLiteral("Type"), QStringLiteral("Text")});
    for (const auto& r : m_session.vault->records().forPatient(patientId)) {
        auto* text = new QStandardItem(QString::fromUtf8(r.body));
        text->setData(patient->name, Qt::UserRole + 1);
        m_model->appendRow({new QStandardItem(r.type), text});
    }
    // A careless chart would put the patient in the title bar; the shell must neutralise it on lock.
    if (window() && window() != this)
        window()->setWindowTitle(patient->name + QStringLiteral(" — WardStation"));
}

void FakeChartWorkspace::saveDrafts()
{
    if (s_failSaves)
        throw std::runtime_error("injected draft save failure");
    if (m_editor->toPlainText().isEmpty() && m_draftId.isEmpty())
        return;
    if (m_draftId.isEmpty())
        m_draftId = ward::Random::uuid();
    ward::Draft d;
    d.draftId = m_draftId;
    d.author = m_session.userId;
    d.patientId = m_patientId;
    d.type = QStringLiteral("nursing-note");
    d.body = m_editor->toPlainText().toUtf8();
    d.savedAt = ward::Clock::instance().nowUtc();
    m_session.vault->drafts().save(d);
}

ward::WorkspaceState FakeChartWorkspace::state() const
{
    if (s_failState)
        throw std::runtime_error("injected state failure");
    return {m_patientId, m_draftId, QStringLiteral("notes")};
}

void FakeChartWorkspace::restore(const ward::WorkspaceState& state)
{
    if (!state.patientId.isEmpty())
        openPatient(state.patientId);
    if (!state.openDraftId.isEmpty()) {
        const auto d = m_session.vault->drafts().load(m_session.userId, state.openDraftId);
        if (!d)
            throw std::runtime_error("draft to restore is missing");
        m_draftId = d->draftId;
        m_editor->setPlainText(QString::fromUtf8(d->body));
    }
}
