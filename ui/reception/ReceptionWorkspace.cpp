#include "ui/reception/ReceptionWorkspace.h"

#include "ui/reception/AccountReportView.h"
#include "ui/reception/CardPanel.h"
#include "ui/reception/EmergencyAccountsPanel.h"
#include "ui/reception/PendingRequests.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/reception/RegistrationForm.h"
#include "ui/reception/StaffFinder.h"
#include "ui/theme/StatusBadge.h"

#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ward {

ReceptionWorkspace::ReceptionWorkspace(HubClient& hub, const QString& sessionToken, const QStringList& permissions,
                                       ReceptionSetup setup, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("receptionWorkspace"));
    m_client = new ReceptionClient(hub, sessionToken, this);
    setup.client = m_client;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sessionBanner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_sessionBanner->setObjectName(QStringLiteral("receptionSessionBanner"));
    m_sessionBanner->hide();
    layout->addWidget(m_sessionBanner);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("receptionTabs"));
    m_finder = new StaffFinder(setup, m_tabs);
    m_tabs->addTab(m_finder, ThemeIcon::icon(IconName::Search), tr("Find staff"));
    if (permissions.contains(QStringLiteral("cards.manage"))) {
        // The cards of the person chosen in the finder; after a card change the finder's row is read again.
        m_cards = new CardPanel(setup, m_tabs);
        m_tabs->addTab(m_cards, ThemeIcon::icon(IconName::Card), tr("IC cards"));
        const auto chosen = [this] {
            const int row = m_finder->table()->selectedItems().isEmpty() ? -1 : m_finder->table()->currentRow();
            m_cards->setPerson(m_finder->personAt(row));
        };
        connect(m_finder->table(), &QTableWidget::itemSelectionChanged, m_cards, chosen);
        connect(m_finder, &StaffFinder::personRefreshed, m_cards, [this](const QString& userId) {
            const int row = m_finder->rowOf(userId);
            if (row >= 0 && m_cards->person().value(QStringLiteral("userId")).toString() == userId)
                m_cards->setPerson(m_finder->personAt(row));
        });
        connect(m_cards, &CardPanel::personChanged, m_finder, &StaffFinder::refreshPerson);
    }
    // Registering and account changes need users.manage; a card-only clerk (cards.manage) finds people.
    if (permissions.contains(QStringLiteral("users.manage"))) {
        m_registration = new RegistrationForm(setup, m_tabs);
        m_tabs->addTab(m_registration, ThemeIcon::icon(IconName::User), tr("Register"));
        m_requests = new PendingRequests(setup, m_tabs);
        m_tabs->addTab(m_requests, ThemeIcon::icon(IconName::Pending), tr("Waiting for approval"));
        m_reports = new AccountReportView(setup, m_tabs);
        m_tabs->addTab(m_reports, ThemeIcon::icon(IconName::History), tr("Reports"));
        // BCP-1: the wards' emergency accounts, made by two people, their letters printed here.
        m_emergency = new EmergencyAccountsPanel(setup, m_tabs);
        m_tabs->addTab(m_emergency, ThemeIcon::icon(IconName::BreakGlass), tr("Emergency accounts"));
        m_registration->refreshNextId();
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
            if (m_tabs->widget(index) == m_requests)
                m_requests->refresh();
            if (m_tabs->widget(index) == m_emergency)
                m_emergency->refresh();
        });
    }
    layout->addWidget(m_tabs, 1);
    // AUTH-10: an admin session that ended stops the desk; what the clerk must do is said once, at the top.
    connect(m_client, &ReceptionClient::adminSessionEnded, this, [this](const QString& code, const QString& message) {
        m_sessionBanner->setStatus(StatusTone::Danger, IconName::Lock, message);
        m_sessionBanner->show();
        m_tabs->setEnabled(false);
        emit adminSessionEnded(code);
    });
}

} // namespace ward
