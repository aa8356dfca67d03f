// The key-slot file beside the vault (vault.slotFile): read by KeySlotFile::load before anything is decrypted, from a
// disk an attacker may have had in hand. Anything malformed must be VaultError (SlotFileCorrupt, or SlotFormatOutdated for the earlier format), never a crash or a
// half-loaded file; what loads is then used as login would use it without Argon2 (the key check and the network
// slot's AES-GCM unwrap under the fixed key encryption key the seed file was made with).
#include "FuzzInput.h"

#include "vault/KeySlotFile.h"
#include "vault/VaultError.h"

using namespace ward;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::ScratchFile file("vault.slotFile");
    file.write(fuzz::input(data, size));
    KeySlotFile slotFile(file.path());
    try {
        slotFile.load();
    } catch (const VaultError& e) {
        // A file of the format before the card's key agreement (issue 10) is told apart: "re-enrol".
        WARD_FUZZ_CHECK(e.code() == VaultError::Code::SlotFileCorrupt || e.code() == VaultError::Code::SlotFormatOutdated);
        WARD_FUZZ_CHECK(slotFile.keySlots().isEmpty());
        return 0;
    }
    for (const KeySlot& slot : slotFile.keySlots()) {
        WARD_FUZZ_CHECK(!slot.id.isEmpty() && slot.salt.size() == 16);
        if (slot.kind == KeySlot::Kind::User) {
            // A tampered file must not be able to demand gigabytes or hours of Argon2id at the next login.
            WARD_FUZZ_CHECK(slot.kdf.memoryKiB <= Argon2Kdf::kMaxMemoryKiB && slot.kdf.timeCost <= Argon2Kdf::kMaxTimeCost);
            (void)slotFile.hasUserSlot(slot.userId);
        }
    }
    (void)slotFile.matchesKey(SecureBytes::fromQByteArray(QByteArray(32, '\x11')));
    try {
        const SecureBytes key = slotFile.unwrapNetwork(SecureBytes::fromQByteArray(fuzz::networkKek()));
        WARD_FUZZ_CHECK(key.size() == 32);
    } catch (const VaultError&) {
    }
    return 0;
}
