#include "services/ledger/ledger_service.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/sha256.h"
#include "common/server/actor.h"
#include "common/server/request_hash.h"
#include "fgc/v1/ledger_service.pb.h"
#include "google/protobuf/util/time_util.h"
#include "services/ledger/entry/consent_decision.h"
#include "services/ledger/entry/entry_validation.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/entry/power_authority.h"
#include "services/ledger/entry/supersession.h"
#include "services/ledger/entry_filter.h"
#include "services/ledger/ledger_requests.h"
#include "services/ledger/log/checkpoint.h"
#include "services/ledger/log/proof.h"

namespace fgc::ledger {
namespace {

using google::protobuf::util::TimeUtil;
using server::Caller;

const google::protobuf::ServiceDescriptor* Descriptor() {
  return v1::GetEntryRequest::descriptor()->file()->FindServiceByName("LedgerService");
}

using server::RequestHash;

absl::Status RequireParent(const std::string& parent, const Caller& caller) {
  if (parent != LedgerParentName(caller.tenant)) {
    return FieldError("parent", absl::StrCat("must be ", LedgerParentName(caller.tenant)));
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> EntryIndex(const std::string& field, const std::string& name,
                                   const Caller& caller) {
  auto parsed = ParseEntryName(name);
  if (!parsed || parsed->tenant != caller.tenant) {
    return FieldError(field, "must be tenants/{tenant}/ledger/entries/{index} in your tenant");
  }
  return parsed->index;
}

void SetCheckpoint(const StoredCheckpoint& stored, const LedgerKeys& keys,
                   const std::string& tenant, v1::Checkpoint* out) {
  out->set_name(absl::StrCat(LedgerParentName(tenant), "/checkpoints/", stored.size));
  out->set_origin(keys.Origin(tenant));
  out->set_tree_size(stored.size);
  out->set_root_hash(stored.root_hash);
  out->set_note(stored.note);
  *out->mutable_sign_time() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(stored.signed_at));
}

absl::StatusOr<StoredCheckpoint> Latest(LedgerStore& store, const std::string& tenant) {
  auto latest = store.LatestCheckpoint(tenant);
  if (!latest.ok()) return latest.status();
  if (!latest->has_value()) {
    return FailedPrecondition("TREE_SIZE_OUT_OF_RANGE", "this tenant's ledger is still empty",
                              {{"EMPTY_LOG", LedgerParentName(tenant), "no entry yet"}});
  }
  return **latest;
}

absl::StatusOr<StoredCheckpoint> CheckpointOfSize(LedgerStore& store, const std::string& tenant,
                                                  int64_t size, const char* field) {
  auto latest = Latest(store, tenant);
  if (!latest.ok() || size == 0) return latest;
  auto at = store.CheckpointAt(tenant, size);
  if (!at.ok()) return at.status();
  if (!at->has_value()) {
    return WithDetails(
        absl::OutOfRangeError(absl::StrCat("no checkpoint of size ", size)),
        {.reason = "TREE_SIZE_OUT_OF_RANGE",
         .field_violations = {{field, absl::StrCat("the latest size is ", latest->size)}}});
  }
  return **at;
}

absl::StatusOr<std::vector<std::string>> Proof(LedgerStore& store, const std::string& tenant,
                                               absl::StatusOr<log::ProofPlan> plan) {
  if (!plan.ok()) return plan.status();
  auto hashes = store.ReadNodes(tenant, plan->node_ids);
  if (!hashes.ok()) return hashes.status();
  return log::BuildProof(*plan, *hashes);
}

}  // namespace

LedgerService::LedgerService(const server::RequestGuard* guard, db::Pool* pool,
                             server::PeerChannels* peers, LedgerKeys keys)
    : GuardedService(Descriptor(), guard),
      peers_(peers),
      keys_(std::move(keys)),
      store_(pool),
      sequencer_(std::make_unique<Sequencer>(
          &store_,
          [this](const std::string& tenant, int64_t size,
                 const std::string& root) -> absl::StatusOr<std::string> {
            log::Checkpoint checkpoint{keys_.Origin(tenant), static_cast<uint64_t>(size), root, {}};
            auto body = checkpoint.Format();
            if (!body.ok()) return body.status();
            return keys_.signer->Sign(*body);
          },
          Sequencer::Options{})),
      journal_(&store_, sequencer_.get(), &keys_) {
  RegisterHandlers();
}

LedgerService::~LedgerService() = default;

void LedgerService::RegisterHandlers() {
  Handle<v1::RecordConsentRequest, v1::RecordConsentResponse>(
      "RecordConsent",
      [this](const Caller& caller, const v1::RecordConsentRequest& req,
             v1::RecordConsentResponse& resp) -> absl::Status {
        auto entry = Record(caller, req, req.entry(), RecordMethod::kRecordConsent);
        if (!entry.ok()) return entry.status();
        *resp.mutable_entry() = *std::move(entry);
        return absl::OkStatus();
      });
  Handle<v1::RecordPowerUseRequest, v1::RecordPowerUseResponse>(
      "RecordPowerUse",
      [this](const Caller& caller, const v1::RecordPowerUseRequest& req,
             v1::RecordPowerUseResponse& resp) -> absl::Status {
        auto entry = Record(caller, req, req.entry(), RecordMethod::kRecordPowerUse);
        if (!entry.ok()) return entry.status();
        *resp.mutable_entry() = *std::move(entry);
        return absl::OkStatus();
      });
  Handle<v1::WithdrawConsentRequest, v1::WithdrawConsentResponse>(
      "WithdrawConsent",
      [this](const Caller& caller, const v1::WithdrawConsentRequest& req,
             v1::WithdrawConsentResponse& resp) -> absl::Status {
        auto entry = Withdraw(caller, req);
        if (!entry.ok()) return entry.status();
        *resp.mutable_entry() = *std::move(entry);
        return absl::OkStatus();
      });
  Handle<v1::CheckConsentRequest, v1::CheckConsentResponse>(
      "CheckConsent",
      [this](const Caller& caller, const v1::CheckConsentRequest& req,
             v1::CheckConsentResponse& resp) { return CheckConsent(caller, req, resp); });
  Handle<v1::ListEntriesRequest, v1::ListEntriesResponse>(
      "ListEntries",
      [this](const Caller& caller, const v1::ListEntriesRequest& req,
             v1::ListEntriesResponse& resp) { return ListEntries(caller, req, resp); });
  Handle<v1::EraseSubjectRequest, v1::EraseSubjectResponse>(
      "EraseSubject",
      [this](const Caller& caller, const v1::EraseSubjectRequest& req,
             v1::EraseSubjectResponse& resp) { return EraseSubject(caller, req, resp); });
  Handle<v1::GetMyRecordRequest, v1::GetMyRecordResponse>(
      "GetMyRecord",
      [this](const Caller& caller, const v1::GetMyRecordRequest& req,
             v1::GetMyRecordResponse& resp) { return GetMyRecord(caller, req, resp); });
  Handle<v1::GetEntryRequest, v1::GetEntryResponse>(
      "GetEntry", [this](const Caller& caller, const v1::GetEntryRequest& req,
                         v1::GetEntryResponse& resp) { return GetEntry(caller, req, resp); });
  Handle<v1::GetCheckpointRequest, v1::GetCheckpointResponse>(
      "GetCheckpoint",
      [this](const Caller& caller, const v1::GetCheckpointRequest& req,
             v1::GetCheckpointResponse& resp) -> absl::Status {
        const std::string latest = absl::StrCat(LedgerParentName(caller.tenant), "/checkpoints/");
        int64_t size = 0;
        if (req.name() != latest + "latest" &&
            (req.name().rfind(latest, 0) != 0 ||
             !absl::SimpleAtoi(req.name().substr(latest.size()), &size) || size <= 0)) {
          return FieldError("name", "must be " + latest + "latest or " + latest + "{size}");
        }
        auto checkpoint = CheckpointOfSize(store_, caller.tenant, size, "name");
        if (!checkpoint.ok()) return checkpoint.status();
        SetCheckpoint(*checkpoint, keys_, caller.tenant, resp.mutable_checkpoint());
        resp.set_verifier_key(keys_.signer->VerifierKey());
        return absl::OkStatus();
      });
  Handle<v1::GetConsistencyProofRequest, v1::GetConsistencyProofResponse>(
      "GetConsistencyProof",
      [this](const Caller& caller, const v1::GetConsistencyProofRequest& req,
             v1::GetConsistencyProofResponse& resp) -> absl::Status {
        if (absl::Status s = RequireParent(req.parent(), caller); !s.ok()) return s;
        auto second =
            CheckpointOfSize(store_, caller.tenant, req.second_tree_size(), "second_tree_size");
        if (!second.ok()) return second.status();
        if (req.first_tree_size() <= 0 || req.first_tree_size() > second->size) {
          return WithDetails(
              absl::OutOfRangeError("first_tree_size must be between 1 and the second size"),
              {.reason = "TREE_SIZE_OUT_OF_RANGE",
               .field_violations = {
                   {"first_tree_size", absl::StrCat("must be 1..", second->size)}}});
        }
        auto proof = Proof(store_, caller.tenant,
                           log::PlanConsistencyProof(static_cast<uint64_t>(req.first_tree_size()),
                                                     static_cast<uint64_t>(second->size)));
        if (!proof.ok()) return proof.status();
        v1::ConsistencyProof* out = resp.mutable_proof();
        out->set_first_tree_size(req.first_tree_size());
        out->set_second_tree_size(second->size);
        for (auto& h : *proof) out->add_hashes(std::move(h));
        SetCheckpoint(*second, keys_, caller.tenant, resp.mutable_checkpoint());
        return absl::OkStatus();
      });
}

absl::StatusOr<v1::LedgerEntry> LedgerService::Record(const Caller& caller,
                                                      const google::protobuf::Message& request,
                                                      const v1::LedgerEntry& requested,
                                                      RecordMethod method) {
  if (caller.kind != Caller::Kind::kStaff) {
    return PermissionDenied("ROLE_NOT_ALLOWED", "an invitation link records nothing here");
  }
  const auto& parent = request.GetReflection()->GetString(
      request, request.GetDescriptor()->FindFieldByName("parent"));
  const auto& request_id = request.GetReflection()->GetString(
      request, request.GetDescriptor()->FindFieldByName("request_id"));
  if (absl::Status s = RequireParent(parent, caller); !s.ok()) return s;
  if (absl::Status s = RequireRequestId(request_id); !s.ok()) return s;
  v1::LedgerEntry entry = requested;
  ClearOutputOnlyFields(&entry);
  if (absl::Status s = ValidateNewEntry(entry, caller.tenant, method, absl::Now()); !s.ok()) {
    return s;
  }
  if (method == RecordMethod::kRecordPowerUse) {
    if (absl::Status s = CheckPowerAuthority(server::ActorRoleOf(caller), entry); !s.ok()) return s;
  }
  if (entry.kind() == v1::LEDGER_ENTRY_KIND_POWER_ENDED) {
    // A retry would find the power ended by its first try: it gets that first answer.
    auto replayed = journal_.Replayed(caller.tenant, request_id, RequestHash(request));
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return **replayed;
    auto target_index = EntryIndex("entry.supersedes", entry.supersedes(), caller);
    if (!target_index.ok()) return target_index.status();
    auto target = journal_.ReadSealed(caller.tenant, *target_index);
    if (!target.ok()) return target.status();
    auto ended = store_.IsSuperseded(caller.tenant, *target_index);
    if (!ended.ok()) return ended.status();
    if (absl::Status s = ValidatePowerEnd(entry, *target, *ended); !s.ok()) return s;
  }
  SetActor(caller, &entry);
  return journal_.Append(caller.tenant, entry, request_id, RequestHash(request));
}

absl::StatusOr<v1::LedgerEntry> LedgerService::Withdraw(const Caller& caller,
                                                        const v1::WithdrawConsentRequest& req) {
  if (caller.kind == Caller::Kind::kFamily) return FamilyWithdraw(caller, req);
  if (absl::Status s = RequireRequestId(req.request_id()); !s.ok()) return s;
  auto index = EntryIndex("name", req.name(), caller);
  if (!index.ok()) return index.status();
  // A retry would find the consent withdrawn by its first try: it gets that first answer.
  auto replayed = journal_.Replayed(caller.tenant, req.request_id(), RequestHash(req));
  if (!replayed.ok()) return replayed.status();
  if (replayed->has_value()) return **replayed;
  auto target = journal_.Read(caller.tenant, *index);
  if (!target.ok()) return target.status();
  auto withdrawn = store_.IsSuperseded(caller.tenant, *index);
  if (!withdrawn.ok()) return withdrawn.status();
  if (absl::Status s = ValidateWithdrawal(*target, *withdrawn); !s.ok()) return s;
  auto entry = BuildWithdrawal(*target, req, Withdrawer::kStaff, absl::Now());
  if (!entry.ok()) return entry.status();
  SetActor(caller, &*entry);
  return journal_.Append(caller.tenant, *entry, req.request_id(), RequestHash(req));
}

absl::Status LedgerService::CheckConsent(const Caller& caller, const v1::CheckConsentRequest& req,
                                         v1::CheckConsentResponse& resp) {
  if (absl::Status s = RequireParent(req.parent(), caller); !s.ok()) return s;
  std::vector<FieldViolation> bad;
  auto child = ParseChildName(req.subject());
  if (!ParseConferenceName(req.conference()) || !child ||
      child->ConferenceNameText() != req.conference() || child->tenant != caller.tenant) {
    bad.push_back({"subject", "must be a child of the conference, in your tenant"});
  }
  if (req.purpose() == v1::CONSENT_PURPOSE_UNSPECIFIED) {
    bad.push_back({"purpose", "is required"});
  }
  if (!bad.empty()) return InvalidArgument("INVALID_FIELD", "the check is malformed", bad);
  auto stored = store_.EntriesAbout(caller.tenant, req.conference(), req.subject(), 0);
  if (!stored.ok()) return stored.status();
  std::vector<v1::LedgerEntry> entries;
  entries.reserve(stored->size());
  for (const auto& s : *stored) {
    auto e = journal_.ReadSealed(caller.tenant, s.index);
    if (!e.ok()) return e.status();
    entries.push_back(*std::move(e));
  }
  ConsentQuery query;
  query.conference = req.conference();
  query.subject = req.subject();
  query.purpose = req.purpose();
  query.grantor = req.grantor();
  query.at = req.has_check_time()
                 ? absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(req.check_time()))
                 : absl::Now();
  ConsentDecision decision = EvaluateConsent(entries, query);
  resp.set_allowed(decision.allowed);
  resp.set_result(decision.result);
  resp.set_entry(decision.entry);
  if (decision.expire_time) {
    *resp.mutable_expire_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(*decision.expire_time));
  }
  return absl::OkStatus();
}

