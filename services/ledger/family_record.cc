// LedgerService by invitation token: a family member's own record (GetMyRecord) and the
// withdrawal of a consent they gave (WithdrawConsent), as easy as giving it. The token is
// resolved by InvitationService (GetMyInvitation, on their behalf) to one conference and one
// member; which entries concern them is the entry model's rule (entry/member_record.h).
#include <limits>
#include <set>

#include "absl/time/clock.h"
#include "common/base/errors.h"
#include "common/server/family_invitation.h"
#include "common/server/request_hash.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/entry/member_record.h"
#include "services/ledger/entry/supersession.h"
#include "services/ledger/entry_filter.h"
#include "services/ledger/ledger_requests.h"
#include "services/ledger/ledger_service.h"

namespace fgc::ledger {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

RecordHolder HolderOf(const server::FamilyInvitation& family) {
  return {family.member, family.opened.member().child()};
}

}  // namespace

absl::Status LedgerService::GetMyRecord(const server::Caller& caller,
                                        const v1::GetMyRecordRequest& req,
                                        v1::GetMyRecordResponse& resp) {
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  const size_t page_size =
      req.page_size() == 0 ? kDefaultPageSize : std::min(req.page_size(), kMaxPageSize);
  auto family = server::ResolveFamilyInvitation(*peers_, caller);
  if (!family.ok()) return family.status();
  // Newest first: a page token holds the index the next page stays below, bound to the member.
  int64_t below = std::numeric_limits<int64_t>::max();
  if (!req.page_token().empty()) {
    auto next = ParsePageToken(req.page_token(), family->member);
    if (!next.ok()) return next.status();
    below = *next;
  }
  auto entries = journal_.ConferenceEntriesSealed(family->tenant, family->conference);
  if (!entries.ok()) return entries.status();
  const RecordHolder holder = HolderOf(*family);
  std::vector<v1::LedgerEntry> page;
  for (size_t i : MemberRecord(*entries, holder)) {
    const v1::LedgerEntry& entry = (*entries)[i];
    if (entry.index() >= below) continue;
    if (page.size() == page_size) {
      resp.set_next_page_token(MakePageToken(page.back().index(), family->member));
      break;
    }
    page.push_back(entry);
  }
  std::set<std::string> on_page;
  for (const v1::LedgerEntry& entry : page) on_page.insert(entry.name());
  for (std::string& name : WithdrawableByHolder(*entries, holder, absl::Now())) {
    if (on_page.contains(name)) resp.add_withdrawable_entries(std::move(name));
  }
  if (absl::Status s = journal_.Open(family->tenant, family->conference, page); !s.ok()) return s;
  for (v1::LedgerEntry& entry : page) *resp.add_entries() = std::move(entry);
  resp.set_member(family->member);
  return absl::OkStatus();
}

absl::StatusOr<v1::LedgerEntry> LedgerService::FamilyWithdraw(
    const server::Caller& caller, const v1::WithdrawConsentRequest& req) {
  auto family = server::ResolveFamilyInvitation(*peers_, caller);
  if (!family.ok()) return family.status();
  if (absl::Status s = RequireRequestId(req.request_id()); !s.ok()) return s;
  auto parsed = ParseEntryName(req.name());
  if (!parsed) return FieldError("name", "must be tenants/{tenant}/ledger/entries/{index}");
  const RecordHolder holder = HolderOf(*family);
  // Another tenant's entry, one that does not exist and someone else's consent all get the same
  // answer: a token learns nothing about entries that are not its holder's.
  if (parsed->tenant != family->tenant) return CheckHolderIsGrantor({}, holder);
  auto target = journal_.Read(family->tenant, parsed->index);
  if (target.status().code() == absl::StatusCode::kNotFound) {
    return CheckHolderIsGrantor({}, holder);
  }
  if (!target.ok()) return target.status();
  if (absl::Status s = CheckHolderIsGrantor(*target, holder); !s.ok()) return s;
  // Only now, for a consent that is theirs, may a retry get the first withdrawal back.
  const std::string request_hash = server::RequestHash(req);
  auto replayed = journal_.Replayed(family->tenant, req.request_id(), request_hash);
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) return **replayed;
  auto withdrawn = store_.IsSuperseded(family->tenant, parsed->index);
  if (!withdrawn.ok()) return withdrawn.status();
  if (absl::Status s = ValidateWithdrawal(*target, *withdrawn); !s.ok()) return s;
  auto entry = BuildWithdrawal(*target, req, Withdrawer::kInvitationToken, absl::Now());
  if (!entry.ok()) return entry.status();
  SetActor(family->ResolvedCaller(caller), &*entry);
  return journal_.Append(family->tenant, *entry, req.request_id(), request_hash);
}

}  // namespace fgc::ledger
