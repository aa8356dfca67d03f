#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>
#include <QString>
#include <memory>

class QPrinter;

namespace ward {

// The sealed letter that carries a temporary password (issue 12, AUTH-7) or a one-shift fallback code (AUTH-2) to
// its owner, or a ward's emergency account to the ward's safe (BCP-1): the secret is printed, never shown on screen. Printing is split so that a printer that fails leaves nothing half done: open() starts
// the job *before* the hub issues a password; if the hub then refuses, abandon() cancels the empty job; only a
// job that started is given the password (print()).
class PasswordLetter
{
    Q_DECLARE_TR_FUNCTIONS(PasswordLetter)

public:
    enum class Kind {
        TemporaryPassword,  // first login or reset: the person chooses their own password with it
        FallbackCode,       // one card-less login during one shift, with the person's own password
        EmergencyLetter,    // BCP-1: a ward's emergency account, kept sealed in the ward's safe until needed
    };
    struct Content
    {
        QString userId;
        QString name;
        QString kana;
        QDateTime expiresAt;  // the temporary password is void after this (policy temporaryPasswordValidHours)
        QString contact;      // the hospital's help contact from the hub policy
        Kind kind = Kind::TemporaryPassword;
        // EmergencyLetter only: the ward, when the letter was made, its number, and the two people who made it.
        QString ward{};
        QDateTime issuedAt{};
        int letterSerial = 0;
        QString requestedBy{};
        QString approvedBy{};
    };

    explicit PasswordLetter(std::unique_ptr<QPrinter> printer);
    ~PasswordLetter();

    // Starts the print job; false with a message when the printer (or PDF file) cannot take it.
    bool open(QString* error);
    // Renders the letter and finishes the job; false when the printer failed while printing. `secret` is the
    // temporary password or the fallback code, as content.kind says.
    bool print(const Content& content, const QString& secret, QString* error);
    // Cancels a job that was opened but must not be printed (the hub refused, or the desk was closed).
    void abandon();
    bool isOpen() const { return m_painter.isActive(); }

    // The letter as rich text (what print() renders).
    static QString html(const Content& content, const QString& secret);

private:
    static QString emergencyHtml(const Content& content, const QString& secret);

    std::unique_ptr<QPrinter> m_printer;
    QPainter m_painter;
};

} // namespace ward
