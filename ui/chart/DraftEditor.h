#pragma once

#include "records/Draft.h"
#include "records/RecordValidator.h"
#include "records/RecordVersion.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ward {

class ChartService;

// What every entry form shares: continuous autosave of the draft to the vault (SES-4, debounced),
// live validation messages (DATA-7), and the actions the user's role allows: Confirm (確定) only
// when the policy permits confirming this type, otherwise proxy entry for a doctor (AC-5).
class DraftEditor : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kAutosaveDelayMs = 600;

    DraftEditor(ChartService& service, Draft draft, QWidget* parent = nullptr);

    QString draftId() const { return m_draft.draftId; }
    const Draft& draft() const { return m_draft; }
    // Writes the current content to the vault now (before a lock). Throws on failure.
    void saveNow();
    int autosaveCount() const { return m_autosaves; }
    void setProxyDoctors(const QStringList& userIds);
    QStringList problems() const;

signals:
    void confirmed(const ward::RecordVersion& record);
    void closed();
    void activity();

protected:
    virtual QByteArray composeBody() const = 0;
    // Lets a form mark the fields named in problems.
    virtual void markFields(const QList<ValidationProblem>& problems) { Q_UNUSED(problems); }
    QVBoxLayout* form() const { return m_form; }
    ChartService& service() const { return m_service; }
    // Subclasses call this on every edit.
    void contentChanged();
    // Subclasses call this at the end of their constructor, after loading the draft into the form.
    void finishSetup();

private:
    void confirm();
    void submitProxy();
    void discard();
    void showProblems(const QList<ValidationProblem>& problems, const QString& headline = QString());

    ChartService& m_service;
    Draft m_draft;
    QTimer m_autosave;
    int m_autosaves = 0;
    bool m_dirty = false;
    QVBoxLayout* m_form;
    QLabel* m_messages;
    QPushButton* m_confirm = nullptr;
    QComboBox* m_proxyDoctor = nullptr;
    QPushButton* m_submitProxy = nullptr;
    QList<ValidationProblem> m_problems;
};

} // namespace ward