absl::Status LedgerService::ListEntries(const Caller& caller, const v1::ListEntriesRequest& req,
                                        v1::ListEntriesResponse& resp) {
  if (absl::Status s = RequireParent(req.parent(), caller); !s.ok()) return s;
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  const int page_size = req.page_size() == 0 ? 50 : std::min(req.page_size(), 500);
  auto filter = ParseEntryFilter(req.filter());
  if (!filter.ok()) return filter.status();
  int64_t from = 0;
  if (!req.page_token().empty()) {
    auto next = ParsePageToken(req.page_token(), req.filter());
    if (!next.ok()) return next.status();
    from = *next;
  }
  // One more than asked says whether another page follows.
  auto page = store_.ListEntries(caller.tenant, *filter, from, page_size + 1);
  if (!page.ok()) return page.status();
  resp.set_tree_size(page->tree_size);
  for (size_t i = 0; i < page->entries.size(); ++i) {
    const int64_t index = page->entries[i].index;
    if (static_cast<int>(i) == page_size) {
      resp.set_next_page_token(MakePageToken(index, req.filter()));
      break;
    }
    auto entry = journal_.Read(caller.tenant, index);
    if (!entry.ok()) return entry.status();
    *resp.add_entries() = *std::move(entry);
  }
  return absl::OkStatus();
}

