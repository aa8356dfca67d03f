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

QString PasswordLetter::html(const Content& c, const QString& temporaryPassword)
{
    const QLocale locale;
    const QString expires = locale.toString(c.expiresAt.toLocalTime(), QLocale::LongFormat);
    QString out;
    out += QStringLiteral("<p align=\"right\"><b>%1</b></p>").arg(tr("Confidential: to be opened by the addressee only").toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1>").arg(tr("Your WardStation login").toHtmlEscaped());
    out += QStringLiteral("<p>%1</p>").arg(tr("%1 (%2)").arg(c.name, c.kana).toHtmlEscaped());
    out += QStringLiteral("<table cellpadding=\"6\">");
    out += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(tr("Staff ID").toHtmlEscaped(), c.userId.toHtmlEscaped());
    out += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
               .arg(tr("Temporary password").toHtmlEscaped(), temporaryPassword.toHtmlEscaped());
    out += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(tr("Valid until").toHtmlEscaped(), expires.toHtmlEscaped());
    out += QStringLiteral("</table>");
    out += QStringLiteral("<h2>%1</h2><ol>").arg(tr("Your first login").toHtmlEscaped());
    const QStringList steps{tr("Put your IC card in the reader of a ward terminal."),
                            tr("Enter your staff ID and the temporary password above."),
                            tr("Choose your own password when asked; the temporary password then stops working."),
                            tr("Destroy this letter (shredder). Never keep it with your card.")};
    for (const QString& step : steps)
        out += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    out += QStringLiteral("</ol>");
    out += QStringLiteral("<p>%1</p>")
               .arg(tr("If the temporary password has expired, or this envelope was open when you received it, do not use "
                       "it: come to the reception desk with your photo ID for a new one.")
                        .toHtmlEscaped());
    if (!c.contact.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(tr("Questions: %1").arg(c.contact).toHtmlEscaped());
    return out;
}

bool PasswordLetter::print(const Content& content, const QString& temporaryPassword, QString* error)
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
    document.setHtml(html(content, temporaryPassword));
    document.drawContents(&m_painter, QRectF(QPointF(0, 0), page.size()));
    const bool ended = m_painter.end();
    if (!ended || m_printer->printerState() == QPrinter::Error) {
        *error = tr("The printer failed while printing the letter.");
        return false;
    }
    return true;
}

} // namespace ward
