#pragma once

#include "records/Draft.h"
#include "records/RecordCodec.h"
#include "records/RecordVersion.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ward {

class ChartService;
class StatusBadge;

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
    // The form's content; type, patient and author are filled in from the draft.
    virtual RecordContent composeContent() const = 0;
    // What the form itself cannot turn into content (text typed into a number field), by field. Such input
    // blocks confirmation; it is not part of the autosaved draft.
    virtual QList<ValidationProblem> entryProblems() const { return {}; }
    // The draft's content as far as it can be read, for loading the form (a new draft has none).
    RecordContent draftContent() const;
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
    QByteArray composeBody() const;
    QList<ValidationProblem> currentProblems() const;

    ChartService& m_service;
    Draft m_draft;
    QTimer m_autosave;
    int m_autosaves = 0;
    bool m_dirty = false;
    QVBoxLayout* m_form;
    QLabel* m_messages;
    StatusBadge* m_saved;
    QPushButton* m_confirm = nullptr;
    QComboBox* m_proxyDoctor = nullptr;
    QPushButton* m_submitProxy = nullptr;
    QList<ValidationProblem> m_problems;
};

} // namespace ward
