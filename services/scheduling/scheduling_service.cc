#include "services/scheduling/scheduling_service.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/server/actor.h"
#include "common/server/request_hash.h"
#include "services/scheduling/conference_listing.h"
#include "services/scheduling/conference_record.h"
#include "services/scheduling/conference_update.h"
#include "services/scheduling/ledger_consent.h"
#include "services/scheduling/lifecycle/referral_validation.h"
#include "services/scheduling/lifecycle/stage_transitions.h"
#include "services/scheduling/lifecycle/timescales.h"

namespace fgc::scheduling {
namespace {

using server::Caller;

const google::protobuf::ServiceDescriptor* Descriptor() {
  return v1::GetConferenceRequest::descriptor()->file()->FindServiceByName("SchedulingService");
}

bool IsAgencyCaller(const Caller& caller) {
  return caller.role == "referrer" || caller.role == "agency_system";
}

std::string TenantName(const Caller& caller) { return absl::StrCat("tenants/", caller.tenant); }

// The {conference} of `name` when it is a conference of the caller's tenant.
std::optional<std::string> ConferenceId(const std::string& name, const Caller& caller) {
  const std::string prefix = absl::StrCat(TenantName(caller), "/conferences/");
  if (!absl::StartsWith(name, prefix)) return std::nullopt;
  std::string id = name.substr(prefix.size());
  if (!IsValidConferenceId(id)) return std::nullopt;
  return id;
}

// A fresh id: `prefix` and 12 random lower-case hex digits.
absl::StatusOr<std::string> FreshId(std::string_view prefix) {
  auto bytes = crypto::RandomBytes(6);
  if (!bytes.ok()) return bytes.status();
  return absl::StrCat(std::string(prefix), crypto::HexEncode(*bytes));
}

// The request_id field every mutation's request has.
std::string RequestIdIn(const google::protobuf::Message& request) {
  const auto* field = request.GetDescriptor()->FindFieldByName("request_id");
  return field == nullptr ? "" : request.GetReflection()->GetString(request, field);
}

// Names each child and bottom line that has none yet (a child keeps its name for ever: it is
// the subject of ledger entries).
absl::Status NameNewParts(v1::Conference* conference) {
  for (v1::Child& child : *conference->mutable_children()) {
    if (!child.name().empty()) continue;
    auto id = FreshId("k");
    if (!id.ok()) return id.status();
    child.set_name(absl::StrCat(conference->name(), "/children/", *id));
  }
  for (v1::BottomLine& line : *conference->mutable_referral()->mutable_bottom_lines()) {
    if (!line.bottom_line_id().empty()) continue;
    auto id = FreshId("bl-");
    if (!id.ok()) return id.status();
    line.set_bottom_line_id(*id);
  }
  return absl::OkStatus();
}

}  // namespace

SchedulingService::SchedulingService(const server::RequestGuard* guard, db::Pool* pool,
                                     server::PeerChannels* peers,
                                     std::unique_ptr<crypto::KeyEncryptionKey> kek,
                                     TimescaleConfig timescales)
    : GuardedService(Descriptor(), guard),
      peers_(peers),
      kek_(std::move(kek)),
      timescales_(std::move(timescales)),
      pool_(pool),
      store_(pool, kek_.get()),
      venues_(pool),
      slots_(pool) {
  RegisterHandlers();
}

void SchedulingService::RegisterHandlers() {
  Handle<v1::CreateConferenceRequest, v1::CreateConferenceResponse>(
      "CreateConference", [this](const Caller& c, const auto& req, auto& resp) {
        return CreateConference(c, req, resp);
      });
  Handle<v1::GetConferenceRequest, v1::GetConferenceResponse>(
      "GetConference",
      [this](const Caller& c, const auto& req, auto& resp) { return GetConference(c, req, resp); });
  Handle<v1::ListConferencesRequest, v1::ListConferencesResponse>(
      "ListConferences", [this](const Caller& c, const auto& req, auto& resp) {
        return ListConferences(c, req, resp);
      });
  Handle<v1::UpdateConferenceRequest, v1::UpdateConferenceResponse>(
      "UpdateConference", [this](const Caller& c, const auto& req, auto& resp) {
        return UpdateConference(c, req, resp);
      });
  Handle<v1::ListOverdueRequest, v1::ListOverdueResponse>(
      "ListOverdue",
      [this](const Caller& c, const auto& req, auto& resp) { return ListOverdue(c, req, resp); });
  Handle<v1::BookConferenceRequest, v1::BookConferenceResponse>(
      "BookConference", [this](const Caller& c, const auto& req, auto& resp) {
        return BookConference(c, req, resp);
      });
  Handle<v1::RescheduleConferenceRequest, v1::RescheduleConferenceResponse>(
      "RescheduleConference", [this](const Caller& c, const auto& req, auto& resp) {
        return RescheduleConference(c, req, resp);
      });
  Handle<v1::CancelConferenceRequest, v1::CancelConferenceResponse>(
      "CancelConference", [this](const Caller& c, const auto& req, auto& resp) {
        return CancelConference(c, req, resp);
      });
  Handle<v1::ProposeSlotsRequest, v1::ProposeSlotsResponse>(
      "ProposeSlots",
      [this](const Caller& c, const auto& req, auto& resp) { return ProposeSlots(c, req, resp); });
  Handle<v1::ListSlotsRequest, v1::ListSlotsResponse>(
      "ListSlots",
      [this](const Caller& c, const auto& req, auto& resp) { return ListSlots(c, req, resp); });
  Handle<v1::RecordAvailabilityRequest, v1::RecordAvailabilityResponse>(
      "RecordAvailability", [this](const Caller& c, const auto& req, auto& resp) {
        return RecordAvailability(c, req, resp);
      });
  Handle<v1::ExportCalendarRequest, v1::ExportCalendarResponse>(
      "ExportCalendar", [this](const Caller& c, const auto& req, auto& resp) {
        return ExportCalendar(c, req, resp);
      });
  Handle<v1::ScheduleReviewRequest, v1::ScheduleReviewResponse>(
      "ScheduleReview", [this](const Caller& c, const auto& req, auto& resp) {
        return ScheduleReview(c, req, resp);
      });
  Handle<v1::SuggestSlotsRequest, v1::SuggestSlotsResponse>(
      "SuggestSlots",
      [this](const Caller& c, const auto& req, auto& resp) { return SuggestSlots(c, req, resp); });
  Handle<v1::CreateVenueRequest, v1::CreateVenueResponse>(
      "CreateVenue",
      [this](const Caller& c, const auto& req, auto& resp) { return CreateVenue(c, req, resp); });
  Handle<v1::GetVenueRequest, v1::GetVenueResponse>(
      "GetVenue",
      [this](const Caller& c, const auto& req, auto& resp) { return GetVenue(c, req, resp); });
  Handle<v1::ListVenuesRequest, v1::ListVenuesResponse>(
      "ListVenues",
      [this](const Caller& c, const auto& req, auto& resp) { return ListVenues(c, req, resp); });
  Handle<v1::TransitionConferenceRequest, v1::TransitionConferenceResponse>(
      "TransitionConference", [this](const Caller& c, const auto& req, auto& resp) {
        return TransitionConference(c, req, resp);
      });
}

v1::Conference SchedulingService::AsSeenBy(const Caller& caller, v1::Conference conference) const {
  RefreshTimescales(timescales_, absl::Now(), &conference);
  if (caller.role == "auditor") {
    conference = SplitConference(conference).record;  // no personal details
  }
  return conference;
}

absl::StatusOr<VersionedConference> SchedulingService::Load(const Caller& caller,
                                                            const std::string& name,
                                                            const char* field) {
  const bool scoped = IsAgencyCaller(caller);
  auto not_permitted = [&] {
    return PermissionDenied("RESOURCE_NOT_PERMITTED",
                            "your agency may see only the conferences it referred");
  };
  auto id = ConferenceId(name, caller);
  if (!id) {
    return FieldError(field, "must be tenants/{tenant}/conferences/{conference} in your tenant");
  }
  auto loaded = store_.Get(caller.tenant, *id);
  if (!loaded.ok()) {
    if (scoped && loaded.status().code() == absl::StatusCode::kNotFound) return not_permitted();
    return loaded.status();
  }
  if (scoped &&
      !absl::EqualsIgnoreCase(loaded->conference.referral().referring_agency(), caller.agency)) {
    return not_permitted();
  }
  return loaded;
}

absl::Status SchedulingService::CreateConference(const Caller& caller,
                                                 const v1::CreateConferenceRequest& req,
                                                 v1::CreateConferenceResponse& resp) {
  if (req.parent() != TenantName(caller)) {
    return FieldError("parent", absl::StrCat("must be ", TenantName(caller)));
  }
  if (!req.conference_id().empty() && !IsValidConferenceId(req.conference_id())) {
    return FieldError("conference_id",
                      "1-63 lower-case letters, digits and hyphens, starting with a letter");
  }
  auto key = RequestKeyOf(req.request_id(), "CreateConference", req);
  if (!key.ok()) return key.status();
  if (auto replayed = store_.Replayed(caller.tenant, *key); !replayed.ok()) {
    return replayed.status();
  } else if (replayed->has_value()) {
    auto again = Load(caller, **replayed, "request_id");
    if (!again.ok()) return again.status();
    *resp.mutable_conference() = AsSeenBy(caller, again->conference);
    return absl::OkStatus();
  }
  v1::Conference requested = req.conference();
  std::string& agency = *requested.mutable_referral()->mutable_referring_agency();
  if (IsAgencyCaller(caller)) {
    // An agency refers only for itself.
    if (!agency.empty() && !absl::EqualsIgnoreCase(agency, caller.agency)) {
      return PermissionDenied("RESOURCE_NOT_PERMITTED",
                              "an agency may refer only for itself (referral.referring_agency)");
    }
    agency = caller.agency;
  }
  const absl::Time now = absl::Now();
  if (absl::Status s = ValidateNewConference(requested, now); !s.ok()) return s;
  std::string id = req.conference_id();
  if (id.empty()) {
    auto fresh = FreshId("c-");
    if (!fresh.ok()) return fresh.status();
    id = *fresh;
  }
  v1::Conference conference = NewConference(
      requested, absl::StrCat(TenantName(caller), "/conferences/", id), now, timescales_);
  if (absl::Status s = NameNewParts(&conference); !s.ok()) return s;
  auto created = store_.Create(caller.tenant, conference, *key);
  if (!created.ok()) return created.status();
  *resp.mutable_conference() = AsSeenBy(caller, created->conference);
  return absl::OkStatus();
}

absl::Status SchedulingService::GetConference(const Caller& caller,
                                              const v1::GetConferenceRequest& req,
                                              v1::GetConferenceResponse& resp) {
  auto loaded = Load(caller, req.name(), "name");
  if (!loaded.ok()) return loaded.status();
  *resp.mutable_conference() = AsSeenBy(caller, loaded->conference);
  return absl::OkStatus();
}

absl::Status SchedulingService::ListConferences(const Caller& caller,
                                                const v1::ListConferencesRequest& req,
                                                v1::ListConferencesResponse& resp) {
  if (req.parent() != TenantName(caller)) {
    return FieldError("parent", absl::StrCat("must be ", TenantName(caller)));
  }
  auto listing = ParseConferenceListing(req, absl::Now());
  if (!listing.ok()) return listing.status();
  if (IsAgencyCaller(caller)) {
    if (listing->query.referring_agency &&
        !absl::EqualsIgnoreCase(*listing->query.referring_agency, caller.agency)) {
      return PermissionDenied("RESOURCE_NOT_PERMITTED",
                              "your agency may list only the conferences it referred");
    }
    listing->query.referring_agency = caller.agency;
  }
  // One more than the page, to know whether another page follows.
  auto page = store_.List(caller.tenant, listing->query, listing->after, listing->page_size + 1);
  if (!page.ok()) return page.status();
  const bool more = static_cast<int>(page->conferences.size()) > listing->page_size;
  for (int i = 0; i < static_cast<int>(page->conferences.size()) && i < listing->page_size; ++i) {
    *resp.add_conferences() = AsSeenBy(caller, page->conferences[i].conference);
  }
  if (more) {
    resp.set_next_page_token(NextPageToken(req, page->cursors[listing->page_size - 1]));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Conference> SchedulingService::ChangeConference(
    const Caller& caller, const std::string& name, const char* name_field, const std::string& etag,
    const char* method, const google::protobuf::Message& request, const ChangeFn& change) {
  auto key = RequestKeyOf(RequestIdIn(request), method, request);
  if (!key.ok()) return key.status();
  auto replayed = store_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  auto loaded = Load(caller, replayed->value_or(name), name_field);
  if (!loaded.ok()) return loaded.status();
  if (!replayed->has_value()) {
    if (!etag.empty() && etag != loaded->conference.etag()) {
      return WithDetails(absl::AbortedError("the conference changed since you read it"),
                         {.reason = "ETAG_MISMATCH"});
    }
    loaded = change(*loaded, *key, absl::Now());
    if (!loaded.ok()) return loaded.status();
  }
  return AsSeenBy(caller, loaded->conference);
}

absl::Status SchedulingService::UpdateConference(const Caller& caller,
                                                 const v1::UpdateConferenceRequest& req,
                                                 v1::UpdateConferenceResponse& resp) {
  auto changed = ChangeConference(
      caller, req.conference().name(), "conference.name", req.conference().etag(),
      "UpdateConference", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        auto updated = ApplyConferenceUpdate(read.conference, req, server::ActorOf(caller),
                                             IsAgencyCaller(caller), now);
        if (!updated.ok()) return updated.status();
        if (absl::Status s = NameNewParts(&*updated); !s.ok()) return s;
        RefreshTimescales(timescales_, now, &*updated);
        return store_.Replace(caller.tenant, read.version, *updated, key);
      });
  if (!changed.ok()) return changed.status();
  *resp.mutable_conference() = *std::move(changed);
  return absl::OkStatus();
}

absl::Status SchedulingService::TransitionConference(const Caller& caller,
                                                     const v1::TransitionConferenceRequest& req,
                                                     v1::TransitionConferenceResponse& resp) {
  if (absl::Status s = ValidateTransitionRequest(req, absl::Now()); !s.ok()) return s;
  auto changed = ChangeConference(
      caller, req.name(), "name", req.etag(), "TransitionConference", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        const MoveContext context{server::ActorOf(caller), now};
        if (absl::Status s = CheckTransition(read.conference, req, context); !s.ok()) return s;
        std::vector<ConsentVerdict> verdicts;
        if (NeedsConsent(read.conference, req.stage())) {
          auto asked = AskLedgerForConsent(*peers_, caller, read.conference, now);
          if (!asked.ok()) return asked.status();
          verdicts = *std::move(asked);
        }
        auto moved = ApplyTransition(read.conference, req, verdicts, context, timescales_);
        if (!moved.ok()) return moved.status();
        return store_.Replace(caller.tenant, read.version, *moved, key);
      });
  if (!changed.ok()) return changed.status();
  *resp.mutable_conference() = *std::move(changed);
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
