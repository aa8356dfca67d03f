// Issue 13 / CFG-2 end to end: an IT user edits the hospital policy in the real PolicyEditor (offscreen) against
// wardhub over TLS; the hub signs the new version; a ward terminal applies it after one sync — its idle lock and
// its password rules change. Also: field-by-field errors next to the field, the diff before saving, the audit of
// who changed what and why, and a colleague's stale save refused as a conflict. AC-4: a grant of a privileged hub
// permission to a role is filed, not saved; the requester's own approval is refused; a second IT person approves it
// in the approvals panel and the terminal applies the signed version (the role's permissions with it), or refuses it.

#include "HubProcess.h"
#include "ReceptionTestKit.h"
#include "SyncTestHub.h"

#include "auth/PasswordPolicy.h"
#include "auth/PasswordRules.h"
#include "crypto/SecureBytes.h"
#include "policy/AccessPolicy.h"
#include "session/LockPolicy.h"
#include "ui/Language.h"
#include "crypto/Certificate.h"
#include "ui/it/PolicyEditor.h"
#include "ui/it/PolicyRequestsPanel.h"
#include "sync/HubReplica.h"
#include "ui/reception/ReceptionClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace ward;

class TestPolicyEditor : public QObject
{
    Q_OBJECT

    const QString m_itId = QStringLiteral("ST00000001");
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<ward::HubClient> m_client;
    QString m_token;
    synctest::SyncTerminal m_terminal;

    std::unique_ptr<PolicyEditor> openEditor(ReceptionClient& client)
    {
        auto editor = std::make_unique<PolicyEditor>(client);
        editor->resize(1100, 860);
        editor->show();
        QSignalSpy loaded(editor.get(), &PolicyEditor::loaded);
        if (!loaded.wait(15000))
            return nullptr;
        return editor;
    }

