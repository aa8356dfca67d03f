#include "vault/DraftStore.h"

#include "crypto/Aead.h"
#include "crypto/Hkdf.h"
#include "crypto/Random.h"
#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"

#include <QCoreApplication>

namespace ward {

DraftStore::DraftStore(SqlCipherDatabase& db, const SecureBytes& vaultKey)
    : m_db(db)
    , m_vaultKey(vaultKey)
{
}

SecureBytes DraftStore::authorKey(const QString& author) const
{
    return Hkdf::sha256(m_vaultKey, QByteArray(), QStringLiteral("ward-draft-key-v1|%1").arg(author).toUtf8(),
                        Aead::kKeySize);
}

QByteArray DraftStore::aad(const Draft& d)
{
    return QStringLiteral("ward-draft-v1|%1|%2|%3|%4|%5|%6")
        .arg(d.draftId, d.author, d.patientId, d.type, d.baseRecordId)
        .arg(d.baseVersion)
        .toUtf8();
}

void DraftStore::save(const Draft& input)
{
    if (input.author.isEmpty() || input.patientId.isEmpty() || input.type.isEmpty())
        throw VaultError(VaultError::Code::InvalidInput,
                         QCoreApplication::translate("Vault", "A draft needs an author, a patient and a type."));
    Draft d = input;
    if (d.draftId.isEmpty())
        d.draftId = Random::uuid();
    d.savedAt = Clock::instance().nowUtc();
    const QByteArray sealed = Aead::seal(authorKey(d.author), d.body, aad(d));
    SqlCipherDatabase::Transaction tx(m_db);
    SqlStatement owner = m_db.prepare("SELECT author FROM drafts WHERE draft_id = ?");
    owner.bind(1, d.draftId);
    if (owner.step() && owner.text(0) != d.author)
        throw VaultError(VaultError::Code::InvalidInput,
                         QCoreApplication::translate("Vault", "This draft belongs to another author."));
    m_db.prepare("INSERT OR REPLACE INTO drafts (draft_id, author, patient_id, type, base_record_id, base_version, "
                 "sealed_body, saved_at) VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, d.draftId)
        .bind(2, d.author)
        .bind(3, d.patientId)
        .bind(4, d.type)
        .bind(5, d.baseRecordId)
        .bind(6, d.baseVersion)
        .bind(7, sealed)
        .bind(8, d.savedAt.toString(Qt::ISODateWithMs))
        .run();
    tx.commit();
}

std::optional<Draft> DraftStore::open(const Draft& header, const QByteArray& sealed) const
{
    Draft d = header;
    if (!Aead::open(authorKey(d.author), sealed, aad(d), &d.body))
        throw VaultError(VaultError::Code::Corrupt,
                         QCoreApplication::translate("Vault", "A saved draft failed its integrity check and was not "
                                                              "opened."));
    return d;
}

std::optional<Draft> DraftStore::load(const QString& author, const QString& draftId) const
{
    SqlStatement q = m_db.prepare("SELECT draft_id, author, patient_id, type, base_record_id, base_version, "
                                  "sealed_body, saved_at FROM drafts WHERE draft_id = ? AND author = ?");
    q.bind(1, draftId).bind(2, author);
    if (!q.step())
        return std::nullopt;
    Draft d;
    d.draftId = q.text(0);
    d.author = q.text(1);
    d.patientId = q.text(2);
    d.type = q.text(3);
    d.baseRecordId = q.text(4);
    d.baseVersion = static_cast<int>(q.integer(5));
    d.savedAt = QDateTime::fromString(q.text(7), Qt::ISODateWithMs);
    return open(d, q.blob(6));
}

QList<Draft> DraftStore::forAuthor(const QString& author) const
{
    SqlStatement q = m_db.prepare("SELECT draft_id FROM drafts WHERE author = ? ORDER BY saved_at");
    q.bind(1, author);
    QStringList ids;
    while (q.step())
        ids << q.text(0);
    QList<Draft> out;
    for (const QString& id : ids) {
        if (auto d = load(author, id))
            out.append(*d);
    }
    return out;
}

void DraftStore::remove(const QString& author, const QString& draftId)
{
    m_db.prepare("DELETE FROM drafts WHERE draft_id = ? AND author = ?").bind(1, draftId).bind(2, author).run();
}

QStringList DraftStore::authorsWithDrafts() const
{
    SqlStatement q = m_db.prepare("SELECT DISTINCT author FROM drafts ORDER BY author");
    QStringList out;
    while (q.step())
        out << q.text(0);
    return out;
}

} // namespace ward
