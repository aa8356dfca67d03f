// login-cache.json (OfflineAccountCache): what the terminal trusts for offline login before the vault opens —
// policy, account states, roles, wards, card bindings, the offline failure counter. A damaged file must be refused
// whole (load() false, cache empty); what loads must survive save() and load() unchanged, or an offline lockout
// or binding could silently change between two logins.
#include "FuzzInput.h"

#include "session/OfflineAccountCache.h"

using namespace ward;

namespace {

void checkSame(const OfflineAccountCache& a, const OfflineAccountCache& b)
{
    WARD_FUZZ_CHECK(a.policy == b.policy);
    WARD_FUZZ_CHECK(a.allowUidBadges == b.allowUidBadges);
    WARD_FUZZ_CHECK(a.uidBindings == b.uidBindings);
    WARD_FUZZ_CHECK(a.failures.toJson() == b.failures.toJson());
    WARD_FUZZ_CHECK(a.accounts.size() == b.accounts.size());
    for (auto it = a.accounts.begin(); it != a.accounts.end(); ++it) {
        WARD_FUZZ_CHECK(b.accounts.contains(it.key()));
        const auto& other = b.accounts[it.key()];
        WARD_FUZZ_CHECK(it->state == other.state);
        WARD_FUZZ_CHECK(it->roles == other.roles && it->compartments == other.compartments);
        WARD_FUZZ_CHECK(it->pivKeyHashes == other.pivKeyHashes);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::ScratchFile file("login-cache.json");
    static const fuzz::ScratchFile again("login-cache-again.json");
    file.write(fuzz::input(data, size));
    OfflineAccountCache cache(file.path());
    QString error;
    if (!cache.load(&error)) {
        WARD_FUZZ_CHECK(!error.isEmpty());
        WARD_FUZZ_CHECK(cache.accounts.isEmpty() && cache.uidBindings.isEmpty());
        return 0;
    }
    OfflineAccountCache copy(again.path());
    copy.policy = cache.policy;
    copy.allowUidBadges = cache.allowUidBadges;
    copy.accounts = cache.accounts;
    copy.uidBindings = cache.uidBindings;
    copy.failures = cache.failures;
    // Issue 10: no input can carry a tag under a key it never saw; a save with the vault key writes one that holds.
    static const SecureBytes vaultKey = SecureBytes::fromQByteArray(QByteArray(32, '\x22'));
    // (An untagged cache holding no account and no binding counts as authentic: it grants nothing.)
    WARD_FUZZ_CHECK(!cache.isAuthentic(vaultKey) || (cache.accounts.isEmpty() && cache.uidBindings.isEmpty()));
    WARD_FUZZ_CHECK(copy.save(&error, vaultKey));
    OfflineAccountCache reloaded(again.path());
    WARD_FUZZ_CHECK(reloaded.load(&error));
    WARD_FUZZ_CHECK(reloaded.isAuthentic(vaultKey));
    checkSame(cache, reloaded);
    return 0;
}
