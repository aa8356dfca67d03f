#pragma once

#include "crypto/SecureBytes.h"
#include "records/Draft.h"

#include <QList>
#include <optional>

namespace ward {

class SqlCipherDatabase;

// Unsigned drafts (SES-4), each sealed under a key derived for its author and bound to its ID, so a
// draft can neither be read as nor moved to another author's. Saved with synchronous=FULL: a draft
// that save() returned for survives a crash or a power cut.
class DraftStore
{
public:
    DraftStore(SqlCipherDatabase& db, const SecureBytes& vaultKey);

    void save(const Draft& draft);
    std::optional<Draft> load(const QString& author, const QString& draftId) const;
    QList<Draft> forAuthor(const QString& author) const;
    void remove(const QString& author, const QString& draftId);
    // Authors with drafts waiting (offered back at their next login; SES-5).
    QStringList authorsWithDrafts() const;

private:
    SecureBytes authorKey(const QString& author) const;
    static QByteArray aad(const Draft& d);
    std::optional<Draft> open(const Draft& header, const QByteArray& sealed) const;

    SqlCipherDatabase& m_db;
    const SecureBytes& m_vaultKey;
};

} // namespace ward