    static void typeNumber(PolicyEditor* editor, const QString& path, int value)
    {
        auto* spin = editor->findChild<QSpinBox*>(QStringLiteral("policy_") + path);
        QVERIFY2(spin, qPrintable(path));
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(value));
        QCOMPARE(spin->value(), value);
    }

    static QLabel* errorLabel(PolicyEditor* editor, const QString& path)
    {
        return editor->findChild<QLabel*>(QStringLiteral("policyError_") + path);
    }

    // The diff row of one setting: {before, after}, or empty.
    static QStringList diffRow(PolicyEditor* editor, const QString& path)
    {
        QTableWidget* diff = editor->diffTable();
        for (int row = 0; row < diff->rowCount(); ++row)
            if (diff->item(row, 0)->data(Qt::UserRole).toString() == path)
                return {diff->item(row, 1)->text(), diff->item(row, 2)->text()};
        return {};
    }

    // The terminal's policy in force, parsed as the terminal parses it.
    LockPolicy terminalLock()
    {
        LockPolicy lock;
        QString error;
        const auto policy = m_terminal.engine->replica().currentPolicy();
        if (policy)
            LockPolicy::fromJson(policy->value(QStringLiteral("session")).toObject(), &lock, &error);
        return lock;
    }

    PasswordPolicy terminalPasswords()
    {
        PasswordPolicy password;
        const auto policy = m_terminal.engine->replica().currentPolicy();
        if (policy)
            PasswordPolicy::fromJson(policy->value(QStringLiteral("password")).toObject(), &password);
        return password;
    }

    static bool tooShort(const PasswordPolicy& policy, const QByteArray& candidate)
    {
        for (const PasswordRules::Violation& v : PasswordRules::check(SecureBytes::fromQByteArray(candidate), QStringLiteral("ST00000042"), {}, policy))
            if (v.kind == PasswordRules::Kind::TooShort)
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        // The screenshot shows the editor as the hospital sees it: in Japanese.
        if (!qgetenv("WARD_SCREENSHOT_DIR").isEmpty())
            Language::install(*qApp, QStringLiteral("ja"));
        m_hub = std::make_unique<HubProcess>(QStringLiteral("policy_editor"));
        QVERIFY(ReceptionTestKit::startHubWithClerk(*m_hub, m_itId, &m_client, &m_token, nullptr, {QStringLiteral("reception"), QStringLiteral("it")}));
        // A ward terminal of W3, enrolled with a code as IT enrols one, synced once.
        QByteArray code;
        QVERIFY(m_hub->admin({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3")}, &code));
        const QString fingerprint = QString::fromLatin1(Certificate::fromPem(m_hub->caPem())->sha256Fingerprint().toHex());
        SyncError error;
        QVERIFY2(m_terminal.enrolWithCode(QUrl(m_hub->baseUrl()), QString::fromLatin1(code.trimmed()), fingerprint, &error),
                 qPrintable(error.message()));
        QVERIFY(m_terminal.openVaultAndEngine());
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
    }

    void cleanupTestCase()
    {
        m_terminal.engine.reset();
        if (m_hub)
            m_hub->stop();
    }

    // Proves: CFG-3
    void editorChangeReachesTheTerminalAfterOneSync()
    {
        const int inForce = m_terminal.engine->replica().currentPolicyVersion();
        QVERIFY(inForce >= 1);
        QCOMPARE(terminalLock().idleTimeoutMs, qint64(300000)); // the shipped default
        QCOMPARE(terminalPasswords().minLength, 8);
        QVERIFY(!tooShort(terminalPasswords(), "Kango-10ch"));

        ReceptionClient client(*m_client, m_token);
        ReceptionClient colleagueClient(*m_client, m_token);
        auto editor = openEditor(client);
        QVERIFY(editor);
        QCOMPARE(editor->baseVersion(), inForce);
        auto colleague = openEditor(colleagueClient); // opened on the same version, saves later
        QVERIFY(colleague);

        // A value the terminals would refuse is named next to its field at once; nothing can be saved.
        editor->sections()->setCurrentIndex(1);
        typeNumber(editor.get(), QStringLiteral("session.idleLockSeconds"), 10);
        QLabel* idleError = errorLabel(editor.get(), QStringLiteral("session.idleLockSeconds"));
        QVERIFY(idleError && idleError->isVisible());
        QVERIFY(idleError->text().contains(QStringLiteral("idleLockSeconds")));
        QVERIFY(!editor->findChild<QPushButton*>(QStringLiteral("policySave"))->isEnabled());

        // The change IT means: a 2-minute idle lock, 12-character passwords, and the hospital's own role (AC-1).
        typeNumber(editor.get(), QStringLiteral("session.idleLockSeconds"), 120);
        QVERIFY(!idleError->isVisible());
        editor->sections()->setCurrentIndex(0);
        typeNumber(editor.get(), QStringLiteral("password.minLength"), 12);
        editor->sections()->setCurrentIndex(3);
        QTableWidget* roles = editor->rolesTable();
        const int rolesBefore = roles->rowCount();
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyRolesAdd")), Qt::LeftButton);
        QCOMPARE(roles->rowCount(), rolesBefore + 1);
        roles->item(rolesBefore, 0)->setText(QStringLiteral("dietitian"));
        roles->item(rolesBefore, 1)->setText(QStringLiteral("read"));
        roles->item(rolesBefore, 2)->setText(QStringLiteral("allergy, vital-signs"));
        QVERIFY(editor->problems().isEmpty());

        // Review: the hub checks it too, and the diff shows before → after per setting.
        QSignalSpy reviewed(editor.get(), &PolicyEditor::reviewed);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
        QVERIFY(reviewed.wait(15000));
        QCOMPARE(reviewed.first().at(0).toBool(), true);
        QCOMPARE(diffRow(editor.get(), QStringLiteral("session.idleLockSeconds")),
                 (QStringList{PolicyEditor::tr("%1 (terminal default)").arg(300), QStringLiteral("120")}));
        QCOMPARE(diffRow(editor.get(), QStringLiteral("password.minLength")), (QStringList{QStringLiteral("8"), QStringLiteral("12")}));
        QCOMPARE(diffRow(editor.get(), QStringLiteral("access.roles.dietitian")),
                 (QStringList{PolicyEditor::tr("(no such role)"),
                              PolicyEditor::tr("%1 on %2 up to classification %3").arg(QStringLiteral("read"), QStringLiteral("allergy, vital-signs")).arg(2)}));
        QCOMPARE(editor->diffTable()->rowCount(), 3);

        // docs/screenshots/policy-editor.png: WARD_SCREENSHOT_DIR=docs/screenshots ctest -R test_policy_editor
        const QByteArray shots = qgetenv("WARD_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            editor->sections()->setCurrentIndex(1);
            QTest::qWait(200);
            QVERIFY(editor->grab().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("policy-editor.png"))));
        }

        // Save with a reason: a new version, signed by the hub.
        QPushButton* save = editor->findChild<QPushButton*>(QStringLiteral("policySave"));
        QVERIFY(!save->isEnabled()); // no reason yet
        ReceptionTestKit::type(editor->findChild<QLineEdit*>(QStringLiteral("policyReason")), QStringLiteral("情報委員会 12月決定"));
        QVERIFY(save->isEnabled());
        QSignalSpy saved(editor.get(), &PolicyEditor::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(15000));
        const int version = saved.first().at(0).toInt();
        QCOMPARE(version, inForce + 1);

        // One sync later the terminal locks after 2 minutes and wants 12-character passwords.
        SyncError error;
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), version);
        QCOMPARE(terminalLock().idleTimeoutMs, qint64(120000));
        QCOMPARE(terminalPasswords().minLength, 12);
        QVERIFY(tooShort(terminalPasswords(), "Kango-10ch"));
        const auto access = AccessPolicy::fromJson(
            QJsonDocument(m_terminal.engine->replica().currentPolicy()->value(QStringLiteral("access")).toObject()).toJson(), nullptr);
        QVERIFY(access && access->roles().contains(QStringLiteral("dietitian")));

        // The hub's audit names who changed which settings, from where, and why.
        QByteArray out;
        QVERIFY(m_hub->admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("policy.set")}, &out));
        QByteArray line;
        for (const QByteArray& l : out.split('\n'))
            if (l.contains(" policy.set "))
                line = l;
        QVERIFY(line.contains(m_itId.toUtf8()));
        const QJsonObject detail = QJsonDocument::fromJson(line.mid(line.indexOf('{'))).object();
        QCOMPARE(detail.value(QStringLiteral("version")).toInt(), version);
        QCOMPARE(detail.value(QStringLiteral("reason")).toString(), QStringLiteral("情報委員会 12月決定"));
        const QJsonArray changed = detail.value(QStringLiteral("changed")).toArray();
        QVERIFY(changed.contains(QStringLiteral("session.idleLockSeconds")));
        QVERIFY(changed.contains(QStringLiteral("password.minLength")));
        QVERIFY(!detail.value(QStringLiteral("terminal")).toString().isEmpty());

        // The colleague's editor still holds the old version: their save is a conflict, not an overwrite.
        colleague->sections()->setCurrentIndex(2);
        typeNumber(colleague.get(), QStringLiteral("records.offlineGraceHours"), 24);
        QSignalSpy colleagueReviewed(colleague.get(), &PolicyEditor::reviewed);
        QTest::mouseClick(colleague->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
        QVERIFY(colleagueReviewed.wait(15000));
        ReceptionTestKit::type(colleague->findChild<QLineEdit*>(QStringLiteral("policyReason")), QStringLiteral("review hold"));
        QSignalSpy failed(colleague.get(), &PolicyEditor::saveFailed);
        QTest::mouseClick(colleague->findChild<QPushButton*>(QStringLiteral("policySave")), Qt::LeftButton);
        QVERIFY(failed.wait(15000));
        QCOMPARE(colleague->outcome()->text(), PolicyEditor::tr("A colleague saved another version of the policy meanwhile. Nothing was saved: "
                                                                 "choose \"Discard edits\" to see the version in force, then make the change again."));
        QCOMPARE(m_terminal.syncOnce(&error), true);
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), version);
    }

    // A document the hub refuses (its own administration rules) comes back field by field too.
    void hubOnlyRulesAreShownNextToTheField()
    {
        ReceptionClient client(*m_client, m_token);
        auto editor = openEditor(client);
        QVERIFY(editor);
        typeNumber(editor.get(), QStringLiteral("admin.idleMinutes"), 45); // the hub allows 1 to 30
        QVERIFY(editor->problems().isEmpty()); // not a terminal rule
        QSignalSpy reviewed(editor.get(), &PolicyEditor::reviewed);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
        QVERIFY(reviewed.wait(15000));
        QCOMPARE(reviewed.first().at(0).toBool(), false);
        QLabel* error = errorLabel(editor.get(), QStringLiteral("admin.idleMinutes"));
        QVERIFY(error && !error->isHidden());
        QVERIFY(error->text().contains(QStringLiteral("30")));
        QCOMPARE(editor->diffTable()->rowCount(), 0);
    }

    // AC-1: removing a role in the editor removes it at the hub and, after one sync, from the terminal's directory
    // (the desk no longer offers it); a role somebody holds cannot be removed.
    void aRoleIsRemovedUnlessSomebodyHoldsIt()
    {
        SyncError error;
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QVERIFY(m_terminal.engine->replica().directoryIds(QStringLiteral("role")).contains(QStringLiteral("dietitian")));
        const int inForce = m_terminal.engine->replica().currentPolicyVersion();
        ReceptionClient client(*m_client, m_token);
        auto editor = openEditor(client);
        QVERIFY(editor);
        editor->sections()->setCurrentIndex(3);
        const auto removeRole = [&](const QString& role) {
            for (QTableWidget* table : {editor->rolesTable(), editor->hubRolesTable()}) {
                const QString name = table->objectName();
                for (int row = table->rowCount() - 1; row >= 0; --row) {
                    if (table->item(row, 0)->text() != role)
                        continue;
                    table->setCurrentCell(row, 0);
                    QTest::mouseClick(editor->findChild<QPushButton*>(name + QStringLiteral("Remove")), Qt::LeftButton);
                }
            }
        };
        const auto reviewAndSave = [&](const QString& reason) {
            QSignalSpy reviewed(editor.get(), &PolicyEditor::reviewed);
            QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
            QVERIFY(reviewed.wait(15000));
            QCOMPARE(reviewed.first().at(0).toBool(), true);
            ReceptionTestKit::type(editor->findChild<QLineEdit*>(QStringLiteral("policyReason")), reason);
            QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policySave")), Qt::LeftButton);
        };

        // The IT person holds "it": the hub refuses, naming the role and how many hold it; nothing changes.
        removeRole(QStringLiteral("it"));
        QSignalSpy failed(editor.get(), &PolicyEditor::saveFailed);
        reviewAndSave(QStringLiteral("職種の整理"));
        QVERIFY(failed.wait(15000));
        QVERIFY2(editor->outcome()->text().startsWith(PolicyEditor::tr("Nothing was saved: a role you removed is still held by staff. "
                                                                       "Change their roles at the reception desk first. (%1)")
                                                          .arg(QString())
                                                          .chopped(1)),
                 qPrintable(editor->outcome()->text()));
        QVERIFY(editor->outcome()->text().contains(QStringLiteral("Role it ")));
        QVERIFY(editor->outcome()->text().contains(QStringLiteral("1 person")));

        // Nobody holds "dietitian": removed; after one sync the terminal's directory no longer lists it.
        QSignalSpy reloaded(editor.get(), &PolicyEditor::loaded);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReload")), Qt::LeftButton);
        QVERIFY(reloaded.wait(15000));
        removeRole(QStringLiteral("dietitian"));
        QCOMPARE(diffRow(editor.get(), QStringLiteral("access.roles.dietitian")), QStringList()); // review not asked yet
        QSignalSpy saved(editor.get(), &PolicyEditor::saved);
        reviewAndSave(QStringLiteral("栄養科は端末を使わない"));
        QVERIFY(saved.wait(15000));
        QCOMPARE(saved.first().at(0).toInt(), inForce + 1);
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), inForce + 1);
        const QStringList roles = m_terminal.engine->replica().directoryIds(QStringLiteral("role"));
        QVERIFY(!roles.contains(QStringLiteral("dietitian")));
        QVERIFY(roles.contains(QStringLiteral("it")));
    }

    // AC-4 in the real widgets: the editor files the grant, the requester cannot approve it, a second IT person can.
    // Proves: AC-4
    void aPrivilegedGrantWaitsForASecondItPerson()
    {
        const QString secondId = QStringLiteral("ITSTAFF002");
        const QString temporary = m_hub->addStaff(secondId, QStringLiteral("情報 二郎"), QStringLiteral("it"), QStringLiteral("W3"), true);
        QVERIFY(!temporary.isEmpty());
        const auto card = ReceptionTestKit::bindCardKey(*m_hub, secondId);
        QVERIFY(card);
        const QString secondToken = ReceptionTestKit::firstLogin(*m_client, secondId, *card, temporary, QStringLiteral("Jouhou-Jiro22!"));
        QVERIFY(!secondToken.isEmpty());
        SyncError error;
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        const int inForce = m_terminal.engine->replica().currentPolicyVersion();
        QVERIFY(!m_terminal.engine->replica().permissionsOf({QStringLiteral("pharmacist")}).contains(QStringLiteral("users.manage")));

        ReceptionClient client(*m_client, m_token);
        auto editor = openEditor(client);
        QVERIFY(editor);
        QCOMPARE(editor->baseVersion(), inForce);
        editor->sections()->setCurrentIndex(3);
        // The hub-permissions table lists every role; the pharmacist holds none yet.
        QTableWidget* hubRoles = editor->hubRolesTable();
        int pharmacist = -1;
        for (int row = 0; row < hubRoles->rowCount(); ++row)
            if (hubRoles->item(row, 0)->text() == QLatin1String("pharmacist"))
                pharmacist = row;
        QVERIFY(pharmacist >= 0);
        QCOMPARE(hubRoles->item(pharmacist, 1)->text(), QString());
        hubRoles->item(pharmacist, 1)->setText(QStringLiteral("users.manage"));
        QSignalSpy reviewed(editor.get(), &PolicyEditor::reviewed);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
        QVERIFY(reviewed.wait(15000));
        QCOMPARE(reviewed.first().at(0).toBool(), true);
        QCOMPARE(diffRow(editor.get(), QStringLiteral("admin.rolePermissions.pharmacist")),
                 (QStringList{PolicyEditor::tr("(none)"), QStringLiteral("users.manage")}));
        ReceptionTestKit::type(editor->findChild<QLineEdit*>(QStringLiteral("policyReason")), QStringLiteral("薬剤部長に職員管理を委任"));
        QSignalSpy filed(editor.get(), &PolicyEditor::filed);
        QSignalSpy saved(editor.get(), &PolicyEditor::saved);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policySave")), Qt::LeftButton);
        QVERIFY(filed.wait(15000));
        QCOMPARE(saved.count(), 0);
        QVERIFY(editor->outcome()->text().contains(QStringLiteral("pharmacist: users.manage")));
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), inForce); // nothing applied

        // The requester's own panel lists it, with its diff, and the hub refuses their approval.
        PolicyRequestsPanel own(client);
        own.resize(1000, 700);
        own.show();
        QSignalSpy ownListed(&own, &PolicyRequestsPanel::listed);
        own.refresh();
        QVERIFY(ownListed.wait(15000));
        QCOMPARE(ownListed.first().at(0).toInt(), 1);
        QCOMPARE(own.requestsTable()->item(0, 1)->text(), m_itId);
        QCOMPARE(own.requestsTable()->item(0, 2)->text(), QStringLiteral("pharmacist: users.manage"));
        own.requestsTable()->selectRow(0);
        QCOMPARE(own.changesTable()->rowCount(), 1);
        QCOMPARE(own.changesTable()->item(0, 0)->text(), QStringLiteral("admin.rolePermissions.pharmacist"));
        QCOMPARE(own.changesTable()->item(0, 2)->text(), QStringLiteral("users.manage"));
        QSignalSpy ownDecided(&own, &PolicyRequestsPanel::decided);
        QTest::mouseClick(own.findChild<QPushButton*>(QStringLiteral("policyRequestApprove")), Qt::LeftButton);
        QVERIFY(ownDecided.wait(15000));
        QCOMPARE(ownDecided.first().at(0).toBool(), false);
        QCOMPARE(own.outcome()->text(),
                 PolicyRequestsPanel::tr("You filed this policy change yourself: a second IT person must approve or refuse it (AC-4)."));

        // The second IT person approves: signed, applied by the terminal after one sync, the role's permission with it.
        ReceptionClient secondClient(*m_client, secondToken);
        PolicyRequestsPanel second(secondClient);
        second.resize(1000, 700);
        second.show();
        QSignalSpy listed(&second, &PolicyRequestsPanel::listed);
        second.refresh();
        QVERIFY(listed.wait(15000));
        QCOMPARE(listed.first().at(0).toInt(), 1);
        second.requestsTable()->selectRow(0);
        QSignalSpy decided(&second, &PolicyRequestsPanel::decided);
        QTest::mouseClick(second.findChild<QPushButton*>(QStringLiteral("policyRequestApprove")), Qt::LeftButton);
        QVERIFY(decided.wait(15000));
        QCOMPARE(decided.first().at(0).toBool(), true);
        QCOMPARE(second.outcome()->text(),
                 PolicyRequestsPanel::tr("Approved: the hub signed it as policy version %1; terminals apply it at their next sync.").arg(inForce + 1));
        QTRY_COMPARE_WITH_TIMEOUT(second.requestsTable()->rowCount(), 0, 15000);
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), inForce + 1);
        QVERIFY(m_terminal.engine->replica().permissionsOf({QStringLiteral("pharmacist")}).contains(QStringLiteral("users.manage")));

        // Another grant, refused with a reason by the second person: the version in force stays.
        QSignalSpy reloaded(editor.get(), &PolicyEditor::loaded);
        editor->reload();
        QVERIFY(reloaded.wait(15000));
        editor->sections()->setCurrentIndex(3);
        for (int row = 0; row < hubRoles->rowCount(); ++row)
            if (hubRoles->item(row, 0)->text() == QLatin1String("pharmacist"))
                hubRoles->item(row, 1)->setText(QStringLiteral("users.manage, cards.manage"));
        reviewed.clear();
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policyReview")), Qt::LeftButton);
        QVERIFY(reviewed.wait(15000));
        ReceptionTestKit::type(editor->findChild<QLineEdit*>(QStringLiteral("policyReason")), QStringLiteral("カード発行も"));
        filed.clear();
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("policySave")), Qt::LeftButton);
        QVERIFY(filed.wait(15000));
        listed.clear();
        second.refresh();
        QVERIFY(listed.wait(15000));
        second.requestsTable()->selectRow(0);
        QPushButton* refuse = second.findChild<QPushButton*>(QStringLiteral("policyRequestRefuse"));
        QVERIFY(!refuse->isEnabled()); // a refusal needs a reason
        ReceptionTestKit::type(second.findChild<QLineEdit*>(QStringLiteral("policyRequestReason")), QStringLiteral("受付の業務"));
        QVERIFY(refuse->isEnabled());
        decided.clear();
        QTest::mouseClick(refuse, Qt::LeftButton);
        QVERIFY(decided.wait(15000));
        QCOMPARE(decided.first().at(0).toBool(), true);
        QCOMPARE(second.outcome()->text(), PolicyRequestsPanel::tr("Refused: the policy in force is unchanged."));
        QVERIFY2(m_terminal.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), inForce + 1);
        QVERIFY(!m_terminal.engine->replica().permissionsOf({QStringLiteral("pharmacist")}).contains(QStringLiteral("cards.manage")));
    }
};

QTEST_MAIN(TestPolicyEditor)
#include "TestPolicyEditor.moc"
