#include "ui/exports/ExportDialog.h"

#include "crypto/Certificate.h"
#include "crypto/CmsEnvelope.h"
#include "exports/ExportPurpose.h"
#include "exports/ExportService.h"
#include "ui/exports/PrintedDocument.h"
#include "util/Clock.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ward {

ExportDialog::ExportDialog(ExportService& service, Context context, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_context(std::move(context))
    , m_printerFactory([](const QString& name) {
        auto p = std::make_unique<QPrinter>(QPrinter::HighResolution);
        p->setPrinterName(name);
        return p;
    })
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Print or export — %1").arg(m_context.patient.name));
    auto* form = new QFormLayout;

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("exportKind"));
    for (ExportKind k : ExportRequest::allKinds())
        if (m_service.mayExport(k))
            m_kind->addItem(ExportRequest::kindLabel(k), ExportRequest::kindName(k));
    form->addRow(tr("What"), m_kind);

    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-6), this);
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("exportTo"));
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(QStringLiteral("–"), this));
    period->addWidget(m_to);
    form->addRow(tr("Period"), period);

    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("exportPurpose"));
    m_purpose->addItem(tr("Choose the purpose…"), QString());
    for (const QString& code : ExportPurpose::codes())
        m_purpose->addItem(ExportPurpose::label(code), code);
    form->addRow(tr("Purpose (required)"), m_purpose);
    m_purposeText = new QLineEdit(this);
    m_purposeText->setObjectName(QStringLiteral("exportPurposeText"));
    m_purposeText->setMaxLength(ExportPurpose::kMaxTextLength);
    m_purposeText->setPlaceholderText(tr("e.g. referral letter to 中央病院, Dr. 山田"));
    form->addRow(tr("Details"), m_purposeText);

    m_destination = new QComboBox(this);
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    for (ExportDestination d : {ExportDestination::Printer, ExportDestination::Folder, ExportDestination::RemovableMedia})
        if (m_service.policy().allows(d))
            m_destination->addItem(ExportRequest::destinationLabel(d), ExportRequest::destinationName(d));
    form->addRow(tr("Where to"), m_destination);
    m_printer = new QComboBox(this);
    m_printer->setObjectName(QStringLiteral("exportPrinter"));
    m_printer->setEditable(true);
    m_printer->addItems(QPrinterInfo::availablePrinterNames());
    if (m_printer->count() == 0)
        m_printer->lineEdit()->setPlaceholderText(tr("No printer is set up at this terminal"));
    form->addRow(tr("Printer"), m_printer);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    form->addRow(tr("File"), m_path);
    // DATA-6: a media export is sealed for a receiving hospital's certificate from the policy, or under a password.
    m_sealWith = new QComboBox(this);
    m_sealWith->setObjectName(QStringLiteral("exportSealWith"));
    m_sealWith->addItem(tr("A password told to the receiver"), -1);
    const QList<ExportPolicy::Recipient> recipients = m_service.policy().recipients();
    for (int i = 0; i < recipients.size(); ++i) {
        const std::optional<Certificate> cert = Certificate::fromPem(recipients.at(i).certificatePem);
        m_sealWith->addItem(tr("Certificate of %1 (valid until %2)")
                                .arg(recipients.at(i).name,
                                     cert ? QLocale().toString(cert->notAfter().toLocalTime().date(), QLocale::ShortFormat) : QStringLiteral("?")),
                            i);
    }
    form->addRow(tr("Encrypt for"), m_sealWith);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("exportPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordAgain = new QLineEdit(this);
    m_passwordAgain->setObjectName(QStringLiteral("exportPasswordAgain"));
    m_passwordAgain->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password for the receiver"), m_password);
    form->addRow(tr("Password again"), m_passwordAgain);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_go = buttons->addButton(tr("Print / export"), QDialogButtonBox::AcceptRole);
    m_go->setObjectName(QStringLiteral("exportGo"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_go, &QPushButton::clicked, this, &ExportDialog::run);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    auto* notice = new QLabel(tr("What you print or export leaves the chart's protection. It is recorded in the export ledger with "
                                 "your name and purpose, and every page carries your name and the ledger number."),
                              this);
    notice->setWordWrap(true);
    layout->addWidget(notice);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFields);
    connect(m_destination, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFields);
    connect(m_sealWith, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFields);
    updateFields();
    if (m_kind->count() == 0)
        show(tr("Your role may not print or export from the chart."), true);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setPrinterFactory(std::function<std::unique_ptr<QPrinter>(const QString&)> factory)
{
    m_printerFactory = std::move(factory);
}

QString ExportDialog::message() const
{
    return m_message->text();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    ExportRequest::kindFromName(m_kind->currentData().toString(), &r.kind);
    r.patientId = m_context.patient.patientId;
    if (ExportRequest::hasPeriod(r.kind)) {
        r.from = m_from->date();
        r.to = m_to->date();
    }
    r.purpose = m_purpose->currentData().toString();
    r.purposeText = m_purposeText->text();
    ExportRequest::destinationFromName(m_destination->currentData().toString(), &r.destination);
    r.target = r.destination == ExportDestination::Printer ? m_printer->currentText().trimmed() : m_path->text().trimmed();
    return r;
}

QString ExportDialog::suggestedPath(ExportDestination d) const
{
    ExportKind kind = ExportKind::PatientSummary;
    ExportRequest::kindFromName(m_kind->currentData().toString(), &kind);
    const QString suffix = kind == ExportKind::FhirBundle ? QStringLiteral(".json") : kind == ExportKind::LabCsv ? QStringLiteral(".csv") : QStringLiteral(".pdf");
    const QString name = QStringLiteral("%1-%2-%3%4")
                             .arg(m_context.patient.patientId, ExportRequest::kindName(kind),
                                  Clock::instance().nowUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")), suffix);
    if (d == ExportDestination::Folder)
        return m_service.policy().folder().isEmpty() ? QString() : m_service.policy().folder() + QLatin1Char('/') + name;
    const QStringList roots = m_service.policy().mediaRoots();
    return roots.isEmpty() ? QString() : roots.first() + QLatin1Char('/') + name + QStringLiteral(".cms");
}

void ExportDialog::updateFields()
{
    ExportKind kind = ExportKind::PatientSummary;
    ExportRequest::kindFromName(m_kind->currentData().toString(), &kind);
    ExportDestination d = ExportDestination::Printer;
    ExportRequest::destinationFromName(m_destination->currentData().toString(), &d);
    m_from->setEnabled(ExportRequest::hasPeriod(kind));
    m_to->setEnabled(ExportRequest::hasPeriod(kind));
    m_printer->setEnabled(d == ExportDestination::Printer);
    m_path->setEnabled(d != ExportDestination::Printer);
    const bool withPassword = d == ExportDestination::RemovableMedia && m_sealWith->currentData().toInt() < 0;
    m_sealWith->setEnabled(d == ExportDestination::RemovableMedia);
    m_password->setEnabled(withPassword);
    m_passwordAgain->setEnabled(withPassword);
    if (d != ExportDestination::Printer)
        m_path->setText(suggestedPath(d));
}

void ExportDialog::show(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("tone", error ? QStringLiteral("error") : QStringLiteral("ok"));
}

void ExportDialog::run()
{
    const ExportRequest r = request();
    std::optional<Certificate> recipient;
    QString recipientName;
    const int recipientIndex = m_sealWith->currentData().toInt();
    const bool media = r.destination == ExportDestination::RemovableMedia;
    if (media && recipientIndex >= 0) {
        const ExportPolicy::Recipient chosen = m_service.policy().recipients().value(recipientIndex);
        recipientName = chosen.name;
        recipient = Certificate::fromPem(chosen.certificatePem);
        if (!recipient || !recipient->isValidAt(Clock::instance().nowUtc()))
            return show(tr("The certificate of %1 is not valid now. Ask IT for the receiving hospital's current certificate, "
                           "or encrypt with a password.")
                            .arg(chosen.name),
                        true);
    }
    if (media && !recipient && m_password->text() != m_passwordAgain->text())
        return show(tr("The two passwords differ. Type the same password twice."), true);
    const QString refusal = m_service.check(r);
    if (!refusal.isEmpty())
        return show(refusal, true);
    if (media && !recipient && m_password->text().size() < CmsEnvelope::kMinPasswordLength)
        return show(tr("The password for the receiver must have at least %1 characters.").arg(CmsEnvelope::kMinPasswordLength), true);

    const QString ledger = m_service.issue(r);
    m_lastLedger = ledger;
    const PrintedDocument::Stamp stamp{m_service.userId(), m_context.userName, m_context.terminal, Clock::instance().nowUtc(), ledger};
    QByteArray bytes;
    QJsonObject produced;
    QString error;
    if (ExportRequest::isPrinted(r.kind)) {
        const QString title = PrintedDocument::title(r.kind, m_context.patient);
        const QString html = PrintedDocument::html(r.kind, m_context.patient, m_context.content, r.from, r.to);
        int pages = 0;
        if (r.destination == ExportDestination::Printer) {
            std::unique_ptr<QPrinter> printer = m_printerFactory(r.target);
            if (printer->printerName() != r.target)  // Qt falls back to another printer for an unknown name
                error = tr("The printer \"%1\" is not available at this terminal.").arg(r.target);
            else
                pages = r.kind == ExportKind::TemperatureSheet
                            ? PrintedDocument::paintTemperatureSheet(printer.get(), m_context.patient, m_context.content, r.from, r.to, stamp, &error)
                            : PrintedDocument::paint(printer.get(), title, html, stamp, &error);
        } else {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter pdf(&buffer);
            pdf.setTitle(title);
            pdf.setCreator(QStringLiteral("WardStation"));
            pdf.setPageSize(QPageSize(QPageSize::A4));
            pdf.setResolution(300);
            pages = r.kind == ExportKind::TemperatureSheet
                        ? PrintedDocument::paintTemperatureSheet(&pdf, m_context.patient, m_context.content, r.from, r.to, stamp, &error)
                        : PrintedDocument::paint(&pdf, title, html, stamp, &error);
        }
        if (pages == 0) {
            m_service.failed(ledger, r, error);
            return show(tr("Not printed: %1 (ledger %2 records the attempt)").arg(error, ledger), true);
        }
        produced.insert(QStringLiteral("pages"), pages);
        if (r.destination == ExportDestination::Printer) {
            m_service.done(ledger, r, produced);
            show(tr("Printed %n page(s). Ledger number %1.", nullptr, pages).arg(ledger), false);
            emit exported(ledger);
            return;
        }
    } else {
        int count = 0;
        if (r.kind == ExportKind::FhirBundle) {
            bytes = m_service.fhirBundle(m_context.patient, &count, &error);
            produced.insert(QStringLiteral("records"), count);
        } else {
            bytes = m_service.labCsv(m_context.patient, r.from, r.to, &count);
            produced.insert(QStringLiteral("rows"), count);
        }
        if (bytes.isEmpty()) {
            m_service.failed(ledger, r, error);
            return show(error, true);
        }
    }
    produced.insert(QStringLiteral("bytes"), bytes.size());
    if (recipient)
        produced.insert(QStringLiteral("sealedFor"), recipientName);
    // Encrypting (PBKDF2) and writing to a slow medium happen off the UI thread.
    m_go->setEnabled(false);
    show(tr("Writing %1…").arg(r.target), false);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, ledger, r, produced] {
        watcher->deleteLater();
        m_go->setEnabled(true);
        const QString writeError = watcher->result();
        if (!writeError.isEmpty()) {
            m_service.failed(ledger, r, writeError);
            return show(tr("Not exported: %1 (ledger %2 records the attempt)").arg(writeError, ledger), true);
        }
        m_service.done(ledger, r, produced);
        show(tr("Saved to %1. Ledger number %2.").arg(r.target, ledger), false);
        emit exported(ledger);
    });
    ExportService* service = &m_service;
    const QString password = recipient ? QString() : m_password->text();
    watcher->setFuture(QtConcurrent::run([service, r, bytes, password, recipient] {
        return service->writeFile(r, bytes, password, recipient ? &*recipient : nullptr);
    }));
}

} // namespace ward
