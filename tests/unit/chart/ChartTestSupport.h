#pragma once

#include "crypto/Argon2Kdf.h"
#include "crypto/CertificateAuthority.h"
#include "policy/AccessPolicy.h"
#include "records/ChartService.h"
#include "records/DemoWard.h"
#include "records/RecordCodec.h"
#include "records/SigningIdentity.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QTemporaryDir>
#include <memory>

namespace ward::test {

inline Argon2Params chartFastKdf()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

inline SecureBytes chartPassword(const QString& userId)
{
    return SecureBytes::fromUtf8(userId + QStringLiteral("#Pass2026"));
}

// A draft body as the editors write it: FHIR through the codec, naming the draft's patient and author.
template <class Data>
inline QByteArray draftBody(const QString& type, const QString& patientId, const QString& author, const Data& data,
                            const QDateTime& clinicalTime = QDateTime())
{
    RecordContent c;
    c.type = type;
    c.patientId = patientId;
    c.author = author;
    c.clinicalTime = clinicalTime.isValid() ? clinicalTime : Clock::instance().nowUtc();
    c.data = data;
    return RecordCodec::encode(c);
}

inline ClinicalNote soapNote(const QString& plan)
{
    ClinicalNote n;
    n.subjective = QStringLiteral("咳が減った");
    n.plan = plan;
    return n;
}

inline QByteArray soapBody(const QString& patientId, const QString& plan, const QString& author = QStringLiteral("D000000001"))
{
    return draftBody(QStringLiteral("progress-note"), patientId, author, soapNote(plan));
}

// The plan of a stored progress note, read through the codec (empty when it does not decode).
inline QString planOf(const RecordVersion& r)
{
    const auto c = RecordCodec::decode(r);
    return c && c->note() ? c->note()->plan : QString();
}

// A vault filled with the demo ward, its staff CA, and helpers to act as any demo staff member.
struct ChartFixture
{
    std::shared_ptr<ManualClock> clock;
    QTemporaryDir dir;
    std::unique_ptr<Vault> vault;
    std::unique_ptr<CertificateAuthority> ca;
    DemoWard::Summary demo;
    AccessPolicy policy = AccessPolicy::defaultPolicy();

    explicit ChartFixture(int patientsPerWard = 4)
    {
        clock = std::make_shared<ManualClock>(QDateTime(QDate(2026, 4, 10), QTime(9, 0), Qt::UTC));
        Clock::setInstance(clock);
        vault = Vault::create(dir.path(), QStringLiteral("T-W3-01"), chartFastKdf());
        vault->addUserSlot(QStringLiteral("N000000001"), chartPassword(QStringLiteral("N000000001")), SecureBytes(),
                           QStringLiteral("N000000001"));
        ca = std::make_unique<CertificateAuthority>(DemoWard::createStaffCa(clock->nowUtc()));
        demo = DemoWard::populate(*vault, *ca, clock->nowUtc(), DemoWard::kSeed, patientsPerWard);
    }
    ~ChartFixture()
    {
        vault.reset();
        Clock::setInstance(nullptr);
    }

    UserSession session(const QString& userId) const
    {
        return DemoWard::session(DemoWard::staffMember(userId), QStringLiteral("T-W3-01"), vault.get());
    }
    SigningIdentity identity(const QString& userId)
    {
        return SigningIdentity::obtain(*vault, userId, chartPassword(userId), *ca, chartFastKdf());
    }
    std::unique_ptr<ChartService> service(const QString& userId, bool withKey = true)
    {
        std::optional<SigningIdentity> signer;
        if (withKey)
            signer = identity(userId);
        return std::make_unique<ChartService>(session(userId), *vault, policy, signer,
                                              QList<Certificate>{ca->certificate()});
    }
    Patient patientIn(const QString& ward) const
    {
        for (const Patient& p : demo.patients) {
            if (p.ward == ward)
                return p;
        }
        return {};
    }
    QList<AuditEntry> audit(const QString& action) const
    {
        QList<AuditEntry> out;
        for (const AuditEntry& e : vault->audit().entries(1, 100000)) {
            if (e.action == action)
                out.append(e);
        }
        return out;
    }
};

} // namespace ward::test
