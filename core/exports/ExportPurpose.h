#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ward {

// DATA-4: every print or export states why, from the hospital's usual reasons plus the person's own words; the
// ledger keeps both and the auditor reads them.
class ExportPurpose
{
    Q_DECLARE_TR_FUNCTIONS(ward::ExportPurpose)

public:
    static constexpr int kMaxTextLength = 200;
    static constexpr int kMinOtherTextLength = 4;

    static QStringList codes();  // "referral", "patient-request", "legal", "conference", "insurance", "other"
    static QString label(const QString& code);
    // Empty when acceptable; otherwise what the person must fix (no purpose chosen, an unknown one, "other" without
    // words, words too long).
    static QString problem(const QString& code, const QString& text);
};

} // namespace ward
