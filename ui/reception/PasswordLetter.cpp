#include "ui/reception/PasswordLetter.h"

#include "ui/theme/TypeScale.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QLocale>
#include <QPrinter>
#include <QTextDocument>

namespace ward {

PasswordLetter::PasswordLetter(std::unique_ptr<QPrinter> printer) : m_printer(std::move(printer)) {}

PasswordLetter::~PasswordLetter()
{
    if (m_painter.isActive())
        abandon();
}

bool PasswordLetter::open(QString* error)
{
    if (!m_printer) {
        *error = tr("No printer is set up at this terminal. Ask IT to install the desk printer; nothing was changed.");
        return false;
    }
    if (!m_printer->isValid() || !m_painter.begin(m_printer.get())) {
        *error = tr("The printer \"%1\" does not accept the letter (out of paper, offline or not allowed). Check it "
                    "and try again; nothing was changed.")
                     .arg(m_printer->outputFormat() == QPrinter::PdfFormat ? m_printer->outputFileName()
                                                                            : m_printer->printerName());
        return false;
    }
    return true;
}

void PasswordLetter::abandon()
{
    if (!m_painter.isActive())
        return;
    m_printer->abort();
    m_painter.end();
    // A PDF of an abandoned letter holds nothing useful; it is not left behind as if it were a letter.
    if (m_printer->outputFormat() == QPrinter::PdfFormat && !m_printer->outputFileName().isEmpty())
        QFile::remove(m_printer->outputFileName());
}

QString PasswordLetter::html(const Content& c, const QString& secret)
{
    const QLocale locale;
    const QString expires = locale.toString(c.expiresAt.toLocalTime(), QLocale::LongFormat);
    QString title, secretLabel, stepsHeading, warning;
    QStringList steps;
    if (c.kind == Kind::EmergencyLetter)
        return emergencyHtml(c, secret);
    if (c.kind == Kind::FallbackCode) {
        title = tr("Your one-time login code for this shift");
        secretLabel = tr("One-time code");
        stepsHeading = tr("Logging in without your IC card");
        // The words of the login screen's own button, so the letter names exactly what the person sees.
        const QString button = QCoreApplication::translate("ward::LoginScreen", "No card? Use a one-time code from reception");
        steps = QStringList{tr("On the card screen of a ward terminal, choose \"%1\".").arg(button),
                            tr("Enter your staff ID and the one-time code above, then your own password."),
                            tr("The code works for one login only, until the time above. Your password is still needed: "
                               "the code alone opens nothing."),
                            tr("Logins without a card are recorded and flagged for review by the hospital (AUTH-2)."),
                            tr("Destroy this letter (shredder) after the login, and have your IC card replaced at the "
                               "reception desk.")};
        warning = tr("If this envelope was open when you received it, do not use the code: tell the reception desk at once.");
    } else {
        title = tr("Your WardStation login");
        secretLabel = tr("Temporary password");
        stepsHeading = tr("Your first login");
        steps = QStringList{tr("Put your IC card in the reader of a ward terminal."),
                            tr("Enter your staff ID and the temporary password above."),
                            tr("Choose your own password when asked; the temporary password then stops working."),
                            tr("Destroy this letter (shredder). Never keep it with your card.")};
        warning = tr("If the temporary password has expired, or this envelope was open when you received it, do not use "
                     "it: come to the reception desk with your photo ID for a new one.");
    }
    QString out;
    out += QStringLiteral("<p align=\"right\"><b>%1</b></p>").arg(tr("Confidential: to be opened by the addressee only").toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1>").arg(title.toHtmlEscaped());
    out += QStringLiteral("<p>%1</p>").arg(tr("%1 (%2)").arg(c.name, c.kana).toHtmlEscaped());
    out += QStringLiteral("<table cellpadding=\"6\">");
    const QList<QPair<QString, QString>> rows{{tr("Staff ID"), c.userId}, {secretLabel, secret}, {tr("Valid until"), expires}};
    for (const auto& [label, value] : rows)
        out += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    out += QStringLiteral("</table>");
    out += QStringLiteral("<h2>%1</h2><ol>").arg(stepsHeading.toHtmlEscaped());
    for (const QString& step : steps)
        out += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    out += QStringLiteral("</ol>");
    out += QStringLiteral("<p>%1</p>").arg(warning.toHtmlEscaped());
    if (!c.contact.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(tr("Questions: %1").arg(c.contact).toHtmlEscaped());
    return out;
}

QString PasswordLetter::emergencyHtml(const Content& c, const QString& secret)
{
    const QLocale locale;
    // The words of the login screen's own button and box, so the letter names exactly what the person sees.
    const QString button = QCoreApplication::translate("ward::LoginScreen", "Emergency account (sealed letter)");
    const QStringList steps{
        tr("Use this account only when nobody on the ward can log in with an IC card (the card system is down, staff "
           "from outside are helping)."),
        tr("On the card screen of a ward terminal, choose \"%1\".").arg(button),
        tr("Enter the account above, the name and workplace of the person who will use it, and why it is needed."),
        tr("Type the password above (upper or lower case, spaces and dashes do not matter)."),
        tr("IT and the auditors are told at once; every action is recorded and reviewed; the session is short. Works "
           "also when the network is down, on this ward's terminals."),
        tr("After its first use the account stays open for one period, then closes until IT issues a new letter: give "
           "this letter to IT after the emergency.")};
    QString out;
    out += QStringLiteral("<p align=\"right\"><b>%1</b></p>")
               .arg(tr("Sealed: to be opened only in an emergency, by the person in charge of the ward").toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1>").arg(tr("Emergency account of %1").arg(c.ward).toHtmlEscaped());
    out += QStringLiteral("<table cellpadding=\"6\">");
    const QList<QPair<QString, QString>> rows{
        {tr("Account"), c.userId},
        {tr("Password"), secret},
        {tr("Letter no."), QString::number(c.letterSerial)},
        {tr("Issued"), locale.toString(c.issuedAt.toLocalTime(), QLocale::LongFormat)},
        {tr("Made by"), tr("%1 (asked), %2 (approved)").arg(c.requestedBy, c.approvedBy)}};
    for (const auto& [label, value] : rows)
        out += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    out += QStringLiteral("</table>");
    out += QStringLiteral("<h2>%1</h2><ol>").arg(tr("When nobody can log in with an IC card").toHtmlEscaped());
    for (const QString& step : steps)
        out += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    out += QStringLiteral("</ol>");
    out += QStringLiteral("<p>%1</p>").arg(tr("Keep this letter sealed in the ward's safe. If the seal is found broken when the account "
                                              "was not needed, tell IT at once: a new letter replaces this one.")
                                               .toHtmlEscaped());
    if (!c.contact.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(tr("Questions: %1").arg(c.contact).toHtmlEscaped());
    return out;
}

bool PasswordLetter::print(const Content& content, const QString& secret, QString* error)
{
    if (!m_painter.isActive()) {
        *error = tr("The letter's print job was not started; nothing was printed.");
        return false;
    }
    QTextDocument document;
    // Point sizes of the application font map to the printer's resolution, so the letter reads the same on
    // a 600 dpi laser printer and in a PDF.
    document.documentLayout()->setPaintDevice(m_printer.get());
    const QRectF page = m_printer->pageRect(QPrinter::DevicePixel);
    document.setPageSize(page.size());
    document.setDefaultFont(TypeScale::paperFont());
    document.setHtml(html(content, secret));
    document.drawContents(&m_painter, QRectF(QPointF(0, 0), page.size()));
    const bool ended = m_painter.end();
    if (!ended || m_printer->printerState() == QPrinter::Error) {
        *error = tr("The printer failed while printing the letter.");
        return false;
    }
    return true;
}

} // namespace ward
