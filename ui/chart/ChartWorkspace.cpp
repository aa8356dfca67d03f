#include "ui/chart/ChartWorkspace.h"

#include "exports/ExportService.h"
#include "sync/HubReplica.h"
#include "vault/Vault.h"

#include "records/ChartService.h"
#include "ui/chart/ApprovalList.h"
#include "ui/chart/BreakGlassPanel.h"
#include "ui/chart/DraftEditor.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/WardView.h"
#include "ui/theme/ThemeIcon.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

ChartWorkspace::ChartWorkspace(const UserSession& user, Vault& vault, const AccessPolicy& policy,
                               std::optional<SigningIdentity> signer, const QList<Certificate>& trustedCas,
                               SignatureVerifier::TimestampCheck timestampCheck, QWidget* parent)
    : Workspace(parent),
      m_service(std::make_unique<ChartService>(user, vault, policy, std::move(signer), trustedCas,
                                               std::move(timestampCheck))),
      m_staff(vault)
{
    setObjectName(QStringLiteral("chartWorkspace"));
    m_exports = std::make_unique<ExportService>(*m_service, vault.audit(),
                                                ExportPolicy::fromPolicy(HubReplica(vault.database()).currentPolicy().value_or(QJsonObject())));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 0);
    layout->setSpacing(2);

    // Issue 11: every action has a QAction with its shortcut (the F1 overview lists them) and a button of at
    // least touch size; the user's name and the hub state are in the window's status bar, not repeated here.
    auto* bar = new QHBoxLayout();
    m_bar = bar;
    auto* wardAction = new QAction(tr("Ward census"), this);
    wardAction->setObjectName(QStringLiteral("wardAction"));
    wardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    wardAction->setShortcutContext(Qt::WindowShortcut);
    addAction(wardAction);
    auto* ward = new QPushButton(tr("Ward census (%1)").arg(wardAction->shortcut().toString(QKeySequence::NativeText)), this);
    ward->setObjectName(QStringLiteral("wardButton"));
    ward->setIcon(ThemeIcon::icon(IconName::Back));
    ward->setAccessibleName(wardAction->text());
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setAccessibleName(tr("Search patient"));
    m_search->setPlaceholderText(tr("Search patient: ID, name or kana (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(ward);
    bar->addWidget(m_search, 1);
    layout->addLayout(bar);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("workspaceNotice"));
    m_notice->setWordWrap(true);
    m_notice->setProperty("role", QStringLiteral("error"));
    m_notice->hide();  // shown with a message only (setNotice)
    layout->addWidget(m_notice);

    m_pages = new QStackedWidget(this);
    m_wardPage = new QWidget(m_pages);
    auto* wardLayout = new QVBoxLayout(m_wardPage);
    wardLayout->setContentsMargins(0, 0, 0, 0);
    m_wardView = new WardView(*m_service, m_wardPage);
    wardLayout->addWidget(m_wardView, 3);
    bool approves = false;
    for (const QString& t : policy.recordTypes())
        approves = approves || m_service->mayApprove(t);
    if (approves) {
        m_approvals = new ApprovalList(*m_service, &m_staff, m_wardPage);
        wardLayout->addWidget(m_approvals, 1);
        connect(m_approvals, &ApprovalList::openRequested, this, [this](const QString& patientId, const QString& recordId) {
            openPatient(patientId);
            if (m_chart)
                m_chart->selectRecord(recordId);
        });
    }
    m_breakGlass = new BreakGlassPanel(m_pages);
    m_pages->addWidget(m_wardPage);
    m_pages->addWidget(m_breakGlass);
    layout->addWidget(m_pages, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(&m_searchDelay, &QTimer::timeout, this, &ChartWorkspace::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_searchDelay.start();
        emit activity();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        runSearch();
        if (m_wardView->rowCount() > 0)
            openPatient(m_wardView->patientIdAt(0));
    });
    auto* find = new QAction(tr("Find a patient"), this);
    find->setObjectName(QStringLiteral("findPatientAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(ward, &QPushButton::clicked, wardAction, &QAction::trigger);
    connect(wardAction, &QAction::triggered, this, [this] {
        showWard();
        m_wardView->table()->setFocus();
    });
    connect(m_wardView, &WardView::patientActivated, this, &ChartWorkspace::openPatient);
    connect(m_breakGlass, &BreakGlassPanel::reasonGiven, this, &ChartWorkspace::showChart);
    connect(m_breakGlass, &BreakGlassPanel::cancelled, this, [this] {
        m_pending = WorkspaceState();
        showWard();
    });
    setTabOrder(ward, m_search);
    setTabOrder(m_search, m_wardView->table());
    if (m_approvals)
        setTabOrder(m_wardView->table(), m_approvals);
    showWard();
}

ChartWorkspace::~ChartWorkspace()
{
    // Widgets referring to the service go first.
    delete m_pages;
    m_pages = nullptr;
}

QAction* ChartWorkspace::addPage(QWidget* page, const QString& title, IconName icon, const QKeySequence& shortcut)
{
    auto* action = new QAction(title, this);
    action->setObjectName(page->objectName() + QStringLiteral("Action"));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    auto* button = new QPushButton(ThemeIcon::icon(icon),
                                   tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText)), this);
    button->setObjectName(page->objectName() + QStringLiteral("Button"));
    button->setAccessibleName(title);
    m_bar->insertWidget(1, button);
    page->setParent(m_pages);
    m_pages->addWidget(page);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::triggered, this, [this, page] {
        if (!closeChart())
            return;
        setNotice(QString());
        m_pages->setCurrentWidget(page);
        emit activity();
    });
    return action;
}

