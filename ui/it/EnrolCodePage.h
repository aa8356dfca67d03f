#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace ward {

class StatusBadge;

// Issue 13: a one-time enrolment code for a new terminal of one ward. First IT chooses the ward and how long the code
// lasts; then the hub's code is shown once — large, in groups of four — with its expiry and the hub CA's SHA-256
// fingerprint, which the person at the new terminal compares before the code is sent. The code is never logged and
// is wiped from the page when IT is done (or the session locks, which deletes the page).
class EnrolCodePage : public QWidget
{
    Q_OBJECT

public:
    explicit EnrolCodePage(QWidget* parent = nullptr);

    // The ward choice, for the hub's wards ({id, name}); `preferredWard` chosen first when known.
    void ask(const QJsonArray& wards, const QString& preferredWard);
    // The hub's answer to POST terminals/enrol-code: {code, ward, expiresAt, validMinutes, caFingerprint}.
    void showCode(const QJsonObject& issued);
    void setBusy(bool busy);
    bool isShowingCode() const;

    // "ABCD-EFGH-JKMN-PQRS" → "ABCD  EFGH  JKMN  PQRS"; the fingerprint's 32 pairs in two lines of 16
    // (joined by ":\n", so removing the line break gives the fingerprint back).
    static QString groupedCode(const QString& code);
    static QString groupedFingerprint(const QString& fingerprint);

    QComboBox* wardChoice() const { return m_ward; }
    QComboBox* lifetimeChoice() const { return m_lifetime; }
    QLabel* codeLabel() const { return m_code; }
    QLabel* expiryLabel() const { return m_expiry; }
    QLabel* fingerprintLabel() const { return m_fingerprint; }

signals:
    void requested(const QString& ward, int validMinutes);
    void finished();

private:
    void clearCode();

    QStackedWidget* m_steps;
    StatusBadge* m_title;
    QComboBox* m_ward;
    QComboBox* m_lifetime;
    QPushButton* m_issue;
    StatusBadge* m_shownTitle;
    QLabel* m_code;
    QLabel* m_expiry;
    QLabel* m_fingerprint;
    QLabel* m_instructions;
};

} // namespace ward
