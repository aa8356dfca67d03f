// The policy documents the hub pushes and IT edits: the access policy (AccessPolicy, roles and compartments) and the
// password/account policy (PasswordPolicy, alone or as the "password" member of `wardhub policy set --file`).
// A bad document is refused whole with a reason; a good one survives toJson()/fromJson() unchanged.
#include "FuzzInput.h"

#include "auth/PasswordPolicy.h"
#include "policy/AccessPolicy.h"

#include <QJsonDocument>

using namespace ward;

namespace {

void checkPasswordPolicy(const QJsonObject& json)
{
    PasswordPolicy policy;
    JsonFieldError error;
    if (!PasswordPolicy::fromJson(json, &policy, &error)) {
        WARD_FUZZ_CHECK(error.isError());
        return;
    }
    WARD_FUZZ_CHECK(policy.validate());
    WARD_FUZZ_CHECK(policy.lockoutThreshold >= 1 && !policy.nonResponseDelaysMs.isEmpty());
    for (int failures = 0; failures < 40; ++failures)
        WARD_FUZZ_CHECK(policy.nonResponseDelayMs(failures) >= 0);
    PasswordPolicy again;
    WARD_FUZZ_CHECK(PasswordPolicy::fromJson(policy.toJson(), &again));
    WARD_FUZZ_CHECK(again == policy);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json = fuzz::input(data, size);
    QString error;
    const auto access = AccessPolicy::fromJson(json, &error);
    if (access) {
        WARD_FUZZ_CHECK(!access->roles().isEmpty());
        for (const QString& type : access->recordTypes()) {
            const int classification = access->defaultClassification(type);
            WARD_FUZZ_CHECK(classification >= 1 && classification <= 4);
            (void)access->permits(access->roles(), RecordAction::Read, type, classification);
        }
    } else {
        WARD_FUZZ_CHECK(!error.isEmpty());
    }

    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return 0;
    checkPasswordPolicy(doc.object());
    checkPasswordPolicy(doc.object().value(QStringLiteral("password")).toObject());
    return 0;
}