QWidget* ChartWorkspace::currentPage() const
{
    return m_pages->currentWidget();
}

void ChartWorkspace::showPage(QWidget* page)
{
    if (m_pages->indexOf(page) >= 0)
        m_pages->setCurrentWidget(page);
}

bool ChartWorkspace::closeChart()
{
    if (!m_chart)
        return true;
    try {
        m_chart->saveDrafts();
    } catch (const std::exception& e) {
        // Never drop unsaved text silently: stay on the chart and say why.
        setNotice(tr("Your draft could not be saved (%1); the chart stays open.").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_chart->deleteLater();
    m_chart = nullptr;
    return true;
}

void ChartWorkspace::setNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ChartWorkspace::showWard()
{
    if (!closeChart())
        return;
    setNotice(QString());
    if (m_search->text().trimmed().isEmpty())
        m_wardView->showCensus();
    else
        m_wardView->showSearchResults(m_search->text().trimmed());
    if (m_approvals)
        m_approvals->refresh();
    m_pages->setCurrentWidget(m_wardPage);
}

void ChartWorkspace::runSearch()
{
    m_searchDelay.stop();
    const QString q = m_search->text().trimmed();
    if (!closeChart())
        return;
    if (q.isEmpty())
        m_wardView->showCensus();
    else
        m_wardView->showSearchResults(q);
    m_pages->setCurrentWidget(m_wardPage);
}

void ChartWorkspace::openPatient(const QString& patientId)
{
    emit activity();
    setNotice(QString());
    try {
        switch (m_service->compartmentAccess(patientId)) {
        case CompartmentAccess::Member:
            showChart(patientId, QString());
            return;
        case CompartmentAccess::NeedsReason:
            m_breakGlass->ask(patientId, tr("Patient %1 is outside your wards.").arg(patientId));
            m_pages->setCurrentWidget(m_breakGlass);
            return;
        case CompartmentAccess::Denied:
            m_service->viewPatient(patientId);  // audits the refusal and throws
            return;
        }
    } catch (const ChartError& e) {
        m_breakGlass->showRefusal(e.message());
        m_pages->setCurrentWidget(m_breakGlass);
    } catch (const std::exception& e) {
        setNotice(tr("The chart could not be opened: %1").arg(QString::fromUtf8(e.what())));
    }
}

void ChartWorkspace::showChart(const QString& patientId, const QString& reason)
{
    try {
        if (!closeChart())
            return;
        const Patient p = m_service->viewPatient(patientId, reason);
        m_chart = new PatientChart(*m_service, p, &m_staff, m_pages);
        m_chart->enableExport(m_exports.get());
        connect(m_chart, &PatientChart::activity, this, &Workspace::activity);
        m_pages->addWidget(m_chart);
        m_pages->setCurrentWidget(m_chart);
        applyPending();
    } catch (const ChartError& e) {
        setNotice(e.message());
    } catch (const std::exception& e) {
        setNotice(tr("The chart could not be opened: %1").arg(QString::fromUtf8(e.what())));
    }
}

void ChartWorkspace::setExportPolicy(const ExportPolicy& policy)
{
    m_exports->setPolicy(policy);
}

void ChartWorkspace::recordsChanged(const QStringList& patientIds)
{
    m_staff.reload();  // the same pull may have brought new staff
    if (m_chart && patientIds.contains(m_chart->patient().patientId))
        m_chart->recordsChanged();
    if (m_approvals && !m_chart)
        m_approvals->refresh();
}

void ChartWorkspace::applyPending()
{
    if (!m_chart || m_pending.patientId != m_chart->patient().patientId)
        return;
    const WorkspaceState pending = m_pending;
    m_pending = WorkspaceState();
    if (!pending.view.isEmpty())
        m_chart->setView(pending.view);
    if (!pending.openDraftId.isEmpty() && !m_chart->openDraft(pending.openDraftId))
        setNotice(tr("The draft you were editing is no longer available."));
}

void ChartWorkspace::saveDrafts()
{
    // Throws on failure: the shell then ends the session (fail closed).
    if (m_chart)
        m_chart->saveDrafts();
}

WorkspaceState ChartWorkspace::state() const
{
    WorkspaceState s;
    if (m_chart) {
        s.patientId = m_chart->patient().patientId;
        s.openDraftId = m_chart->openDraftId();
        s.view = m_chart->currentView();
    } else {
        s.view = QStringLiteral("ward");
    }
    return s;
}

void ChartWorkspace::restore(const WorkspaceState& state)
{
    m_pending = state;
    if (state.patientId.isEmpty()) {
        m_pending = WorkspaceState();
        showWard();
        return;
    }
    openPatient(state.patientId);
}

} // namespace ward