absl::Status LedgerService::EraseSubject(const Caller& caller, const v1::EraseSubjectRequest& req,
                                         v1::EraseSubjectResponse& resp) {
  if (absl::Status s = RequireParent(req.parent(), caller); !s.ok()) return s;
  std::vector<FieldViolation> bad;
  auto child = ParseChildName(req.subject());
  if (!child || child->tenant != caller.tenant) {
    bad.push_back({"subject", "must be tenants/{tenant}/conferences/{c}/children/{child}"});
  }
  if (req.reason().empty() || req.reason().size() > 2000) {
    bad.push_back({"reason", "is required (1-2,000 characters)"});
  }
  if (req.request_id().empty() || req.request_id().size() > 128) {
    bad.push_back({"request_id", "is required"});
  }
  if (!bad.empty()) return InvalidArgument("INVALID_FIELD", "the erasure is malformed", bad);
  // Erasure is idempotent by nature: a second call finds the key gone and reports the first.
  auto erased = store_.EraseDataKey(caller.tenant, child->ConferenceNameText(), req.reason());
  if (!erased.ok()) return erased.status();
  journal_.ForgetDataKey(caller.tenant, child->ConferenceNameText());
  resp.set_conference(child->ConferenceNameText());
  resp.set_erased_entry_count(erased->entry_count);
  *resp.mutable_erase_time() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(erased->erased_at));
  return absl::OkStatus();
}

