#pragma once

#include "sync/TerminalDisposal.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ward {

class WipeHandler;

// DATA-5 from the diagnostics page: first everything unsent goes to the hub; what could not be sent is counted and
// the wipe refused unless IT confirms the loss with a reason; then IT's password, checked again, starts the wipe.
// Object names for tests: "wipeProgress", "unsentSummary", "confirmLossCheck", "lossReasonEdit", "wipePasswordEdit",
// "confirmWipeButton", "wipeMessage".
class WipeDialog : public QDialog
{
    Q_OBJECT

public:
    WipeDialog(WipeHandler& handler, QWidget* parent = nullptr);

    // The counts the last send left (valid once sending has finished).
    TerminalDisposal::Unsent unsent() const { return m_unsent; }
    bool isReady() const { return m_ready; }

private:
    void sent(const TerminalDisposal::Unsent& left, const QString& hubError);
    void updateButton();
    void confirm();

    WipeHandler& m_handler;
    TerminalDisposal::Unsent m_unsent;
    bool m_ready = false;
    bool m_checking = false;
    QLabel* m_progress;
    QLabel* m_summary;
    QCheckBox* m_confirmLoss;
    QPlainTextEdit* m_reason;
    QLineEdit* m_password;
    QLabel* m_message;
    QPushButton* m_wipe;
};

} // namespace ward
