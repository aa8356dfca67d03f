#include "records/SignatureStatus.h"

namespace ward {

QString SignatureStatus::stateName(State s)
{
    switch (s) {
    case State::Valid:
        return QStringLiteral("valid");
    case State::NotTimestamped:
        return QStringLiteral("not-timestamped");
    case State::Invalid:
        return QStringLiteral("invalid");
    case State::Unsigned:
        return QStringLiteral("unsigned");
    }
    return QString();
}

QString SignatureStatus::label() const
{
    switch (state) {
    case State::Valid:
        return tr("Signature valid");
    case State::NotTimestamped:
        return tr("Signature valid, not yet timestamped");
    case State::Invalid:
        return tr("Signature INVALID");
    case State::Unsigned:
        return tr("Not signed");
    }
    return QString();
}

} // namespace ward