absl::Status LedgerService::GetEntry(const Caller& caller, const v1::GetEntryRequest& req,
                                     v1::GetEntryResponse& resp) {
  auto index = EntryIndex("name", req.name(), caller);
  if (!index.ok()) return index.status();
  auto entry = journal_.Read(caller.tenant, *index);
  if (!entry.ok()) return entry.status();
  auto checkpoint = CheckpointOfSize(store_, caller.tenant, req.tree_size(), "tree_size");
  if (!checkpoint.ok()) return checkpoint.status();
  if (*index >= checkpoint->size) {
    return FieldError("tree_size", "must be larger than the entry's index");
  }
  auto proof = Proof(store_, caller.tenant,
                     log::PlanInclusionProof(static_cast<uint64_t>(*index),
                                             static_cast<uint64_t>(checkpoint->size)));
  if (!proof.ok()) return proof.status();
  v1::InclusionProof* out = resp.mutable_inclusion_proof();
  out->set_leaf_index(*index);
  out->set_tree_size(checkpoint->size);
  for (auto& h : *proof) out->add_hashes(std::move(h));
  *resp.mutable_entry() = *std::move(entry);
  SetCheckpoint(*checkpoint, keys_, caller.tenant, resp.mutable_checkpoint());
  return absl::OkStatus();
}

}  // namespace fgc::ledger
