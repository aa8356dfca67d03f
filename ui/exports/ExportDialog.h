#pragma once

#include "exports/ExportRequest.h"
#include "records/Patient.h"
#include "ui/chart/ChartContent.h"

#include <QDialog>
#include <functional>
#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPrinter;
class QPushButton;

namespace ward {

class ExportService;

// DATA-4 / DATA-6: print or export from the chart. The person picks what, the period, why (a purpose from the list,
// words of their own) and where to (what the hospital policy allows); the dialog refuses what the rules refuse with
// the reason on screen, and every attempt is in the ledger (ExportService).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        Patient patient;
        ChartContent content;
        QString userName;
        QString terminal;
    };
    ExportDialog(ExportService& service, Context context, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // Tests and deployments without CUPS: how a printer is made from its name (default: QPrinter::HighResolution
    // with that printer name).
    void setPrinterFactory(std::function<std::unique_ptr<QPrinter>(const QString&)> factory);

    QString message() const;
    // The last output's ledger number (empty until one was issued).
    QString lastLedger() const { return m_lastLedger; }
    ExportRequest request() const;

signals:
    void exported(const QString& ledgerNumber);

private:
    void updateFields();
    void run();
    void show(const QString& text, bool error);
    QString suggestedPath(ExportDestination d) const;

    ExportService& m_service;
    Context m_context;
    std::function<std::unique_ptr<QPrinter>(const QString&)> m_printerFactory;
    QComboBox* m_kind = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_purpose = nullptr;
    QLineEdit* m_purposeText = nullptr;
    QComboBox* m_destination = nullptr;
    QComboBox* m_printer = nullptr;
    QLineEdit* m_path = nullptr;
    QComboBox* m_sealWith = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_passwordAgain = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_go = nullptr;
    QString m_lastLedger;
};

} // namespace ward
