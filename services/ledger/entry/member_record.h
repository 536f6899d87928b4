// A family member's own record (LedgerService.GetMyRecord): which of their conference's entries
// concern them, which of those they may read yet, and which consents are theirs to withdraw.
//
// An entry concerns the holder when they are its consent's grantor or a grantee, or a person a
// power is used on (`Party.member` equal to their member name), when they are the child the
// entry is about (the holder's network member is that child), or when it supersedes an entry
// that concerns them (a withdrawal, the end of a power).
//
// A use of power the family has not been told of (`power.family_told.told` false, for safety)
// is left out until an entry superseding it records that they were told; the end of such a use
// is left out with it unless that end itself records that they were told.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"

namespace fgc::ledger {

struct RecordHolder {
  std::string member;  // tenants/{t}/conferences/{c}/members/{m}
  std::string child;   // tenants/{t}/conferences/{c}/children/{k} when they are that child
};

// `entries`: every entry of the holder's conference, in log order (sealed fields are fine:
// only names, kinds and flags are read). Returns the holder's record, newest first, as
// positions in `entries`.
std::vector<size_t> MemberRecord(std::span<const v1::LedgerEntry> entries,
                                 const RecordHolder& holder);

// The consents of `entries` (every entry of the conference, in log order) that the holder gave
// and may withdraw at `at`: standing, not expired (see WithdrawableConsents).
std::vector<std::string> WithdrawableByHolder(std::span<const v1::LedgerEntry> entries,
                                              const RecordHolder& holder, absl::Time at);

// Whether the holder may withdraw `target` by their token: only a consent entry they are the
// grantor of. PERMISSION_DENIED (RESOURCE_NOT_PERMITTED) otherwise, with one message whatever
// the entry is, so a token learns nothing of other people's entries.
absl::Status CheckHolderIsGrantor(const v1::LedgerEntry& target, const RecordHolder& holder);

}  // namespace fgc::ledger
