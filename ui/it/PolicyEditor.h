#pragma once

#include "policy/PolicyRules.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace ward {

class ReceptionClient;
class StatusBadge;
struct HubReply;

// Issue 13: the hospital policy as IT edits it (permission policy.manage), on the hub's admin API
// (/api/v1/admin/policy). Sections: passwords, lock and session times, cards, roles (AC-1: the hospital adds its own
// roles; each role's chart permissions and its hub permissions), compartments, offline grace. Every edit is checked
// field by field with the rules the terminals apply (PolicyRules, and the hub's own check before saving), the error
// shown next to the field; "Review changes" shows the diff against the version in force (before → after per field),
// and the change is saved with a reason on the version it was made on (a colleague's save in between is a conflict,
// not an overwrite). The hub signs the new version (CFG-2); terminals apply it at their next sync. A change granting
// a privileged permission is filed for a second IT person instead (AC-4, PolicyRequestsPanel).
// Self-contained: the IT workspace adds it as a page and gives it the admin client of the login at this terminal.
class PolicyEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyEditor(ReceptionClient& client, QWidget* parent = nullptr);

    // Asks the hub for the version in force (done on construction too).
    void reload();
    // The document the form holds now (the version in force with the edits applied).
    QJsonObject editedPolicy() const;
    int baseVersion() const { return m_baseVersion; }
    // The problems of the edited document, field by field (as shown next to the fields).
    QList<PolicyFieldError> problems() const { return m_problems; }

    QTabWidget* sections() const { return m_sections; }
    QTableWidget* diffTable() const { return m_diff; }
    QTableWidget* rolesTable() const { return m_roles; }
    QTableWidget* compartmentsTable() const { return m_compartments; }
    // AC-1: role → hub permissions (admin.rolePermissions).
    QTableWidget* hubRolesTable() const { return m_hubRoles; }
    QLabel* outcome() const { return m_outcome; }

signals:
    void loaded(int version);
    // After "Review changes": whether the hub found the edited document valid (the diff is then shown).
    void reviewed(bool valid);
    // A new version was stored and signed by the hub.
    void saved(int version);
    void saveFailed(const QString& message);
    // AC-4: the change grants privileges and waits for a second IT person (PolicyRequestsPanel); nothing changed.
    void filed(const QString& requestId);

private:
    struct Field
    {
        QString path;       // "session.idleLockSeconds"
        QString label;
        QJsonValue shownWhenAbsent; // the terminals' default, shown when the policy does not set it
        std::function<QJsonValue()> read;
        std::function<void(const QJsonValue&)> write;
        QLabel* error = nullptr;
    };

    QWidget* passwordPage();
    QWidget* sessionPage();
    QWidget* cardsPage();
    QWidget* rolesPage();
    QWidget* compartmentsPage();
    QWidget* gracePage();
    // A table of rows with "add" and "remove" buttons (named after the table), its help and its error line.
    QWidget* tablePage(const QString& helpText, QTableWidget* table, const QString& addText, const QString& removeText, QLabel* error,
                       const std::function<void(int row)>& fillNewRow);
    void setCompartmentRow(int row, const QString& id, const QString& name, bool special);
    QSpinBox* addNumber(QFormLayout* form, const QString& path, const QString& label, int shownWhenAbsent, int max,
                        const QString& suffix);
    QLabel* addErrorLabel(QFormLayout* form, const QString& path);
    void fillForm();
    void fillRoles(const QJsonObject& access);
    void fillCompartments(const QJsonObject& access);
    void fillHubRoles(const QJsonObject& rolePermissions);
    QJsonObject editedHubRoles() const;
    QJsonObject editedAccess() const;
    void onLoaded(const HubReply& reply);
    void checkLocally();
    void showProblems(const QList<PolicyFieldError>& problems);
    void review();
    void showDiff();
    void save();
    QString fieldLabel(const QString& path) const;
    QString valueText(const QString& path, const QJsonValue& value) const;

    ReceptionClient& m_client;
    int m_baseVersion = -1;
    QJsonObject m_base;
    QJsonObject m_initialAccess; // what the roles/compartments tables showed when loaded
    bool m_filling = false;
    QList<Field> m_fields;
    QList<PolicyFieldError> m_problems;

    StatusBadge* m_status;
    QTabWidget* m_sections;
    QTableWidget* m_roles;
    QTableWidget* m_compartments;
    QLabel* m_accessError;
    QLabel* m_compartmentsError;
    QTableWidget* m_hubRoles;
    QLabel* m_hubRolesError;
    QLabel* m_otherErrors;
    QTableWidget* m_diff;
    QLineEdit* m_reason;
    QPushButton* m_review;
    QPushButton* m_save;
    QPushButton* m_reload;
    QLabel* m_outcome;
};

} // namespace ward
