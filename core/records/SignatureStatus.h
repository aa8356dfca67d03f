#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ward {

// The badge every record shows (DATA-3, EX-2), computed from its stored CMS signature and, once the
// hub has added one, its RFC 3161 timestamp token.
struct SignatureStatus
{
    Q_DECLARE_TR_FUNCTIONS(ward::SignatureStatus)

public:
    enum class State {
        Valid,           // signature and timestamp verify against the staff CA / TSA
        NotTimestamped,  // signature verifies; the hub's timestamp has not arrived yet
        Invalid,         // body altered, wrong signer, untrusted certificate, broken token
        Unsigned,        // nothing to verify (should not happen for stored versions)
    };

    State state = State::Unsigned;
    QString reason;        // readable, for Invalid
    QString signer;        // user ID from the signer certificate's CN
    QDateTime signingTime; // the signer's claim (UTC)
    QDateTime timestampTime; // the TSA's time when a token verified (UTC)

    bool isTrustworthy() const { return state == State::Valid || state == State::NotTimestamped; }
    static QString stateName(State s);
    QString label() const;  // translated badge text
};

} // namespace ward
